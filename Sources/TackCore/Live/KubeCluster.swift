import Synchronization
import TackBase
import TackJSON
import TackKube

/// ``Cluster`` over TackKube's `KubeClient`: the one adapter between tack's use cases and a real
/// API server.
///
/// - Types are resolved through discovery (group, version and kind, never a guessed URL), except
///   ``ObjectKind/fixed`` ones. A type discovery does not know is ``ResourceNotServedError``,
///   with the versions of the kind the server does serve. Once this adapter has written a
///   CustomResourceDefinition (bootstrap, install), a miss refreshes discovery first: the kind may
///   have become served a moment ago.
/// - A 404 from the API server becomes `nil` for ``get(_:namespace:name:)`` and
///   ``ObjectNotFoundError`` (the server's words) everywhere else; other errors pass through.
/// - Lists are paged as they arrive; watches resume after dropped connections and 410 Gone.
public final class KubeCluster: Cluster {
  public let client: KubeClient
  /// Objects per list page (kubectl's chunk size by default).
  public let pageSize: Int
  private let wroteDefinitions = Mutex(false)

  public init(client: KubeClient, pageSize: Int = 500) {
    self.client = client
    self.pageSize = pageSize
  }

  // MARK: resolving types

  func resource(_ type: ObjectKind) async throws -> APIResource {
    if let fixed = type.fixed {
      return APIResource(
        group: type.group, version: type.version, name: fixed.plural, kind: type.kind, namespaced: fixed.namespaced)
    }
    let gvk = GroupVersionKind(group: type.group, version: type.version, kind: type.kind)
    do {
      return try await client.resource(for: gvk)
    } catch is KubeDiscoveryError {
      let known: [APIResource]
      if wroteDefinitions.withLock({ $0 }) {
        known = try await client.serverResources(refresh: true)
        if let found = known.first(where: { $0.groupVersionKind == gvk }) { return found }
      } else {
        known = (try? await client.serverResources()) ?? []
      }
      let served = known.filter { $0.group == type.group && $0.kind == type.kind }.map(\.apiVersion)
      throw ResourceNotServedError(type: type, servedVersions: served)
    }
  }

  /// The namespace a request names: none for a cluster-scoped resource.
  static func namespace(_ namespace: String?, of resource: APIResource) -> String? {
    resource.namespaced ? namespace : nil
  }

