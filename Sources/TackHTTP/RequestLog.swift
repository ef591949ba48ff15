import TackBase

/// `--verbose` request logging: one line per attempt with method, URL, status and duration, like
/// `kubectl -v=6`. Credentials never appear: the lines are built from the method and the URL
/// (user info masked), and header dumps (level 2) mask every header that carries a credential.
public struct RequestLog: Sendable {
  public var level: Int
  let write: @Sendable (String) -> Void

  /// `write` receives whole lines without the newline.
  public init(level: Int = 1, write: @escaping @Sendable (String) -> Void) {
    self.level = level
    self.write = write
  }

  func attempt(method: String, url: String, status: Int?, error: (any Error)?, elapsed: Duration, attempt: Int) {
    let millis = elapsed.wholeMilliseconds
    let retry = attempt > 1 ? " (attempt \(attempt))" : ""
    if let status {
      write("\(method) \(url) \(status) \(Self.reason(status)) in \(millis) milliseconds\(retry)")
    } else {
      let message = error.map { "\($0)" } ?? "no response"
      write("\(method) \(url) failed in \(millis) milliseconds\(retry): \(message)")
    }
  }

  func headers(_ headers: [(name: String, value: String)]) {
    guard level >= 2 else { return }
    for header in headers {
      write("    \(header.name): \(Self.redact(name: header.name, value: header.value))")
    }
  }

  func note(_ text: String) { write(text) }

  static func redact(name: String, value: String) -> String {
    switch name.lowercased() {
    case "authorization", "proxy-authorization":
      let scheme = value.split(separator: " ").first.map(String.init) ?? ""
      return "\(scheme) <masked>"
    case "cookie", "set-cookie", "private-token", "job-token", "x-api-key", "x-auth-token", "x-registry-auth":
      return "<masked>"
    default:
      return value
    }
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 201: "Created"
    case 202: "Accepted"
    case 204: "No Content"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 409: "Conflict"
    case 410: "Gone"
    case 415: "Unsupported Media Type"
    case 422: "Unprocessable Entity"
    case 429: "Too Many Requests"
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    case 504: "Gateway Timeout"
    default: ""
    }
  }
}
