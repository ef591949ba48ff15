import TackBase
import TackJSON

/// `tack secrets keygen --create-secret`: the Secret Flux's kustomize-controller reads age
/// identities from when it decrypts SOPS files, created or updated by server-side apply.
public struct AgeKeySecret: Sendable, Equatable {
  /// kustomize-controller takes age identities from the data keys ending in `.agekey`.
  public static let entry = "age.agekey"
  public static let fieldManager = "tack"

  public var namespace: String
  public var name: String

  public init(namespace: String, name: String) {
    self.namespace = namespace
    self.name = name
  }

  /// The Secret holding `keyFile` (an age-keygen key file) under ``entry``.
  public func object(keyFile: String) -> JSON {
    [
      "apiVersion": "v1", "kind": "Secret",
      "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "data": .object([Self.entry: .string(Base64.encode(Array(keyFile.utf8)))]),
    ]
  }

  /// Creates the Secret, or replaces its key.
  public func apply(keyFile: String, to cluster: any Cluster) async throws {
    _ = try await cluster.patch(
      .secret, namespace: namespace, name: name,
      .apply(object(keyFile: keyFile), fieldManager: Self.fieldManager, force: true))
  }

  /// What a Kustomization that applies SOPS-encrypted manifests needs to use it.
  public var kustomizationSnippet: String {
    """
    # In the Kustomization (namespace \(namespace)) that applies SOPS-encrypted manifests:
    spec:
      decryption:
        provider: sops
        secretRef:
          name: \(name)

    """
  }
}
