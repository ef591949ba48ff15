import TackBase
import TackJSON

/// The objects a HelmRelease installed, read as Helm stores them: the Secret
/// `sh.helm.release.v1.<release>.v<version>` in `status.storageNamespace`, whose `release` value is
/// base64 of gzip of the release as JSON, whose `manifest` is the rendered YAML. The latest
/// `status.history` entry names the release and version.
enum HelmReleaseManifest {
  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  /// The Secret holding the latest release, or nil when the HelmRelease has not installed one.
  static func storageSecret(of helmRelease: JSON) -> (namespace: String, name: String)? {
    guard let latest = helmRelease[path: "status", "history"]?.arrayValue?.first,
      let release = latest["name"]?.stringValue, let version = latest["version"]?.intValue
    else { return nil }
    let namespace = helmRelease[path: "status", "storageNamespace"]?.stringValue
      ?? helmRelease[path: "metadata", "namespace"]?.stringValue ?? ""
    return (namespace, "sh.helm.release.v1.\(release).v\(version)")
  }

  /// The objects of the release in `secret`; namespaced objects without a namespace get the
  /// release's namespace.
  static func objects(secret: JSON, releaseNamespace: String) throws(Problem) -> [ObjectIdentity] {
    guard let stored = secret[path: "data", "release"]?.stringValue,
      let outer = Base64.decode(stored, grammar: .strict),
      let inner = Base64.decode(String(decoding: outer, as: UTF8.self), grammar: .strict)
    else { throw Problem(description: "the Helm storage Secret has no readable release") }
    let json: [UInt8]
    if inner.starts(with: [0x1F, 0x8B]) {
      do {
        json = try Inflate.gzip(inner, limit: 64 << 20)
      } catch {
        throw Problem(description: "the Helm release record does not decompress: \(error)")
      }
    } else {
      json = inner
    }
    guard let release = try? JSON.parse(json) else { throw Problem(description: "the Helm release record is not JSON") }
    let manifest = release["manifest"]?.stringValue ?? ""
    guard let documents = try? JSON.parseYAMLDocuments(manifest) else {
      throw Problem(description: "the Helm release manifest is not YAML")
    }
    return documents.compactMap { document -> ObjectIdentity? in
      guard case .object = document, document["kind"]?.stringValue != nil else { return nil }
      var identity = ObjectIdentity(document)
      if identity.namespace.isEmpty && !ClusterScopedKinds.contains(identity.kind) { identity.namespace = releaseNamespace }
      return identity
    }
  }
}

/// Kinds a Helm chart commonly renders that have no namespace.
enum ClusterScopedKinds {
  static let names: Set<String> = [
    "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass",
    "PriorityClass", "IngressClass", "RuntimeClass", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    "APIService", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "CSIDriver", "VolumeSnapshotClass",
  ]

  static func contains(_ kind: String) -> Bool { names.contains(kind) }
}
