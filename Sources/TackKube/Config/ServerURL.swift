import TackBase

/// An API server address split into what the transport needs. Accepts what kubectl accepts:
/// `https://host:port/prefix`, `http://host`, or a bare `host:port` (https assumed).
public struct ServerURL: Sendable, Equatable, CustomStringConvertible {
  public var scheme: String
  /// Host as written in a URL (IPv6 in brackets).
  public var host: String
  public var port: Int
  /// A path prefix the server is mounted under, without a trailing slash ("" for none).
  public var basePath: String

  public init(scheme: String, host: String, port: Int, basePath: String = "") {
    self.scheme = scheme
    self.host = host
    self.port = port
    self.basePath = basePath
  }

  public enum ParseError: Error, Equatable {
    case invalid(String)
  }

  public init(parsing text: String) throws(ParseError) {
    var rest = Substring(text.trimming(" "))
    guard !rest.isEmpty else { throw .invalid("it is empty") }
    if let range = rest.range(of: "://") {
      scheme = rest[..<range.lowerBound].lowercased()
      rest = rest[range.upperBound...]
    } else {
      scheme = "https"
    }
    guard scheme == "https" || scheme == "http" else {
      throw .invalid("scheme \"\(scheme)\" is not http or https")
    }
    let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
    var authority = rest[..<authorityEnd]
    var path = String(rest[authorityEnd...])
    if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
    while path.hasSuffix("/") { path.removeLast() }
    basePath = path
    if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
    guard !authority.isEmpty else { throw .invalid("it has no host") }
    var hostPart: Substring
    var portPart: Substring?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { throw .invalid("unclosed [ in host") }
      hostPart = authority[...close]
      let after = authority[authority.index(after: close)...]
      if after.hasPrefix(":") { portPart = after.dropFirst() } else if !after.isEmpty {
        throw .invalid("unexpected text after the IPv6 address")
      }
    } else if let colon = authority.lastIndex(of: ":") {
      hostPart = authority[..<colon]
      portPart = authority[authority.index(after: colon)...]
    } else {
      hostPart = authority
    }
    guard !hostPart.isEmpty, !hostPart.contains(" ") else {
      throw .invalid("it has no host")
    }
    host = String(hostPart)
    if let portPart {
      guard let value = Int(portPart), (1...65535).contains(value) else {
        throw .invalid("port \"\(portPart)\" is not a number between 1 and 65535")
      }
      port = value
    } else {
      port = scheme == "https" ? 443 : 80
    }
  }

  public var isTLS: Bool { scheme == "https" }

  /// `host:port` as used in `Host` headers and cache directory names.
  public var hostPort: String { "\(host):\(port)" }

  /// The host without IPv6 brackets (for SNI/`CURLOPT_CONNECT_TO`).
  public var bareHost: String {
    host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
  }

  /// The full URL of an API path (which starts with `/`, and may carry a query).
  public func url(for path: String) -> String { "\(scheme)://\(host):\(port)\(basePath)\(path)" }

  public var description: String { "\(scheme)://\(host):\(port)\(basePath)" }
}
