import TackBase
import TackJSON

/// Waits until a predicate holds on an object — or on each of many objects of one kind — following a
/// watch rather than polling.
///
/// - The object (collection) is fetched once, then watched from that resourceVersion; every change
///   is judged as it arrives, so completion is noticed as soon as the controller writes status.
/// - A watch that ends or fails (dropped connection, 410 Gone) is replaced: the state is re-fetched
///   and a new watch starts from there, after a short capped backoff.
/// - Independently, the state is re-fetched every `recheckInterval`, so a watch that silently misses
///   an event costs seconds, not the whole timeout.
/// - The deadline is shared by everything a command waits for; cancellation (Ctrl-C) ends the wait
///   at once with `CancellationError`.
///
/// One object (bootstrap waiting for a Deployment, a canary for its phase):
/// ```swift
/// let deployment = try await ObjectWaiter().wait(for: object, deadline: WaitDeadline(timeout: .seconds(60))) { json in
///   guard let json else { return .waiting("not created yet") }
///   let result = KStatus.compute(json)
///   return result.status == .current ? .satisfied : .waiting(result.message)
/// }
/// ```
/// Many objects (one list, one watch):
/// ```swift
/// let results = try await ObjectWaiter().waitAll(in: kustomizations, for: predicatesByKey, deadline: deadline)
/// ```
public struct ObjectWaiter: Sendable {
  /// How often one object is re-fetched while the watch is quiet.
  public var recheckInterval: Duration
  /// How often a collection is re-listed while its watch is quiet: a list of hundreds of objects
  /// costs the API server far more than one GET, so less often.
  public var collectionRecheckInterval: Duration
  /// The first pause before replacing a failed watch; doubles up to the recheck interval.
  public var watchRetryDelay: Duration

  public init(
    recheckInterval: Duration = .seconds(3), collectionRecheckInterval: Duration? = nil,
    watchRetryDelay: Duration = .milliseconds(100)
  ) {
    self.recheckInterval = recheckInterval
    self.collectionRecheckInterval = collectionRecheckInterval ?? max(recheckInterval, .seconds(10))
    self.watchRetryDelay = watchRetryDelay
  }

  public typealias Predicate = @Sendable (JSON?) -> WaitVerdict
  public typealias Outcome = Result<JSON?, any Error>

  /// Waits for one object. Returns the state that satisfied the predicate (`nil` if absence did).
  /// Throws the predicate's failure, `WaitTimeoutError` at the deadline, `CancellationError`, or the
  /// error of the first fetch. `onWaiting` hears each new reason the predicate gives for waiting.
  public func wait(
    for object: WatchedObject,
    deadline: WaitDeadline,
    onWaiting: (@Sendable (String) -> Void)? = nil,
    until predicate: @escaping Predicate
  ) async throws -> JSON? {
    let key = ObjectKey(namespace: "", name: object.description)
    let source = Source(
      snapshot: {
        let state = try await object.fetch()
        return Snapshot(items: state.map { [$0] } ?? [], resourceVersion: state.flatMap(Self.resourceVersion))
      },
      watch: object.watch,
      key: { _ in key })
    var onKeyWaiting: (@Sendable (ObjectKey, String) -> Void)?
    if let onWaiting { onKeyWaiting = { _, reason in onWaiting(reason) } }
    let description = object.description
    let results = try await run(
      source, predicates: [key: predicate], describe: { _ in description }, deadline: deadline,
      onWaiting: onKeyWaiting, onFinished: nil)
    guard let outcome = results[key] else { throw CancellationError() }
    return try outcome.get()
  }

  /// Waits for each object of `predicates` (keyed by namespace/name) in one collection. Returns every
  /// object's outcome — its final state, or the error it ended with (`WaitTimeoutError` for those
  /// still waiting at the deadline). Throws only `CancellationError` and the first list's error.
  /// `onFinished` hears each object as it finishes (for "3/5 reconciled" progress).
  public func waitAll(
    in collection: WatchedCollection,
    for predicates: [ObjectKey: Predicate],
    deadline: WaitDeadline,
    onWaiting: (@Sendable (ObjectKey, String) -> Void)? = nil,
    onFinished: (@Sendable (ObjectKey, Outcome) -> Void)? = nil
  ) async throws -> [ObjectKey: Outcome] {
    let source = Source(
      snapshot: {
        let list = try await collection.list()
        return Snapshot(items: list.items, resourceVersion: list.resourceVersion)
      },
      watch: collection.watch,
      key: ObjectKey.init)
    var settings = self
    settings.recheckInterval = collectionRecheckInterval
    return try await settings.run(
      source, predicates: predicates, describe: collection.describe, deadline: deadline,
      onWaiting: onWaiting, onFinished: onFinished)
  }