  /// Runs a request, turning the API server's 404 into ``ObjectNotFoundError`` with its words.
  static func mapped<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as KubeAPIError where error.isNotFound || error.code == 404 {
      throw ObjectNotFoundError(error.description)
    }
  }

  func noteWrite(_ type: ObjectKind) {
    if type.kind == "CustomResourceDefinition" { wroteDefinitions.withLock { $0 = true } }
  }

  // MARK: Cluster

  public func serverVersion() async throws -> String {
    try await client.serverVersion().gitVersion
  }

  public func get(_ type: ObjectKind, namespace: String?, name: String) async throws -> JSON? {
    let resource = try await resource(type)
    do {
      return try await client.get(resource, name: name, namespace: Self.namespace(namespace, of: resource)).json
    } catch let error as KubeAPIError where error.isNotFound {
      return nil
    }
  }

  static func listOptions(_ scope: ListScope) -> ListOptions {
    ListOptions(labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector)
  }

  public func listPages(_ type: ObjectKind, _ scope: ListScope) async throws
    -> AsyncThrowingStream<ObjectList, any Error>
  {
    let resource = try await resource(type)
    let pages = client.listPages(
      resource, namespace: Self.namespace(scope.namespace, of: resource), options: Self.listOptions(scope),
      pageSize: pageSize)
    nonisolated(unsafe) var iterator = pages.makeAsyncIterator()
    return AsyncThrowingStream(unfolding: {
      guard let page = try await Self.mapped({ try await iterator.next() }) else { return nil }
      let version = page.resourceVersion.flatMap { $0.isEmpty ? nil : $0 }
      return ObjectList(items: page.items.map(\.json), resourceVersion: version)
    })
  }

  public func watch(_ type: ObjectKind, _ scope: ListScope, from resourceVersion: String?) async throws
    -> AsyncThrowingStream<WatchChange, any Error>
  {
    let resource = try await resource(type)
    var list = Self.listOptions(scope)
    list.resourceVersion = resourceVersion
    let events = client.watch(
      resource, namespace: Self.namespace(scope.namespace, of: resource),
      options: WatchOptions(list: list, initialList: resourceVersion == nil, deliverBookmarks: true))
    nonisolated(unsafe) var iterator = events.makeAsyncIterator()
    return AsyncThrowingStream(unfolding: {
      while let event = try await Self.mapped({ try await iterator.next() }) {
        switch event.type {
        case .added, .modified: return .changed(event.object.json)
        case .deleted: return .deleted(event.object.json)
        case .bookmark:
          if let version = event.object.metadata.resourceVersion { return .bookmark(resourceVersion: version) }
        }
      }
      return nil
    })
  }

  public func patch(_ type: ObjectKind, namespace: String?, name: String, _ patch: ObjectPatch) async throws -> JSON {
    let resource = try await resource(type)
    let namespace = Self.namespace(namespace, of: resource)
    defer { noteWrite(type) }
    return try await Self.mapped {
      switch patch {
      case .merge(let body, let fieldManager):
        try await client.patch(
          resource, name: name, namespace: namespace, .merge(body), options: WriteOptions(fieldManager: fieldManager)
        ).json
      case .apply(let object, let fieldManager, let force):
        try await client.patch(
          resource, name: name, namespace: namespace, .apply(object, fieldManager: fieldManager, force: force)
        ).json
      }
    }
  }

  public func dryRunApply(_ object: JSON, fieldManager: String, force: Bool) async throws -> DryRunOutcome {
    let resource = try await resource(ObjectKind(of: object))
    let namespace = Self.namespace(object[path: "metadata", "namespace"]?.stringValue, of: resource)
    do {
      return .applied(
        try await client.patch(
          resource, name: object[path: "metadata", "name"]?.stringValue ?? "", namespace: namespace,
          .apply(object, fieldManager: fieldManager, force: force), options: WriteOptions(dryRun: true)
        ).json)
    } catch let error as KubeAPIError {
      let causes = error.status.details?.causes.compactMap(\.reason) ?? []
      return .failed(DryRunFailure(code: error.code, reason: error.reason.rawValue, message: error.message, causes: causes))
    }
  }

  public func create(_ object: JSON) async throws -> JSON {
    let type = ObjectKind(of: object)
    let resource = try await resource(type)
    defer { noteWrite(type) }
    return try await Self.mapped {
      try await client.create(
        resource, KubeObject(object),
        namespace: Self.namespace(object[path: "metadata", "namespace"]?.stringValue, of: resource)
      ).json
    }
  }

  public func update(_ object: JSON) async throws -> JSON {
    let type = ObjectKind(of: object)
    let resource = try await resource(type)
    defer { noteWrite(type) }
    return try await Self.mapped {
      try await client.update(
        resource, KubeObject(object),
        namespace: Self.namespace(object[path: "metadata", "namespace"]?.stringValue, of: resource)
      ).json
    }
  }

  public func delete(_ type: ObjectKind, namespace: String?, name: String) async throws {
    let resource = try await resource(type)
    _ = try await Self.mapped {
      try await client.delete(resource, name: name, namespace: Self.namespace(namespace, of: resource))
    }
  }

  public func proxy(_ request: ServiceProxyRequest) async throws -> ServiceProxyReply {
    let response = try await Self.mapped {
      try await client.proxy(
        service: request.service, namespace: request.namespace, scheme: request.scheme, port: request.port,
        method: request.method, path: request.path, body: request.body,
        headers: request.headers.map { (name: $0.name, value: $0.value) })
    }
    return ServiceProxyReply(status: response.status, body: response.bodyText)
  }

  public func podLogs(_ request: PodLogRequest) async throws -> AsyncThrowingStream<[UInt8], any Error> {
    let body = try await Self.mapped {
      try await client.podLogs(
        namespace: request.namespace, pod: request.pod,
        options: PodLogOptions(
          container: request.container, follow: request.follow, tailLines: request.tailLines,
          sinceTime: request.sinceTime, timestamps: request.timestamps))
    }
    nonisolated(unsafe) var iterator = body.makeAsyncIterator()
    return AsyncThrowingStream(unfolding: { try await iterator.next() })
  }

  public func raw(_ path: String) async throws -> [UInt8] {
    try await client.raw(path).body
  }
}
