import TackCore
import TackJSON
import Testing

@Suite struct CanarySpecTests {
  @Test func strategyIsDerivedAsFlaggerDerivesIt() {
    #expect(CanarySpec(canary: CanaryFixtures.canary()).strategy == .canary)
    #expect(CanarySpec(canary: CanaryFixtures.canary(analysis: CanaryFixtures.blueGreenAnalysis)).strategy == .blueGreen)
    #expect(CanarySpec(canary: CanaryFixtures.canary(analysis: CanaryFixtures.abAnalysis)).strategy == .abTesting)
    // match without iterations is still a weighted canary
    let matchOnly = CanaryFixtures.canary(analysis: "interval: 1m\nstepWeight: 5\nmatch:\n- headers: {}")
    #expect(CanarySpec(canary: matchOnly).strategy == .canary)
    // provider kubernetes forces blue/green with 10 iterations
    let kube = CanaryFixtures.canary(extraSpec: "provider: kubernetes")
    #expect(CanarySpec(canary: kube).strategy == .blueGreen)
    #expect(CanarySpec(canary: kube).effectiveIterations == 10)
  }

  @Test func defaultsFollowFlagger() {
    let a = CanaryAnalysis(json: ["interval": "5s", "stepWeight": 30])
    #expect(a.interval.description == "10s")  // clamped to ≥ 10 s
    #expect(a.threshold == 1)
    #expect(a.maxWeight == 100)
    #expect(a.weightLadder == [30, 60, 90, 100])
    #expect(CanaryAnalysis(json: ["interval": "bogus"]).interval.description == "1m0s")
    let ladder = CanaryAnalysis(json: ["stepWeights": [1, 5, 10, 50], "maxWeight": 80])
    #expect(ladder.maxWeight == 50)
    #expect(ladder.weightLadder == [1, 5, 10, 50])
    // stepWeight wins over stepWeights; the ladder tops out at the last stepWeights entry
    let both = CanaryAnalysis(json: ["stepWeights": [1, 5, 40], "stepWeight": 15])
    #expect(both.weightLadder == [15, 30, 40])
  }

  @Test func missingAnalysisMeansSkipAnalysis() {
    var canary = CanaryFixtures.canary()
    canary[path: "spec", "analysis"] = nil
    #expect(CanarySpec(canary: canary).skipAnalysis)
  }

  @Test func metricThresholdText() {
    let spec = CanarySpec(canary: CanaryFixtures.canary())
    #expect(spec.analysis.metrics.map(\.thresholdText) == ["≥ 99%", "≤ 500ms", "≤ 1"])
    #expect(spec.analysis.metrics[2].templateText == "error-rate.flagger-system")
  }
}

@Suite struct CanaryReleaseProgressTests {
  func progress(_ status: String, analysis: String = CanaryFixtures.defaultAnalysis) -> CanaryReleaseProgress {
    let canary = CanaryFixtures.canary(analysis: analysis, status: status)
    return CanaryReleaseProgress(spec: CanarySpec(canary: canary), status: CanaryStatus(canary: canary))
  }

  @Test func stepOfWeightLadder() {
    let p = progress("phase: Progressing\ncanaryWeight: 30\nfailedChecks: 1")
    #expect(p.fraction == "3/5")
    #expect(p.intendedWeight == 30)
    #expect(!p.reportedWeightIsZeroed)
    #expect(p.failedFraction == "1/3")
    #expect(p.checksBeforeRollback == 2)
    // 2 steps left + Promoting + Finalising, one minute each
    #expect(p.eta?.description == "4m0s")
    #expect(p.bar(width: 10) == "██████░░░░")
  }

  @Test func waitingPromotionReadsZeroButTrafficStaysAtMax() {
    let p = progress("phase: WaitingPromotion\ncanaryWeight: 0")
    #expect(p.intendedWeight == 50)
    #expect(p.reportedWeight == 0)
    #expect(p.reportedWeightIsZeroed)
    #expect(p.fraction == "5/5")
    #expect(p.eta == nil)
  }

  @Test func stepWeightsLadder() {
    let p = progress("phase: Progressing\ncanaryWeight: 10", analysis: CanaryFixtures.stepWeightsAnalysis)
    #expect(p.fraction == "3/4")
    #expect(p.maxWeight == 50)
  }

  @Test func iterationsForBlueGreenArePinnedWhileWaiting() {
    let running = progress("phase: Progressing\niterations: 2", analysis: CanaryFixtures.blueGreenAnalysis)
    #expect(running.unit == .iteration)
    #expect(running.fraction == "2/5")
    #expect(running.intendedWeight == 0)
    let waiting = progress("phase: WaitingPromotion\niterations: 4", analysis: CanaryFixtures.blueGreenAnalysis)
    #expect(waiting.fraction == "5/5")
  }
}

