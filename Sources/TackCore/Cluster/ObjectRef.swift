import TackJSON

/// A namespaced object of a kind tack knows.
public struct ObjectRef: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var kind: FluxKind
  public var namespace: String
  public var name: String

  public init(kind: FluxKind, namespace: String, name: String) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
  }

  public init?(kind: FluxKind, object: JSON) {
    guard let name = object[path: "metadata", "name"]?.stringValue else { return nil }
    self.init(kind: kind, namespace: object[path: "metadata", "namespace"]?.stringValue ?? "", name: name)
  }

  /// `Kustomization flux-system/apps`.
  public var description: String { "\(kind.kind) \(namespace)/\(name)" }

  public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }

  /// Summaries list objects by namespace, then kind, then name.
  public static func < (lhs: ObjectRef, rhs: ObjectRef) -> Bool {
    (lhs.namespace, lhs.kind.kind, lhs.name) < (rhs.namespace, rhs.kind.kind, rhs.name)
  }
}