  // MARK: the engine

  struct Snapshot: Sendable {
    var items: [JSON]
    var resourceVersion: String?
  }

  struct Source: Sendable {
    var snapshot: @Sendable () async throws -> Snapshot
    var watch: @Sendable (String?) async throws -> AsyncThrowingStream<WatchChange, any Error>
    var key: @Sendable (JSON) -> ObjectKey?
  }

  enum Observation: Sendable {
    case snapshot(Snapshot)
    case event(WatchChange)
    case fetchFailed(any Error)
    case deadline
  }

  func run(
    _ source: Source, predicates: [ObjectKey: Predicate], describe: @escaping @Sendable (ObjectKey) -> String,
    deadline: WaitDeadline, onWaiting: (@Sendable (ObjectKey, String) -> Void)?,
    onFinished: (@Sendable (ObjectKey, Outcome) -> Void)?
  ) async throws -> [ObjectKey: Outcome] {
    try Task.checkCancellation()
    var tracker = Tracker(
      predicates: predicates, key: source.key, describe: describe, deadline: deadline, onWaiting: onWaiting,
      onFinished: onFinished)
    guard !predicates.isEmpty else { return [:] }
    let first = try await source.snapshot()
    tracker.consider(first)
    if tracker.isDone { return tracker.results }
    if deadline.hasPassed {
      tracker.timeOut()
      return tracker.results
    }

    let (observations, sink) = AsyncStream<Observation>.makeStream(bufferingPolicy: .unbounded)
    return try await withThrowingTaskGroup(of: Void.self) { group in
      let settings = self
      group.addTask { await settings.follow(source, from: first.resourceVersion, into: sink) }
      group.addTask { await settings.recheck(source, into: sink) }
      group.addTask {
        try? await Task.sleep(until: deadline.instant, clock: .continuous)
        sink.yield(.deadline)
      }
      defer {
        group.cancelAll()
        sink.finish()
      }
      for await observation in observations {
        switch observation {
        case .snapshot(let snapshot): tracker.consider(snapshot)
        case .event(let event): tracker.consider(event)
        case .fetchFailed(let error): tracker.lastError = error
        case .deadline: tracker.timeOut()
        }
        if tracker.isDone { return tracker.results }
      }
      try Task.checkCancellation()
      tracker.timeOut()
      return tracker.results
    }
  }

  /// The verdicts so far; ignores states older than one already judged.
  struct Tracker {
    let predicates: [ObjectKey: Predicate]
    let key: @Sendable (JSON) -> ObjectKey?
    let describe: @Sendable (ObjectKey) -> String
    let deadline: WaitDeadline
    let onWaiting: (@Sendable (ObjectKey, String) -> Void)?
    let onFinished: (@Sendable (ObjectKey, Outcome) -> Void)?
    var pending: Set<ObjectKey>
    var results: [ObjectKey: Outcome] = [:]
    var reasons: [ObjectKey: String] = [:]
    var newestVersion: [ObjectKey: UInt64] = [:]
    /// The newest resourceVersion seen anywhere: a re-list older than it may miss recent creations.
    var newestSeen: UInt64 = 0
    var lastError: (any Error)?

    init(
      predicates: [ObjectKey: Predicate], key: @escaping @Sendable (JSON) -> ObjectKey?,
      describe: @escaping @Sendable (ObjectKey) -> String, deadline: WaitDeadline,
      onWaiting: (@Sendable (ObjectKey, String) -> Void)?, onFinished: (@Sendable (ObjectKey, Outcome) -> Void)?
    ) {
      self.predicates = predicates
      self.key = key
      self.describe = describe
      self.deadline = deadline
      self.onWaiting = onWaiting
      self.onFinished = onFinished
      pending = Set(predicates.keys)
    }

    var isDone: Bool { pending.isEmpty }

