import TackBase
import TackJSON

/// A Secret `create secret <noun>` built (flux's `runtime/secrets` layouts): exported as
/// `stringData` with sorted keys, applied by creating it or by merging labels and annotations into
/// the existing one and replacing the keys it sets (keys it does not set survive, as with flux).
///
/// `description` never shows a value: this type holds credentials.
public struct SecretDraft: Sendable, Equatable, CustomStringConvertible {
  public var name: String
  public var namespace: String
  public var labels: [String: String]
  public var annotations: [String: String]
  /// `nil` writes no `type` (the API server then stores `Opaque`).
  public var type: String?
  public var stringData: [String: String]
  /// flux prints a blank line after every secret but the TLS one.
  public var trailingBlankLine: Bool

  public init(
    name: String, namespace: String, labels: [String: String] = [:], annotations: [String: String] = [:],
    type: String?, stringData: [String: String], trailingBlankLine: Bool = true
  ) {
    self.name = name
    self.namespace = namespace
    self.labels = labels
    self.annotations = annotations
    self.type = type
    self.stringData = stringData
    self.trailingBlankLine = trailingBlankLine
  }

  static func sortedObject(_ map: [String: String]) -> JSON {
    .object(
      JSONObject(
        map.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { .init(key: $0.key, value: .string($0.value)) }))
  }

  var metadata: JSON {
    var metadata = JSONObject()
    if !annotations.isEmpty { metadata.appendUnchecked("annotations", Self.sortedObject(annotations)) }
    if !labels.isEmpty { metadata.appendUnchecked("labels", Self.sortedObject(labels)) }
    metadata.appendUnchecked("name", .string(name))
    metadata.appendUnchecked("namespace", .string(namespace))
    return .object(metadata)
  }

  /// The manifest `--export` prints.
  public var manifest: JSON {
    var root = JSONObject()
    root.appendUnchecked("apiVersion", "v1")
    root.appendUnchecked("kind", "Secret")
    root.appendUnchecked("metadata", metadata)
    if !stringData.isEmpty { root.appendUnchecked("stringData", Self.sortedObject(stringData)) }
    if let type { root.appendUnchecked("type", .string(type)) }
    return .object(root)
  }

  /// `---`, the YAML, and flux's extra blank line.
  public var exportText: String { CreateExport.document(manifest) + (trailingBlankLine ? "\n" : "") }

  /// The object sent to the API server: values base64-encoded in `data`.
  var apiData: JSON {
    Self.sortedObject(stringData.mapValues { Base64.encode(Array($0.utf8)) })
  }

  public var description: String {
    "Secret \(namespace)/\(name) (\(stringData.keys.sorted().joined(separator: ", ")))"
  }
}

/// Creates a ``SecretDraft`` or updates the Secret already there.
public enum SecretDraftWriter {
  public enum Result: String, Sendable, Equatable { case created, updated }

  @discardableResult
  public static func upsert(_ draft: SecretDraft, in cluster: any Cluster) async throws -> Result {
    guard var existing = try await cluster.get(.secret(draft.namespace, draft.name)) else {
      var object = draft.manifest
      object["stringData"] = nil
      object["data"] = draft.apiData
      _ = try await cluster.create(object)
      return .created
    }
    var data = existing["data"]?.objectValue ?? JSONObject()
    for member in draft.apiData.objectValue ?? JSONObject() { data[member.key] = member.value }
    existing["data"] = .object(data)
    for (field, values) in [("labels", draft.labels), ("annotations", draft.annotations)] where !values.isEmpty {
      var merged = existing[path: "metadata", field]?.objectValue ?? JSONObject()
      for (key, value) in values { merged[key] = .string(value) }
      existing[path: "metadata", field] = .object(merged)
    }
    _ = try await cluster.update(existing)
    return .updated
  }
}
