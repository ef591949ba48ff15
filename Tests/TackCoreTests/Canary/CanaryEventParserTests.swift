import TackCore
import Testing

/// Every message template of Flagger's events (reference §3.1), as Flagger formats them.
@Suite struct CanaryEventParserTests {
  typealias K = CanaryEvent.Kind

  static let cases: [(String, K)] = [
    // init
    ("Initialization done! podinfo.test", .initialized(canary: "podinfo.test")),
    ("all the metrics providers are available!", .metricProvidersAvailable),
    // start
    ("New revision detected! Scaling up podinfo.test", .newRevision(target: "podinfo.test")),
    ("Starting canary analysis for podinfo.test", .analysisStarted(target: "podinfo.test")),
    ("Starting canary deployment for podinfo.test", .analysisStarted(target: "podinfo.test")),
    // gates waiting
    (
      "Halt podinfo.test advancement waiting for approval rollout-gate",
      .gateWaiting(gate: .confirmRollout, webhook: "rollout-gate")
    ),
    (
      "Halt podinfo.test advancement waiting for promotion approval promotion-gate",
      .gateWaiting(gate: .confirmPromotion, webhook: "promotion-gate")
    ),
    (
      "Halt podinfo.test advancement waiting for traffic increase approval traffic-gate",
      .gateWaiting(gate: .confirmTrafficIncrease, webhook: "traffic-gate")
    ),
    // gates passed
    ("Confirm-rollout check rollout-gate passed", .gatePassed(gate: .confirmRollout, webhook: "rollout-gate")),
    (
      "Confirm-promotion check promotion-gate passed",
      .gatePassed(gate: .confirmPromotion, webhook: "promotion-gate")
    ),
    (
      "Confirm-traffic-increase check traffic-gate passed",
      .gatePassed(gate: .confirmTrafficIncrease, webhook: "traffic-gate")
    ),
    ("Pre-rollout check acceptance-test passed", .preRolloutPassed(webhook: "acceptance-test")),
    // steps
    ("Advance podinfo.test canary weight 20", .weightAdvanced(weight: 20)),
    ("Advance podinfo.test canary iteration 3/10", .iterationAdvanced(iteration: 3, of: 10)),
    ("Advance podinfo.test primary weight 60", .primaryWeightAdvanced(weight: 60)),
    // failed checks
    (
      "Halt podinfo.test advancement success rate 95.20% < 99%",
      .metricCheckFailed(metric: "request-success-rate", value: "95.20%", comparison: "<", bound: "99%")
    ),
    (
      "Halt podinfo.test advancement request duration 1.2s > 500ms",
      .metricCheckFailed(metric: "request-duration", value: "1.2s", comparison: ">", bound: "500ms")
    ),
    (
      "Halt podinfo.test advancement error-rate 2.50 > 1",
      .metricCheckFailed(metric: "error-rate", value: "2.50", comparison: ">", bound: "1")
    ),
    (
      "Halt podinfo.test advancement cpu-usage 0.10 < 0.5",
      .metricCheckFailed(metric: "cpu-usage", value: "0.10", comparison: "<", bound: "0.5")
    ),
    (
      "Halt podinfo.test advancement pre-rollout check acceptance-test failed exit status 1",
      .webhookCheckFailed(stage: "pre-rollout", webhook: "acceptance-test", error: "exit status 1")
    ),
    (
      "Halt podinfo.test advancement external check load-test failed 500 Internal Server Error",
      .webhookCheckFailed(stage: "rollout", webhook: "load-test", error: "500 Internal Server Error")
    ),
    (
      "Halt advancement no values found for istio metric request-success-rate probably podinfo.test is not receiving traffic",
      .noMetricValues(
        metric: "request-success-rate", detail: "probably podinfo.test is not receiving traffic")
    ),
    (
      "Halt advancement no values found for custom metric: error-rate: no values found",
      .noMetricValues(metric: "error-rate", detail: "no values found")
    ),
    // metric errors
    ("Prometheus query failed: connection refused", .metricError("Prometheus query failed: connection refused")),
    (
      "Metric template error-rate.flagger-system error: not found",
      .metricError("Metric template error-rate.flagger-system error: not found")
    ),
    (
      "Metric query failed for error-rate: bad query",
      .metricError("Metric query failed for error-rate: bad query")
    ),
    ("Error checking metric providers: timeout", .metricError("Error checking metric providers: timeout")),
    // readiness
    (
      "canary deployment podinfo.test not ready: waiting for rollout to finish: 1 out of 2 new replicas have been updated",
      .notReady(
        "canary deployment podinfo.test not ready: waiting for rollout to finish: 1 out of 2 new replicas have been updated")
    ),
    (
      "canary deployment podinfo.test not ready: waiting for rollout to finish: 1 old replicas are pending termination",
      .notReady(
        "canary deployment podinfo.test not ready: waiting for rollout to finish: 1 old replicas are pending termination")
    ),
    (
      "canary deployment podinfo.test not ready: waiting for rollout to finish: 1 of 2 (readyThreshold 100%) updated replicas are available",
      .notReady(
        "canary deployment podinfo.test not ready: waiting for rollout to finish: 1 of 2 (readyThreshold 100%) updated replicas are available")
    ),
    (
      "canary deployment podinfo.test not ready: deployment \"podinfo\" exceeded its progress deadline",
      .notReady("canary deployment podinfo.test not ready: deployment \"podinfo\" exceeded its progress deadline")
    ),
    // promote
    (
      "Copying podinfo.test template spec to podinfo-primary.test",
      .promotionStep("Copying podinfo.test template spec to podinfo-primary.test")
    ),
    ("Routing all traffic to primary", .promotionStep("Routing all traffic to primary")),
    ("Routing all traffic to canary", .promotionStep("Routing all traffic to canary")),
    (
      "Stop traffic mirroring and route all traffic to canary",
      .promotionStep("Stop traffic mirroring and route all traffic to canary")
    ),
    ("Promotion completed! Scaling down podinfo.test", .promoted(target: "podinfo.test")),
    (
      "Promotion completed! Canary analysis was skipped for podinfo.test",
      .promotedWithoutAnalysis(target: "podinfo.test")
    ),
    // restart
    ("New revision detected! Restarting analysis for podinfo.test", .analysisRestarted(target: "podinfo.test")),
    // rollback
    (
      "Rolling back podinfo.test failed checks threshold reached 5",
      .rollingBack(reason: .thresholdReached(failedChecks: 5))
    ),
    (
      "Rolling back podinfo.test progress deadline exceeded canary deployment podinfo.test not ready",
      .rollingBack(reason: .progressDeadline("canary deployment podinfo.test not ready"))
    ),
    ("Rolling back podinfo.test manual webhook invoked", .rollingBack(reason: .manual)),
    ("Rollback check abort passed", .rollbackCheckPassed(webhook: "abort")),
    ("Canary failed! Scaling down podinfo.test", .canaryFailed(canary: "podinfo.test")),
    (
      "Promotion of podinfo.test failed, primary not ready: timeout",
      .promotionFailed("Promotion of podinfo.test failed, primary not ready: timeout")
    ),
    // post
    ("Post-rollout check notify passed", .postRolloutPassed(webhook: "notify")),
    ("Post-rollout hook notify failed 503 Service Unavailable", .postRolloutFailed(webhook: "notify", error: "503 Service Unavailable")),
    ("Rollback hook abort not signaling a rollback", .rollbackHookIdle(webhook: "abort")),
    // misc
    ("skipping canary run as object is suspended", .suspended),
    ("Terminating canary podinfo.test", .terminating(canary: "podinfo.test")),
    ("Terminated canary podinfo.test", .terminated(canary: "podinfo.test")),
  ]

