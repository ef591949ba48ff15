import TackBase

/// How bootstrap treats the repository and the cluster.
public enum BootstrapMode: Sendable, Equatable {
  /// flux's behaviour: commit, push, configure the cluster, wait.
  case apply
  /// Write nothing anywhere: clone to a temporary directory, report the files and commits.
  case dryRun
  /// Commit to a new local branch `tack-bootstrap-<timestamp>` for review; no push, no cluster.
  case noPush
}

/// How the CLI reaches the repository and what the cluster's source secret holds.
public enum BootstrapAuth: Sendable, Equatable {
  /// flux's default: an SSH deploy key (from `--private-key-file`, or generated) for the cluster;
  /// the CLI uses the same key (or the SSH agent) for an SSH URL, or `username`/`password` for an
  /// HTTPS URL.
  case sshKey(SSHKeyOptions)
  /// `--token-auth`: the cluster syncs over HTTPS with `username`/`password`.
  case basic(username: String, password: String)
  /// `--with-bearer-token`: the password is sent as `Authorization: Bearer`.
  case bearer(token: String)

  public var isToken: Bool {
    if case .sshKey = self { return false }
    return true
  }
}

public struct SSHKeyOptions: Sendable, Equatable {
  /// `--private-key-file`'s contents, when given.
  public var privateKey: String?
  /// Where it came from, for messages.
  public var privateKeyPath: String?
  /// `-p/--password`: the key's passphrase, or the HTTPS password for the CLI's own clone.
  public var password: String?
  /// `-u/--username` (default `git`).
  public var username: String
  public var algorithm: SSHKeyAlgorithm
  /// `--ssh-hostname`.
  public var sshHostname: String?

  public init(
    privateKey: String? = nil, privateKeyPath: String? = nil, password: String? = nil, username: String = "git",
    algorithm: SSHKeyAlgorithm = .ecdsa(curve: .p384), sshHostname: String? = nil
  ) {
    self.privateKey = privateKey
    self.privateKeyPath = privateKeyPath
    self.password = password
    self.username = username
    self.algorithm = algorithm
    self.sshHostname = sshHostname
  }
}

/// `--ssh-key-algorithm` with `--ssh-ecdsa-curve` / `--ssh-rsa-bits`, validated as flux validates them.
public enum SSHKeyAlgorithm: Sendable, Equatable {
  public enum Curve: String, Sendable, CaseIterable { case p256, p384, p521 }
  case ecdsa(curve: Curve)
  case ed25519
  case rsa(bits: Int)

  public static func parse(algorithm: String, curve: String, rsaBits: Int) throws(BootstrapError) -> SSHKeyAlgorithm {
    switch algorithm {
    case "ecdsa":
      guard let parsed = Curve(rawValue: curve) else {
        throw .usage("--ssh-ecdsa-curve \"\(curve)\" is not supported, must be one of: p256, p384, p521")
      }
      return .ecdsa(curve: parsed)
    case "ed25519":
      return .ed25519
    case "rsa":
      guard rsaBits >= 1024 else { throw .usage("--ssh-rsa-bits: RSA key bit size must be at least 1024") }
      guard rsaBits % 8 == 0 else { throw .usage("--ssh-rsa-bits: RSA key bit size must be a multiple of 8") }
      return .rsa(bits: rsaBits)
    default:
      throw .usage("--ssh-key-algorithm \"\(algorithm)\" is not supported, must be one of: rsa, ecdsa, ed25519")
    }
  }
}

/// Everything `bootstrap git` was asked to do, checked before anything happens.
public struct BootstrapOptions: Sendable {
  public var url: RepositoryURL
  public var branch: String
  public var path: RepositoryPath
  public var namespace: String
  public var interval: GoDuration
  public var secretName: String
  public var components: [String]
  /// `--version`, or nil for the bundle's own (or tack's default) version.
  public var version: String?
  /// `--manifests`.
  public var manifestsDirectory: String?
  public var auth: BootstrapAuth
  /// `--ca-file`'s contents.
  public var caCertificate: String?
  public var authorName: String
  public var authorEmail: String
  public var commitMessageAppendix: String
  public var silent: Bool
  public var allowInsecureHTTP: Bool
  public var force: Bool
  public var mode: BootstrapMode
  public var timeout: GoDuration
  public var recurseSubmodules: Bool
  /// The URL the GitRepository gets when it is not shaped from `url`: a hosting provider's SSH
  /// address (`ssh://git@host/owner/name`) while the CLI itself pushes over HTTPS.
  public var syncURLOverride: String?

