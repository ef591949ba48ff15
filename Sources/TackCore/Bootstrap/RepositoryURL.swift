import TackBase
import TackGit

/// `--url` taken apart for the shaping rules of the sync URL (see ``SyncURL``). Accepts
/// `ssh://`, `https://`, `http://`, `file://` and scp-like `user@host:path`. A password in the URL
/// is kept apart and never appears in ``string``.
public struct RepositoryURL: Sendable, Equatable, CustomStringConvertible {
  public var scheme: String
  public var user: String?
  public var password: String?
  /// Host name or address (IPv6 without brackets); empty for `file`.
  public var host: String
  public var port: Int?
  /// Path including its leading `/` (a local path for `file`).
  public var path: String
  /// Written as `user@host:path` on the command line.
  public var isSCPLike: Bool

  public init(
    scheme: String, user: String? = nil, password: String? = nil, host: String, port: Int? = nil,
    path: String, isSCPLike: Bool = false
  ) {
    self.scheme = scheme
    self.user = user
    self.password = password
    self.host = host
    self.port = port
    self.path = path
    self.isSCPLike = isSCPLike
  }

  public static func parse(_ text: String) throws(BootstrapError) -> RepositoryURL {
    let text = text.trimming(" \t\n")
    guard !text.isEmpty else {
      throw .usage("--url is required: the Git repository to bootstrap (ssh://, https:// or file://)")
    }
    if case let (scheme, rest)? = GitAddress.scheme(of: text) {
      switch scheme {
      case "file":
        guard !rest.isEmpty else { throw .usage("--url \(text): a file:// URL needs a path") }
        return RepositoryURL(scheme: "file", host: "", path: String(rest))
      case "ssh", "https", "http":
        do {
          let authority = try GitAddress.authority(rest)
          return RepositoryURL(
            scheme: scheme, user: authority.user, password: authority.password, host: authority.host,
            port: authority.port, path: authority.path)
        } catch {
          switch error {
          case .malformedIPv6: throw .usage("--url \(redacted(text)): malformed IPv6 host")
          case .invalidPort(let port): throw .usage("--url \(redacted(text)): invalid port \"\(port)\"")
          case .noHost: throw .usage("--url \(redacted(text)) has no host")
          }
        }
      default:
        throw .usage("--url \(redacted(text)): scheme \"\(scheme)\" is not supported; use ssh://, https:// or file://")
      }
    }
    if let scp = GitAddress.scpLike(text) {
      guard !scp.host.isEmpty, !scp.path.isEmpty else { throw .usage("--url \(text) is not a valid Git URL") }
      return RepositoryURL(
        scheme: "ssh", user: scp.user, host: scp.host, path: scp.path.hasPrefix("/") ? scp.path : "/" + scp.path,
        isSCPLike: true)
    }
    throw .usage(
      "--url \(text) is not a URL; use ssh://git@host/org/repo, https://host/org/repo or file:///path/to/repo")
  }

  /// A URL text with any `user:password@` cut down to `user@`.
  public static func redacted(_ text: String) -> String { GitAddress.redacted(text) }

  var hostForURL: String { host.contains(":") ? "[\(host)]" : host }

  /// The URL without any password (safe to print and to store in a GitRepository).
  public var string: String {
    if scheme == "file" { return "file://" + path }
    let userPart = user.map { $0 + "@" } ?? ""
    let portPart = port.map { ":\($0)" } ?? ""
    return "\(scheme)://\(userPart)\(hostForURL)\(portPart)\(path)"
  }

  public var description: String { string }

  /// `host` or `host:port` (with brackets for IPv6), as known_hosts and flux's messages name it.
  public var hostAndPort: String { port.map { "\(hostForURL):\($0)" } ?? hostForURL }
}

/// The URL the cluster clones, shaped from `--url` as flux shapes it (flux-cli reference §4.2):
/// token auth keeps HTTP(S) and drops any user; SSH auth switches to `ssh://<username>@host/path`.
public enum SyncURL {
  public static func shape(
    _ url: RepositoryURL, tokenAuth: Bool, username: String, allowInsecureHTTP: Bool, sshHostname: String?
  ) -> String {
    var shaped = url
    shaped.password = nil
    shaped.isSCPLike = false
    guard url.scheme != "file" else { return url.string }
    if tokenAuth {
      // Don't carry an SSH port over to HTTPS.
      if url.scheme != "https" && url.scheme != "http" { shaped.port = nil }
      shaped.user = nil
      if !allowInsecureHTTP { shaped.scheme = "https" }
    } else {
      if url.user == nil || username != "git" { shaped.user = username }
      shaped.scheme = "ssh"
      if let sshHostname, !sshHostname.isEmpty {
        // --ssh-hostname may carry a port: "ssh.example.com:2222".
        if let parsed = try? RepositoryURL.parse("ssh://" + sshHostname + "/") {
          shaped.host = parsed.host
          shaped.port = parsed.port
        } else {
          shaped.host = sshHostname
          shaped.port = nil
        }
      }
    }
    return shaped.string
  }

  /// URL schemes a GitRepository accepts (its CRD's `spec.url` pattern).
  public static let clusterSchemes: Set<String> = ["http", "https", "ssh"]
}
