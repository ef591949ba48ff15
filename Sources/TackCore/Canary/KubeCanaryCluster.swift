import TackJSON
import TackKube

/// `CanaryCluster` over the Kubernetes client: every call is one request scoped to the one Canary
/// (a field selector for its events, the two workloads by name), never a namespace-wide scan.
public struct KubeCanaryCluster: CanaryCluster {
  public let client: KubeClient

  public init(client: KubeClient) { self.client = client }

  static let canaries = APIResource(
    group: "flagger.app", version: "v1beta1", name: "canaries", singularName: "canary", kind: "Canary",
    namespaced: true, verbs: ["get", "list", "watch", "patch"], subresources: ["status"])
  static let events = APIResource(
    group: "", version: "v1", name: "events", singularName: "event", kind: "Event", namespaced: true,
    verbs: ["list"])
  static let eventsV1 = APIResource(
    group: "events.k8s.io", version: "v1", name: "events", singularName: "event", kind: "Event", namespaced: true,
    verbs: ["list"])

  static func workloadResource(apiVersion: String, kind: String) -> APIResource {
    let parts = apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
    let (group, version) = parts.count == 2 ? (parts[0], parts[1]) : ("", parts.first ?? "v1")
    let plural = kind.lowercased() + (kind.hasSuffix("s") ? "es" : "s")
    return APIResource(
      group: group, version: version, name: plural, singularName: kind.lowercased(), kind: kind, namespaced: true,
      verbs: ["get", "patch"])
  }

  public func canary(namespace: String, name: String) async throws -> JSON {
    do {
      return try await client.get(Self.canaries, name: name, namespace: namespace).json
    } catch let error as KubeAPIError where error.isNotFound {
      throw CanaryError.notFound(namespace: namespace, name: name)
    }
  }

  public func canaries(namespace: String) async throws -> [JSON] {
    try await client.list(Self.canaries, namespace: namespace).items.map(\.json)
  }

  public func workload(namespace: String, apiVersion: String, kind: String, name: String) async throws -> JSON? {
    do {
      return try await client.get(Self.workloadResource(apiVersion: apiVersion, kind: kind), name: name, namespace: namespace).json
    } catch let error as KubeAPIError where error.isNotFound {
      return nil
    }
  }

  /// Flagger records core `v1` Events. Clusters whose recorders moved to `events.k8s.io/v1` serve
  /// the same Events there (one storage, renamed fields); a server that answers the core list with
  /// nothing (or not at all) is asked through the new API too, and the two lists are merged by name.
  public func canaryEvents(namespace: String, name: String) async throws -> [JSON] {
    var core = ListOptions()
    core.fieldSelector = "involvedObject.kind=Canary,involvedObject.name=\(name)"
    let coreEvents = try await Self.unlessNotServed {
      try await client.list(Self.events, namespace: namespace, options: core).items.map(\.json)
    }
    if let coreEvents, !coreEvents.isEmpty { return coreEvents }
    var v1 = ListOptions()
    v1.fieldSelector = "regarding.kind=Canary,regarding.name=\(name)"
    let newEvents = try await Self.unlessNotServed {
      try await client.list(Self.eventsV1, namespace: namespace, options: v1).items.map(\.json)
    }
    return Self.merge(core: coreEvents ?? [], eventsV1: newEvents ?? [])
  }

  /// `nil` when the server does not serve the resource (404), instead of an error.
  static func unlessNotServed(_ list: () async throws -> [JSON]) async throws -> [JSON]? {
    do {
      return try await list()
    } catch let error as KubeAPIError where error.isNotFound || error.code == 404 {
      return nil
    }
  }

  /// Both lists, each Event once (by `metadata.name`; the core copy wins).
  static func merge(core: [JSON], eventsV1: [JSON]) -> [JSON] {
    var seen = Set<String>()
    var merged: [JSON] = []
    for event in core + eventsV1 {
      let name = event[path: "metadata", "name"]?.stringValue ?? ""
      if !name.isEmpty, !seen.insert(name).inserted { continue }
      merged.append(event)
    }
    return merged
  }

  public func patchCanary(namespace: String, name: String, mergePatch: JSON) async throws -> JSON {
    do {
      return try await client.patch(Self.canaries, name: name, namespace: namespace, .merge(mergePatch),
        options: WriteOptions(fieldManager: "tack")).json
    } catch let error as KubeAPIError where error.isNotFound {
      throw CanaryError.notFound(namespace: namespace, name: name)
    }
  }

  public func patchWorkload(namespace: String, apiVersion: String, kind: String, name: String, mergePatch: JSON)
    async throws -> JSON
  {
    try await client.patch(
      Self.workloadResource(apiVersion: apiVersion, kind: kind), name: name, namespace: namespace, .merge(mergePatch),
      options: WriteOptions(fieldManager: "tack")
    ).json
  }

  public func proxyPost(_ endpoint: LoadtesterEndpoint, path: String, body: JSON) async throws -> ServiceProxyReply {
    let response = try await client.proxy(
      service: endpoint.service, namespace: endpoint.namespace, scheme: endpoint.scheme == "https" ? "https" : nil,
      port: String(endpoint.port), method: "POST", path: path, body: body.serializedBytes())
    return ServiceProxyReply(status: response.status, body: response.bodyText)
  }

  public func watchCanary(namespace: String, name: String) -> AsyncThrowingStream<JSON, any Error> {
    var list = ListOptions()
    list.fieldSelector = "metadata.name=\(name)"
    let events = client.watch(Self.canaries, namespace: namespace, options: WatchOptions(list: list))
    return AsyncThrowingStream { continuation in
      let task = Task {
        do {
          for try await event in events where event.type != .bookmark { continuation.yield(event.object.json) }
          continuation.finish()
        } catch {
          continuation.finish(throwing: error)
        }
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }
}
