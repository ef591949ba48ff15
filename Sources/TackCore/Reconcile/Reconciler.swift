import Synchronization
import TackBase
import TackJSON

/// `tack reconcile`: ask Flux controllers to reconcile now, and wait until they did.
///
/// One name behaves exactly like `flux reconcile` (same lines, same errors), except that the wait
/// follows a watch, a failed attempt ends it at once, and the exit code says what happened. Several
/// names, `--all` and `-A` annotate everything first, wait for everything in parallel (one watch per
/// kind and namespace), then print one sorted summary line per object; the worst outcome decides
/// the exit code.
public struct Reconciler: Sendable {
  public var cluster: any Cluster
  public var progress: any ProgressReporter
  public var waiter: ObjectWaiter
  /// The request token; RFC3339Nano of now (tests may pin it).
  public var makeToken: @Sendable () -> String

  public init(
    cluster: any Cluster, progress: any ProgressReporter, waiter: ObjectWaiter = ObjectWaiter(),
    makeToken: @escaping @Sendable () -> String = { RFC3339Time.now().rfc3339NanoLocal }
  ) {
    self.cluster = cluster
    self.progress = progress
    self.waiter = waiter
    self.makeToken = makeToken
  }

  /// How many PATCHes a bulk command has in flight at once.
  static let patchConcurrency = 8

  /// Runs the command. Returns the per-object outcomes (already reported); throws the error to
  /// render at the edge: for one name the object's own error, for several an `AggregateError`.
  @discardableResult
  public func run(_ kind: FluxKind, _ selection: ObjectSelection, options: ReconcileOptions) async throws
    -> [ObjectOutcome]
  {
    let deadline = WaitDeadline(timeout: options.timeout)
    let single = selection.isSingle
    var outcomes: [ObjectOutcome] = []
    var plan = ReconcilePlan()

    for (ref, object) in try await targets(kind, selection, outcomes: &outcomes) {
      if kind.isStatic(object) {
        if single {
          progress.success("reconciliation not supported by the object")
          return []
        }
        outcomes.append(ObjectOutcome(ref, .skipped("reconciliation not supported by the object")))
        continue
      }
      if ObjectStatus(object).suspended {
        if single { throw ReconcileError.suspended }
        outcomes.append(
          ObjectOutcome(
            ref, selection.isAll ? .skipped("skipped: resource is suspended") : .failed(ReconcileError.suspended)))
        continue
      }
      do {
        try await plan.add(ref, object, withSource: options.withSource, cluster: cluster)
      } catch {
        if single { throw error }
        outcomes.append(ObjectOutcome(ref, .failed(tackError(error))))
      }
    }

    for stage in plan.stages {
      outcomes += try await reconcileStage(stage, plan: plan, outcomes: outcomes, single: single,
        selection: selection, options: options, deadline: deadline)
    }

    if !single {
      for (symbol, line) in outcomes.summaryLines() { progress.log(symbol, line) }
      if let error = outcomes.aggregateError(verb: "reconciliation") { throw error }
    }
    return outcomes
  }

  /// The objects named (missing ones become outcomes, or the error for a single name), or listed.
  func targets(_ kind: FluxKind, _ selection: ObjectSelection, outcomes: inout [ObjectOutcome]) async throws
    -> [(ObjectRef, JSON)]
  {
    switch selection {
    case .named(_, let namespace):
      var found: [(ObjectRef, JSON)] = []
      for name in selection.uniqueNames {
        let ref = ObjectRef(kind: kind, namespace: namespace, name: name)
        if let object = try await cluster.get(ObjectKind(kind), namespace: namespace, name: name) {
          found.append((ref, object))
        } else if selection.isSingle {
          throw ObjectNotFoundError.get(ref)
        } else {
          outcomes.append(ObjectOutcome(ref, .failed(ObjectNotFoundError.get(ref))))
        }
      }
      return found
    case .all(let namespace):
      let list = try await cluster.list(ObjectKind(kind), ListScope(namespace: namespace))
      let found = list.items.compactMap { object in ObjectRef(kind: kind, object: object).map { ($0, object) } }
      if found.isEmpty { throw ReconcileError.noObjects(kind, namespace: namespace) }
      return found.sorted { $0.0 < $1.0 }
    }
  }

