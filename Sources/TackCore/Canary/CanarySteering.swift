import Synchronization
import TackBase
import TackJSON

/// The steering commands: promote through a gate, promote fully (skipAnalysis), abort (rollback
/// gate) and retry (restart annotation). Each reports what it did to a `ProgressReporter` and returns the
/// exit status the command should end with; errors are thrown, never printed.
public struct CanarySteering: Sendable {
  public let cluster: any Cluster
  public let waiter: CanaryWaiter

  public init(cluster: any Cluster, waiter: CanaryWaiter) {
    self.cluster = cluster
    self.waiter = waiter
  }

  var clock: any CanaryClock { waiter.clock }

  /// The loadtester payload: only `name` and `namespace` matter to its gate store.
  static func payload(namespace: String, name: String) -> JSON {
    ["name": .string(name), "namespace": .string(namespace)]
  }

  func post(_ endpoint: LoadtesterEndpoint, _ path: String, namespace: String, name: String) async throws {
    let response = try await cluster.proxyPost(endpoint, path: path, body: Self.payload(namespace: namespace, name: name))
    guard (200..<300).contains(response.status) else {
      throw CanaryError.loadtesterRefused(
        endpoint: endpoint.description, path: path, status: response.status,
        body: String(response.body.prefix(200)).trimmingSuffixNewlines())
    }
  }

  /// Runs `body`, then `cleanup` even when `body` throws or the task is cancelled (Ctrl-C): the
  /// cleanup runs in a fresh task that does not inherit the cancellation.
  func withCleanup<T: Sendable>(
    _ body: () async throws -> T, cleanup: @escaping @Sendable () async throws -> Void
  ) async throws -> T {
    let result: Result<T, any Error>
    do { result = .success(try await body()) } catch { result = .failure(error) }
    let cleanupResult = await Task { () -> Result<Void, any Error> in
      do { return .success(try await cleanup()) } catch { return .failure(error) }
    }.value
    let value = try result.get()
    try cleanupResult.get()
    return value
  }

  // MARK: promote through a gate

  /// Opens the loadtester gate holding the canary, waits for Flagger's next phase, and closes the
  /// gate again (unless `keepGateOpen`) so the next release is gated too.
  public func promote(
    namespace: String, name: String, keepGateOpen: Bool, timeout: Double,
    progress: any ProgressReporter
  ) async throws -> ExitStatus {
    let snapshot = try await CanaryStatusLoader(cluster: cluster).load(namespace: namespace, name: name)
    let report = snapshot.report
    guard let gate = report.gate else {
      throw CanaryError.notHeldAtGate(namespace: namespace, name: name, detail: Self.gateConfiguration(report))
    }
    guard let loadtester = gate.loadtester else {
      throw CanaryError.gateNotOpenable(
        namespace: namespace, name: name,
        detail: "held by \(gate.type.rawValue) webhook \(gate.webhook.name) at \(gate.webhook.url), which is not a "
          + "flagger-loadtester /gate/check URL (http://<service>.<namespace>/gate/check); open it there, or use --full")
    }
    let heldPhase = report.status.phase
    let heldWeight = report.status.canaryWeight
    progress.action("opening \(gate.type.rawValue) gate \(gate.webhook.name) on \(loadtester.description)")
    try await post(loadtester, "/gate/open", namespace: namespace, name: name)
    progress.success("gate opened")

    return try await withCleanup {
      progress.waiting("waiting for Flagger's next tick (interval \(report.progress.interval))")
      let final = Mutex<CanaryStatusReport?>(nil)
      let status = try await waiter.follow(
        namespace: namespace, name: name, timeout: timeout, waitingFor: "to pass the \(gate.type.rawValue) gate"
      ) { snapshot in
        let r = snapshot.report
        let moved: Bool
        switch gate.type {
        case .confirmTrafficIncrease:
          moved = r.status.phase != heldPhase || r.status.canaryWeight > heldWeight
        case .confirmRollout, .confirmPromotion:
          moved = r.status.phase != heldPhase
        }
        guard moved else { return .keepWaiting }
        final.withLock { $0 = r }
        return .done(r.status.phase == .failed ? .resourceFailed : .success)
      }
      if let r = final.withLock({ $0 }) {
        if r.status.phase == .failed {
          progress.failure("canary \(namespace)/\(name) Failed: \(r.status.promoted?.message ?? "")")
        } else {
          progress.success("canary \(namespace)/\(name) passed the gate: \(CanaryStateLine(report: r).text)")
        }
      }
      return status
    } cleanup: {
      guard !keepGateOpen else {
        progress.warning("gate left open (--keep-gate-open): the next release will not stop at \(gate.webhook.name)")
        return
      }
      try await post(loadtester, "/gate/close", namespace: namespace, name: name)
      progress.success("gate closed again, so the next release waits at \(gate.webhook.name) too")
    }
  }

