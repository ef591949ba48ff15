extension CanaryEvent {
  /// One-line description for the History section: an icon and what happened, in words.
  public var summary: (icon: String, text: String) {
    switch kind {
    case .initialized: ("✔", "initialized, primary is ready")
    case .metricProvidersAvailable: ("•", "metric providers available")
    case .newRevision(let target): ("●", "new revision detected, scaling up \(target)")
    case .analysisStarted: ("▶", "analysis started")
    case .analysisRestarted: ("↺", "new revision during analysis, restarted from weight 0")
    case .gateWaiting(let gate, let webhook): ("◷", "waiting at \(gate.rawValue) gate \(webhook)")
    case .gatePassed(let gate, let webhook): ("✔", "\(gate.rawValue) gate \(webhook) passed")
    case .preRolloutPassed(let webhook): ("✔", "pre-rollout check \(webhook) passed")
    case .weightAdvanced(let weight): ("↗", "canary weight \(weight)%")
    case .iterationAdvanced(let i, let n): ("↗", "iteration \(i)/\(n)")
    case .primaryWeightAdvanced(let weight): ("↘", "primary weight \(weight)% (stepped promotion)")
    case .metricCheckFailed(let metric, let value, let comparison, let bound):
      ("✖", "check failed: \(metric) \(value) \(comparison) \(bound)")
    case .webhookCheckFailed(let stage, let webhook, let error):
      ("✖", "check failed: \(stage) webhook \(webhook)" + (error.isEmpty ? "" : ": \(error)"))
    case .noMetricValues(let metric, _): ("✖", "check failed: no values for \(metric) (no traffic?)")
    case .metricError: ("✖", message)
    case .notReady: ("⚠", message)
    case .promotionStep: ("»", message)
    case .promoted: ("✔", "promotion completed, canary scaled down")
    case .promotedWithoutAnalysis: ("✔", "promoted without analysis (skipAnalysis)")
    case .rollingBack(let reason):
      switch reason {
      case .thresholdReached(let n): ("✖", "rolling back: \(n) failed checks reached the threshold")
      case .progressDeadline(let detail):
        ("✖", "rolling back: progress deadline exceeded" + (detail.isEmpty ? "" : " \(detail)"))
      case .manual: ("✖", "rolling back: manual rollback requested (rollback webhook)")
      }
    case .rollbackCheckPassed(let webhook): ("✖", "rollback webhook \(webhook) signalled a rollback")
    case .rollbackHookIdle(let webhook): ("•", "rollback webhook \(webhook) not signalling")
    case .canaryFailed: ("✖", "canary failed, scaled down")
    case .promotionFailed: ("✖", message)
    case .postRolloutPassed(let webhook): ("✔", "post-rollout check \(webhook) passed")
    case .postRolloutFailed(let webhook, let error):
      ("⚠", "post-rollout hook \(webhook) failed" + (error.isEmpty ? "" : ": \(error)"))
    case .suspended: ("॥", "skipped: canary is suspended")
    case .terminating: ("•", "terminating")
    case .terminated: ("•", "terminated")
    case .other: (type == "Warning" ? "⚠" : "•", message)
    }
  }
}
