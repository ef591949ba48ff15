import TackBase

/// A remote repository address, classified by transport, with any password taken out.
///
/// Accepts what flux and git accept: `file://` URLs and local paths, `ssh://[user@]host[:port]/path`
/// (also `git+ssh://`), scp-like `[user@]host:path`, `https://` and `http://`.
public struct GitURL: Sendable, Equatable, CustomStringConvertible {
  public enum Transport: String, Sendable {
    case file, ssh, https, http
  }

  public let transport: Transport
  /// User name from the URL (`git` in `git@github.com:org/repo`), if any.
  public let username: String?
  /// Host name or IP address (without brackets); nil for `file`.
  public let host: String?
  /// Port from the URL; nil means the transport's default.
  public let port: Int?
  /// The path part (a local path for `file`).
  public let path: String
  /// Password found in the URL's user info; never shown, only used as a credential.
  let password: String?
  /// True for the scp-like form `user@host:path`.
  public let isSCPLike: Bool

  public static func parse(_ text: String) throws(GitError) -> GitURL {
    let text = text.trimmingWhitespace()
    guard !text.isEmpty else { throw GitError(.invalidURL, "the Git repository URL is empty") }
    if let schemeEnd = text.firstRange(of: "://") {
      let scheme = text[..<schemeEnd.lowerBound].lowercased()
      let rest = String(text[schemeEnd.upperBound...])
      switch scheme {
      case "file":
        return GitURL(
          transport: .file, username: nil, host: nil, port: nil, path: rest, password: nil,
          isSCPLike: false)
      case "ssh", "git+ssh", "ssh+git":
        return try parseAuthority(rest, transport: .ssh, original: text)
      case "https":
        return try parseAuthority(rest, transport: .https, original: text)
      case "http":
        return try parseAuthority(rest, transport: .http, original: text)
      default:
        throw GitError(
          .invalidURL,
          "scheme \"\(scheme)\" is not supported in Git URL \(redact(text)); use ssh://, https:// or file://")
      }
    }
    // scp-like: [user@]host:path, where the part before the first ':' has no '/'.
    if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/"),
      text.first != "/", text.first != "."
    {
      var hostPart = String(text[..<colon])
      let path = String(text[text.index(after: colon)...])
      var user: String?
      if let at = hostPart.lastIndex(of: "@") {
        user = String(hostPart[..<at])
        hostPart = String(hostPart[hostPart.index(after: at)...])
      }
      if hostPart.hasPrefix("[") && hostPart.hasSuffix("]") {
        hostPart = String(hostPart.dropFirst().dropLast())
      }
      guard !hostPart.isEmpty, !path.isEmpty else {
        throw GitError(.invalidURL, "malformed Git URL \(redact(text))")
      }
      return GitURL(
        transport: .ssh, username: user, host: hostPart, port: nil, path: path, password: nil,
        isSCPLike: true)
    }
    return GitURL(
      transport: .file, username: nil, host: nil, port: nil, path: text, password: nil,
      isSCPLike: false)
  }

  private static func parseAuthority(_ rest: String, transport: Transport, original: String)
    throws(GitError) -> GitURL
  {
    let slash = rest.firstIndex(of: "/") ?? rest.endIndex
    var authority = String(rest[..<slash])
    let path = String(rest[slash...])
    var user: String?
    var password: String?
    if let at = authority.lastIndex(of: "@") {
      let info = authority[..<at]
      if let colon = info.firstIndex(of: ":") {
        user = percentDecoded(String(info[..<colon]))
        password = percentDecoded(String(info[info.index(after: colon)...]))
      } else {
        user = percentDecoded(String(info))
      }
      authority = String(authority[authority.index(after: at)...])
    }
    var host = authority
    var port: Int?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else {
        throw GitError(.invalidURL, "malformed Git URL \(redact(original))")
      }
      host = String(authority[authority.index(after: authority.startIndex)..<close])
      let after = authority[authority.index(after: close)...]
      if after.hasPrefix(":") { port = Int(after.dropFirst()) }
    } else if let colon = authority.lastIndex(of: ":") {
      host = String(authority[..<colon])
      let portText = authority[authority.index(after: colon)...]
      guard let value = Int(portText), (1...65535).contains(value) else {
        throw GitError(.invalidURL, "invalid port in Git URL \(redact(original))")
      }
      port = value
    }
    guard !host.isEmpty else { throw GitError(.invalidURL, "Git URL \(redact(original)) has no host") }
    return GitURL(
      transport: transport, username: user, host: host, port: port, path: path,
      password: password, isSCPLike: false)
  }

  /// The address handed to libgit2: no password (credentials go through the callback).
  var libgit2URL: String {
    switch transport {
    case .file: return path.hasPrefix("/") ? "file://" + path : path
    case .ssh, .https, .http:
      if isSCPLike {
        let userPart = username.map { $0 + "@" } ?? ""
        return userPart + hostForURL + ":" + path
      }
      let scheme = transport.rawValue
      let userPart = username.map { percentEncodedUser($0) + "@" } ?? ""
      let portPart = port.map { ":\($0)" } ?? ""
      return "\(scheme)://\(userPart)\(hostForURL)\(portPart)\(path)"
    }
  }

  private var hostForURL: String {
    guard let host else { return "" }
    return host.contains(":") ? "[\(host)]" : host
  }

  /// The port the connection goes to.
  public var effectivePort: Int {
    if let port { return port }
    switch transport {
    case .ssh: return 22
    case .https: return 443
    case .http: return 80
    case .file: return 0
    }
  }

  /// Safe to print: no password.
  public var description: String { libgit2URL }

  /// A URL text with any `user:password@` reduced to `user@`.
  static func redact(_ text: String) -> String { GitSecretRedactor.stripUserInfoPasswords(text) }

  private static func percentDecoded(_ text: String) -> String {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "%"), utf8.count >= 2,
        let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private func percentEncodedUser(_ user: String) -> String {
    var out = ""
    for byte in user.utf8 {
      let c = Character(Unicode.Scalar(byte))
      if c.isLetter || c.isNumber || "-._~".contains(c), byte < 128 {
        out.append(c)
      } else {
        out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return out
  }
}