  static func gateConfiguration(_ report: CanaryStatusReport) -> String {
    let gates = report.spec.analysis.webhooks.filter {
      $0.type == .confirmRollout || $0.type == .confirmPromotion || $0.type == .confirmTrafficIncrease
    }
    let phase = report.status.phase == .none ? "Pending" : report.status.phase.description
    if gates.isEmpty {
      return "it is \(phase) and has no confirm-rollout, confirm-traffic-increase or confirm-promotion webhook; "
        + "use --full to promote it now (sets spec.skipAnalysis until it succeeds)"
    }
    let list = gates.map { "\($0.typeText) \($0.name) (\($0.url))" }.joined(separator: ", ")
    return "it is \(phase); its gates are \(list); use --full to promote it now without analysis"
  }

  // MARK: promote --full

  /// Sets `spec.skipAnalysis: true`, waits for Succeeded, and sets it back — also on timeout,
  /// failure and Ctrl-C.
  public func promoteFull(
    namespace: String, name: String, timeout: Double, progress: any ProgressReporter
  ) async throws -> ExitStatus {
    let canary = try await cluster.canary(namespace: namespace, name: name)
    let report = CanaryStatusReport(canary: canary, target: nil, primary: nil, events: [])
    if let owner = report.fluxKustomization {
      let who = owner.isEmpty ? "a Flux Kustomization" : "Flux Kustomization \(owner)"
      progress.warning("canary \(namespace)/\(name) is managed by \(who): Flux reverts manual spec changes on its next reconcile")
    }
    if report.status.phase == .failed {
      throw CanaryError.failedCanaryCannotBePromoted(namespace: namespace, name: name)
    }
    if report.status.phase == .succeeded || report.status.phase == .initialized {
      // Flagger only acts on skipAnalysis when a new revision is pending.
      let target = try await cluster.workload(
        namespace: namespace, apiVersion: report.spec.targetAPIVersion, kind: report.spec.targetKind,
        name: report.spec.targetName)
      if let changed = target.flatMap(TemplateChange.lastChange(of:)),
        let finished = report.status.promoted?.lastTransitionTime.flatMap(RFC3339Time.init), changed < finished
      {
        throw CanaryError.nothingToPromote(namespace: namespace, name: name, phase: report.status.phase.description)
      }
    }
    let original = canary[path: "spec", "skipAnalysis"]?.boolValue ?? false
    progress.action("setting spec.skipAnalysis: true on canary \(namespace)/\(name)")
    _ = try await cluster.patchCanary(namespace: namespace, name: name, mergePatch: ["spec": ["skipAnalysis": true]])
    let started = clock.now()

    return try await withCleanup {
      progress.waiting("waiting for Flagger to promote without analysis (interval \(report.progress.interval))")
      let final = Mutex<CanaryStatusReport?>(nil)
      let status = try await waiter.follow(namespace: namespace, name: name, timeout: timeout, waitingFor: "to succeed") {
        snapshot in
        let r = snapshot.report
        let since = r.status.promoted?.lastTransitionTime.flatMap(RFC3339Time.init)
        let freshSuccess: Bool
        if let since { freshSuccess = since >= RFC3339Time(seconds: started.seconds.rounded(.down)) } else { freshSuccess = false }
        switch r.status.phase {
        case .succeeded where freshSuccess, .failed:
          final.withLock { $0 = r }
          return .done(r.status.phase == .failed ? .resourceFailed : .success)
        default:
          return .keepWaiting
        }
      }
      if let r = final.withLock({ $0 }) {
        if r.status.phase == .failed {
          progress.failure("canary \(namespace)/\(name) Failed: \(r.status.promoted?.message ?? "")")
        } else {
          progress.success("canary \(namespace)/\(name) Succeeded: \(r.status.promoted?.message ?? "")")
        }
      }
      return status
    } cleanup: {
      let restore: JSON = original ? ["spec": ["skipAnalysis": true]] : ["spec": ["skipAnalysis": .null]]
      _ = try await cluster.patchCanary(namespace: namespace, name: name, mergePatch: restore)
      progress.success("spec.skipAnalysis restored to \(original)")
    }
  }

