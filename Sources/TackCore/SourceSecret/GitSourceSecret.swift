import TackBase
import TackJSON

/// The Secret a GitRepository authenticates with, with flux's key names
/// (`fluxcd/pkg` / `manifestgen/sourcesecret`): SSH → `identity`, `identity.pub`, `known_hosts`
/// (+ `password` for an encrypted key); HTTPS → `username` + `password` or `bearerToken`, and
/// `ca.crt`.
///
/// `description` never shows a value: this type holds credentials.
public struct GitSourceSecret: Sendable, Equatable, CustomStringConvertible {
  public enum Key {
    public static let identity = "identity"
    public static let identityPub = "identity.pub"
    public static let knownHosts = "known_hosts"
    public static let username = "username"
    public static let password = "password"
    public static let bearerToken = "bearerToken"
    public static let caCert = "ca.crt"
  }

  public enum Credentials: Sendable, Equatable {
    /// A private key (PEM or OpenSSH text), its `authorized_keys` line, the host's `known_hosts`
    /// lines, and the key's passphrase when it is encrypted.
    case ssh(identity: String, publicKey: String, knownHosts: String, passphrase: String?)
    case basic(username: String, password: String)
    case bearer(token: String)
  }

  public var name: String
  public var namespace: String
  public var credentials: Credentials
  public var caCertificate: String?
  public var labels: [String: String]

  public init(
    name: String, namespace: String, credentials: Credentials, caCertificate: String? = nil,
    labels: [String: String] = [:]
  ) {
    self.name = name
    self.namespace = namespace
    self.credentials = credentials
    self.caCertificate = caCertificate
    self.labels = labels
  }

  /// The secret's entries, sorted by key as flux's YAML has them.
  public var entries: [(key: String, value: String)] {
    var result: [String: String] = [:]
    switch credentials {
    case .ssh(let identity, let publicKey, let knownHosts, let passphrase):
      result[Key.identity] = identity
      result[Key.identityPub] = publicKey
      result[Key.knownHosts] = knownHosts
      if let passphrase, !passphrase.isEmpty { result[Key.password] = passphrase }
    case .basic(let username, let password):
      result[Key.username] = username
      result[Key.password] = password
    case .bearer(let token):
      result[Key.bearerToken] = token
    }
    if let caCertificate, !caCertificate.isEmpty { result[Key.caCert] = caCertificate }
    return result.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { (key: $0.key, value: $0.value) }
  }

  /// The public key line for a deploy key, when the secret is for SSH.
  public var publicKey: String? {
    if case .ssh(_, let publicKey, _, _) = credentials { return publicKey }
    return nil
  }

  var metadata: JSON {
    var metadata: JSON = ["name": .string(name), "namespace": .string(namespace)]
    if !labels.isEmpty {
      metadata["labels"] = .object(
        JSONObject(labels.sorted { $0.key < $1.key }.map { JSONObject.Member(key: $0.key, value: .string($0.value)) }))
    }
    return metadata
  }

  /// The Secret as flux's `--export` prints it: `stringData`, no `type`.
  public var manifest: JSON {
    [
      "apiVersion": "v1", "kind": "Secret", "metadata": metadata,
      "stringData": .object(JSONObject(entries.map { JSONObject.Member(key: $0.key, value: .string($0.value)) })),
    ]
  }

  /// The Secret sent to the API server: values base64-encoded in `data`, so an update replaces the
  /// whole set of keys (switching from SSH to a token leaves no stale `identity` behind).
  public var apiObject: JSON {
    [
      "apiVersion": "v1", "kind": "Secret", "metadata": metadata, "type": "Opaque",
      "data": .object(
        JSONObject(entries.map { JSONObject.Member(key: $0.key, value: .string(Base64.encode(Array($0.value.utf8)))) })),
    ]
  }

  /// `---` and the YAML, as `flux create secret git --export` prints it.
  public var exportText: String { "---\n" + manifest.yaml(.kubectl) }

  public var description: String {
    "Secret \(namespace)/\(name) (\(entries.map(\.key).joined(separator: ", ")))"
  }

  public static func == (lhs: GitSourceSecret, rhs: GitSourceSecret) -> Bool {
    lhs.name == rhs.name && lhs.namespace == rhs.namespace && lhs.credentials == rhs.credentials
      && lhs.caCertificate == rhs.caCertificate && lhs.labels == rhs.labels
  }
}
