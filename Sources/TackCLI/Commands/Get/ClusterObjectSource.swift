import TackBase
import TackCore
import TackJSON
import TackKube

/// `FluxObjectSource` over the Kubernetes client: kinds resolved through discovery (group, version
/// and kind, never a hard-coded URL), lists paged as they arrive, watches resumed by the client.
struct ClusterObjectSource: FluxObjectSource {
  let client: KubeClient
  /// The namespace the command works in (flux's rules: `-n`, the context's with
  /// `--ns-follows-kube-context`, `FLUX_SYSTEM_NAMESPACE`, `flux-system`).
  let namespace: String

  static func make(global: GlobalOptions, context: CommandContext) async throws -> ClusterObjectSource {
    let factory = KubeClientFactory(options: global, context: context)
    return ClusterObjectSource(client: try factory.makeClient(), namespace: try factory.namespace())
  }

  /// The API resource serving `kind` at the version tack speaks; `KindNotInstalledError` when the
  /// cluster lacks it (with the versions it does serve, if any).
  func resource(_ kind: FluxKind) async throws -> APIResource {
    do {
      return try await client.resource(for: GroupVersionKind(group: kind.group, version: kind.version, kind: kind.kind))
    } catch is KubeDiscoveryError {
      let served = (try? await client.serverResources())?.filter { $0.group == kind.group && $0.kind == kind.kind }
      throw KindNotInstalledError(kind: kind, servedVersions: (served ?? []).map(\.apiVersion))
    }
  }

  static func listOptions(_ scope: ListScope) -> ListOptions {
    ListOptions(labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector)
  }

  func list(_ kind: FluxKind, scope: ListScope) async throws -> ObjectList {
    let list = try await client.list(try await resource(kind), namespace: scope.namespace, options: Self.listOptions(scope))
    return ObjectList(items: list.items.map(\.json), resourceVersion: list.resourceVersion ?? "")
  }

  func listPages(_ kind: FluxKind, scope: ListScope) async throws -> AsyncThrowingStream<ObjectList, any Error> {
    let pages = client.listPages(try await resource(kind), namespace: scope.namespace, options: Self.listOptions(scope))
    nonisolated(unsafe) var iterator = pages.makeAsyncIterator()
    return AsyncThrowingStream(unfolding: {
      guard let page = try await iterator.next() else { return nil }
      return ObjectList(items: page.items.map(\.json), resourceVersion: page.resourceVersion ?? "")
    })
  }

  func watch(_ kind: FluxKind, scope: ListScope, resourceVersion: String) async throws
    -> AsyncThrowingStream<ObjectWatchEvent, any Error>
  {
    var list = Self.listOptions(scope)
    list.resourceVersion = resourceVersion.isEmpty ? nil : resourceVersion
    let events = client.watch(
      try await resource(kind), namespace: scope.namespace,
      options: WatchOptions(list: list, initialList: resourceVersion.isEmpty))
    nonisolated(unsafe) var iterator = events.makeAsyncIterator()
    return AsyncThrowingStream(unfolding: {
      while let event = try await iterator.next() {
        switch event.type {
        case .added: return ObjectWatchEvent(type: .added, object: event.object.json)
        case .modified: return ObjectWatchEvent(type: .modified, object: event.object.json)
        case .deleted: return ObjectWatchEvent(type: .deleted, object: event.object.json)
        case .bookmark: continue
        }
      }
      return nil
    })
  }

  func get(_ kind: FluxKind, namespace: String, name: String) async throws -> JSON {
    try await client.get(try await resource(kind), name: name, namespace: namespace).json
  }

  func secret(namespace: String, name: String) async throws -> JSON {
    let secrets = try await client.resource(for: GroupVersionKind(group: "", version: "v1", kind: "Secret"))
    return try await client.get(secrets, name: name, namespace: namespace).json
  }
}

