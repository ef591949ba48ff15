import TackBase
import TackCore
import TackJSON
import TackTestSupport

/// A tiny in-memory API server for core tests: resourceVersions, generations (bumped on spec
/// changes), merge patches, status writes and watches with selectors — enough for the reconcile,
/// suspend and resume use cases and for the Flux controller double to run against, without HTTP.
/// Fault injection: `dropWatches(after:)` ends every new watch stream after N events with an error.
actor InMemoryFluxCluster {
  struct Key: Hashable {
    var plural: String
    var namespace: String
    var name: String
  }

  struct Watcher {
    var plural: String
    var namespace: String?
    var name: String?
    var continuation: AsyncThrowingStream<(type: String, object: JSON), any Error>.Continuation
    var remaining: Int?
  }

  var objects: [Key: JSON] = [:]
  var version = 100
  var watchers: [Int: Watcher] = [:]
  var nextWatcher = 0
  var dropAfter: Int?
  var requests: [String] = []
  /// Every event, so a watch from a resourceVersion replays what happened since (as the real server
  /// does within its history window).
  var history: [(version: Int, type: String, object: JSON)] = []

  func dropWatches(after events: Int?) { dropAfter = events }

  // MARK: seeding and inspection

  func add(_ object: JSON) {
    var object = object
    version += 1
    object[path: "metadata", "resourceVersion"] = .string(String(version))
    if object[path: "metadata", "generation"] == nil { object[path: "metadata", "generation"] = 1 }
    if object[path: "metadata", "namespace"] == nil { object[path: "metadata", "namespace"] = "flux-system" }
    let key = Self.key(object)
    let existed = objects[key] != nil
    objects[key] = object
    notify(existed ? "MODIFIED" : "ADDED", object)
  }

  func object(_ plural: String, _ namespace: String, _ name: String) -> JSON? {
    objects[Key(plural: plural, namespace: namespace, name: name)]
  }

  func delete(_ plural: String, _ namespace: String, _ name: String) {
    let key = Key(plural: plural, namespace: namespace, name: name)
    guard var object = objects.removeValue(forKey: key) else { return }
    version += 1
    object[path: "metadata", "resourceVersion"] = .string(String(version))
    notify("DELETED", object)
  }

  var watchCount: Int { watchers.count }

  static func key(_ object: JSON) -> Key {
    let kind = object["kind"]?.stringValue ?? ""
    let plural = FluxKind.catalog.first { $0.kind == kind }?.plural ?? kind.lowercased() + "s"
    return Key(
      plural: plural, namespace: object[path: "metadata", "namespace"]?.stringValue ?? "",
      name: object[path: "metadata", "name"]?.stringValue ?? "")
  }

  // MARK: the API

  func get(_ plural: String, _ namespace: String, _ name: String) -> JSON? {
    requests.append("GET \(plural) \(namespace)/\(name)")
    return objects[Key(plural: plural, namespace: namespace, name: name)]
  }

  func list(_ plural: String, _ namespace: String?) -> (items: [JSON], resourceVersion: String?) {
    requests.append("LIST \(plural) \(namespace ?? "*")")
    let items = objects.filter { $0.key.plural == plural && (namespace == nil || $0.key.namespace == namespace) }
      .sorted { ($0.key.namespace, $0.key.name) < ($1.key.namespace, $1.key.name) }.map(\.value)
    return (items, String(version))
  }

  func mergePatch(_ plural: String, _ namespace: String, _ name: String, _ patch: JSON) throws -> JSON {
    requests.append("PATCH \(plural) \(namespace)/\(name) \(patch.serialized())")
    let key = Key(plural: plural, namespace: namespace, name: name)
    guard let old = objects[key] else {
      throw ObjectNotFoundError("\(plural) \"\(name)\" not found")
    }
    var patch = patch
    patch["status"] = nil
    var new = Self.merge(old, patch)
    if new["spec"] != old["spec"] {
      new[path: "metadata", "generation"] = .int((old[path: "metadata", "generation"]?.intValue ?? 1) + 1)
    }
    guard new != old else { return old }
    version += 1
    new[path: "metadata", "resourceVersion"] = .string(String(version))
    objects[key] = new
    notify("MODIFIED", new)
    return new
  }

  func writeStatus(_ plural: String, _ namespace: String, _ name: String, _ status: JSON) -> JSON? {
    let key = Key(plural: plural, namespace: namespace, name: name)
    guard var object = objects[key] else { return nil }
    object["status"] = status
    version += 1
    object[path: "metadata", "resourceVersion"] = .string(String(version))
    objects[key] = object
    notify("MODIFIED", object)
    return object
  }

  func create(_ object: JSON) {
    guard objects[Self.key(object)] == nil else { return }
    add(object)
  }

  func watch(
    _ plural: String, _ namespace: String?, _ name: String?, from resourceVersion: String?, faultable: Bool = true
  ) -> AsyncThrowingStream<(type: String, object: JSON), any Error> {
    requests.append("WATCH \(plural) \(namespace ?? "*")/\(name ?? "*") rv=\(resourceVersion ?? "")")
    let (stream, continuation) = AsyncThrowingStream<(type: String, object: JSON), any Error>.makeStream()
    let id = nextWatcher
    nextWatcher += 1
    var watcher = Watcher(
      plural: plural, namespace: namespace, name: name, continuation: continuation,
      remaining: faultable ? dropAfter : nil)
    if let from = resourceVersion.flatMap(Int.init) {
      for event in history where event.version > from {
        guard Self.matches(watcher, Self.key(event.object)) else { continue }
        continuation.yield((event.type, event.object))
        if let remaining = watcher.remaining {
          if remaining <= 1 {
            continuation.finish(throwing: CommandError("watch connection reset by fault injection"))
            return stream
          }
          watcher.remaining = remaining - 1
        }
      }
    }
    watchers[id] = watcher
    continuation.onTermination = { _ in Task { await self.removeWatcher(id) } }
    return stream
  }

  func removeWatcher(_ id: Int) { watchers[id] = nil }

  static func matches(_ watcher: Watcher, _ key: Key) -> Bool {
    watcher.plural == key.plural && (watcher.namespace == nil || watcher.namespace == key.namespace)
      && (watcher.name == nil || watcher.name == key.name)
  }

  func notify(_ type: String, _ object: JSON) {
    let key = Self.key(object)
    history.append((version, type, object))
    for (id, watcher) in watchers where Self.matches(watcher, key) {
      watcher.continuation.yield((type, object))
      if let remaining = watcher.remaining {
        if remaining <= 1 {
          watcher.continuation.finish(throwing: CommandError("watch connection reset by fault injection"))
          watchers[id] = nil
        } else {
          watchers[id]?.remaining = remaining - 1
        }
      }
    }
  }

  /// RFC 7386 JSON merge patch.
  static func merge(_ target: JSON, _ patch: JSON) -> JSON {
    guard case .object(let members) = patch else { return patch }
    var result: JSON = target.objectValue != nil ? target : .object(JSONObject())
    for member in members {
      if member.value == .null {
        result[member.key] = nil
      } else {
        result[member.key] = merge(result[member.key] ?? .null, member.value)
      }
    }
    return result
  }
}

