import TackBase
import TackJSON

/// A failure the API server answers with a `Status` body, worded as kube-apiserver words it.
///
/// The in-process API throws the same errors the HTTP API returns, so a controller double sees
/// exactly what a client would.
public struct APIError: Error, Sendable, CustomStringConvertible {
  public var code: Int
  public var reason: String
  public var message: String
  /// `details` of the Status (name, group, kind, causes, retryAfterSeconds), if any.
  public var details: JSON?
  /// Extra response headers (e.g. `Retry-After`).
  public var headers: [(String, String)] = []
  /// `metadata` of the Status (a 410 for an expired `continue` carries a fresh token here).
  public var statusMetadata: JSONObject = [:]

  public init(code: Int, reason: String, message: String, details: JSON? = nil) {
    self.code = code
    self.reason = reason
    self.message = message
    self.details = details
  }

  public var description: String { "\(code) \(reason): \(message)" }

  /// The `Status` object as the server sends it.
  public var status: JSON {
    var object: JSONObject = [
      "kind": "Status", "apiVersion": "v1", "metadata": .object(statusMetadata), "status": "Failure",
    ]
    if !message.isEmpty { object["message"] = .string(message) }
    if !reason.isEmpty { object["reason"] = .string(reason) }
    if let details { object["details"] = details }
    object["code"] = .int(code)
    return .object(object)
  }

  /// `<plural>.<group>` or just `<plural>` for the core group (what messages call a resource).
  static func qualified(_ resource: String, _ group: String) -> String {
    group.isEmpty ? resource : "\(resource).\(group)"
  }

  static func details(name: String?, group: String, kind: String, extra: JSONObject = [:]) -> JSON {
    var object = JSONObject()
    if let name, !name.isEmpty { object["name"] = .string(name) }
    if !group.isEmpty { object["group"] = .string(group) }
    if !kind.isEmpty { object["kind"] = .string(kind) }
    for member in extra { object[member.key] = member.value }
    return .object(object)
  }

  public static func notFound(resource: String, group: String, name: String) -> APIError {
    APIError(
      code: 404, reason: "NotFound", message: "\(qualified(resource, group)) \"\(name)\" not found",
      details: details(name: name, group: group, kind: resource))
  }

  /// A path that names no resource at all.
  public static func pathNotFound() -> APIError {
    APIError(
      code: 404, reason: "NotFound", message: "the server could not find the requested resource",
      details: .object([:]))
  }

  public static func alreadyExists(resource: String, group: String, name: String) -> APIError {
    APIError(
      code: 409, reason: "AlreadyExists",
      message: "\(qualified(resource, group)) \"\(name)\" already exists",
      details: details(name: name, group: group, kind: resource))
  }

  /// A stale `resourceVersion` on update.
  public static func conflict(resource: String, group: String, name: String, detail: String) -> APIError {
    APIError(
      code: 409, reason: "Conflict",
      message: "Operation cannot be fulfilled on \(qualified(resource, group)) \"\(name)\": \(detail)",
      details: details(name: name, group: group, kind: resource))
  }

  static let staleObject = "the object has been modified; please apply your changes to the latest version and try again"

  public static func invalid(kind: String, group: String, name: String, causes: [FieldError]) -> APIError {
    let qualifiedKind = group.isEmpty ? kind : "\(kind).\(group)"
    var unique: [String] = []
    for cause in causes where !unique.contains(cause.text) { unique.append(cause.text) }
    let aggregate = unique.count == 1 ? unique[0] : "[" + unique.joined(separator: ", ") + "]"
    let message =
      unique.isEmpty
      ? "\(qualifiedKind) \"\(name)\" is invalid" : "\(qualifiedKind) \"\(name)\" is invalid: \(aggregate)"
    let causeList: [JSON] = causes.map {
      .object(["reason": .string($0.type.causeType), "message": .string($0.body), "field": .string($0.field)])
    }
    return APIError(
      code: 422, reason: "Invalid", message: message,
      details: details(name: name, group: group, kind: kind, extra: ["causes": .array(causeList)]))
  }

  public static func badRequest(_ message: String) -> APIError {
    APIError(code: 400, reason: "BadRequest", message: message)
  }

  public static func methodNotAllowed(_ message: String = "the server does not allow this method on the requested resource") -> APIError {
    APIError(code: 405, reason: "MethodNotAllowed", message: message, details: .object([:]))
  }

  public static func unsupportedMediaType(_ contentType: String, accepted: [String]) -> APIError {
    APIError(
      code: 415, reason: "UnsupportedMediaType",
      message: "the body of the request was in an unknown format - accepted media types include: "
        + accepted.joined(separator: ", "),
      details: .object([:]))
  }

  public static func notAcceptable(accepted: [String]) -> APIError {
    APIError(
      code: 406, reason: "NotAcceptable",
      message: "only the following media types are accepted: " + accepted.joined(separator: ", "))
  }

  public static let unauthorized = APIError(code: 401, reason: "Unauthorized", message: "Unauthorized")

