import TackBase
import TackJSON

/// Where `tack get` and `tack export` read objects: the cluster (an adapter over TackKube's client,
/// in TackCLI) or memory in unit tests. Kinds are looked up through discovery by the adapter; a kind
/// the cluster does not serve is reported as `KindNotInstalledError`.
public protocol FluxObjectSource: Sendable {
  func list(_ kind: FluxKind, scope: ListScope) async throws -> ObjectList
  /// The same list, page by page as the server sends them (`limit`/`continue`), so a large list is
  /// rendered without holding every object at once. Each page carries the list's resourceVersion.
  func listPages(_ kind: FluxKind, scope: ListScope) async throws -> AsyncThrowingStream<ObjectList, any Error>
  /// Changes after `resourceVersion`, until the task is cancelled.
  func watch(_ kind: FluxKind, scope: ListScope, resourceVersion: String) async throws
    -> AsyncThrowingStream<ObjectWatchEvent, any Error>
  /// One object; throws `ObjectNotFoundError` (or the client's NotFound) when absent.
  func get(_ kind: FluxKind, namespace: String, name: String) async throws -> JSON
  /// A core/v1 Secret (export --with-credentials).
  func secret(namespace: String, name: String) async throws -> JSON
}

extension FluxObjectSource {
  /// One page holding the whole list, for sources without paging.
  public func listPages(_ kind: FluxKind, scope: ListScope) async throws -> AsyncThrowingStream<ObjectList, any Error> {
    let list = try await list(kind, scope: scope)
    return AsyncThrowingStream { continuation in
      continuation.yield(list)
      continuation.finish()
    }
  }
}

/// Which objects a list or watch selects.
public struct ListScope: Sendable, Hashable {
  /// `nil` = all namespaces.
  public var namespace: String?
  public var labelSelector: String?
  public var fieldSelector: String?

  public init(namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil) {
    self.namespace = namespace
    self.labelSelector = labelSelector
    self.fieldSelector = fieldSelector
  }
}

public struct ObjectList: Sendable, Hashable {
  public var items: [JSON]
  public var resourceVersion: String
  public init(items: [JSON], resourceVersion: String = "") {
    self.items = items
    self.resourceVersion = resourceVersion
  }
}

public struct ObjectWatchEvent: Sendable, Hashable {
  public enum EventType: String, Sendable, Hashable { case added = "ADDED", modified = "MODIFIED", deleted = "DELETED" }
  public var type: EventType
  public var object: JSON
  public init(type: EventType, object: JSON) {
    self.type = type
    self.object = object
  }
}

/// The cluster does not serve this kind (its CRD is not installed, or not at the version tack uses).
public struct KindNotInstalledError: TackError, Equatable {
  public var kind: FluxKind
  public var servedVersions: [String]
  public init(kind: FluxKind, servedVersions: [String] = []) {
    self.kind = kind
    self.servedVersions = servedVersions
  }
  public var exitStatus: ExitStatus { .notFound }
  public var description: String {
    if servedVersions.isEmpty {
      return "the cluster does not serve \(kind.qualifiedResource): the \(kind.kind) CRD (\(kind.apiVersion)) "
        + "is not installed; install it (tack install, or the controller's CRDs) or check --context"
    }
    return "the cluster serves \(kind.qualifiedResource) only at \(servedVersions.joined(separator: ", ")), "
      + "but tack needs \(kind.apiVersion): upgrade the controller's CRDs"
  }
}
