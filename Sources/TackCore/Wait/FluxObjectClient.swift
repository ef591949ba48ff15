import TackBase
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

/// The Kubernetes operations reconcile, suspend and resume need, on Flux and Flagger objects. The
/// tool implements it over TackKube's client; tests use an in-memory fake.
public protocol FluxObjectClient: Sendable {
  /// The object, or `nil` when it does not exist.
  func get(_ kind: FluxKind, namespace: String, name: String) async throws -> JSON?
  /// Every object of the kind in a namespace, or in all namespaces when `namespace` is `nil`.
  func list(_ kind: FluxKind, namespace: String?) async throws -> CollectionSnapshot
  /// A JSON merge patch (`application/merge-patch+json`); returns the patched object.
  func mergePatch(_ kind: FluxKind, namespace: String, name: String, patch: JSON) async throws -> JSON
  /// Changes from `resourceVersion` on, to one object (`name`) or to every object of the kind in a
  /// namespace (or all namespaces when `namespace` is `nil`).
  func watch(
    _ kind: FluxKind, namespace: String?, name: String?, resourceVersion: String?
  ) async throws -> AsyncThrowingStream<WatchChange, any Error>
}

extension FluxObjectClient {
  /// One object, as something `ObjectWaiter.wait(for:)` can follow.
  public func watchedObject(_ ref: ObjectRef) -> WatchedObject {
    WatchedObject(
      description: ref.description,
      fetch: { try await self.get(ref.kind, namespace: ref.namespace, name: ref.name) },
      watch: { version in
        try await self.watch(ref.kind, namespace: ref.namespace, name: ref.name, resourceVersion: version)
      })
  }

  /// Every object of a kind in a namespace (all namespaces for `nil`), for `ObjectWaiter.waitAll`.
  public func watchedCollection(_ kind: FluxKind, namespace: String?) -> WatchedCollection {
    WatchedCollection(
      description: "\(kind.kind) objects in " + (namespace.map { "\"\($0)\" namespace" } ?? "all namespaces"),
      describe: { key in ObjectRef(kind: kind, namespace: key.namespace, name: key.name).description },
      list: { try await self.list(kind, namespace: namespace) },
      watch: { version in try await self.watch(kind, namespace: namespace, name: nil, resourceVersion: version) })
  }
}

/// The object named does not exist: flux's (and the API server's) wording, exit status 5.
public struct ObjectNotFoundError: TackError, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var exitStatus: ExitStatus { .notFound }
  public var description: String { message }

  /// `kustomizations.kustomize.toolkit.fluxcd.io "apps" not found`, as flux prints a failed GET.
  public static func get(_ ref: ObjectRef) -> ObjectNotFoundError {
    ObjectNotFoundError("\(ref.kind.qualifiedResource) \"\(ref.name)\" not found")
  }
}
