import TackBase

/// The SSH key work bootstrap and `create secret git` need. The live implementation sits on
/// TackGit (`SSHKeyPair`, `SSHHostKeyScanner`, `KnownHosts`).
public protocol SSHTooling: Sendable {
  /// A new key pair: the private key in OpenSSH format and its `authorized_keys` line.
  func generate(_ algorithm: SSHKeyAlgorithm) throws -> SSHKeyMaterial
  /// Parses a private key (OpenSSH or PEM; decrypted with `passphrase`) and returns it with its
  /// public key line. Errors name the problem (wrong passphrase, unsupported format).
  func load(privateKey: String, passphrase: String?) throws -> SSHKeyMaterial
  /// Connects to the SSH server and returns its host key as `known_hosts` lines, as flux stores
  /// them. When the user's `known_hosts` already knows the host, the scanned key must match it.
  func scanHostKey(host: String, port: Int) async throws -> String
}

/// A key pair as a Secret stores it. `description` hides the private key.
public struct SSHKeyMaterial: Sendable, Equatable, CustomStringConvertible {
  public var privateKey: String
  /// `authorized_keys` line, with a trailing newline as flux stores it.
  public var publicKey: String
  public init(privateKey: String, publicKey: String) {
    self.privateKey = privateKey
    self.publicKey = publicKey
  }
  public var description: String { publicKey.trimming("\n ") }
}

/// Asks the user a yes/no question on the terminal. Absent when stdin is not a terminal: then the
/// engine fails naming the flag that answers the question.
public protocol Confirming: Sendable {
  func confirm(_ question: String) async -> Bool
}

/// Registers the public key bootstrap generated with the service hosting the repository.
public protocol DeployKeyRegistering: Sendable {
  func register(publicKey: String) async throws
}