  public static func forbidden(
    user: String, verb: String, resource: String, group: String, name: String?, namespace: String?,
    subresource: String? = nil
  ) -> APIError {
    let target = name.map { "\(qualified(resource, group)) \"\($0)\"" } ?? qualified(resource, group)
    let scope = namespace.map { "in the namespace \"\($0)\"" } ?? "at the cluster scope"
    let what = subresource.map { "\(resource)/\($0)" } ?? resource
    return APIError(
      code: 403, reason: "Forbidden",
      message:
        "\(target) is forbidden: User \"\(user)\" cannot \(verb) resource \"\(what)\" in API group \"\(group)\" \(scope)",
      details: details(name: name, group: group, kind: resource))
  }

  public static func forbiddenPath(user: String, verb: String, path: String) -> APIError {
    APIError(
      code: 403, reason: "Forbidden",
      message: "forbidden: User \"\(user)\" cannot \(verb) path \"\(path)\"", details: .object([:]))
  }

  /// 410 for a resourceVersion older than the watch history.
  public static func expired(_ message: String) -> APIError {
    APIError(code: 410, reason: "Expired", message: message)
  }

  public static func gone(_ message: String) -> APIError {
    APIError(code: 410, reason: "Gone", message: message)
  }

  public static func tooLargeResourceVersion(requested: UInt64, current: UInt64) -> APIError {
    APIError(
      code: 504, reason: "Timeout",
      message: "Timeout: Too large resource version: \(requested), current: \(current)",
      details: .object([
        "causes": [["reason": "ResourceVersionTooLarge", "message": "Too large resource version"]],
        "retryAfterSeconds": 1,
      ]))
  }

  public static func internalError(_ message: String) -> APIError {
    APIError(
      code: 500, reason: "InternalError",
      message: "Internal error occurred: \(message)",
      details: .object(["causes": [["message": .string(message)]]]))
  }

  public static func serviceUnavailable(_ message: String) -> APIError {
    APIError(code: 503, reason: "ServiceUnavailable", message: message)
  }

  public static func tooManyRequests(retryAfter: Int) -> APIError {
    var error = APIError(
      code: 429, reason: "TooManyRequests",
      message: "Too many requests, please try again later.",
      details: .object(["retryAfterSeconds": .int(retryAfter)]))
    error.headers = [("Retry-After", String(retryAfter))]
    return error
  }
}

/// One field-level validation failure (`field.Error` in k8s.io/apimachinery).
public struct FieldError: Sendable, Equatable {
  public enum ErrorType: Sendable, Equatable {
    case required, invalid, typeInvalid, notSupported, duplicate, tooLong, tooMany, forbidden

    var causeType: String {
      switch self {
      case .required: "FieldValueRequired"
      case .invalid: "FieldValueInvalid"
      case .typeInvalid: "FieldValueTypeInvalid"
      case .notSupported: "FieldValueNotSupported"
      case .duplicate: "FieldValueDuplicate"
      case .tooLong: "FieldValueTooLong"
      case .tooMany: "FieldValueTooMany"
      case .forbidden: "FieldValueForbidden"
      }
    }

    var title: String {
      switch self {
      case .required: "Required value"
      case .invalid, .typeInvalid: "Invalid value"
      case .notSupported: "Unsupported value"
      case .duplicate: "Duplicate value"
      case .tooLong: "Too long"
      case .tooMany: "Too many"
      case .forbidden: "Forbidden"
      }
    }
  }

  public var type: ErrorType
  public var field: String
  /// The offending value, already rendered as Go's `%q`/`%v` would (nil: not shown).
  public var value: String?
  public var detail: String

  public init(_ type: ErrorType, field: String, value: String? = nil, detail: String = "") {
    self.type = type
    self.field = field
    self.value = value
    self.detail = detail
  }

  /// `ErrorBody()`: the message without the field path.
  public var body: String {
    var text = type.title
    switch type {
    case .required, .forbidden, .tooLong: break
    default: if let value { text += ": " + value }
    }
    if !detail.isEmpty { text += ": " + detail }
    return text
  }

  /// `<field>: <body>`
  public var text: String { "\(field): \(body)" }

  /// Renders a JSON value as Go's field errors print a `BadValue`.
  public static func render(_ value: JSON?) -> String {
    guard let value else { return "\"\"" }
    switch value {
    case .null: return "\"null\""
    case .string(let s): return goQuote(s)
    case .number(let n): return n
    case .bool(let b): return b ? "true" : "false"
    case .array, .object: return goValue(value)
    }
  }

  /// Go's `%#v` of decoded JSON (maps and slices), which field errors print for composite values.
  static func goValue(_ value: JSON) -> String {
    switch value {
    case .null: return "interface {}(nil)"
    case .string(let s): return goQuote(s)
    case .number(let n): return n.contains(where: { ".eE".contains($0) }) ? n : "\(n)"
    case .bool(let b): return b ? "true" : "false"
    case .array(let items): return "[]interface {}{" + items.map(goValue).joined(separator: ", ") + "}"
    case .object(let object):
      return "map[string]interface {}{"
        + object.sortedMembers.map { "\(goQuote($0.key)):\(goValue($0.value))" }.joined(separator: ", ") + "}"
    }
  }

  /// Go's `%q` for ordinary text.
  public static func goQuote(_ text: String) -> String { GoQuote.quoted(text) }
}
