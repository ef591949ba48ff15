import TackBase
import TackCore
import TackJSON
import Testing

@Suite struct CanaryWaitDecisionTests {
  let started = RFC3339Time("2026-11-28T12:00:00Z")!

  func canary(_ phase: String, conditionTime: String?, analysis: String = CanaryFixtures.defaultAnalysis) -> JSON {
    var status = "phase: \(phase)\n"
    if let conditionTime {
      status += """
        conditions:
        - type: Promoted
          status: "True"
          reason: \(phase)
          message: done
          lastTransitionTime: "\(conditionTime)"
        """
    }
    return CanaryFixtures.canary(analysis: analysis, status: status)
  }

  func decide(
    _ canary: JSON, target: JSON?, gate: CanaryGate? = nil, successOnGate: Bool = false, sawInFlight: Bool = false,
    now: String = "2026-11-28T12:00:01Z"
  ) -> CanaryWaitDecision {
    CanaryWaitDecision.evaluate(
      canary: canary, target: target, gate: gate, successOnGate: successOnGate, sawInFlight: sawInFlight,
      waitStarted: started, now: RFC3339Time(now)!)
  }

  @Test func succeededWithNoNewerTemplateReturnsZero() {
    let d = decide(
      canary("Succeeded", conditionTime: "2026-11-28T11:50:00Z"),
      target: CanaryFixtures.deployment(templateTime: "2026-11-28T11:30:00Z"))
    #expect(d.outcome == .succeeded)
    #expect(d.outcome.exitStatus == .success)
  }

  @Test func failedReturnsFour() {
    let d = decide(
      canary("Failed", conditionTime: "2026-11-28T11:50:00Z"),
      target: CanaryFixtures.deployment(templateTime: "2026-11-28T11:30:00Z"))
    #expect(d.outcome == .failed)
    #expect(d.outcome.exitStatus == .resourceFailed)
  }

  /// The CI race: `kubectl set image` at 11:59:58, the Canary still shows the previous release's
  /// Succeeded from 11:50 until Flagger's next tick. Not done.
  @Test func stalePhaseAfterNewRevisionKeepsWaiting() {
    let d = decide(
      canary("Succeeded", conditionTime: "2026-11-28T11:50:00Z"),
      target: CanaryFixtures.deployment(templateTime: "2026-11-28T11:59:58Z"))
    #expect(d.outcome == .keepWaiting)
    #expect(
      d.hold
        == .newRevisionPending(
          templateChanged: RFC3339Time("2026-11-28T11:59:58Z")!, terminalAt: RFC3339Time("2026-11-28T11:50:00Z")!))
    // same for a stale Failed
    #expect(
      decide(
        canary("Failed", conditionTime: "2026-11-28T11:50:00Z"),
        target: CanaryFixtures.deployment(templateTime: "2026-11-28T11:59:58Z")
      ).outcome == .keepWaiting)
  }

  @Test func undecidableWaitsOneIntervalThenTrusts() {
    let c = canary("Succeeded", conditionTime: nil)
    let early = decide(c, target: nil, now: "2026-11-28T12:00:30Z")
    #expect(early.outcome == .keepWaiting)
    #expect(early.hold == .undecidable(interval: GoDurationFixture.oneMinute, until: RFC3339Time("2026-11-28T12:01:00Z")!))
    #expect(decide(c, target: nil, now: "2026-11-28T12:01:00Z").outcome == .succeeded)
    // a target without managedFields is just as undecidable
    #expect(decide(c, target: ["metadata": [:]], now: "2026-11-28T12:00:10Z").outcome == .keepWaiting)
  }

  @Test func terminalReachedDuringTheWaitIsTrusted() {
    #expect(decide(canary("Succeeded", conditionTime: nil), target: nil, sawInFlight: true).outcome == .succeeded)
    #expect(
      decide(canary("Failed", conditionTime: "2026-11-28T12:00:01Z"), target: nil, now: "2026-11-28T12:00:02Z").outcome
        == .failed)
  }

  @Test func gateIsSuccessOnlyWhenAsked() {
    let c = CanaryFixtures.canary(status: "phase: WaitingPromotion")
    let g = CanaryGate.holding(spec: CanarySpec(canary: c), status: CanaryStatus(canary: c), events: [])
    #expect(g != nil)
    #expect(decide(c, target: nil, gate: g).outcome == .keepWaiting)
    #expect(decide(c, target: nil, gate: g, successOnGate: true).outcome == .atGate(.confirmPromotion))
  }

  @Test func inFlightPhasesKeepWaiting() {
    for phase in ["", "Initializing", "Progressing", "Promoting", "Finalising", "Waiting", "WaitingTrafficIncrease"] {
      #expect(decide(CanaryFixtures.canary(status: "phase: \"\(phase)\""), target: nil).outcome == .keepWaiting)
    }
  }
}

enum GoDurationFixture {
  static let oneMinute = CanarySpec(canary: CanaryFixtures.canary()).analysis.interval
}

extension CanaryWaitDecisionTests {
  /// A fast run that starts and ends within the second of the change: Flagger's "New revision
  /// detected" event at or after the change shows the terminal phase is the new revision's.
  @Test func newRevisionEventAfterTheChangeMeansPickedUp() {
    let c = canary("Failed", conditionTime: "2026-11-28T11:59:58Z")
    let target = CanaryFixtures.deployment(templateTime: "2026-11-28T11:59:58Z")
    let started = CanaryEvent(time: "2026-11-28T11:59:58Z", message: "New revision detected! Scaling up podinfo.test")
    let old = CanaryEvent(time: "2026-11-28T11:40:00Z", message: "New revision detected! Scaling up podinfo.test")
    #expect(decide(c, target: target).outcome == .keepWaiting)
    #expect(
      CanaryWaitDecision.evaluate(
        canary: c, target: target, gate: nil, successOnGate: false, events: [old], waitStarted: started0,
        now: RFC3339Time("2026-11-28T12:00:01Z")!
      ).outcome == .keepWaiting)
    #expect(
      CanaryWaitDecision.evaluate(
        canary: c, target: target, gate: nil, successOnGate: false, events: [old, started], waitStarted: started0,
        now: RFC3339Time("2026-11-28T12:00:01Z")!
      ).outcome == .failed)
  }

  var started0: RFC3339Time { RFC3339Time("2026-11-28T12:00:00Z")! }
}
