import TackCore
import TackJSON
import TackTestSupport
import Testing

/// The doubles behave like the real components where tack depends on it.
@Suite struct LoadtesterDoubleTests {
  func post(_ lt: LoadtesterDouble, _ path: String, _ body: String = #"{"name":"podinfo","namespace":"test"}"#)
    -> LoadtesterDouble.Response
  {
    lt.handle(method: "POST", path: path, body: Array(body.utf8))
  }

  @Test func gatesAreClosedByDefaultAndOpenPerCanary() {
    let lt = LoadtesterDouble()
    #expect(post(lt, "/gate/check").status == 403)
    #expect(post(lt, "/gate/open").status == 202)
    #expect(post(lt, "/gate/check") == .init(status: 200, body: "Approved"))
    // another canary's gate is still closed
    #expect(post(lt, "/gate/check", #"{"name":"other","namespace":"test"}"#).status == 403)
    #expect(post(lt, "/gate/close").status == 202)
    #expect(post(lt, "/gate/check").status == 403)
  }

  @Test func rollbackGateIsSeparate() {
    let lt = LoadtesterDouble()
    #expect(post(lt, "/rollback/open").status == 202)
    #expect(post(lt, "/rollback/check").status == 200)
    #expect(post(lt, "/gate/check").status == 403)
    #expect(post(lt, "/rollback/close").status == 202)
    #expect(post(lt, "/rollback/check").status == 403)
  }

  @Test func staticEndpointsBadPayloadsAndNamespaceRegexp() {
    let lt = LoadtesterDouble(namespaceAllowed: { $0 == "test" })
    #expect(post(lt, "/gate/approve", "").status == 200)
    #expect(post(lt, "/gate/halt", "").status == 403)
    // the kubectl-flagger bug: a comma instead of a colon
    #expect(post(lt, "/gate/open", #"{"name":"podinfo","namespace","test"}"#).status == 400)
    #expect(post(lt, "/gate/open", #"{"name":"podinfo","namespace":"prod"}"#).status == 403)
    lt.setGate(name: "podinfo", namespace: "test", open: true)
    lt.restart()
    #expect(!lt.isGateOpen(name: "podinfo", namespace: "test"))
  }
}

@Suite struct FlaggerSimulatorTests {
  @Test func statusQuirksAsFlaggerWritesThem() {
    let cluster = InMemoryCanaryCluster(canary: CanaryFixtures.canary(), target: CanaryFixtures.deployment())
    cluster.tick(until: "Initialized", limit: 3)
    let initialized = CanaryStatus(canary: cluster.canaryObject)
    // Promoted reads True for a freshly initialized canary too
    #expect(initialized.promoted?.status == "True")
    #expect(initialized.promoted?.reason == "Initialized")

    cluster.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    cluster.tick(until: "WaitingPromotion", limit: 10)
    let waiting = CanaryStatus(canary: cluster.canaryObject)
    #expect(waiting.canaryWeight == 0)  // zeroed
    let progressingSince = waiting.promoted?.lastTransitionTime
    cluster.tick(limit: 2)
    let still = CanaryStatus(canary: cluster.canaryObject)
    // status.lastTransitionTime churns every sync, the condition's only on a status change
    #expect(still.lastTransitionTime != waiting.lastTransitionTime)
    #expect(still.promoted?.lastTransitionTime == progressingSince)
    // the promotion-approval event is written once, not every tick
    let waits = cluster.events.filter { ($0["message"]?.stringValue ?? "").contains("waiting for promotion approval") }
    #expect(waits.count == 1 && waits[0]["count"] == 1)
    #expect(waits[0]["reason"] == "Synced")
    #expect(waits[0][path: "source", "component"] == "flagger")
    #expect(waits[0]["type"] == "Warning")
  }

  @Test func blueGreenIterationsPinnedWhileWaitingForPromotion() {
    let analysis = CanaryFixtures.blueGreenAnalysis.replacing("confirm-rollout", with: "confirm-promotion")
    let cluster = InMemoryCanaryCluster(
      canary: CanaryFixtures.canary(analysis: analysis), target: CanaryFixtures.deployment())
    cluster.tick(until: "Initialized", limit: 3)
    cluster.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
    #expect(cluster.tick(until: "WaitingPromotion", limit: 12) == "WaitingPromotion")
    #expect(cluster.canaryObject[path: "status", "iterations"] == 4)
  }

  @Test func suspendedCanaryOnlyRecordsTheSkip() {
    let cluster = InMemoryCanaryCluster(
      canary: CanaryFixtures.canary(extraSpec: "suspend: true"), target: CanaryFixtures.deployment())
    cluster.tick(limit: 2)
    #expect(cluster.currentPhase == "")
    #expect(cluster.events.first?["message"] == "skipping canary run as object is suspended")
    #expect(cluster.events.first?["count"] == 2)
  }
}
