#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Where a repository lives and how to reach it: the URL, the credentials and what to trust.
public struct GitRemote: Sendable {
  public var url: GitURL
  public var authentication: GitAuthentication
  /// SSH: which host keys to accept.
  public var hostKeys: SSHHostKeyPolicy
  /// HTTPS: which certificate authorities to trust.
  public var trust: TLSTrust
  /// Plain `http://` is refused unless this is set (flux's `--allow-insecure-http`).
  public var allowInsecureHTTP: Bool
  /// How long connecting, waiting for the server and a whole fetch or push may take.
  public var timeouts = GitTimeouts()

  /// - Parameter url: any form `GitURL.parse` accepts. A password in the URL is used as the basic
  ///   auth password when `authentication` is `.none`, and is never passed to libgit2 in the URL.
  public init(
    url: String,
    authentication: GitAuthentication = .none,
    hostKeys: SSHHostKeyPolicy = .userKnownHosts,
    trust: TLSTrust = .system,
    allowInsecureHTTP: Bool = false
  ) throws(GitError) {
    self.url = try GitURL.parse(url)
    if case .none = authentication, let password = self.url.password, let user = self.url.username {
      self.authentication = .basic(username: user, password: password)
    } else {
      self.authentication = authentication
    }
    self.hostKeys = hostKeys
    self.trust = trust
    self.allowInsecureHTTP = allowInsecureHTTP
  }

  /// Refuses combinations that would send credentials in the clear or cannot work.
  func validate() throws(GitError) {
    if url.transport == .http && !allowInsecureHTTP {
      throw GitError(
        .insecureHTTP,
        "refusing plain HTTP for \(url): use an https:// URL or allow insecure HTTP (--allow-insecure-http)")
    }
    switch (authentication, url.transport) {
    case (.sshKey, .https), (.sshKey, .http), (.sshAgent, .https), (.sshAgent, .http):
      throw GitError(.invalidURL, "an SSH key cannot be used with \(url); use an ssh:// URL")
    case (.basic, .ssh), (.bearerToken, .ssh):
      throw GitError(
        .invalidURL,
        "username/password or token authentication cannot be used with \(url); use an https:// URL")
    default: break
    }
  }

  var redactor: GitSecretRedactor {
    var secrets: [String] = []
    if let password = url.password { secrets.append(password) }
    switch authentication {
    case .basic(_, let password): secrets.append(password)
    case .bearerToken(let token): secrets.append(token)
    case .sshKey(_, let key, let passphrase):
      if let passphrase { secrets.append(passphrase) }
      if case .openSSH(let text) = key { secrets.append(text) }
    case .none, .sshAgent: break
    }
    return GitSecretRedactor(secrets: secrets)
  }
}

/// How tack proves who it is to the Git server.
public enum GitAuthentication: Sendable {
  /// Anonymous (public HTTPS, local files).
  case none
  /// HTTPS basic authentication, sent only after the server asks.
  case basic(username: String, password: String)
  /// HTTPS `Authorization: Bearer <token>` header on every request (flux's `--with-bearer-token`).
  case bearerToken(String)
  /// An SSH private key; `username` defaults to the URL's user, else `git`.
  case sshKey(username: String?, key: SSHPrivateKeySource, passphrase: String?)
  /// Keys from the running SSH agent (`SSH_AUTH_SOCK`).
  case sshAgent(username: String?)
}

/// Where an SSH private key comes from.
public enum SSHPrivateKeySource: Sendable {
  /// A key file on disk (OpenSSH or PEM format), read by libssh2 itself.
  case file(path: String)
  /// The key text (OpenSSH or PEM format), handed to libssh2 in memory; never written to disk.
  case openSSH(String)
}

/// Which SSH host keys to accept.
public enum SSHHostKeyPolicy: Sendable {
  /// Only keys listed here (plain and hashed entries, `[host]:port` forms).
  case knownHosts(KnownHosts)
  /// libgit2's own check against `~/.ssh/known_hosts`.
  case userKnownHosts
}

/// Which HTTPS server certificates to accept.
public enum TLSTrust: Sendable {
  /// The system's CA store, as libgit2 loads it.
  case system
  /// Only certificates issued by these CAs (PEM, one or more certificates), e.g. `--ca-file`.
  case certificateAuthorities(pem: String)
}

extension TLSTrust {
  /// Trust only the CAs in a PEM file (flux's `--ca-file`).
  public static func caFile(_ path: String) throws(GitError) -> TLSTrust {
    let pem: String
    do {
      pem = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw GitError(.certificateInvalid, "cannot read the CA file \(path): \(error)")
    }
    _ = try TLSCertificateVerifier(pem: pem)
    return .certificateAuthorities(pem: pem)
  }
}

/// Bounds on a Git network operation. libgit2 1.5 has none of its own; tack's socket stream and a
/// deadline watchdog enforce these (see `CancellationFlag`).
public struct GitTimeouts: Sendable, Equatable {
  /// Establishing the TCP connection.
  public var connect: Duration
  /// The longest time no byte moves while the HTTP(S) transport waits (a stalled server).
  public var stall: Duration
  /// One whole fetch, clone or push, SSH included; nil for no limit.
  public var operation: Duration?

  public init(connect: Duration = .seconds(30), stall: Duration = .seconds(60), operation: Duration? = nil) {
    self.connect = connect
    self.stall = stall
    self.operation = operation
  }

  /// For error messages: the limits in force.
  var summary: String {
    var parts = ["connect \(Self.format(connect))", "stall \(Self.format(stall))"]
    if let operation { parts.append("operation \(Self.format(operation))") }
    return "timeouts: " + parts.joined(separator: ", ")
  }

  static func format(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    if attoseconds == 0 { return "\(seconds)s" }
    return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000)ms"
  }
}
