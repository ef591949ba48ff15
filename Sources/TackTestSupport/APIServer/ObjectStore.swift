import Foundation
import Synchronization
import TackBase
import TackJSON

/// A watch event as a client sees it.
public struct WatchEvent: Sendable {
  public enum EventType: String, Sendable { case added = "ADDED", modified = "MODIFIED", deleted = "DELETED", bookmark = "BOOKMARK", error = "ERROR" }
  public var type: EventType
  public var object: JSON

  public init(type: EventType, object: JSON) {
    self.type = type
    self.object = object
  }
}

/// An object as stored: its JSON, the same JSON pre-serialised (lists and watches just copy these
/// bytes), and the revision that wrote it.
struct StoredObject: Sendable {
  var object: JSON
  var bytes: [UInt8]
  var revision: UInt64

  init(_ object: JSON, revision: UInt64) {
    self.object = object
    self.bytes = object.serializedBytes()
    self.revision = revision
  }
}

/// One change, kept in the bounded history that watches resume from.
struct HistoryEntry: Sendable {
  var revision: UInt64
  var storageKey: String
  /// Object key: `namespace/name` or `name`.
  var key: String
  var type: WatchEvent.EventType
  var object: StoredObject
  var previous: StoredObject?
}

/// What a watch registration is handed, in order.
enum WatchDelivery: Sendable {
  case event(HistoryEntry)
  /// End of the initial ADDED burst (for `sendInitialEvents=true`).
  case initialEventsEnd(UInt64)
  case failed(APIError)
}

/// Objects of one resource, with keys kept sorted (etcd's key order) for paging.
struct Bucket: Sendable {
  var objects: [String: StoredObject] = [:]
  var keys: [String] = []

  func lowerBound(_ key: String) -> Int {
    var low = 0
    var high = keys.count
    while low < high {
      let mid = (low + high) / 2
      if keys[mid] < key { low = mid + 1 } else { high = mid }
    }
    return low
  }

  mutating func put(_ key: String, _ object: StoredObject) {
    if objects.updateValue(object, forKey: key) == nil {
      if let last = keys.last, last < key { keys.append(key) } else { keys.insert(key, at: lowerBound(key)) }
    }
  }

  mutating func remove(_ key: String) {
    guard objects.removeValue(forKey: key) != nil else { return }
    let index = lowerBound(key)
    if index < keys.count, keys[index] == key { keys.remove(at: index) }
  }

  /// Index range of keys in `namespace` (all keys when nil).
  func range(namespace: String?) -> Range<Int> {
    guard let namespace else { return 0..<keys.count }
    return lowerBound(namespace + "/")..<lowerBound(namespace + "0")  // "0" follows "/" in ASCII
  }
}

struct StoreState: Sendable {
  var registry: ResourceRegistry
  var buckets: [String: Bucket] = [:]
  var revision: UInt64 = 1
  var history: [HistoryEntry] = []
  var historyStart = 0
  /// Events older than this revision are gone (watching from before it answers 410).
  var oldestResumableRevision: UInt64 = 1
  var watchers: [UInt64: Watcher] = [:]
  var nextWatcherID: UInt64 = 1

  struct Watcher: Sendable {
    var storageKey: String
    var sink: @Sendable (WatchDelivery) -> Void
  }
}

/// Options that shape a write, shared by HTTP requests and the in-process API.
public struct WriteOptions: Sendable {
  public enum FieldValidation: String, Sendable { case ignore = "Ignore", warn = "Warn", strict = "Strict" }
  public var fieldManager: String
  public var fieldValidation: FieldValidation
  public var dryRun: Bool
  public var force: Bool

  public init(fieldManager: String = "tack-test", fieldValidation: FieldValidation = .warn, dryRun: Bool = false, force: Bool = false) {
    self.fieldManager = fieldManager
    self.fieldValidation = fieldValidation
    self.dryRun = dryRun
    self.force = force
  }
}

/// The outcome of a write: the object (in the requested version), warnings, and whether it was created.
struct WriteResult: Sendable {
  var object: StoredObject
  var warnings: [String] = []
  var created = false
}