  public init(
    url: RepositoryURL, branch: String = "main", path: RepositoryPath, namespace: String = "flux-system",
    interval: GoDuration = GoDuration(nanoseconds: 60_000_000_000), secretName: String = "flux-system",
    components: [String] = [], version: String? = nil, manifestsDirectory: String? = nil, auth: BootstrapAuth,
    caCertificate: String? = nil, authorName: String = "Flux", authorEmail: String = "",
    commitMessageAppendix: String = "", silent: Bool = false, allowInsecureHTTP: Bool = false, force: Bool = false,
    mode: BootstrapMode = .apply, timeout: GoDuration = GoDuration(nanoseconds: 300_000_000_000),
    recurseSubmodules: Bool = false
  ) {
    self.url = url
    self.branch = branch
    self.path = path
    self.namespace = namespace
    self.interval = interval
    self.secretName = secretName
    self.components = components.isEmpty ? FluxComponents.defaults : components
    self.version = version
    self.manifestsDirectory = manifestsDirectory
    self.auth = auth
    self.caCertificate = caCertificate
    self.authorName = authorName
    self.authorEmail = authorEmail
    self.commitMessageAppendix = commitMessageAppendix
    self.silent = silent
    self.allowInsecureHTTP = allowInsecureHTTP
    self.force = force
    self.mode = mode
    self.timeout = timeout
    self.recurseSubmodules = recurseSubmodules
  }

  /// The URL written into the GitRepository.
  public var syncURL: String {
    if let syncURLOverride { return syncURLOverride }
    return switch auth {
    case .sshKey(let ssh):
      SyncURL.shape(
        url, tokenAuth: false, username: ssh.username, allowInsecureHTTP: allowInsecureHTTP,
        sshHostname: ssh.sshHostname)
    case .basic, .bearer:
      SyncURL.shape(url, tokenAuth: true, username: "", allowInsecureHTTP: allowInsecureHTTP, sshHostname: nil)
    }
  }

  /// The commit message with `--commit-message-appendix` after a blank line.
  public func commitMessage(_ subject: String) -> String {
    commitMessageAppendix.isEmpty ? subject : subject + "\n\n" + commitMessageAppendix
  }

  /// Checks what can be checked without touching anything: the URL's scheme against the mode, the
  /// branch name, names, the interval. Throws the first problem, naming its flag.
  public func validate() throws(BootstrapError) {
    switch url.scheme {
    case "http":
      if !allowInsecureHTTP {
        throw .usage(
          "--url \(url): scheme http is insecure; use https:// or pass --allow-insecure-http to allow it")
      }
    case "file":
      if mode == .apply {
        throw .usage(
          "--url \(url): the cluster cannot clone a file:// URL (a GitRepository accepts http, https and ssh); use --dry-run or --no-push to bootstrap a local repository, or give its ssh:// or https:// address")
      }
    default: break
    }
    try Self.validateBranch(branch)
    try Self.validateName(namespace, flag: "--namespace")
    try Self.validateName(secretName, flag: "--secret-name")
    if interval.nanoseconds <= 0 { throw .usage("--interval must be a positive duration such as 1m") }
    if authorName.isEmpty { throw .usage("--author-name must not be empty") }
  }

  static func validateBranch(_ branch: String) throws(BootstrapError) {
    let bad =
      branch.isEmpty || branch.hasPrefix("-") || branch.hasPrefix("/") || branch.hasSuffix("/")
      || branch.hasSuffix(".lock") || branch.hasSuffix(".") || branch.contains("..") || branch.contains("//")
      || branch.contains("@{") || branch == "@"
      || branch.contains(where: { " ~^:?*[\\".contains($0) || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true })
    if bad { throw .usage("--branch \"\(branch)\" is not a valid Git branch name") }
  }

  /// DNS-1123 label (Kubernetes namespaces) / subdomain-ish names for secrets.
  static func validateName(_ name: String, flag: String) throws(BootstrapError) {
    let valid =
      !name.isEmpty && name.count <= 63 && name.first!.isLetterOrDigitASCII && name.last!.isLetterOrDigitASCII
      && name.allSatisfy { ($0.isLetterOrDigitASCII && !$0.isUppercase) || $0 == "-" }
    if !valid {
      throw .usage("\(flag) \"\(name)\" must be a valid DNS label: lowercase letters, digits and '-', at most 63 characters")
    }
  }
}

extension Character {
  var isLetterOrDigitASCII: Bool { isASCII && (isLetter || isNumber) }
}
