import TackBase

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
    if let marker = text.firstRange(of: "://") {
      let scheme = text[..<marker.lowerBound].lowercased()
      let rest = text[marker.upperBound...]
      switch scheme {
      case "file":
        guard !rest.isEmpty else { throw .usage("--url \(text): a file:// URL needs a path") }
        return RepositoryURL(scheme: "file", host: "", path: String(rest))
      case "ssh", "https", "http":
        return try parseAuthority(rest, scheme: scheme, original: text)
      default:
        throw .usage("--url \(redacted(text)): scheme \"\(scheme)\" is not supported; use ssh://, https:// or file://")
      }
    }
    if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/"), !text.hasPrefix("/"), !text.hasPrefix(".")
    {
      var host = String(text[..<colon])
      var user: String?
      if let at = host.lastIndex(of: "@") {
        user = String(host[..<at])
        host = String(host[host.index(after: at)...])
      }
      let path = String(text[text.index(after: colon)...])
      guard !host.isEmpty, !path.isEmpty else { throw .usage("--url \(text) is not a valid Git URL") }
      return RepositoryURL(
        scheme: "ssh", user: user, host: host, path: path.hasPrefix("/") ? path : "/" + path, isSCPLike: true)
    }
    throw .usage(
      "--url \(text) is not a URL; use ssh://git@host/org/repo, https://host/org/repo or file:///path/to/repo")
  }

  static func parseAuthority(_ rest: Substring, scheme: String, original: String) throws(BootstrapError)
    -> RepositoryURL
  {
    let slash = rest.firstIndex(of: "/") ?? rest.endIndex
    var authority = rest[..<slash]
    let path = String(rest[slash...])
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
    var port: Int?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else {
        throw .usage("--url \(redacted(original)): malformed IPv6 host")
      }
      host = String(authority[authority.index(after: authority.startIndex)..<close])
      let after = authority[authority.index(after: close)...]
      if after.hasPrefix(":") { port = try parsePort(after.dropFirst(), original) }
    } else if let colon = authority.lastIndex(of: ":") {
      host = String(authority[..<colon])
      port = try parsePort(authority[authority.index(after: colon)...], original)
    }
    guard !host.isEmpty else { throw .usage("--url \(redacted(original)) has no host") }
    return RepositoryURL(scheme: scheme, user: user, password: password, host: host, port: port, path: path)
  }

  static func parsePort(_ text: Substring, _ original: String) throws(BootstrapError) -> Int {
    guard let port = Int(text), (1...65535).contains(port) else {
      throw .usage("--url \(redacted(original)): invalid port \"\(text)\"")
    }
    return port
  }

  /// A URL text with any `user:password@` cut down to `user@`.
  public static func redacted(_ text: String) -> String {
    guard let marker = text.firstRange(of: "://") else { return text }
    let rest = text[marker.upperBound...]
    let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
    guard let at = rest[..<authorityEnd].lastIndex(of: "@"),
      let colon = rest[..<at].firstIndex(of: ":")
    else { return text }
    return String(text[..<colon]) + String(rest[at...])
  }

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