/// List parameters (`labelSelector`, `fieldSelector`, `limit`, `continue`, `resourceVersion`, …).
public struct ListOptions: Sendable {
  public var labelSelector = LabelSelector()
  public var fieldSelector = FieldSelector()
  public var limit: Int?
  public var continueToken: String?
  public var resourceVersion: String?
  public var resourceVersionMatch: String?

  public init(labelSelector: LabelSelector = LabelSelector(), fieldSelector: FieldSelector = FieldSelector(),
    limit: Int? = nil, continueToken: String? = nil, resourceVersion: String? = nil, resourceVersionMatch: String? = nil)
  {
    self.labelSelector = labelSelector
    self.fieldSelector = fieldSelector
    self.limit = limit
    self.continueToken = continueToken
    self.resourceVersion = resourceVersion
    self.resourceVersionMatch = resourceVersionMatch
  }
}

struct ListPage: Sendable {
  var items: [StoredObject]
  var revision: UInt64
  var continueToken: String?
  var remainingItemCount: Int?
}

/// The cluster state behind the test API server: every object, a cluster-wide revision counter
/// (`resourceVersion`), a bounded event history for watches, and the resource registry (CRDs
/// become served types here). Writes from HTTP and from the in-process API take the same paths.
public final class ObjectStore: Sendable {
  let state: Mutex<StoreState>
  let currentRevision = RevisionCounter()
  /// How many events watches can resume from; older resourceVersions get 410 Expired.
  public let historyLimit: Int

  public init(historyLimit: Int = 10_000) {
    self.historyLimit = max(historyLimit, 1)
    var initial = StoreState(registry: ResourceRegistry(builtins: BuiltinResources.all))
    let now = RFC3339Time.now().rfc3339
    for name in ["default", "kube-system", "kube-public", "kube-node-lease"] {
      let namespace: JSON = [
        "apiVersion": "v1", "kind": "Namespace",
        "metadata": [
          "name": .string(name), "uid": .string(UUID().uuidString.lowercased()),
          "resourceVersion": .string(String(initial.revision)), "creationTimestamp": .string(now),
          "labels": ["kubernetes.io/metadata.name": .string(name)],
        ],
        "spec": ["finalizers": ["kubernetes"]], "status": ["phase": "Active"],
      ]
      initial.buckets["/namespaces", default: Bucket()].put(name, StoredObject(namespace, revision: initial.revision))
      initial.revision += 1
    }
    state = Mutex(initial)
    currentRevision.value.store(initial.revision - 1, ordering: .relaxed)
  }

  /// The latest resourceVersion written.
  public var resourceVersion: UInt64 { currentRevision.value.load(ordering: .relaxed) }

  // MARK: lookups

  func resourceType(group: String, version: String, plural: String) -> ResourceType? {
    state.withLock { $0.registry.lookup(group: group, version: version, plural: plural) }
  }

  /// The served type for `apiVersion` + `kind`, or 404 as the real server words an unknown kind.
  public func resourceType(apiVersion: String, kind: String) throws(APIError) -> ResourceType {
    if let type = state.withLock({ $0.registry.lookup(apiVersion: apiVersion, kind: kind) }) { return type }
    throw APIError(
      code: 404, reason: "NotFound",
      message: "the server could not find the requested resource (no kind \"\(kind)\" is registered for version \"\(apiVersion)\")")
  }

  var registrySnapshot: ResourceRegistry { state.withLock { $0.registry } }

  /// Stops serving a built-in resource over HTTP (discovery and its URLs), as a cluster without it
  /// would; objects stored under it stay, and in-process calls still reach them.
  ///
  /// ```swift
  /// cluster.store.unserve(group: "", version: "v1", plural: "events")   // only events.k8s.io/v1 is left
  /// ```
  public func unserve(group: String, version: String, plural: String) {
    state.withLock { $0.registry.unserve(group: group, version: version, plural: plural) }
  }

  static func objectKey(namespace: String?, name: String) -> String {
    if let namespace, !namespace.isEmpty { return "\(namespace)/\(name)" }
    return name
  }