  /// Annotates every object of one stage, then waits for them together.
  func reconcileStage(
    _ stage: [ObjectRef], plan: ReconcilePlan, outcomes previous: [ObjectOutcome], single: Bool,
    selection: ObjectSelection, options: ReconcileOptions, deadline: WaitDeadline
  ) async throws -> [ObjectOutcome] {
    var outcomes: [ObjectOutcome] = []
    var requests: [(ObjectRef, ReconcileRequest)] = []
    var toAnnotate: [(ObjectRef, ReconcileRequest)] = []
    let failed = Set(previous.filter(\.isFailure).map(\.ref))
    for ref in stage {
      if let source = plan.sources[ref], failed.contains(source) || outcomes.contains(where: { $0.ref == source && $0.isFailure }) {
        outcomes.append(ObjectOutcome(ref, .failed(ReconcileError.sourceFailed(source))))
        continue
      }
      let object = plan.objects[ref]!
      if ref.kind.isStatic(object) {
        if single { progress.success("reconciliation not supported by the object") }
        outcomes.append(ObjectOutcome(ref, .skipped("reconciliation not supported by the object")))
        continue
      }
      if ObjectStatus(object).suspended {
        if single { throw ReconcileError.suspended }
        outcomes.append(ObjectOutcome(ref, .failed(ReconcileError.suspended)))
        continue
      }
      let isTarget = plan.targets.contains(ref)
      let request = ReconcileRequest(
        token: makeToken(), force: isTarget && options.force, reset: isTarget && options.reset)
      if single {
        progress.action("annotating \(ref.kind.kind) \(ref.name) in \(ref.namespace) namespace")
        _ = try await cluster.patch(
          ObjectKind(ref.kind), namespace: ref.namespace, name: ref.name, .merge(request.patch(for: ref.kind)))
        progress.success("\(ref.kind.kind) annotated")
        requests.append((ref, request))
      } else {
        toAnnotate.append((ref, request))
      }
    }
    // Many objects: patch several at once, report in order.
    let cluster = self.cluster
    let patched = await toAnnotate.orderedConcurrentMap(limit: Self.patchConcurrency) { ref, request in
      do {
        _ = try await cluster.patch(
          ObjectKind(ref.kind), namespace: ref.namespace, name: ref.name, .merge(request.patch(for: ref.kind)))
        return (ref, request, nil as (any Error)?)
      } catch {
        return (ref, request, error)
      }
    }
    for (ref, request, error) in patched {
      progress.action("annotating \(ref.kind.kind) \(ref.name) in \(ref.namespace) namespace")
      if let error {
        if error is CancellationError { throw error }
        progress.failure("failed annotating \(ref.kind.kind) \(ref.name) in \(ref.namespace) namespace: \(error)")
        outcomes.append(ObjectOutcome(ref, .failed(tackError(error))))
        continue
      }
      progress.success("\(ref.kind.kind) annotated")
      requests.append((ref, request))
    }
    guard options.wait else {
      return outcomes + requests.map { ObjectOutcome($0.0, .requested("annotated")) }
    }
    guard !requests.isEmpty else { return outcomes }

    if single, let (ref, request) = requests.first {
      progress.beginWait("waiting for \(ref.kind.kind) reconciliation")
      let completion = ReconcileCompletion(ref: ref, request: request)
      let progress = self.progress
      do {
        let object = try await waiter.wait(
          for: cluster.watchedObject(ref), deadline: deadline, onWaiting: { progress.updateWait($0) },
          until: completion.evaluate)
        progress.endWait()
        let message = object.map { ref.kind.successMessage(for: $0) } ?? ""
        progress.success(message)
        return outcomes + [ObjectOutcome(ref, .succeeded(message))]
      } catch {
        progress.endWait()
        throw error
      }
    }

    let total = requests.count
    progress.beginWait(
      total == 1 ? "waiting for \(requests[0].0.kind.kind) reconciliation" : "waiting for \(total) objects to reconcile")
    let counter = ProgressCounter(total: total, progress: progress)
    let results: [ObjectRef: ObjectWaiter.Outcome]
    do {
      results = try await BulkWait(cluster: cluster, waiter: waiter).run(
        requests.map { ref, request in (ref, ReconcileCompletion(ref: ref, request: request).evaluate) },
        deadline: deadline, allNamespaces: selection.allNamespaces,
        onFinished: { _, _ in counter.increment() })
    } catch {
      progress.endWait()
      throw error
    }
    progress.endWait()
    for (ref, _) in requests {
      switch results[ref] {
      case .success(let object)?:
        outcomes.append(ObjectOutcome(ref, .succeeded(object.map { ref.kind.successMessage(for: $0) } ?? "")))
      case .failure(let error)?:
        outcomes.append(ObjectOutcome(ref, .failed(tackError(error))))
      case nil:
        outcomes.append(ObjectOutcome(ref, .failed(CommandError("no result"))))
      }
    }
    return outcomes
  }
}

/// Counts finished objects for the live line's `3/5 done`.
final class ProgressCounter: Sendable {
  let total: Int
  let progress: any ProgressReporter
  let done = Mutex(0)

  init(total: Int, progress: any ProgressReporter) {
    self.total = total
    self.progress = progress
  }

  func increment() {
    let count = done.withLock { value in
      value += 1
      return value
    }
    progress.updateWait("\(count)/\(total) done")
  }
}
