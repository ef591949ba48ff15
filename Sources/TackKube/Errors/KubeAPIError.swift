import TackBase
import TackJSON

/// `metav1.Status.reason`: why the API server refused a request.
public enum StatusReason: Sendable, Hashable, CustomStringConvertible {
  case notFound
  case alreadyExists
  case conflict
  case forbidden
  case unauthorized
  case invalid
  case tooManyRequests
  case gone
  case expired
  case timeout
  case serverTimeout
  case badRequest
  case methodNotAllowed
  case notAcceptable
  case unsupportedMediaType
  case requestEntityTooLarge
  case serviceUnavailable
  case internalError
  /// Any other reason the server sent, or none ("").
  case other(String)

  public init(rawValue: String) {
    switch rawValue {
    case "NotFound": self = .notFound
    case "AlreadyExists": self = .alreadyExists
    case "Conflict": self = .conflict
    case "Forbidden": self = .forbidden
    case "Unauthorized": self = .unauthorized
    case "Invalid": self = .invalid
    case "TooManyRequests": self = .tooManyRequests
    case "Gone": self = .gone
    case "Expired": self = .expired
    case "Timeout": self = .timeout
    case "ServerTimeout": self = .serverTimeout
    case "BadRequest": self = .badRequest
    case "MethodNotAllowed": self = .methodNotAllowed
    case "NotAcceptable": self = .notAcceptable
    case "UnsupportedMediaType": self = .unsupportedMediaType
    case "RequestEntityTooLarge": self = .requestEntityTooLarge
    case "ServiceUnavailable": self = .serviceUnavailable
    case "InternalError": self = .internalError
    default: self = .other(rawValue)
    }
  }

  public var rawValue: String {
    switch self {
    case .notFound: "NotFound"
    case .alreadyExists: "AlreadyExists"
    case .conflict: "Conflict"
    case .forbidden: "Forbidden"
    case .unauthorized: "Unauthorized"
    case .invalid: "Invalid"
    case .tooManyRequests: "TooManyRequests"
    case .gone: "Gone"
    case .expired: "Expired"
    case .timeout: "Timeout"
    case .serverTimeout: "ServerTimeout"
    case .badRequest: "BadRequest"
    case .methodNotAllowed: "MethodNotAllowed"
    case .notAcceptable: "NotAcceptable"
    case .unsupportedMediaType: "UnsupportedMediaType"
    case .requestEntityTooLarge: "RequestEntityTooLarge"
    case .serviceUnavailable: "ServiceUnavailable"
    case .internalError: "InternalError"
    case .other(let text): text
    }
  }

  public var description: String { rawValue }
}

/// A decoded `metav1.Status` (the body of every API error).
public struct KubeStatus: Sendable, Equatable {
  public var code: Int
  public var reason: StatusReason
  public var message: String
  public var details: Details?

  public struct Details: Sendable, Equatable {
    public var name: String?
    public var group: String?
    public var kind: String?
    public var retryAfterSeconds: Int?
    public var causes: [Cause]

    public init(name: String? = nil, group: String? = nil, kind: String? = nil, retryAfterSeconds: Int? = nil, causes: [Cause] = []) {
      self.name = name
      self.group = group
      self.kind = kind
      self.retryAfterSeconds = retryAfterSeconds
      self.causes = causes
    }
  }

  /// One field-level problem of an `Invalid` error.
  public struct Cause: Sendable, Equatable {
    public var reason: String?
    public var message: String?
    public var field: String?

    public init(reason: String? = nil, message: String? = nil, field: String? = nil) {
      self.reason = reason
      self.message = message
      self.field = field
    }
  }

  public init(code: Int, reason: StatusReason, message: String, details: Details? = nil) {
    self.code = code
    self.reason = reason
    self.message = message
    self.details = details
  }

  /// Reads a `Status` object; nil when the JSON is not one (`kind: Status` with a failure).
  public init?(json: JSON) {
    guard json["kind"]?.stringValue == "Status", json["status"]?.stringValue != "Success" else { return nil }
    code = json["code"]?.intValue ?? 0
    reason = StatusReason(rawValue: json["reason"]?.stringValue ?? "")
    message = json["message"]?.stringValue ?? ""
    if let d = json["details"], case .object = d {
      details = Details(
        name: d["name"]?.stringValue, group: d["group"]?.stringValue, kind: d["kind"]?.stringValue,
        retryAfterSeconds: d["retryAfterSeconds"]?.intValue,
        causes: (d["causes"]?.arrayValue ?? []).map {
          Cause(reason: $0["reason"]?.stringValue, message: $0["message"]?.stringValue, field: $0["field"]?.stringValue)
        })
    }
  }
}

