import TackJSON

/// What the canary use cases read and change, each one API request scoped to the one Canary (a
/// field selector for its events, the two workloads by name), never a namespace-wide scan.
extension Cluster {
  /// The Canary; throws `CanaryError.notFound` when it does not exist.
  public func canary(namespace: String, name: String) async throws -> JSON {
    guard let canary = try await get(.canary, namespace: namespace, name: name) else {
      throw CanaryError.notFound(namespace: namespace, name: name)
    }
    return canary
  }

  public func canaries(namespace: String) async throws -> [JSON] {
    try await list(.canary, ListScope(namespace: namespace)).items
  }

  /// A workload (the target or its `-primary`); `nil` when it does not exist.
  public func workload(namespace: String, apiVersion: String, kind: String, name: String) async throws -> JSON? {
    try await get(.workload(apiVersion: apiVersion, kind: kind), namespace: namespace, name: name)
  }

  /// The Events whose involved object is this Canary. Flagger records core `v1` Events; clusters
  /// whose recorders moved to `events.k8s.io/v1` serve the same Events there (one storage, renamed
  /// fields). A server that answers the core list with nothing (or not at all) is asked through the
  /// new API too, and the two lists are merged by name.
  public func canaryEvents(namespace: String, name: String) async throws -> [JSON] {
    let coreEvents = try await Self.unlessNotServed {
      try await list(
        .event, ListScope(namespace: namespace, fieldSelector: "involvedObject.kind=Canary,involvedObject.name=\(name)")
      ).items
    }
    if let coreEvents, !coreEvents.isEmpty { return coreEvents }
    let newEvents = try await Self.unlessNotServed {
      let scope = ListScope(namespace: namespace, fieldSelector: "regarding.kind=Canary,regarding.name=\(name)")
      return try await list(.eventV1, scope).items
    }
    return CanaryEvents.merge(core: coreEvents ?? [], eventsV1: newEvents ?? [])
  }

  /// `nil` when the server does not serve the resource (404), instead of an error.
  static func unlessNotServed(_ list: () async throws -> [JSON]) async throws -> [JSON]? {
    do {
      return try await list()
    } catch is ObjectNotFoundError {
      return nil
    }
  }

  public func patchCanary(namespace: String, name: String, mergePatch: JSON) async throws -> JSON {
    do {
      return try await patch(.canary, namespace: namespace, name: name, .merge(mergePatch, fieldManager: "tack"))
    } catch is ObjectNotFoundError {
      throw CanaryError.notFound(namespace: namespace, name: name)
    }
  }

  public func patchWorkload(namespace: String, apiVersion: String, kind: String, name: String, mergePatch: JSON)
    async throws -> JSON
  {
    try await patch(
      .workload(apiVersion: apiVersion, kind: kind), namespace: namespace, name: name,
      .merge(mergePatch, fieldManager: "tack"))
  }

  /// POSTs a JSON body to a loadtester through the API server's service proxy.
  public func proxyPost(_ endpoint: LoadtesterEndpoint, path: String, body: JSON) async throws -> ServiceProxyReply {
    try await proxy(
      ServiceProxyRequest(
        namespace: endpoint.namespace, service: endpoint.service, scheme: endpoint.scheme == "https" ? "https" : nil,
        port: String(endpoint.port), method: "POST", path: path, body: body.serializedBytes()))
  }

  /// Successive states of the Canary as a watch reports them. The stream may end at any time (the
  /// server closes watches); callers re-GET on their own schedule anyway.
  public func watchCanary(namespace: String, name: String) -> AsyncThrowingStream<JSON, any Error> {
    AsyncThrowingStream { continuation in
      let task = Task {
        do {
          for try await change in try await watch(.canary, .named(name, namespace: namespace), from: nil) {
            if let object = change.object { continuation.yield(object) }
          }
          continuation.finish()
        } catch {
          continuation.finish(throwing: error)
        }
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }
}

/// The two Event APIs' answers, merged.
enum CanaryEvents {
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
}
