import TackBase
import TackJSON

/// `tack resume`: merge-patch `spec.suspend` away, then (for one name, or with `--wait`) wait for a
/// fresh Ready. Patches every object first, then waits for all of them in parallel — one watch per
/// kind and namespace — which is what makes `resume --all` of hundreds of objects finish
/// (fluxcd/flux2#2379, #3793).
public struct Resumer: Sendable {
  public var cluster: any Cluster
  public var progress: any ProgressReporter
  public var waiter: ObjectWaiter

  public init(cluster: any Cluster, progress: any ProgressReporter, waiter: ObjectWaiter = ObjectWaiter()) {
    self.cluster = cluster
    self.progress = progress
    self.waiter = waiter
  }

  /// What flux's client-side merge patch sends when `suspend` goes from true to unset.
  public static let resumePatch: JSON = ["spec": ["suspend": .null]]

  /// `wait`: `nil` when `--wait` was not given (flux waits for exactly one name then), `false` never
  /// waits, `true` always does.
  @discardableResult
  public func run(_ kind: FluxKind, _ selection: ObjectSelection, wait: Bool?, timeout: Duration) async throws
    -> [ObjectOutcome]
  {
    let deadline = WaitDeadline(timeout: timeout)
    let single = selection.isSingle
    let shouldWait = wait ?? single
    var outcomes: [ObjectOutcome] = []
    var resumed: [(ObjectRef, JSON)] = []

    let targets = try await SuspendTargets.resolve(kind, selection, cluster: cluster)
    let steps = await SuspendTargets.patch(targets, cluster: cluster, patch: Self.resumePatch) { object in
      ObjectStatus(object).suspended
    }
    for (target, step) in steps {
      let ref = target.ref
      switch step {
      case .missing:
        let error = ObjectNotFoundError("\(kind.kind) object '\(ref.name)' not found in \(ref.namespace) namespace")
        if single { throw error }
        progress.failure(error.description)
        outcomes.append(ObjectOutcome(ref, .failed(error)))
      case .unchanged(let object):
        progress.success("\(kind.humanKind) \(ref.name) is not suspended")
        resumed.append((ref, object))
      case .failed(let error):
        if error is CancellationError { throw error }
        let failure = SuspendPatchError(verb: "resuming", ref: ref, underlying: tackError(error))
        if single { throw failure }
        progress.action("resuming \(kind.humanKind) \(ref.name) in \(ref.namespace) namespace")
        progress.failure(failure.description)
        outcomes.append(ObjectOutcome(ref, .failed(failure)))
      case .patched(let object):
        progress.action("resuming \(kind.humanKind) \(ref.name) in \(ref.namespace) namespace")
        progress.success("\(kind.humanKind) resumed")
        resumed.append((ref, object))
      }
    }

    let waitable = resumed.filter { $0.0.kind.hasReadyCondition }
    if shouldWait, waitable.count < resumed.count {
      progress.warning("\(kind.kind) has no Ready condition to wait for; not waiting")
    }
    guard shouldWait, !waitable.isEmpty else {
      outcomes += resumed.map { ObjectOutcome($0.0, .requested("resumed")) }
      if let error = outcomes.aggregateError(verb: "resume") { throw error }
      return outcomes
    }

    let predicates = waitable.map { ref, object in
      (ref, ResumeReadiness(ref: ref, isStatic: kind.isStatic(object)).evaluate)
    }
    let results: [ObjectRef: ObjectWaiter.Outcome]
    if waitable.count == 1, let (ref, predicate) = predicates.first {
      progress.beginWait("waiting for \(kind.kind) reconciliation")
      let progress = self.progress
      do {
        let object = try await waiter.wait(
          for: cluster.watchedObject(ref), deadline: deadline, onWaiting: { progress.updateWait($0) },
          until: predicate)
        results = [ref: .success(object)]
      } catch is CancellationError {
        progress.endWait()
        throw CancellationError()
      } catch {
        results = [ref: .failure(error)]
      }
      progress.endWait()
    } else {
      progress.beginWait("waiting for \(waitable.count) objects to reconcile")
      let counter = ProgressCounter(total: waitable.count, progress: progress)
      do {
        results = try await BulkWait(cluster: cluster, waiter: waiter).run(
          predicates, deadline: deadline, allNamespaces: selection.allNamespaces,
          onFinished: { _, _ in counter.increment() })
      } catch {
        progress.endWait()
        throw error
      }
      progress.endWait()
    }

    var waitFailures: [ObjectOutcome] = []
    for (ref, _) in waitable.sorted(by: { $0.0 < $1.0 }) {
      let label = selection.allNamespaces ? "\(ref.namespace)/\(ref.name)" : ref.name
      switch results[ref] ?? .failure(CommandError("no result")) {
      case .success(let object):
        let message = object.map { kind.successMessage(for: $0) } ?? ""
        progress.success("\(kind.kind) \(label) reconciliation completed")
        progress.success(message)
        outcomes.append(ObjectOutcome(ref, .succeeded(message)))
      case .failure(let error):
        let failure = tackError(error)
        // flux prints the wait's own message after "reconciliation failed:".
        var text = objectDetail(failure)
        if text.hasPrefix("reconciliation failed: ") { text.removeFirst("reconciliation failed: ".count) }
        let code = resumed.count > 1 ? " (exit \(failure.exitStatus.rawValue))" : ""
        progress.failure("\(kind.kind) \(label) reconciliation failed: \(text)\(code)")
        let outcome = ObjectOutcome(ref, .failed(failure))
        outcomes.append(outcome)
        waitFailures.append(outcome)
      }
    }
    outcomes += resumed.filter { !$0.0.kind.hasReadyCondition }.map { ObjectOutcome($0.0, .requested("resumed")) }

    // flux's closing error when only waits failed; the full breakdown when names were missing too.
    if !waitFailures.isEmpty, waitFailures.count == outcomes.filter(\.isFailure).count {
      throw AggregateError(
        "reconciliation failed for \(waitFailures.count) \(kind.kind)(s)", exitStatus: waitFailures.worstExitStatus)
    }
    if let error = outcomes.aggregateError(verb: "resume") { throw error }
    return outcomes
  }
}
