/// The parts of an absolute URL the transport needs, without Foundation: scheme, the host as
/// written (IPv6 in brackets), the port, and the request target (path and query).
struct HTTPURL: Equatable {
  var scheme: String
  /// `user:password@`, kept only to be left out of anything printed.
  var userInfo: Substring?
  var host: String
  /// The port written in the URL, if any.
  var explicitPort: Int?
  /// Path and query, `/` when the URL has none; never the fragment.
  var target: String

  init?(_ text: String) {
    guard let separator = text.firstRange(of: "://") else { return nil }
    scheme = text[..<separator.lowerBound].lowercased()
    let rest = text[separator.upperBound...]
    let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
    var authority = rest[..<authorityEnd]
    var tail = rest[authorityEnd...]
    if let fragment = tail.firstIndex(of: "#") { tail = tail[..<fragment] }
    target = tail.isEmpty ? "/" : (tail.hasPrefix("?") ? "/" + tail : String(tail))
    if let at = authority.lastIndex(of: "@") {
      userInfo = authority[..<at]
      authority = authority[authority.index(after: at)...]
    }
    var portText: Substring?
    if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
      host = String(authority[...close])
      let after = authority[authority.index(after: close)...]
      if after.hasPrefix(":") { portText = after.dropFirst() }
    } else if let colon = authority.lastIndex(of: ":") {
      host = String(authority[..<colon])
      portText = authority[authority.index(after: colon)...]
    } else {
      host = String(authority)
    }
    guard !host.isEmpty else { return nil }
    if let portText {
      guard let port = Int(portText), (1...65535).contains(port) else { return nil }
      explicitPort = port
    }
  }

  var isTLS: Bool { scheme == "https" }
  var port: Int { explicitPort ?? (isTLS ? 443 : 80) }
  /// The host without IPv6 brackets (SNI, `CURLOPT_CONNECT_TO`).
  var bareHost: String {
    host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
  }

  /// `scheme://host[:port]`, never the user info.
  var origin: String { "\(scheme)://\(host)" + (explicitPort.map { ":\($0)" } ?? "") }

  /// The URL as error messages show it: no user info, no query (tokens travel in both).
  var withoutQuery: String {
    origin + String(target[..<(target.firstIndex(of: "?") ?? target.endIndex)])
  }

  /// `url` with any `user:password@` masked, for logs; other text comes back unchanged.
  static func redacted(_ url: String) -> String {
    guard let separator = url.firstRange(of: "://") else { return url }
    let rest = url[separator.upperBound...]
    let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
    guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
    return String(url[..<separator.upperBound]) + "REDACTED@" + String(rest[rest.index(after: at)...])
  }
}
