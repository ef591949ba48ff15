/// One HTTP request: any method, an absolute URL, headers and a body.
///
/// ```swift
/// var request = HTTPRequest(method: "POST", url: "https://api.github.com/repos/o/r/keys",
///                           headers: [("Content-Type", "application/json")], body: .bytes(json))
/// request.timeout = .seconds(30)
/// let response = try await client.send(request)
/// ```
///
/// `description` shows the method, URL and headers with credentials masked, never the body.
public struct HTTPRequest: Sendable {
  public var method: String
  /// Absolute `http://` or `https://` URL, with path and query.
  public var url: String
  public var headers: [(name: String, value: String)]
  public var body: HTTPBody?
  /// Time allowed for the request: across every attempt when `HTTPClient` sends it (nil: the
  /// client's default, none for streams), for the one attempt when a transport receives it.
  public var timeout: Duration?
  /// A client certificate and key for this request, instead of the configured one (exec
  /// credential plugins hand them out per request).
  public var clientIdentity: ClientIdentity?
  /// Whether sending it twice is harmless, which decides what `RetryPolicy` retries. By default
  /// from the method: GET, HEAD, OPTIONS, PUT and DELETE are idempotent (RFC 9110 §9.2.2).
  public var safety: RetryPolicy.Safety

  public init(
    method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: HTTPBody? = nil,
    timeout: Duration? = nil, clientIdentity: ClientIdentity? = nil, safety: RetryPolicy.Safety? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.timeout = timeout
    self.clientIdentity = clientIdentity
    self.safety = safety ?? Self.defaultSafety(method)
  }

  static func defaultSafety(_ method: String) -> RetryPolicy.Safety {
    ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"].contains(method.uppercased()) ? .idempotent : .unsafe
  }

  /// The value of the first header with this name (case-insensitive).
  public func header(_ name: String) -> String? {
    let lower = name.lowercased()
    return headers.first { $0.name.lowercased() == lower }?.value
  }

  /// The URL's path and query, as the request line carries it: `/api/v1/pods?limit=500`.
  public var path: String { HTTPURL(url)?.target ?? "" }
}

/// What a request sends.
public enum HTTPBody: Sendable, Equatable {
  /// Bytes in memory; libcurl copies them.
  case bytes([UInt8])
  /// A file read as the transfer sends it, so an upload (a release asset, an image layer) never
  /// has to fit in memory.
  case file(path: String)

  /// The bytes of a `.bytes` body.
  public var bytes: [UInt8]? {
    if case .bytes(let bytes) = self { return bytes }
    return nil
  }
}

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible {
  /// Method, URL and headers with credential values masked; never the body.
  public var description: String {
    let shown = headers.map { "\($0.name): \(RequestLog.redact(name: $0.name, value: $0.value))" }
    let size: String
    switch body {
    case nil: size = "0 bytes"
    case .bytes(let bytes): size = "\(bytes.count) bytes"
    case .file(let path): size = "file \(path)"
    }
    return "HTTPRequest(\(method) \(HTTPURL.redacted(url)), headers: [\(shown.joined(separator: ", "))], body: \(size))"
  }
  public var debugDescription: String { description }
}