/// The in-memory cluster as tack's client sees it.
struct InMemoryFluxClient: FluxObjectClient {
  let cluster: InMemoryFluxCluster

  func get(_ kind: FluxKind, namespace: String, name: String) async throws -> JSON? {
    await cluster.get(kind.plural, namespace, name)
  }

  func list(_ kind: FluxKind, namespace: String?) async throws -> CollectionSnapshot {
    let list = await cluster.list(kind.plural, namespace)
    return CollectionSnapshot(items: list.items, resourceVersion: list.resourceVersion)
  }

  func mergePatch(_ kind: FluxKind, namespace: String, name: String, patch: JSON) async throws -> JSON {
    try await cluster.mergePatch(kind.plural, namespace, name, patch)
  }

  func watch(_ kind: FluxKind, namespace: String?, name: String?, resourceVersion: String?) async throws
    -> AsyncThrowingStream<WatchChange, any Error>
  {
    let events = await cluster.watch(kind.plural, namespace, name, from: resourceVersion)
    return AsyncThrowingStream { continuation in
      let task = Task {
        do {
          for try await event in events {
            continuation.yield(event.type == "DELETED" ? .deleted(event.object) : .changed(event.object))
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

/// The in-memory cluster as the Flux controller double sees it.
struct InMemoryDoubleStore: FluxDoubleStore {
  let cluster: InMemoryFluxCluster

  func list(_ kind: FluxDoubleKind) async throws -> (items: [JSON], resourceVersion: String?) {
    await cluster.list(kind.plural, nil)
  }

  func watch(_ kind: FluxDoubleKind, from resourceVersion: String?) async throws
    -> AsyncThrowingStream<FluxDoubleEvent, any Error>
  {
    let events = await cluster.watch(kind.plural, nil, nil, from: resourceVersion, faultable: false)
    return AsyncThrowingStream { continuation in
      let task = Task {
        do {
          for try await event in events {
            continuation.yield(event.type == "DELETED" ? .deleted(event.object) : .upserted(event.object))
          }
          continuation.finish()
        } catch {
          continuation.finish(throwing: error)
        }
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }

  func get(_ kind: FluxDoubleKind, namespace: String, name: String) async throws -> JSON? {
    await cluster.object(kind.plural, namespace, name)
  }

  func writeStatus(_ kind: FluxDoubleKind, namespace: String, name: String, status: JSON) async throws -> JSON? {
    await cluster.writeStatus(kind.plural, namespace, name, status)
  }

  func create(_ kind: FluxDoubleKind, _ object: JSON) async throws {
    await cluster.create(object)
  }
}