  // MARK: conversion between served versions

  /// The stored object as `type` serves it (None conversion for CRDs, field mapping for Events).
  static func present(_ stored: StoredObject, as type: ResourceType) -> StoredObject {
    if stored.object["apiVersion"]?.stringValue == type.apiVersion { return stored }
    var object = stored.object
    switch type.conversion {
    case .eventsV1: object = EventConversion.toEventsV1(object)
    case .coreEvent: object = EventConversion.toCore(object)
    case .none: object["apiVersion"] = .string(type.apiVersion)
    }
    return StoredObject(object, revision: stored.revision)
  }

  /// The incoming object in storage form.
  static func toStorage(_ object: JSON, type: ResourceType, storageType: ResourceType) -> JSON {
    if type.apiVersion == storageType.apiVersion { return object }
    switch type.conversion {
    case .eventsV1: return EventConversion.toCore(object)
    default:
      var converted = object
      converted["apiVersion"] = .string(storageType.apiVersion)
      return converted
    }
  }

  // MARK: commit (caller holds the lock)

  /// Writes or deletes one object: bumps the revision, records history, notifies watchers.
  @discardableResult
  static func commit(
    _ state: inout StoreState, storageKey: String, key: String, object: JSON?, type: WatchEvent.EventType,
    historyLimit: Int, revisionCounter: RevisionCounter
  ) -> StoredObject {
    let revision = state.revision
    state.revision += 1
    revisionCounter.value.store(revision, ordering: .relaxed)
    // Mutated in place: copying the bucket out of the dictionary would copy every object of the
    // resource on each write (quadratic seeding).
    let previous = state.buckets[storageKey]?.objects[key]
    var written = object ?? previous?.object ?? .null
    written[path: "metadata", "resourceVersion"] = .string(String(revision))
    let stored = StoredObject(written, revision: revision)
    if type == .deleted {
      state.buckets[storageKey]?.remove(key)
    } else {
      state.buckets[storageKey, default: Bucket()].put(key, stored)
    }
    record(&state, HistoryEntry(
      revision: revision, storageKey: storageKey, key: key, type: type, object: stored, previous: previous),
      historyLimit: historyLimit)
    return stored
  }

  /// Appends a change to the bounded history and hands it to the resource's watchers.
  static func record(_ state: inout StoreState, _ entry: HistoryEntry, historyLimit: Int) {
    state.history.append(entry)
    if state.history.count - state.historyStart > historyLimit {
      state.historyStart += 1
      state.oldestResumableRevision = state.history[state.historyStart].revision - 1
      if state.historyStart > 4096, state.historyStart * 2 > state.history.count {
        state.history.removeFirst(state.historyStart)
        state.historyStart = 0
      }
    }
    for watcher in state.watchers.values where watcher.storageKey == entry.storageKey { watcher.sink(.event(entry)) }
  }

  // MARK: reads

  func get(_ type: ResourceType, namespace: String?, name: String) throws(APIError) -> StoredObject {
    let key = ObjectStore.objectKey(namespace: type.namespaced ? namespace : nil, name: name)
    let stored = state.withLock { $0.buckets[type.storageKey]?.objects[key] }
    guard let stored else { throw APIError.notFound(resource: type.plural, group: type.group, name: name) }
    return ObjectStore.present(stored, as: type)
  }

  // MARK: watch