@Suite struct LoadtesterEndpointTests {
  @Test(arguments: [
    ("http://flagger-loadtester.test/gate/check", "flagger-loadtester", "test", 80, "/gate/check"),
    ("http://flagger-loadtester.test.svc/gate/check", "flagger-loadtester", "test", 80, "/gate/check"),
    ("http://flagger-loadtester.test.svc.cluster.local:8080/gate/check", "flagger-loadtester", "test", 8080, "/gate/check"),
    ("https://lt.ops.svc.cluster.local/rollback/check", "lt", "ops", 443, "/rollback/check"),
    ("http://LT.Ops:80/gate/check?x=1", "lt", "ops", 80, "/gate/check"),
  ])
  func parses(_ url: String, _ service: String, _ namespace: String, _ port: Int, _ path: String) throws {
    let parsed = try #require(LoadtesterEndpoint.parse(url))
    #expect(parsed.endpoint.service == service)
    #expect(parsed.endpoint.namespace == namespace)
    #expect(parsed.endpoint.port == port)
    #expect(parsed.path == path)
  }

  @Test(arguments: [
    "http://flagger-loadtester/gate/check",  // namespace unknown (Flagger's own)
    "http://gate.example.com/check",  // external host
    "ftp://lt.test/gate/check",
    "http://lt.test:99999/gate/check",
    "not a url",
  ])
  func rejects(_ url: String) {
    #expect(LoadtesterEndpoint.parse(url) == nil || LoadtesterEndpoint(url: url, expectedPath: "/gate/check") == nil)
  }

  @Test func proxyPath() {
    let e = LoadtesterEndpoint(service: "flagger-loadtester", namespace: "test", port: 80)
    #expect(e.proxyPath("/gate/open") == "/api/v1/namespaces/test/services/flagger-loadtester:80/proxy/gate/open")
    let s = LoadtesterEndpoint(scheme: "https", service: "lt", namespace: "ops", port: 443)
    #expect(s.proxyPath("/gate/close") == "/api/v1/namespaces/ops/services/https:lt:443/proxy/gate/close")
  }
}

@Suite struct CanaryGateTests {
  func gate(_ analysis: String, _ status: String, events: [String] = []) -> CanaryGate? {
    let canary = CanaryFixtures.canary(analysis: analysis, status: status)
    let evs = events.enumerated().map {
      CanaryEvent(time: "2026-11-28T10:0\($0.offset):00Z", type: "Normal", message: $0.element)
    }
    return CanaryGate.holding(spec: CanarySpec(canary: canary), status: CanaryStatus(canary: canary), events: evs)
  }

  @Test func waitingMeansConfirmRollout() {
    let g = gate(CanaryFixtures.blueGreenAnalysis, "phase: Waiting")
    #expect(g?.type == .confirmRollout)
    #expect(g?.webhook.name == "rollout-gate")
    #expect(g?.loadtester?.service == "flagger-loadtester")
  }

  @Test func waitingPromotionMeansConfirmPromotion() {
    let g = gate(
      CanaryFixtures.defaultAnalysis, "phase: WaitingPromotion",
      events: ["Halt podinfo.test advancement waiting for promotion approval promotion-gate"])
    #expect(g?.type == .confirmPromotion)
    #expect(g?.since == "2026-11-28T10:00:00Z")
  }

  @Test func repeatedTrafficIncreaseWaitsMeanConfirmTrafficIncrease() {
    let waiting = "Halt podinfo.test advancement waiting for traffic increase approval traffic-gate"
    let g = gate(
      CanaryFixtures.stepWeightsAnalysis, "phase: Progressing\ncanaryWeight: 5",
      events: ["Advance podinfo.test canary weight 5", waiting, waiting])
    #expect(g?.type == .confirmTrafficIncrease)
    // once the weight moves on, the gate no longer holds
    let moved = gate(
      CanaryFixtures.stepWeightsAnalysis, "phase: Progressing\ncanaryWeight: 10",
      events: [waiting, "Confirm-traffic-increase check traffic-gate passed", "Advance podinfo.test canary weight 10"])
    #expect(moved == nil)
  }

  @Test func noGateWhileProgressing() {
    #expect(gate(CanaryFixtures.defaultAnalysis, "phase: Progressing\ncanaryWeight: 10") == nil)
  }
}

@Suite struct RFC3339TimeTests {
  @Test func parsesAndPrints() throws {
    let t = try #require(RFC3339Time("2026-11-28T15:04:05Z"))
    #expect(t.description == "2026-11-28T15:04:05Z")
    #expect(t.clock == "15:04:05")
    #expect(RFC3339Time("2026-11-28T15:04:05.5+01:00")!.seconds == t.seconds - 3600 + 0.5)
    #expect(RFC3339Time("1970-01-01T00:00:00Z")!.seconds == 0)
    #expect(RFC3339Time("2026-13-01T00:00:00Z") == nil)
    #expect(RFC3339Time("yesterday") == nil)
  }

  @Test func templateChangeReadsManagedFields() {
    let d = CanaryFixtures.deployment(templateTime: "2026-11-28T09:30:00Z")
    // flagger's later replicas-only entry does not count
    #expect(TemplateChange.lastChange(of: d)?.description == "2026-11-28T09:30:00Z")
    #expect(TemplateChange.lastChange(of: ["metadata": [:]]) == nil)
  }
}
