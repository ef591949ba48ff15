import TackBase
import TackJSON

/// One object `create` built from flags: what `--export` prints and what the apply path sends.
/// Holds only what flux's typed objects would marshal: `apiVersion`, `kind`, `metadata.{labels,
/// name, namespace}` and `spec` with Go's `omitempty` already applied (see ``SpecFields``).
public struct FluxObjectDraft: Sendable, Equatable {
  public var kind: FluxKind
  public var name: String
  public var namespace: String
  public var labels: [String: String]
  public var spec: JSON

  public init(kind: FluxKind, name: String, namespace: String, labels: [String: String] = [:], spec: JSON) {
    self.kind = kind
    self.name = name
    self.namespace = namespace
    self.labels = labels
    self.spec = spec
  }

  public var ref: ObjectRef { ObjectRef(kind: kind, namespace: namespace, name: name) }

  /// The object as a manifest; an empty label map is left out, as Go's `omitempty` leaves it.
  public var manifest: JSON {
    var metadata = JSONObject()
    if !labels.isEmpty {
      metadata.appendUnchecked(
        "labels", .object(JSONObject(labels.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: .string($0.value)) })))
    }
    metadata.appendUnchecked("name", .string(name))
    metadata.appendUnchecked("namespace", .string(namespace))
    var root = JSONObject()
    root.appendUnchecked("apiVersion", .string(kind.apiVersion))
    root.appendUnchecked("kind", .string(kind.kind))
    root.appendUnchecked("metadata", .object(metadata))
    root.appendUnchecked("spec", spec)
    return .object(root)
  }
}

/// A spec under construction with Go's `omitempty`: empty strings, false, empty lists and absent
/// references are not written; `require` writes a field whatever its value (flux's non-omitempty
/// fields such as Kustomization `prune` and `interval`).
public struct SpecFields: Sendable {
  public private(set) var json: JSON = .object([:])

  public init() {}

  public mutating func string(_ value: String?, at path: String...) {
    guard let value, !value.isEmpty else { return }
    json[path: path] = .string(value)
  }

  public mutating func flag(_ value: Bool, at path: String...) {
    if value { json[path: path] = .bool(true) }
  }

  public mutating func strings(_ values: [String], at path: String...) {
    guard !values.isEmpty else { return }
    json[path: path] = .array(values.map { .string($0) })
  }

  /// A `{name: …}` reference (`secretRef`, `proxySecretRef`, …) when the name is given.
  public mutating func reference(_ name: String?, at path: String...) {
    guard let name, !name.isEmpty else { return }
    json[path: path] = ["name": .string(name)]
  }

  public mutating func duration(_ value: GoDuration?, at path: String...) {
    guard let value else { return }
    json[path: path] = .string(value.description)
  }

  public mutating func require(_ value: JSON, at path: String...) {
    json[path: path] = value
  }

  public mutating func set(_ value: JSON?, at path: String...) {
    guard let value else { return }
    json[path: path] = value
  }
}