/// The API server answered with an error status. `description` is kubectl's rendering:
/// `Error from server (NotFound): kustomizations.kustomize.toolkit.fluxcd.io "x" not found`.
public struct KubeAPIError: TackError, Equatable {
  public var status: KubeStatus
  /// The HTTP method and URL path of the failed request, for `--verbose` and debugging.
  public var method: String
  public var path: String

  public init(status: KubeStatus, method: String, path: String) {
    self.status = status
    self.method = method
    self.path = path
  }

  public var reason: StatusReason { status.reason }
  public var code: Int { status.code }
  public var message: String { status.message }

  public var isNotFound: Bool { reason == .notFound }
  public var isConflict: Bool { reason == .conflict }
  public var isAlreadyExists: Bool { reason == .alreadyExists }
  public var isGone: Bool { reason == .gone || reason == .expired || code == 410 }

  public var exitStatus: ExitStatus { reason == .notFound ? .notFound : .failure }

  public var description: String {
    let message = KubeConfigError.oneLine(status.message)
    switch reason {
    case .other(""): return "Error from server: \(message)"
    default: return "Error from server (\(reason.rawValue)): \(message)"
    }
  }

  /// Builds the error for a non-2xx response: a `Status` body when there is one, else client-go's
  /// generic message for the code (with the body's text for 5xx).
  public static func from(
    statusCode: Int, body: [UInt8], method: String, path: String, resource: String? = nil, name: String? = nil,
    retryAfter: Int? = nil
  ) -> KubeAPIError {
    if let json = try? JSON.parse(body), var status = KubeStatus(json: json) {
      if status.code == 0 { status.code = statusCode }
      if case .other("") = status.reason { status.reason = genericReason(statusCode, method: method) }
      return KubeAPIError(status: status, method: method, path: path)
    }
    let text = String(decoding: body.prefix(4096), as: UTF8.self).trimming(" \n\r\t")
    let reason = genericReason(statusCode, method: method)
    var message: String
    switch statusCode {
    case 409: message = "the server reported a conflict"
    case 404: message = "the server could not find the requested resource"
    case 400: message = "the server rejected our request for an unknown reason"
    case 401: message = "the server has asked for the client to provide credentials"
    case 403: message = "the server does not allow access to the requested resource"
    case 405: message = "the server does not allow this method on the requested resource"
    case 406: message = "the server was unable to respond with a content type that the client supports"
    case 410: message = "the requested resource is no longer available"
    case 413: message = "the server has rejected the request because the request body is too large"
    case 415: message = "the server was unable to respond with a content type that the client supports"
    case 422: message = "the server rejected our request due to an error in our request"
    case 429: message = "the server has received too many requests and has asked us to try again later"
    case 503: message = "the server is currently unable to handle the request"
    case 504:
      message = "the server was unable to return a response in the time allotted, but may still be processing the request"
    default:
      message = "an error on the server (\"\(text.isEmpty ? "unknown" : KubeConfigError.oneLine(text))\") has prevented the request from succeeding"
    }
    if let resource, let name, statusCode == 404 {
      message = "\(resource) \"\(name)\" not found"
    }
    if statusCode >= 500, statusCode != 503, statusCode != 504 {
      // message already includes the body
    } else if !text.isEmpty, statusCode != 404, statusCode < 500, !text.hasPrefix("{"), !text.hasPrefix("<") {
      message += " (\(KubeConfigError.oneLine(String(text.prefix(200)))))"
    }
    var details: KubeStatus.Details?
    if let retryAfter { details = KubeStatus.Details(retryAfterSeconds: retryAfter) }
    return KubeAPIError(
      status: KubeStatus(code: statusCode, reason: reason, message: message, details: details), method: method,
      path: path)
  }

  static func genericReason(_ code: Int, method: String) -> StatusReason {
    switch code {
    case 400: .badRequest
    case 401: .unauthorized
    case 403: .forbidden
    case 404: .notFound
    case 405: .methodNotAllowed
    case 406: .notAcceptable
    case 409: method == "POST" ? .alreadyExists : .conflict
    case 410: .gone
    case 413: .requestEntityTooLarge
    case 415: .unsupportedMediaType
    case 422: .invalid
    case 429: .tooManyRequests
    case 503: .serviceUnavailable
    case 504: .timeout
    case 500...: .internalError
    default: .other("")
    }
  }
}
