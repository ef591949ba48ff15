/// A Git remote address taken apart as it is written, before any caller's rules: the one lexer
/// behind ``GitURL`` (what tack clones and pushes) and bootstrap's `RepositoryURL` (what `--url`
/// says, shaped into the cluster's sync URL). Each decides which schemes it takes and words its own
/// errors; user and password stay as written (percent-encoded), for the caller to decode or not.
public enum GitAddress {
  /// `[user[:password]@]host[:port]` and the path after it.
  public struct Authority: Sendable, Equatable {
    public var user: String?
    public var password: String?
    /// Host name or address, IPv6 without brackets.
    public var host: String
    public var port: Int?
    /// From the first `/` on (empty when there is none).
    public var path: String
  }

  /// What is wrong with an authority.
  public enum Problem: Error, Equatable, Sendable {
    /// `[` without `]`.
    case malformedIPv6
    /// Not a number from 1 to 65535.
    case invalidPort(String)
    case noHost
  }

  /// `scheme` (lowercased) and what follows `://`, when `text` has that form.
  public static func scheme(of text: String) -> (scheme: String, rest: Substring)? {
    guard let marker = text.firstRange(of: "://") else { return nil }
    return (text[..<marker.lowerBound].lowercased(), text[marker.upperBound...])
  }

  /// The authority and path of what follows `scheme://`.
  public static func authority(_ rest: Substring) throws(Problem) -> Authority {
    let slash = rest.firstIndex(of: "/") ?? rest.endIndex
    var authority = rest[..<slash]
    var user: String?
    var password: String?
    if let at = authority.lastIndex(of: "@") {
      let info = authority[..<at]
      if let colon = info.firstIndex(of: ":") {
        user = String(info[..<colon])
        password = String(info[info.index(after: colon)...])
      } else {
        user = String(info)
      }
      authority = authority[authority.index(after: at)...]
    }
    var host = String(authority)
    var portText: Substring?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { throw .malformedIPv6 }
      host = String(authority[authority.index(after: authority.startIndex)..<close])
      let after = authority[authority.index(after: close)...]
      if after.hasPrefix(":") { portText = after.dropFirst() }
    } else if let colon = authority.lastIndex(of: ":") {
      host = String(authority[..<colon])
      portText = authority[authority.index(after: colon)...]
    }
    var port: Int?
    if let portText {
      guard let value = Int(portText), (1...65535).contains(value) else { throw .invalidPort(String(portText)) }
      port = value
    }
    guard !host.isEmpty else { throw .noHost }
    return Authority(user: user, password: password, host: host, port: port, path: String(rest[slash...]))
  }

  /// `[user@]host:path` (scp's form, which git reads as SSH) when the part before the first colon
  /// has no slash and `text` does not start with `/` or `.`; the host loses any brackets. Host and
  /// path may be empty: the caller says why that is wrong.
  public static func scpLike(_ text: String) -> (user: String?, host: String, path: String)? {
    guard let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/"), !text.hasPrefix("/"),
      !text.hasPrefix(".")
    else { return nil }
    var host = text[..<colon]
    var user: String?
    if let at = host.lastIndex(of: "@") {
      user = String(host[..<at])
      host = host[host.index(after: at)...]
    }
    if host.hasPrefix("[") && host.hasSuffix("]") { host = host.dropFirst().dropLast() }
    return (user, String(host), String(text[text.index(after: colon)...]))
  }

  /// A URL text with any `user:password@` cut down to `user@`, safe to print. The password is cut
  /// where `authority` finds it (up to the last `@` before the first `/`): the message redactor
  /// also ends a URL at a quote or a space, so a password holding one would slip past it.
  public static func redacted(_ text: String) -> String {
    if let (_, rest) = scheme(of: text) {
      let authority = rest[..<(rest.firstIndex(of: "/") ?? rest.endIndex)]
      if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
        return GitSecretRedactor.stripUserInfoPasswords(String(text[..<colon] + text[at...]))
      }
    }
    return GitSecretRedactor.stripUserInfoPasswords(text)
  }
}