  // MARK: abort

  /// Opens the loadtester rollback gate, waits for Failed, and closes the rollback gate again.
  public func abort(
    namespace: String, name: String, timeout: Double, progress: any ProgressReporter
  ) async throws -> ExitStatus {
    let canary = try await cluster.canary(namespace: namespace, name: name)
    let spec = CanarySpec(canary: canary)
    let status = CanaryStatus(canary: canary)
    let hooks = spec.analysis.webhooks(ofType: .rollback)
    let rollbackGates = hooks.compactMap { h in
      LoadtesterEndpoint(url: h.url, expectedPath: "/rollback/check").map { (hook: h, endpoint: $0) }
    }
    guard let found = rollbackGates.first else {
      throw CanaryError.noRollbackWebhook(namespace: namespace, name: name)
    }
    let (hook, loadtester) = (found.hook, found.endpoint)
    switch status.phase {
    case .progressing, .waiting, .waitingPromotion: break
    default:
      throw CanaryError.nothingToAbort(
        namespace: namespace, name: name, phase: status.phase == .none ? "Pending" : status.phase.description)
    }
    progress.action("opening rollback gate \(hook.name) on \(loadtester.description)")
    try await post(loadtester, "/rollback/open", namespace: namespace, name: name)
    progress.success("rollback requested")
    return try await withCleanup {
      progress.waiting("waiting for Flagger to roll back (interval \(spec.analysis.interval))")
      let exit = try await waiter.follow(namespace: namespace, name: name, timeout: timeout, waitingFor: "to roll back") {
        snapshot in
        switch snapshot.report.status.phase {
        case .failed: return .done(.success)
        case .succeeded: return .done(.failure)
        default: return .keepWaiting
        }
      }
      if exit == .success {
        progress.success("canary \(namespace)/\(name) rolled back: Failed, all traffic on the primary")
      } else {
        progress.failure("canary \(namespace)/\(name) was promoted before the rollback took effect")
      }
      return exit
    } cleanup: {
      try await post(loadtester, "/rollback/close", namespace: namespace, name: name)
      progress.success("rollback gate closed again")
    }
  }

  // MARK: retry

  /// Bumps `kubectl.kubernetes.io/restartedAt` in the target's pod template (what `kubectl rollout
  /// restart` does), so Flagger sees a new revision and starts a new analysis.
  public func retry(namespace: String, name: String, progress: any ProgressReporter)
    async throws -> ExitStatus
  {
    let canary = try await cluster.canary(namespace: namespace, name: name)
    let spec = CanarySpec(canary: canary)
    guard spec.targetKind == "Deployment" || spec.targetKind == "DaemonSet" else {
      throw CanaryError.unsupportedTarget(kind: spec.targetKind)
    }
    let now = clock.now().description
    progress.action("annotating \(spec.targetKind)/\(spec.targetName) with kubectl.kubernetes.io/restartedAt=\(now)")
    let patch: JSON = [
      "spec": ["template": ["metadata": ["annotations": ["kubectl.kubernetes.io/restartedAt": .string(now)]]]]
    ]
    _ = try await cluster.patchWorkload(
      namespace: namespace, apiVersion: spec.targetAPIVersion, kind: spec.targetKind, name: spec.targetName,
      mergePatch: patch)
    let phase = CanaryStatus(canary: canary).phase
    progress.success("\(spec.targetKind)/\(spec.targetName) annotated")
    progress.waiting(
      "canary \(namespace)/\(name) is \(phase == .none ? "Pending" : phase.description); Flagger starts a new analysis on its next tick (within \(spec.analysis.interval)); follow it with `tack canary status \(name) -n \(namespace) --watch`"
    )
    return .success
  }
}
