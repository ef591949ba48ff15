import Synchronization
import TackBase
import TackJSON
import TackKube

/// ``ClusterAccess`` over TackKube's `KubeClient`: kinds resolved through discovery, writes by
/// server-side apply, waits that follow a watch and re-read the object every few seconds in case
/// an event is missed.
public struct KubeClusterAccess: ClusterAccess {
  public let client: KubeClient
  /// How often a wait re-reads the object besides following the watch.
  public var recheckInterval: Duration = .seconds(2)

  public init(client: KubeClient) { self.client = client }

  public func serverVersion() async throws -> String {
    try await client.serverVersion().gitVersion
  }

  /// The resource serving a kind, or nil. A miss refreshes discovery first: bootstrap and install
  /// create CRDs, so a kind unknown a moment ago may be served now.
  func resource(_ apiVersion: String, _ kind: String) async throws -> APIResource? {
    let groupVersion = GroupVersion(apiVersion: apiVersion)
    let gvk = GroupVersionKind(group: groupVersion.group, version: groupVersion.version, kind: kind)
    do {
      return try await client.resource(for: gvk)
    } catch is KubeDiscoveryError {
      let fresh = try await client.serverResources(refresh: true)
      return fresh.first { $0.group == gvk.group && $0.version == gvk.version && $0.kind == gvk.kind }
    }
  }

  public func get(_ reference: ObjectReference) async throws -> JSON? {
    guard let resource = try await resource(reference.apiVersion, reference.kind) else { return nil }
    do {
      return try await client.get(
        resource, name: reference.name, namespace: resource.namespaced ? reference.namespace : nil
      ).json
    } catch let error as KubeAPIError where error.isNotFound {
      return nil
    }
  }

  public func list(apiVersion: String, kind: String, namespace: String?, labelSelector: String?) async throws -> [JSON] {
    guard let resource = try await resource(apiVersion, kind) else { return [] }
    return try await client.list(
      resource, namespace: resource.namespaced ? namespace : nil, options: ListOptions(labelSelector: labelSelector)
    ).items.map(\.json)
  }

  func requireResource(of object: JSON) async throws -> (APIResource, ObjectReference) {
    let reference = ObjectReference(of: object)
    guard let resource = try await resource(reference.apiVersion, reference.kind) else {
      throw KubeDiscoveryError.unknownKind(
        GroupVersionKind(
          group: GroupVersion(apiVersion: reference.apiVersion).group,
          version: GroupVersion(apiVersion: reference.apiVersion).version, kind: reference.kind))
    }
    return (resource, reference)
  }

  public func apply(_ object: JSON, fieldManager: String, force: Bool) async throws -> JSON {
    let (resource, reference) = try await requireResource(of: object)
    return try await client.patch(
      resource, name: reference.name, namespace: resource.namespaced ? reference.namespace : nil,
      .apply(object, fieldManager: fieldManager, force: force)
    ).json
  }

  public func create(_ object: JSON) async throws -> JSON {
    let (resource, reference) = try await requireResource(of: object)
    return try await client.create(
      resource, KubeObject(object), namespace: resource.namespaced ? reference.namespace : nil
    ).json
  }

  public func update(_ object: JSON) async throws -> JSON {
    let (resource, reference) = try await requireResource(of: object)
    return try await client.update(
      resource, KubeObject(object), namespace: resource.namespaced ? reference.namespace : nil
    ).json
  }

  /// Follows the object with the shared `ObjectWaiter` (watch plus periodic re-reads).
  public func wait(
    for reference: ObjectReference, timeout: Duration, until: @escaping @Sendable (JSON?) throws -> Bool
  ) async throws -> JSON? {
    let last = LastSeen()
    let this = self
    let object = WatchedObject(
      description: reference.description,
      fetch: { try await this.get(reference) },
      watch: { resourceVersion in try await this.watchEvents(reference, from: resourceVersion) })
    do {
      return try await ObjectWaiter(recheckInterval: recheckInterval).wait(
        for: object, deadline: WaitDeadline(timeout: timeout)
      ) { state in
        last.set(state)
        do {
          return try until(state) ? .satisfied : .waiting("")
        } catch let error as any TackError {
          return .failed(error)
        } catch {
          return .failed(CommandError("\(error)"))
        }
      }
    } catch is WaitTimeoutError {
      throw WaitTimeout(reference: reference, lastSeen: last.value)
    }
  }

  /// The object's changes as the waiter wants them (the shared `KubeClient.watchChanges`); a kind
  /// discovery does not know yet gives an empty stream (the waiter's re-reads carry on).
  func watchEvents(_ reference: ObjectReference, from resourceVersion: String?) async throws
    -> AsyncThrowingStream<WatchChange, any Error>
  {
    guard let resource = try await resource(reference.apiVersion, reference.kind) else {
      return AsyncThrowingStream { $0.finish() }
    }
    return client.watchChanges(
      resource, namespace: resource.namespaced ? reference.namespace : nil,
      fieldSelector: "metadata.name=\(reference.name)", from: resourceVersion)
  }
}

/// The last state a wait saw, for the timeout message.
final class LastSeen: Sendable {
  private let state = Mutex<JSON?>(nil)
  func set(_ value: JSON?) { state.withLock { $0 = value } }
  var value: JSON? { state.withLock { $0 } }
}
