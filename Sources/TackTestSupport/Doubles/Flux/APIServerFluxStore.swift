import TackJSON

/// The test API server's in-process store as the controller double's `FluxDoubleStore`: every read
/// and write goes through the store's API paths (versioning, validation, status subresource,
/// managedFields under the controller's field manager, watch events), as the real controllers'
/// requests would.
public struct APIServerFluxStore: FluxDoubleStore {
  public let store: ObjectStore

  public init(store: ObjectStore) { self.store = store }

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
      store: APIServerFluxStore(store: server.store), controllers: controllers, defaultBehaviour: defaultBehaviour)
    await double.start()
    return double
  }
}