  /// Registers a watch on `type`'s storage. Deliveries arrive in revision order (under the store
  /// lock, so sinks must only enqueue). Returns an id for ``cancelWatch(_:)``.
  ///
  /// Where it starts, as kube-apiserver's watch cache decides (`sendInitialEvents` already
  /// defaulted by the caller for HTTP):
  /// - `sendInitialEvents=true`: ADDED for every current object, then `.initialEventsEnd` at the
  ///   current revision; a resourceVersion is only a lower bound (NotOlderThan).
  /// - `sendInitialEvents=false`: no initial state; from the given resourceVersion exactly, or from
  ///   now when it is unset or "0".
  /// - unset: from the given resourceVersion exactly; without one (the in-process API), the current
  ///   state as ADDED first, as a legacy watch.
  ///
  /// Resuming from a revision older than the history answers 410 Expired as an ERROR event; one
  /// newer than the store answers 504 (the real server gives up waiting with the same error).
  func watch(
    _ type: ResourceType, namespace: String?, resourceVersion: String?, sendInitialEvents: Bool?,
    sink: @escaping @Sendable (WatchDelivery) -> Void
  ) throws(APIError) -> UInt64 {
    var requested: UInt64?
    if let rv = resourceVersion, !rv.isEmpty, rv != "0" {
      guard let value = UInt64(rv) else { throw APIError.badRequest("invalid resource version: \(rv)") }
      requested = value
    }
    let namespaceFilter = type.namespaced ? namespace : nil
    return try state.withLock { state throws(APIError) -> UInt64 in
      let current = state.revision - 1
      if let requested, requested > current {
        throw APIError.tooLargeResourceVersion(requested: requested, current: current)
      }
      let id = state.nextWatcherID
      state.nextWatcherID += 1
      switch (sendInitialEvents, requested) {
      case (true, _), (nil, nil):
        if let bucket = state.buckets[type.storageKey] {
          for index in bucket.range(namespace: namespaceFilter) {
            let key = bucket.keys[index]
            let object = bucket.objects[key]!
            sink(
              .event(HistoryEntry(
                revision: object.revision, storageKey: type.storageKey, key: key, type: .added, object: object,
                previous: nil)))
          }
        }
        if sendInitialEvents == true { sink(.initialEventsEnd(current)) }
      case (_, let requested?):
        if requested < state.oldestResumableRevision {
          sink(.failed(APIError.expired("too old resource version: \(requested) (\(state.oldestResumableRevision))")))
          return id
        }
        for entry in state.history[state.historyStart...]
        where entry.revision > requested && entry.storageKey == type.storageKey {
          sink(.event(entry))
        }
      case (false, nil):
        break  // from now on
      }
      state.watchers[id] = StoreState.Watcher(storageKey: type.storageKey, sink: sink)
      return id
    }
  }

  func cancelWatch(_ id: UInt64) {
    state.withLock { _ = $0.watchers.removeValue(forKey: id) }
  }

  /// Number of open watches (for tests that check watches are cleaned up).
  public var activeWatchCount: Int { state.withLock { $0.watchers.count } }
}

/// The latest revision, readable without the store lock.
final class RevisionCounter: Sendable {
  let value = Atomic<UInt64>(1)
}

/// Translates stored changes into the events one watcher sees: selector transitions become ADDED
/// or DELETED, as kube-apiserver's watch cache does.
struct WatchFilter: Sendable {
  var type: ResourceType
  var namespace: String?
  var labelSelector: LabelSelector
  var fieldSelector: FieldSelector

  func matches(_ stored: StoredObject, key: String) -> Bool {
    if let namespace, type.namespaced, !key.hasPrefix(namespace + "/") { return false }
    if !labelSelector.isEmpty, !labelSelector.matches(stored.object[path: "metadata", "labels"]?.objectValue) {
      return false
    }
    if !fieldSelector.isEmpty, !fieldSelector.matches(stored.object, type: type) { return false }
    return true
  }

  func translate(_ entry: HistoryEntry) -> (WatchEvent.EventType, StoredObject)? {
    let now = matches(entry.object, key: entry.key)
    switch entry.type {
    case .added:
      return now ? (.added, ObjectStore.present(entry.object, as: type)) : nil
    case .deleted:
      let before = entry.previous.map { matches($0, key: entry.key) } ?? now
      return before ? (.deleted, ObjectStore.present(entry.object, as: type)) : nil
    case .modified:
      let before = entry.previous.map { matches($0, key: entry.key) } ?? false
      switch (before, now) {
      case (true, true): return (.modified, ObjectStore.present(entry.object, as: type))
      case (false, true): return (.added, ObjectStore.present(entry.object, as: type))
      case (true, false): return (.deleted, ObjectStore.present(entry.object, as: type))
      case (false, false): return nil
      }
    default: return nil
    }
  }
}
