import TackJSON

/// An object in the cluster, by API version, kind, namespace and name.
public struct ObjectReference: Sendable, Hashable, CustomStringConvertible {
  public var apiVersion: String
  public var kind: String
  public var namespace: String?
  public var name: String

  public init(apiVersion: String, kind: String, namespace: String? = nil, name: String) {
    self.apiVersion = apiVersion
    self.kind = kind
    self.namespace = namespace
    self.name = name
  }

  public init(of object: JSON) {
    apiVersion = object["apiVersion"]?.stringValue ?? ""
    kind = object["kind"]?.stringValue ?? ""
    namespace = object[path: "metadata", "namespace"]?.stringValue
    name = object[path: "metadata", "name"]?.stringValue ?? ""
  }

  /// `namespace/name`, as flux quotes objects in messages.
  public var key: String { namespace.map { "\($0)/\(name)" } ?? name }
  public var description: String { "\(kind) \(key)" }

  public static func gitRepository(_ namespace: String, _ name: String) -> ObjectReference {
    ObjectReference(apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", namespace: namespace, name: name)
  }
  public static func kustomization(_ namespace: String, _ name: String) -> ObjectReference {
    ObjectReference(apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", namespace: namespace, name: name)
  }
  public static func secret(_ namespace: String, _ name: String) -> ObjectReference {
    ObjectReference(apiVersion: "v1", kind: "Secret", namespace: namespace, name: name)
  }
  public static func deployment(_ namespace: String, _ name: String) -> ObjectReference {
    ObjectReference(apiVersion: "apps/v1", kind: "Deployment", namespace: namespace, name: name)
  }
  public static func crd(_ name: String) -> ObjectReference {
    ObjectReference(apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", name: name)
  }
}

/// What bootstrap, install and check need from the Kubernetes API. The live implementation sits on
/// TackKube; tests may substitute a fake. Errors thrown are the client's typed errors.
public protocol ClusterAccess: Sendable {
  /// The server's `gitVersion` (`v1.33.1`).
  func serverVersion() async throws -> String
  /// The object, or nil when it (or its kind) does not exist.
  func get(_ reference: ObjectReference) async throws -> JSON?
  func list(apiVersion: String, kind: String, namespace: String?, labelSelector: String?) async throws -> [JSON]
  /// Server-side apply.
  func apply(_ object: JSON, fieldManager: String, force: Bool) async throws -> JSON
  func create(_ object: JSON) async throws -> JSON
  /// Replaces the object (carrying its resourceVersion: optimistic concurrency).
  func update(_ object: JSON) async throws -> JSON
  /// Follows the object (watch-driven) until `until` returns true for its current state (nil while
  /// it does not exist) and returns that state. `until` may throw to stop early. Throws
  /// ``WaitTimeout`` when `timeout` passes first.
  func wait(
    for reference: ObjectReference, timeout: Duration, until: @escaping @Sendable (JSON?) throws -> Bool
  ) async throws -> JSON?
}

/// A wait ran out of time; carries the last state seen.
public struct WaitTimeout: Error, Sendable {
  public var reference: ObjectReference
  public var lastSeen: JSON?
  public init(reference: ObjectReference, lastSeen: JSON?) {
    self.reference = reference
    self.lastSeen = lastSeen
  }
}
