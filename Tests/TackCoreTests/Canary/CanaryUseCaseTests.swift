import Synchronization
import TackBase
import TackCore
import TackJSON
import TackTestSupport
import Testing

/// The --wait logic and the steering commands end to end against the Flagger and loadtester
/// doubles, in virtual time.
@Suite struct CanaryUseCaseTests {
  /// What a use case reported, as the plain lines a pipe would see.
  typealias Notes = RecordingProgress

  func cluster(
    _ analysis: String = CanaryFixtures.defaultAnalysis, labels: String = "", checks: FlaggerSimulator = .init()
  ) -> InMemoryCanaryCluster {
    let c = InMemoryCanaryCluster(
      canary: CanaryFixtures.canary(analysis: analysis, labels: labels), target: CanaryFixtures.deployment(),
      simulator: checks)
    c.tick(until: "Initialized", limit: 3)
    return c
  }

  func wait(_ c: InMemoryCanaryCluster, successOnGate: Bool = false, timeout: Double = 3600, notes: Notes = Notes())
    async throws -> CanaryReleaseWait.Result
  {
    let waiter = CanaryWaiter(cluster: c, clock: c, refresh: 2)
    return try await CanaryReleaseWait(waiter: waiter, successOnGate: successOnGate)
      .run(namespace: "test", name: "podinfo", timeout: timeout, progress: notes)
  }

  // MARK: --wait

