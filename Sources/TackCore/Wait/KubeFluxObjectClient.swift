import Synchronization
import TackJSON
import TackKube

/// `FluxObjectClient` over TackKube's `KubeClient`: the kinds' URLs come from discovery (so a cluster
/// that does not serve the version tack speaks gets kubectl's "no matches for kind" instead of a
/// misleading "not found"), merge patches, and watches that follow one object by field selector or
/// a whole collection.
public final class KubeFluxObjectClient: FluxObjectClient {
  public let client: KubeClient
  private let resources = Mutex<[FluxKind: APIResource]>([:])

  public init(client: KubeClient) { self.client = client }

  func resource(_ kind: FluxKind) async throws -> APIResource {
    if let known = resources.withLock({ $0[kind] }) { return known }
    let resolved = try await client.resource(
      for: GroupVersionKind(group: kind.group, version: kind.version, kind: kind.kind))
    resources.withLock { $0[kind] = resolved }
    return resolved
  }

  public func get(_ kind: FluxKind, namespace: String, name: String) async throws -> JSON? {
    let resource = try await resource(kind)
    do {
      return try await client.get(resource, name: name, namespace: namespace).json
    } catch let error as KubeAPIError where error.isNotFound {
      return nil
    }
  }

  public func list(_ kind: FluxKind, namespace: String?) async throws -> CollectionSnapshot {
    let list = try await client.list(try await resource(kind), namespace: namespace)
    return CollectionSnapshot(items: list.items.map(\.json), resourceVersion: list.resourceVersion)
  }

  public func mergePatch(_ kind: FluxKind, namespace: String, name: String, patch: JSON) async throws -> JSON {
    try await client.patch(try await resource(kind), name: name, namespace: namespace, .merge(patch)).json
  }

  public func watch(_ kind: FluxKind, namespace: String?, name: String?, resourceVersion: String?) async throws
    -> AsyncThrowingStream<WatchChange, any Error>
  {
    client.watchChanges(
      try await resource(kind), namespace: namespace, fieldSelector: name.map { "metadata.name=\($0)" },
      from: resourceVersion)
  }
}
