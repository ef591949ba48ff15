import TackBase
import TackJSON

/// Turns Kubernetes Secrets into SealedSecrets the way kubeseal does: same object layout, same
/// scope rules, values sealed one by one.
public struct SealedSecretSealer: Sendable {
  public let publicKey: RSAPublicKeyNumbers

  public init(publicKey: RSAPublicKeyNumbers) { self.publicKey = publicKey }
  public init(certificate: SealedSecretsCertificate) { publicKey = certificate.publicKey }

  static let lastAppliedAnnotations = [
    "kubectl.kubernetes.io/last-applied-configuration", "kubecfg.ksonnet.io/last-applied-configuration",
  ]

  /// Seals one Secret.
  /// - Parameters:
  ///   - scope: `--scope`; nil or `.strict` leaves the Secret's own scope annotations in charge,
  ///     as kubeseal does.
  ///   - namespaceFlag: `-n` when given: fills an empty namespace, and must agree with a set one.
  ///   - defaultNamespace: the namespace for a Secret without one when `-n` is not given.
  public func seal(
    secret: JSON, scope: SealingScope?, namespaceFlag: String?, defaultNamespace: String
  ) throws(SealedSecretError) -> JSON {
    guard var metadata = secret["metadata"]?.objectValue ?? (secret["metadata"] == nil ? JSONObject() : nil) else {
      throw SealedSecretError(.invalidSecret, "metadata is not a mapping")
    }
    if let kind = secret["kind"]?.stringValue, kind != "Secret" {
      throw SealedSecretError(.invalidSecret, "the input is a \(kind), not a Secret")
    }
    guard let name = metadata["name"]?.stringValue, !name.isEmpty else {
      throw SealedSecretError(.invalidSecret, "missing metadata.name in the input Secret")
    }
    var values = try Self.plaintexts(of: secret, name: name)
    guard !values.isEmpty else {
      throw SealedSecretError(.invalidSecret, "Secret \(name) has no data or stringData; there is nothing to seal")
    }

    var annotations = metadata["annotations"]?.objectValue ?? JSONObject()
    if let scope, scope != .strict { annotations = scope.applied(to: annotations) }
    let effectiveScope = SealingScope.of(annotations: annotations)
    var namespace = metadata["namespace"]?.stringValue ?? ""
    if effectiveScope != .clusterWide {
      if let namespaceFlag, !namespace.isEmpty, namespace != namespaceFlag {
        throw SealedSecretError(.usage, "namespace mismatch: Secret \(name) is in namespace \(namespace) but -n \(namespaceFlag) was given")
      }
      if namespace.isEmpty { namespace = namespaceFlag ?? defaultNamespace }
    }
    let label = effectiveScope.label(namespace: namespace, name: name)

    var encrypted = JSONObject()
    values.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    for (key, plaintext) in values {
      encrypted[key] = .string(Base64.encode(SealedSecretsCrypto.seal(plaintext, label: label, publicKey: publicKey)))
    }

    for key in Self.lastAppliedAnnotations { _ = annotations.removeValue(forKey: key) }
    if !namespace.isEmpty { metadata["namespace"] = .string(namespace) }
    metadata["annotations"] = annotations.isEmpty ? nil : .object(annotations)
    var template: JSONObject = ["metadata": .object(Self.templateMetadata(metadata))]
    if let type = secret["type"]?.stringValue, !type.isEmpty { template["type"] = .string(type) }
    if let immutable = secret["immutable"]?.boolValue { template["immutable"] = .bool(immutable) }

    var sealedMetadata: JSONObject = ["name": .string(name)]
    if !namespace.isEmpty { sealedMetadata["namespace"] = .string(namespace) }
    sealedMetadata["creationTimestamp"] = .null
    let scopeAnnotations = effectiveScope.applied(to: JSONObject())
    if !scopeAnnotations.isEmpty { sealedMetadata["annotations"] = .object(scopeAnnotations) }

    return [
      "kind": "SealedSecret",
      "apiVersion": "bitnami.com/v1alpha1",
      "metadata": .object(sealedMetadata),
      "spec": ["template": .object(template), "encryptedData": .object(encrypted)],
    ]
  }

  /// kubeseal copies the Secret's metadata minus server-set fields, in ObjectMeta's field order.
  static func templateMetadata(_ metadata: JSONObject) -> JSONObject {
    var result = JSONObject()
    for key in ["name", "generateName", "namespace"] {
      if let value = metadata[key], value != .string("") { result[key] = value }
    }
    result["creationTimestamp"] = .null
    for key in ["labels", "annotations"] {
      if let object = metadata[key]?.objectValue, !object.isEmpty { result[key] = .object(JSONObject(object.sortedMembers)) }
    }
    for key in ["finalizers", "managedFields"] {
      if let value = metadata[key] { result[key] = value }
    }
    return result
  }

  /// Every value to seal: `data` (base64-decoded) then `stringData`, which wins on equal keys.
  static func plaintexts(of secret: JSON, name: String) throws(SealedSecretError) -> [(key: String, value: [UInt8])] {
    var result: [String: [UInt8]] = [:]
    if let data = secret["data"], !data.isNull {
      guard let object = data.objectValue else { throw SealedSecretError(.invalidSecret, "Secret \(name): data is not a mapping") }
      for member in object {
        guard let text = member.value.stringValue, let bytes = Base64.decode(text, grammar: .strict) else {
          throw SealedSecretError(.invalidSecret, "Secret \(name): data.\(member.key) is not base64; put plain text under stringData instead")
        }
        result[member.key] = bytes
      }
    }
    if let stringData = secret["stringData"], !stringData.isNull {
      guard let object = stringData.objectValue else {
        throw SealedSecretError(.invalidSecret, "Secret \(name): stringData is not a mapping")
      }
      for member in object {
        guard let text = member.value.stringValue else {
          throw SealedSecretError(.invalidSecret, "Secret \(name): stringData.\(member.key) is not a string; quote it")
        }
        result[member.key] = Array(text.utf8)
      }
    }
    return result.map { (key: $0.key, value: $0.value) }
  }

  /// One value in kubeseal's `--raw` form: the base64 of the sealed bytes.
  public func sealRaw(_ plaintext: [UInt8], scope: SealingScope, namespace: String, name: String) -> String {
    Base64.encode(SealedSecretsCrypto.seal(plaintext, label: scope.label(namespace: namespace, name: name), publicKey: publicKey))
  }
}
