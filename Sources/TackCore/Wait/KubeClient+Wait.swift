import TackJSON
import TackKube

extension KubeClient {
  /// Any object (a Deployment for bootstrap, a Canary, a CRD) as something `ObjectWaiter` follows:
  /// GET by name (`nil` when absent), watch by `metadata.name` field selector.
  ///
  /// ```swift
  /// let deployments = try await client.resource(for: "deployments.apps")
  /// let object = client.watchedObject(deployments, namespace: "flux-system", name: "source-controller")
  /// try await ObjectWaiter().wait(for: object, deadline: WaitDeadline(timeout: .seconds(120))) { json in
  ///   guard let json else { return .waiting("not created yet") }
  ///   let status = KStatus.compute(json)
  ///   return status.status == .current ? .satisfied : .waiting(status.message)
  /// }
  /// ```
  public func watchedObject(_ resource: APIResource, namespace: String?, name: String) -> WatchedObject {
    let label = namespace.map { "\(resource.kind) \($0)/\(name)" } ?? "\(resource.kind) \(name)"
    return WatchedObject(
      description: label,
      fetch: {
        do {
          return try await self.get(resource, name: name, namespace: namespace).json
        } catch let error as KubeAPIError where error.isNotFound {
          return nil
        }
      },
      watch: { version in
        self.watchChanges(resource, namespace: namespace, fieldSelector: "metadata.name=\(name)", from: version)
      })
  }

  /// Every object of a resource in a namespace (all namespaces for `nil`), for `ObjectWaiter.waitAll`.
  public func watchedCollection(_ resource: APIResource, namespace: String?) -> WatchedCollection {
    WatchedCollection(
      description: "\(resource.qualifiedName) in " + (namespace.map { "\"\($0)\" namespace" } ?? "all namespaces"),
      describe: { key in "\(resource.kind) \(key)" },
      list: {
        let list = try await self.list(resource, namespace: namespace)
        return CollectionSnapshot(items: list.items.map(\.json), resourceVersion: list.resourceVersion)
      },
      watch: { version in self.watchChanges(resource, namespace: namespace, fieldSelector: nil, from: version) })
  }

  /// A watch as `WatchChange`s, from a resourceVersion (or from a fresh list when `nil`).
  func watchChanges(_ resource: APIResource, namespace: String?, fieldSelector: String?, from version: String?)
    -> AsyncThrowingStream<WatchChange, any Error>
  {
    var list = ListOptions()
    list.fieldSelector = fieldSelector
    list.resourceVersion = version
    let events = watch(
      resource, namespace: namespace, options: WatchOptions(list: list, initialList: version == nil, deliverBookmarks: true))
    return AsyncThrowingStream { continuation in
      let task = Task {
        do {
          for try await event in events {
            switch event.type {
            case .added, .modified: continuation.yield(.changed(event.object.json))
            case .deleted: continuation.yield(.deleted(event.object.json))
            case .bookmark:
              if let version = event.object.metadata.resourceVersion {
                continuation.yield(.bookmark(resourceVersion: version))
              }
            }
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
