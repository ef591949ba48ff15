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
    if case let (scheme, rest)? = GitAddress.scheme(of: text) {
      let transport: Transport
      switch scheme {
      case "file":
        return GitURL(
          transport: .file, username: nil, host: nil, port: nil, path: String(rest), password: nil,
          isSCPLike: false)
      case "ssh", "git+ssh", "ssh+git": transport = .ssh
      case "https": transport = .https
      case "http": transport = .http
      default:
        throw GitError(
          .invalidURL,
          "scheme \"\(scheme)\" is not supported in Git URL \(GitAddress.redacted(text)); use ssh://, https:// or file://")
      }
      let authority: GitAddress.Authority
      do {
        authority = try GitAddress.authority(rest)
      } catch {
        switch error {
        case .malformedIPv6: throw GitError(.invalidURL, "malformed Git URL \(GitAddress.redacted(text))")
        case .invalidPort: throw GitError(.invalidURL, "invalid port in Git URL \(GitAddress.redacted(text))")
        case .noHost: throw GitError(.invalidURL, "Git URL \(GitAddress.redacted(text)) has no host")
        }
      }
      return GitURL(
        transport: transport, username: authority.user.map { PercentEncoding.decode($0) }, host: authority.host,
        port: authority.port, path: authority.path, password: authority.password.map { PercentEncoding.decode($0) },
        isSCPLike: false)
    }
    if let scp = GitAddress.scpLike(text) {
      guard !scp.host.isEmpty, !scp.path.isEmpty else {
        throw GitError(.invalidURL, "malformed Git URL \(GitAddress.redacted(text))")
      }
      return GitURL(
        transport: .ssh, username: scp.user, host: scp.host, port: nil, path: scp.path, password: nil,
        isSCPLike: true)
    }
    return GitURL(
      transport: .file, username: nil, host: nil, port: nil, path: text, password: nil,
      isSCPLike: false)
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
