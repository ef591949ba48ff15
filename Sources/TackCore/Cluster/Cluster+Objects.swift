import Synchronization
import TackBase
import TackJSON

/// What the use cases build on the port's verbs: whole lists, server-side apply, lookups that
/// treat a kind not served yet as an object not there yet, and the waits.
extension Cluster {
  /// Every object `scope` selects, across pages, with the last page's resourceVersion.
  public func list(_ type: ObjectKind, _ scope: ListScope) async throws -> ObjectList {
    var result = ObjectList(items: [])
    for try await page in try await listPages(type, scope) {
      result.items += page.items
      result.resourceVersion = page.resourceVersion
    }
    return result
  }

  /// Server-side apply of `object` (its `apiVersion`, `kind`, namespace and name say where).
  public func apply(_ object: JSON, fieldManager: String, force: Bool) async throws -> JSON {
    try await patch(
      ObjectKind(of: object), namespace: object[path: "metadata", "namespace"]?.stringValue,
      name: object[path: "metadata", "name"]?.stringValue ?? "",
      .apply(object, fieldManager: fieldManager, force: force))
  }

  // MARK: bootstrap, install and check: a kind not served yet is an object not there yet

  /// The object, or `nil` when it (or its kind) does not exist: bootstrap and install create CRDs,
  /// so a kind may simply not be served yet.
  public func get(_ reference: ObjectReference) async throws -> JSON? {
    do {
      return try await get(
        ObjectKind(apiVersion: reference.apiVersion, kind: reference.kind), namespace: reference.namespace,
        name: reference.name)
    } catch is ResourceNotServedError {
      return nil
    }
  }

  /// The objects of a kind (in a namespace, or all); none when the kind is not served.
  public func list(apiVersion: String, kind: String, namespace: String?, labelSelector: String?) async throws
    -> [JSON]
  {
    do {
      return try await list(
        ObjectKind(apiVersion: apiVersion, kind: kind), ListScope(namespace: namespace, labelSelector: labelSelector)
      ).items
    } catch is ResourceNotServedError {
      return []
    }
  }

  // MARK: waits

  /// One object of a Flux kind, as something `ObjectWaiter.wait(for:)` can follow.
  public func watchedObject(_ ref: ObjectRef) -> WatchedObject {
    let type = ObjectKind(ref.kind)
    return WatchedObject(
      description: ref.description,
      fetch: { try await self.get(type, namespace: ref.namespace, name: ref.name) },
      watch: { version in try await self.watch(type, .named(ref.name, namespace: ref.namespace), from: version) })
  }

  /// Every object of a Flux kind in a namespace (all namespaces for `nil`), for `ObjectWaiter.waitAll`.
  public func watchedCollection(_ kind: FluxKind, namespace: String?) -> WatchedCollection {
    let type = ObjectKind(kind)
    return WatchedCollection(
      description: "\(kind.kind) objects in " + (namespace.map { "\"\($0)\" namespace" } ?? "all namespaces"),
      describe: { key in ObjectRef(kind: kind, namespace: key.namespace, name: key.name).description },
      list: { try await self.list(type, ListScope(namespace: namespace)) },
      watch: { version in try await self.watch(type, ListScope(namespace: namespace), from: version) })
  }

  /// Follows the object (watch plus a re-read every `recheckInterval`) until `until` returns true
  /// for its current state (nil while it, or its kind, does not exist) and returns that state.
  /// `until` may throw to stop early. Throws ``WaitTimeout`` when `timeout` passes first.
  public func wait(
    for reference: ObjectReference, timeout: Duration, recheckInterval: Duration = .seconds(2),
    until: @escaping @Sendable (JSON?) throws -> Bool
  ) async throws -> JSON? {
    let last = LastSeen()
    let type = ObjectKind(apiVersion: reference.apiVersion, kind: reference.kind)
    let object = WatchedObject(
      description: reference.description,
      fetch: { try await self.get(reference) },
      watch: { resourceVersion in
        do {
          let scope = ListScope.named(reference.name, namespace: reference.namespace)
          return try await self.watch(type, scope, from: resourceVersion)
        } catch is ResourceNotServedError {
          // A kind discovery does not know yet: the waiter's re-reads carry on.
          return AsyncThrowingStream { $0.finish() }
        }
      })
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
}

/// A wait ran out of time; carries the last state seen.
public struct WaitTimeout: Error, Sendable {
  public var reference: ObjectReference
  public var lastSeen: JSON?
  public init(reference: ObjectReference, lastSeen: JSON?) {
    self.reference = reference
    self.lastSeen = lastSeen
  }
}

/// The last state a wait saw, for the timeout message.
final class LastSeen: Sendable {
  private let state = Mutex<JSON?>(nil)
  func set(_ value: JSON?) { state.withLock { $0 = value } }
  var value: JSON? { state.withLock { $0 } }
}
