import TackBase

/// `create secret git`'s inputs, turned into the same Secret bootstrap writes (flux's
/// `sourcesecret.GenerateGit`): SSH URLs get a key pair (from a file, or generated) and the host's
/// key from a real scan; HTTP(S) URLs get basic auth or a bearer token, and the CA.
public struct GitSecretRequest: Sendable {
  public var name: String
  public var namespace: String
  public var url: RepositoryURL
  public var username: String
  public var password: String
  public var bearerToken: String
  public var caCertificate: String?
  /// `--private-key-file`'s contents.
  public var privateKey: String?
  public var algorithm: SSHKeyAlgorithm
  public var labels: [String: String]

  public init(
    name: String, namespace: String, url: RepositoryURL, username: String = "", password: String = "",
    bearerToken: String = "", caCertificate: String? = nil, privateKey: String? = nil,
    algorithm: SSHKeyAlgorithm = .ecdsa(curve: .p384), labels: [String: String] = [:]
  ) {
    self.name = name
    self.namespace = namespace
    self.url = url
    self.username = username
    self.password = password
    self.bearerToken = bearerToken
    self.caCertificate = caCertificate
    self.privateKey = privateKey
    self.algorithm = algorithm
    self.labels = labels
  }

  /// Checks the combination of flags, as flux does, before any key is made or host contacted.
  public func validate() throws(SourceSecretError) {
    try BootstrapOptionsNames.validate(name, what: "secret name")
    switch url.scheme {
    case "ssh":
      break
    case "http", "https":
      if (username.isEmpty || password.isEmpty) && bearerToken.isEmpty {
        throw SourceSecretError(
          "for Git over HTTP/S the username and password (-u, -p), or a bearer token (--bearer-token) is required",
          exitStatus: .usage)
      }
      if !username.isEmpty && !password.isEmpty && !bearerToken.isEmpty {
        throw SourceSecretError("user credentials and bearer token cannot be used together", exitStatus: .usage)
      }
    default:
      throw SourceSecretError(
        "git URL scheme '\(url.scheme)' not supported, can be: ssh, http and https", exitStatus: .usage)
    }
  }

  public func build(ssh: any SSHTooling) async throws -> GitSourceSecret {
    try validate()
    if url.scheme == "ssh" {
      let key: SSHKeyMaterial
      do {
        key = try privateKey.map { try ssh.load(privateKey: $0, passphrase: password.isEmpty ? nil : password) }
          ?? ssh.generate(algorithm)
      } catch {
        throw SourceSecretError("--private-key-file: \(error)", exitStatus: .usage)
      }
      let knownHosts: String
      do {
        knownHosts = try await ssh.scanHostKey(host: url.host, port: url.port ?? 22)
      } catch let error as CancellationError {
        throw error
      } catch {
        throw SourceSecretError("failed to scan the SSH host key of \(url.hostAndPort): \(error)")
      }
      return GitSourceSecret(
        name: name, namespace: namespace,
        credentials: .ssh(
          identity: key.privateKey, publicKey: key.publicKey, knownHosts: knownHosts,
          passphrase: privateKey != nil && !password.isEmpty ? password : nil),
        caCertificate: nil, labels: labels)
    }
    let credentials: GitSourceSecret.Credentials =
      bearerToken.isEmpty ? .basic(username: username, password: password) : .bearer(token: bearerToken)
    return GitSourceSecret(
      name: name, namespace: namespace, credentials: credentials, caCertificate: caCertificate, labels: labels)
  }
}

/// A source secret could not be built or written.
public struct SourceSecretError: TackError, Equatable {
  public var message: String
  public var exitStatus: ExitStatus
  public init(_ message: String, exitStatus: ExitStatus = .failure) {
    self.message = message
    self.exitStatus = exitStatus
  }
  public var description: String { message }
}

enum BootstrapOptionsNames {
  /// DNS-1123 subdomain, as Secret names must be.
  static func validate(_ name: String, what: String) throws(SourceSecretError) {
    let valid =
      !name.isEmpty && name.count <= 253 && name.first!.isLetterOrDigitASCII && name.last!.isLetterOrDigitASCII
      && name.allSatisfy { ($0.isLetterOrDigitASCII && !$0.isUppercase) || $0 == "-" || $0 == "." }
    if !valid {
      throw SourceSecretError(
        "\(what) \"\(name)\" is not a valid Kubernetes name: lowercase letters, digits, '-' and '.'",
        exitStatus: .usage)
    }
  }
}