  @Test func waitSucceedsAfterGateOpens() async throws {
    let c = cluster(CanaryFixtures.stepWeightsAnalysis.replacingOccurrences("confirm-traffic-increase", "confirm-promotion"))
    c.loadtester.setGate(name: "podinfo", namespace: "test", open: true)
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    let notes = Notes()
    let result = try await wait(c, notes: notes)
    #expect(result.exitStatus == .success)
    #expect(result.phase == "Succeeded")
    // one line per state change, no duplicates
    #expect(
      notes.lines.filter { !$0.hasPrefix("◎") } == [
        "Initialized weight=0% step 0/4 failed=0/2",
        "Progressing weight=0% step 0/4 failed=0/2",
        "Progressing weight=1% step 1/4 failed=0/2",
        "Progressing weight=5% step 2/4 failed=0/2",
        "Progressing weight=10% step 3/4 failed=0/2",
        "Progressing weight=50% step 4/4 failed=0/2",
        "Promoting weight=50% step 4/4 failed=0/2",
        "Finalising weight=0% step 4/4 failed=0/2",
        "Succeeded weight=0% step 4/4 failed=0/2",
      ])
  }

  /// The stale-phase race: the image changed a moment ago, the Canary still says Succeeded from the
  /// last release. --wait must not return on it.
  @Test func waitIgnoresStaleSucceededRightAfterSetImage() async throws {
    let c = cluster()
    c.tick(limit: 1)
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    let notes = Notes()
    let result = try await wait(c, successOnGate: true, notes: notes)
    #expect(result.outcome == .atGate(.confirmPromotion))
    #expect(result.phase == "WaitingPromotion")
    #expect(notes.lines.contains { $0.hasPrefix("◎ Initialized is stale: the target's pod template changed") })
  }

  @Test func waitReturnsFourWhenRolledBack() async throws {
    let c = cluster(checks: FlaggerSimulator { _ in .metricFailed("success rate 12.00% < 99%") })
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    let result = try await wait(c)
    #expect(result.exitStatus == .resourceFailed)
    #expect(result.phase == "Failed")
  }

  @Test func waitTimesOutWithThree() async throws {
    let c = cluster()
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    // the promotion gate stays closed: without --success-on-gate this never finishes
    await #expect(throws: CanaryError.self) { try await wait(c, timeout: 600) }
    do {
      _ = try await wait(c, timeout: 60)
      Issue.record("expected a timeout")
    } catch let error as CanaryError {
      #expect(error.exitStatus == .timedOut)
      #expect(error.description.hasPrefix("timed out waiting for canary test/podinfo to finish (phase WaitingPromotion)"))
    }
  }

  @Test func waitWithoutManagedFieldsWaitsOneInterval() async throws {
    let c = cluster()
    c.state.withLock { s in s.deployments["podinfo"]?[path: "metadata", "managedFields"] = nil }
    let start = c.now()
    let notes = Notes()
    let result = try await wait(c, notes: notes)
    #expect(result.exitStatus == .success)
    #expect(c.now().seconds - start.seconds >= 60)
    #expect(notes.lines.contains { $0.contains("waiting one analysis interval (1m0s) before trusting it") })
  }

  // MARK: promote

  @Test func promoteOpensTheGateWaitsAndClosesIt() async throws {
    let c = cluster()
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    c.tick(until: "WaitingPromotion", limit: 10)
    let notes = Notes()
    let steering = CanarySteering(cluster: c, waiter: CanaryWaiter(cluster: c, clock: c))
    let exit = try await steering.promote(
      namespace: "test", name: "podinfo", keepGateOpen: false, timeout: 600, progress: notes)
    #expect(exit == .success)
    #expect(c.currentPhase == "Promoting")
    // the gate is closed again, so the next release is gated too
    #expect(!c.loadtester.isGateOpen(name: "podinfo", namespace: "test"))
    let posts = c.requests.filter { $0.hasPrefix("POST") }
    #expect(posts == [
      #"POST /api/v1/namespaces/test/services/flagger-loadtester:80/proxy/gate/open {"name":"podinfo","namespace":"test"}"#,
      #"POST /api/v1/namespaces/test/services/flagger-loadtester:80/proxy/gate/close {"name":"podinfo","namespace":"test"}"#,
    ])
    #expect(notes.lines.first == "► opening confirm-promotion gate promotion-gate on flagger-loadtester.test:80")
    #expect(notes.lines.last == "✔ gate closed again, so the next release waits at promotion-gate too")

    // the next release stops at the gate again
    c.tick(until: "Succeeded", limit: 5)
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.2")
    #expect(c.tick(until: "WaitingPromotion", limit: 12) == "WaitingPromotion")
  }

  @Test func promoteKeepGateOpen() async throws {
    let c = cluster()
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    c.tick(until: "WaitingPromotion", limit: 10)
    let steering = CanarySteering(cluster: c, waiter: CanaryWaiter(cluster: c, clock: c))
    _ = try await steering.promote(namespace: "test", name: "podinfo", keepGateOpen: true, timeout: 600, progress: Notes())
    #expect(c.loadtester.isGateOpen(name: "podinfo", namespace: "test"))
  }

  @Test func promoteClosesTheGateEvenOnTimeout() async throws {
    let c = cluster()
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    c.tick(until: "WaitingPromotion", limit: 10)
    c.stopFlagger()
    let steering = CanarySteering(cluster: c, waiter: CanaryWaiter(cluster: c, clock: c))
    await #expect(throws: CanaryError.self) {
      _ = try await steering.promote(namespace: "test", name: "podinfo", keepGateOpen: false, timeout: 30, progress: Notes())
    }
    #expect(!c.loadtester.isGateOpen(name: "podinfo", namespace: "test"))
  }

  @Test func promoteWithoutAGateExplainsTheConfiguration() async throws {
    let c = cluster(CanaryFixtures.abAnalysis)
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    c.tick(limit: 2)
    let steering = CanarySteering(cluster: c, waiter: CanaryWaiter(cluster: c, clock: c))
    do {
      _ = try await steering.promote(namespace: "test", name: "podinfo", keepGateOpen: false, timeout: 60, progress: Notes())
      Issue.record("expected an error")
    } catch let error as CanaryError {
      #expect(error.exitStatus == .failure)
      #expect(
        error.description
          == "canary test/podinfo is not held at a manual gate: it is Progressing and has no confirm-rollout, confirm-traffic-increase or confirm-promotion webhook; use --full to promote it now (sets spec.skipAnalysis until it succeeds)"
      )
    }
  }

  @Test func promoteFullSetsAndRestoresSkipAnalysis() async throws {
    let c = cluster(labels: "kustomize.toolkit.fluxcd.io/name: apps\nkustomize.toolkit.fluxcd.io/namespace: flux-system")
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    c.tick(limit: 3)
    let notes = Notes()
    let steering = CanarySteering(cluster: c, waiter: CanaryWaiter(cluster: c, clock: c))
    let exit = try await steering.promoteFull(namespace: "test", name: "podinfo", timeout: 600, progress: notes)
    #expect(exit == .success)
    #expect(c.currentPhase == "Succeeded")
    #expect(c.canaryObject[path: "spec", "skipAnalysis"] == nil)
    #expect(notes.lines.first?.hasPrefix("⚠️ canary test/podinfo is managed by Flux Kustomization flux-system/apps") == true)
    #expect(c.events.contains { $0["message"]?.stringValue == "Promotion completed! Canary analysis was skipped for podinfo.test" })
  }

  @Test func promoteFullRestoresSkipAnalysisOnTimeout() async throws {
    let c = cluster()
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    c.tick(limit: 2)
    c.stopFlagger()
    let steering = CanarySteering(cluster: c, waiter: CanaryWaiter(cluster: c, clock: c))
    await #expect(throws: CanaryError.self) {
      _ = try await steering.promoteFull(namespace: "test", name: "podinfo", timeout: 30, progress: Notes())
    }
    #expect(c.canaryObject[path: "spec", "skipAnalysis"] == nil)
    #expect(c.requests.filter { $0.hasPrefix("PATCH canary") }.count == 2)
  }

  @Test func promoteFullRestoresSkipAnalysisOnCancellation() async throws {
    let c = cluster()
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    c.tick(limit: 2)
    c.stopFlagger()
    let steering = CanarySteering(cluster: c, waiter: CanaryWaiter(cluster: c, clock: SystemCanaryClock(), refresh: 0.05))
    let task = Task { try await steering.promoteFull(namespace: "test", name: "podinfo", timeout: 600, progress: Notes()) }
    try await Task.sleep(for: .milliseconds(200))
    task.cancel()
    _ = await task.result
    #expect(c.canaryObject[path: "spec", "skipAnalysis"] == nil)
    #expect(c.requests.filter { $0.hasPrefix("PATCH canary") }.count == 2)
  }

  // MARK: abort and retry

  @Test func abortOpensRollbackGateWaitsForFailedAndClosesIt() async throws {
    let c = cluster()
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    c.tick(limit: 3)
    let notes = Notes()
    let steering = CanarySteering(cluster: c, waiter: CanaryWaiter(cluster: c, clock: c))
    let exit = try await steering.abort(namespace: "test", name: "podinfo", timeout: 600, progress: notes)
    #expect(exit == .success)
    #expect(c.currentPhase == "Failed")
    #expect(!c.loadtester.isRollbackOpen(name: "podinfo", namespace: "test"))
    #expect(c.events.contains { $0["message"]?.stringValue == "Rolling back podinfo.test manual webhook invoked" })
    #expect(notes.lines.last == "✔ rollback gate closed again")
  }

  @Test func abortWithoutRollbackWebhookExplains() async throws {
    let c = cluster(CanaryFixtures.abAnalysis)
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    c.tick(limit: 2)
    let steering = CanarySteering(cluster: c, waiter: CanaryWaiter(cluster: c, clock: c))
    await #expect(throws: CanaryError.noRollbackWebhook(namespace: "test", name: "podinfo")) {
      _ = try await steering.abort(namespace: "test", name: "podinfo", timeout: 60, progress: Notes())
    }
  }

  @Test func retryBumpsRestartAnnotationAndFlaggerStartsOver() async throws {
    let c = cluster(checks: FlaggerSimulator { _ in .metricFailed("success rate 12.00% < 99%") })
    c.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    #expect(c.tick(until: "Failed", limit: 10) == "Failed")
    let steering = CanarySteering(cluster: c, waiter: CanaryWaiter(cluster: c, clock: c))
    let exit = try await steering.retry(namespace: "test", name: "podinfo", progress: Notes())
    #expect(exit == .success)
    let annotation = c.deployment("podinfo")?[path: "spec", "template", "metadata", "annotations", "kubectl.kubernetes.io/restartedAt"]
    #expect(annotation?.stringValue != nil)
    #expect(c.tick() == "Progressing")
  }

  @Test func notFound() async throws {
    let c = cluster()
    let steering = CanarySteering(cluster: c, waiter: CanaryWaiter(cluster: c, clock: c))
    do {
      _ = try await steering.retry(namespace: "test", name: "nope", progress: Notes())
      Issue.record("expected not found")
    } catch let error as CanaryError {
      #expect(error.exitStatus == .notFound)
    }
  }
}

extension String {
  func replacingOccurrences(_ a: String, _ b: String) -> String { replacing(a, with: b) }
}
