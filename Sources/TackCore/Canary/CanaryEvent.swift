import TackJSON

/// One Kubernetes Event about a Canary, with Flagger's message parsed into what happened.
///
/// Flagger writes every decision as an Event (reason `Synced`, source `flagger`); the event stream is
/// the only history a Canary has, but Kubernetes folds repeats into one event with a count and
/// expires events after the API server's TTL (about an hour).
public struct CanaryEvent: Sendable, Equatable {
  /// When it last happened (`lastTimestamp`, else `eventTime`/series time), RFC 3339.
  public var time: String
  /// When it first happened, if it repeated.
  public var firstTime: String?
  /// `Normal` or `Warning`.
  public var type: String
  public var reason: String
  /// How many times Kubernetes saw it (1 unless collapsed).
  public var count: Int
  public var message: String
  public var kind: Kind

  public init(
    time: String, firstTime: String? = nil, type: String = "Normal", reason: String = "Synced",
    count: Int = 1, message: String
  ) {
    self.time = time
    self.firstTime = firstTime
    self.type = type
    self.reason = reason
    self.count = count
    self.message = message
    kind = CanaryEventParser.parse(message)
  }

  /// Reads a `v1` Event or an `events.k8s.io/v1` Event.
  public init(event: JSON) {
    let message = event["message"]?.stringValue ?? event["note"]?.stringValue ?? ""
    let last =
      event["lastTimestamp"]?.stringValue ?? event[path: "series", "lastObservedTime"]?.stringValue
      ?? event["deprecatedLastTimestamp"]?.stringValue ?? event["eventTime"]?.stringValue
      ?? event[path: "metadata", "creationTimestamp"]?.stringValue ?? ""
    let first = event["firstTimestamp"]?.stringValue ?? event["deprecatedFirstTimestamp"]?.stringValue
    let count =
      event["count"]?.intValue ?? event[path: "series", "count"]?.intValue
      ?? event["deprecatedCount"]?.intValue ?? 1
    self.init(
      time: last, firstTime: first == last ? nil : first, type: event["type"]?.stringValue ?? "Normal",
      reason: event["reason"]?.stringValue ?? "", count: max(1, count), message: message)
  }

  /// What a Flagger event says, one case per message template.
  public enum Kind: Sendable, Equatable {
    case initialized(canary: String)
    case metricProvidersAvailable
    case newRevision(target: String)
    case analysisStarted(target: String)
    case analysisRestarted(target: String)
    case gateWaiting(gate: CanaryGateType, webhook: String)
    case gatePassed(gate: CanaryGateType, webhook: String)
    case preRolloutPassed(webhook: String)
    case weightAdvanced(weight: Int)
    case iterationAdvanced(iteration: Int, of: Int)
    case primaryWeightAdvanced(weight: Int)
    /// A metric outside its range: the measured value, `<` or `>`, and the bound.
    case metricCheckFailed(metric: String, value: String, comparison: String, bound: String)
    case webhookCheckFailed(stage: String, webhook: String, error: String)
    case noMetricValues(metric: String, detail: String)
    case metricError(String)
    case notReady(String)
    case promotionStep(String)
    case promoted(target: String)
    case promotedWithoutAnalysis(target: String)
    case rollingBack(reason: RollbackReason)
    case rollbackCheckPassed(webhook: String)
    case rollbackHookIdle(webhook: String)
    case canaryFailed(canary: String)
    case promotionFailed(String)
    case postRolloutPassed(webhook: String)
    case postRolloutFailed(webhook: String, error: String)
    case suspended
    case terminating(canary: String)
    case terminated(canary: String)
    case other
  }

  public enum RollbackReason: Sendable, Equatable {
    case thresholdReached(failedChecks: Int)
    case progressDeadline(String)
    case manual
  }
}

/// The three webhook gates that hold a canary until someone approves.
public enum CanaryGateType: String, Sendable, Equatable, CaseIterable {
  case confirmRollout = "confirm-rollout"
  case confirmTrafficIncrease = "confirm-traffic-increase"
  case confirmPromotion = "confirm-promotion"

  public var hookType: CanaryWebhook.HookType {
    switch self {
    case .confirmRollout: .confirmRollout
    case .confirmTrafficIncrease: .confirmTrafficIncrease
    case .confirmPromotion: .confirmPromotion
    }
  }
}

extension CanaryEvent.Kind {
  /// A short tag for JSON and for filtering: `weight-advanced`, `check-failed`, …
  public var tag: String {
    switch self {
    case .initialized: "initialized"
    case .metricProvidersAvailable: "metric-providers-available"
    case .newRevision: "new-revision"
    case .analysisStarted: "analysis-started"
    case .analysisRestarted: "analysis-restarted"
    case .gateWaiting: "gate-waiting"
    case .gatePassed: "gate-passed"
    case .preRolloutPassed: "pre-rollout-passed"
    case .weightAdvanced: "weight-advanced"
    case .iterationAdvanced: "iteration-advanced"
    case .primaryWeightAdvanced: "primary-weight-advanced"
    case .metricCheckFailed: "check-failed"
    case .webhookCheckFailed: "webhook-failed"
    case .noMetricValues: "no-metric-values"
    case .metricError: "metric-error"
    case .notReady: "not-ready"
    case .promotionStep: "promotion-step"
    case .promoted: "promoted"
    case .promotedWithoutAnalysis: "promoted-without-analysis"
    case .rollingBack: "rollback"
    case .rollbackCheckPassed: "rollback-check-passed"
    case .rollbackHookIdle: "rollback-hook-idle"
    case .canaryFailed: "failed"
    case .promotionFailed: "promotion-failed"
    case .postRolloutPassed: "post-rollout-passed"
    case .postRolloutFailed: "post-rollout-failed"
    case .suspended: "suspended"
    case .terminating: "terminating"
    case .terminated: "terminated"
    case .other: "other"
    }
  }

  /// Counts as a failed check in Flagger's analysis (what `failedChecks` counts).
  public var isFailedCheck: Bool {
    switch self {
    case .metricCheckFailed, .webhookCheckFailed, .noMetricValues, .metricError: true
    default: false
    }
  }
}
