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

  public func canaryEvents(namespace: String, name: String) async throws -> [JSON] {
    var options = ListOptions()
    options.fieldSelector = "involvedObject.kind=Canary,involvedObject.name=\(name)"
    return try await client.list(Self.events, namespace: namespace, options: options).items.map(\.json)
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