    mutating func consider(_ snapshot: Snapshot) {
      var states: [ObjectKey: JSON] = [:]
      for item in snapshot.items {
        if let itemKey = key(item) { states[itemKey] = item }
      }
      // Absence only means deletion in a snapshot at least as new as everything seen so far (a
      // periodic GET can answer after a newer watch event).
      let listVersion = snapshot.resourceVersion.flatMap(UInt64.init)
      let trustAbsence = listVersion.map { $0 >= newestSeen } ?? true
      for pendingKey in pending.sorted() {
        if let state = states[pendingKey] {
          judge(pendingKey, state, version: ObjectWaiter.resourceVersion(state))
        } else if trustAbsence {
          judge(pendingKey, nil, version: snapshot.resourceVersion)
        }
      }
      if let listVersion { newestSeen = max(newestSeen, listVersion) }
    }

    mutating func consider(_ event: WatchChange) {
      switch event {
      case .changed(let state):
        guard let eventKey = key(state) else { return }
        judge(eventKey, state, version: ObjectWaiter.resourceVersion(state))
      case .deleted(let state):
        guard let eventKey = key(state) else { return }
        judge(eventKey, nil, version: ObjectWaiter.resourceVersion(state))
      case .bookmark:
        break
      }
    }

    mutating func judge(_ objectKey: ObjectKey, _ state: JSON?, version: String?) {
      guard pending.contains(objectKey), let predicate = predicates[objectKey] else { return }
      if let version = version.flatMap(UInt64.init) {
        if let newest = newestVersion[objectKey], version < newest { return }
        newestVersion[objectKey] = version
        newestSeen = max(newestSeen, version)
      }
      switch predicate(state) {
      case .satisfied:
        finish(objectKey, .success(state))
      case .failed(let error):
        finish(objectKey, .failure(error))
      case .waiting(let reason):
        if reasons[objectKey] != reason {
          reasons[objectKey] = reason
          onWaiting?(objectKey, reason)
        }
      }
    }

    mutating func finish(_ objectKey: ObjectKey, _ outcome: Outcome) {
      pending.remove(objectKey)
      results[objectKey] = outcome
      onFinished?(objectKey, outcome)
    }

    mutating func timeOut() {
      for objectKey in pending.sorted() {
        var reason = reasons[objectKey] ?? ""
        if let lastError { reason += (reason.isEmpty ? "" : "; ") + "last error: \(lastError)" }
        finish(
          objectKey,
          .failure(WaitTimeoutError(object: describe(objectKey), timeout: deadline.timeoutText, lastReason: reason)))
      }
    }
  }

  static func resourceVersion(_ object: JSON) -> String? {
    object[path: "metadata", "resourceVersion"]?.stringValue
  }

  /// Keeps a watch open until cancelled, replacing it (after a fresh fetch) whenever it ends or fails.
  func follow(_ source: Source, from start: String?, into sink: AsyncStream<Observation>.Continuation) async {
    var version = start
    var delay = watchRetryDelay
    while !Task.isCancelled {
      var sawEvent = false
      do {
        let events = try await source.watch(version)
        for try await event in events {
          sawEvent = true
          delay = watchRetryDelay
          switch event {
          case .changed(let state), .deleted(let state):
            version = Self.resourceVersion(state) ?? version
          case .bookmark(let bookmarkVersion):
            version = bookmarkVersion
          }
          sink.yield(.event(event))
        }
        // A watch the server closed normally (timeoutSeconds) resumes where it stopped.
        if sawEvent, !Task.isCancelled { continue }
      } catch {
        if Task.isCancelled { return }
      }
      try? await Task.sleep(for: delay)
      if Task.isCancelled { return }
      delay = min(delay * 2, recheckInterval)
      // The old resourceVersion may be gone (410 Gone): catch up with a fetch and watch from there.
      do {
        let snapshot = try await source.snapshot()
        sink.yield(.snapshot(snapshot))
        version = snapshot.resourceVersion
      } catch {
        if Task.isCancelled { return }
        sink.yield(.fetchFailed(error))
      }
    }
  }

  /// Re-fetches every `recheckInterval` in case the watch misses something.
  func recheck(_ source: Source, into sink: AsyncStream<Observation>.Continuation) async {
    while !Task.isCancelled {
      do {
        try await Task.sleep(for: recheckInterval)
      } catch {
        return
      }
      do {
        sink.yield(.snapshot(try await source.snapshot()))
      } catch {
        if Task.isCancelled { return }
        sink.yield(.fetchFailed(error))
      }
    }
  }
}
