import TackJSON

/// The test API server's in-process store as the controller double's `FluxDoubleStore`: every read
/// and write goes through the store's API paths (versioning, validation, status subresource,
/// managedFields under the controller's field manager, watch events), as the real controllers'
/// requests would.
public struct APIServerFluxStore: FluxDoubleStore {
  public let store: ObjectStore
  /// Where controller log lines go (the pods ``FluxControllerDouble/podName(_:)`` names in
  /// `flux-system`); nil drops them.
  public let podLogs: PodLogs?

  public init(store: ObjectStore, podLogs: PodLogs? = nil) {
    self.store = store
    self.podLogs = podLogs
  }

  public func list(_ kind: FluxDoubleKind) async throws -> (items: [JSON], resourceVersion: String?) {
    // Read the version first: a watch from it may repeat a change the list already shows, never miss one.
    let version = String(store.resourceVersion)
    return (try store.list(apiVersion: kind.apiVersion, kind: kind.kind), version)
  }

  public func watch(_ kind: FluxDoubleKind, from resourceVersion: String?) async throws
    -> AsyncThrowingStream<FluxDoubleEvent, any Error>
  {
    let events = try store.watch(apiVersion: kind.apiVersion, kind: kind.kind, resourceVersion: resourceVersion)
    return AsyncThrowingStream { continuation in
      let task = Task {
        for await event in events {
          switch event.type {
          case .added, .modified: continuation.yield(.upserted(event.object))
          case .deleted: continuation.yield(.deleted(event.object))
          case .bookmark: break
          case .error:
            continuation.finish(throwing: APIServerFluxStoreError(status: event.object))
            return
          }
        }
        continuation.finish()
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }

  public func get(_ kind: FluxDoubleKind, namespace: String, name: String) async throws -> JSON? {
    do {
      return try store.get(apiVersion: kind.apiVersion, kind: kind.kind, namespace: namespace, name: name)
    } catch where error.code == 404 {
      return nil
    }
  }

  public func writeStatus(_ kind: FluxDoubleKind, namespace: String, name: String, status: JSON) async throws -> JSON? {
    // Read-modify-write of /status, retried on conflict, as a controller's status update does.
    for attempt in 1...5 {
      guard var object = try await get(kind, namespace: namespace, name: name) else { return nil }
      object["status"] = status
      do {
        return try store.updateStatus(object, fieldManager: kind.controller.rawValue)
      } catch {
        if error.code == 404 { return nil }
        if error.code != 409 || attempt == 5 { throw error }
      }
    }
    return nil
  }

  public func create(_ kind: FluxDoubleKind, _ object: JSON) async throws {
    do {
      try store.create(object, fieldManager: kind.controller.rawValue)
    } catch where error.code == 409 {
      // Created meanwhile: what the controller would find on its next look.
    }
  }
}

extension APIServerFluxStore {
  public func recordEvent(_ event: JSON) async throws {
    let manager = event["reportingController"]?.stringValue ?? event[path: "source", "component"]?.stringValue ?? "flux"
    let exists: Bool
    do {
      try store.create(event, fieldManager: manager)
      exists = false
    } catch {
      guard error.code == 409 else { throw error }
      exists = true
    }
    guard exists else { return }
    // A repeat: the stored Event with the new count and times.
    var current = try store.get(
      apiVersion: event["apiVersion"]?.stringValue ?? "v1", kind: "Event",
      namespace: event[path: "metadata", "namespace"]?.stringValue, name: event[path: "metadata", "name"]?.stringValue ?? "")
    for member in event.objectValue ?? [:] where member.key != "metadata" { current[member.key] = member.value }
    _ = try store.update(current, fieldManager: manager)
  }

  public func writeLog(_ controller: FluxController, _ line: String) async {
    podLogs?.append(
      line + "\n", namespace: "flux-system", pod: FluxControllerDouble.podName(controller), container: "manager")
  }
}

/// A watch of the store ended with an ERROR event (410 Expired): the double lists again.
struct APIServerFluxStoreError: Error {
  var status: JSON
}

extension FluxControllerDouble {
  /// Starts the double on a running test API server: the one call tests, the demo and
  /// `tack-testserver --flux-controllers` need.
  ///
  /// ```swift
  /// let flux = await FluxControllerDouble.start(on: cluster.server)
  /// ```
  public static func start(
    on server: APIServer, controllers: Set<FluxController> = Set(FluxController.allCases),
    defaultBehaviour: FluxBehaviour = .default
  ) async -> FluxControllerDouble {
    let double = FluxControllerDouble(
      store: APIServerFluxStore(store: server.store, podLogs: server.podLogs), controllers: controllers,
      defaultBehaviour: defaultBehaviour)
    await double.start()
    return double
  }
}

extension FluxControllerDouble {
  /// Gives each controller a running Pod in `flux-system` — under its Deployment's selector when
  /// one is installed, else with a Deployment labelled as `flux install` labels it — named as the
  /// double's log lines expect, so `tack logs` reads what the double writes.
  ///
  /// ```swift
  /// try FluxControllerDouble.seedControllerPods(in: cluster.store)
  /// ```
  public static func seedControllerPods(
    in store: ObjectStore, controllers: Set<FluxController> = Set(FluxController.allCases)
  ) throws {
    try store.ensureNamespace("flux-system")
    for controller in FluxController.allCases where controllers.contains(controller) {
      let name = controller.rawValue
      var labels: JSON = ["app": .string(name)]
      if let deployment = try? store.get(apiVersion: "apps/v1", kind: "Deployment", namespace: "flux-system", name: name) {
        labels = deployment[path: "spec", "selector", "matchLabels"] ?? labels
      } else {
        try store.create([
          "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": [
            "name": .string(name), "namespace": "flux-system",
            "labels": ["app.kubernetes.io/part-of": "flux", "app.kubernetes.io/component": .string(name)],
          ],
          "spec": [
            "selector": ["matchLabels": labels],
            "template": ["metadata": ["labels": labels], "spec": ["containers": [["name": "manager", "image": .string("ghcr.io/fluxcd/\(name)")]]]],
          ],
        ])
      }
      let pod = podName(controller)
      guard (try? store.get(apiVersion: "v1", kind: "Pod", namespace: "flux-system", name: pod)) == nil else { continue }
      try store.create([
        "apiVersion": "v1", "kind": "Pod",
        "metadata": ["name": .string(pod), "namespace": "flux-system", "labels": labels],
        "spec": ["containers": [["name": "manager", "image": .string("ghcr.io/fluxcd/\(name)")]]],
        "status": ["phase": "Running"],
      ])
    }
  }
}