  @Test(arguments: cases.indices)
  func parsesTemplate(_ index: Int) {
    let (message, expected) = Self.cases[index]
    #expect(CanaryEventParser.parse(message) == expected, "\(message)")
  }

  @Test func canaryNamesWithDotsKeepTheirNamespace() {
    #expect(
      CanaryEventParser.parse("Halt web.v2.prod advancement success rate 90.00% < 99%")
        == .metricCheckFailed(metric: "request-success-rate", value: "90.00%", comparison: "<", bound: "99%"))
  }

  @Test func unknownMessagesStayVerbatim() {
    let event = CanaryEvent(time: "2026-11-28T10:00:00Z", type: "Warning", message: "something new from Flagger 2.0")
    #expect(event.kind == .other)
    #expect(event.summary.text == "something new from Flagger 2.0")
    #expect(event.summary.icon == "⚠")
  }

  @Test func readsCollapsedV1AndEventsV1() {
    let v1 = CanaryEvent(event: [
      "message": "Advance podinfo.test canary weight 10", "type": "Normal", "reason": "Synced", "count": 3,
      "firstTimestamp": "2026-11-28T10:00:00Z", "lastTimestamp": "2026-11-28T10:02:00Z",
    ])
    #expect(v1.count == 3)
    #expect(v1.time == "2026-11-28T10:02:00Z")
    #expect(v1.firstTime == "2026-11-28T10:00:00Z")
    let eventsV1 = CanaryEvent(event: [
      "note": "Advance podinfo.test canary weight 10", "type": "Normal", "reason": "Synced",
      "eventTime": "2026-11-28T10:00:00.000000Z", "series": ["count": 4, "lastObservedTime": "2026-11-28T10:03:00Z"],
    ])
    #expect(eventsV1.count == 4)
    #expect(eventsV1.time == "2026-11-28T10:03:00Z")
    #expect(eventsV1.kind == .weightAdvanced(weight: 10))
  }

  @Test func failedCheckClassification() {
    #expect(CanaryEventParser.parse("Halt podinfo.test advancement error-rate 2.50 > 1").isFailedCheck)
    #expect(!CanaryEventParser.parse("Advance podinfo.test canary weight 20").isFailedCheck)
  }
}
