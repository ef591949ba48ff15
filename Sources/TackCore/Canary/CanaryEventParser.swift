import TackBase

/// Parses Flagger's event messages (`pkg/controller/{scheduler,scheduler_hooks,scheduler_metrics}.go`)
/// into `CanaryEvent.Kind`. Every template Flagger emits has a case; a message that fits none is
/// `.other` and is still shown verbatim, so a newer Flagger never breaks the history.
public enum CanaryEventParser {
  public static func parse(_ message: String) -> CanaryEvent.Kind {
    let m = message.trimmingSuffixNewlines()

    // MARK: init, start, restart
    if let rest = m.after("Initialization done! ") { return .initialized(canary: rest) }
    if m == "all the metrics providers are available!" { return .metricProvidersAvailable }
    if let rest = m.after("New revision detected! Scaling up ") { return .newRevision(target: rest) }
    if let rest = m.after("New revision detected! Restarting analysis for ") {
      return .analysisRestarted(target: rest)
    }
    if let rest = m.after("Starting canary analysis for ") ?? m.after("Starting canary deployment for ") {
      return .analysisStarted(target: rest)
    }

    // MARK: gates
    for (prefix, gate) in [
      ("Confirm-rollout check ", CanaryGateType.confirmRollout),
      ("Confirm-promotion check ", .confirmPromotion),
      ("Confirm-traffic-increase check ", .confirmTrafficIncrease),
    ] {
      if let hook = m.between(prefix, " passed") { return .gatePassed(gate: gate, webhook: hook) }
    }
    if let hook = m.between("Pre-rollout check ", " passed") { return .preRolloutPassed(webhook: hook) }
    if let hook = m.between("Post-rollout check ", " passed") { return .postRolloutPassed(webhook: hook) }
    if let hook = m.between("Rollback check ", " passed") { return .rollbackCheckPassed(webhook: hook) }
    if let hook = m.between("Rollback hook ", " not signaling a rollback") {
      return .rollbackHookIdle(webhook: hook)
    }
    if let rest = m.after("Post-rollout hook ") {
      let (hook, error) = rest.splitOnce(" failed ")
      return .postRolloutFailed(webhook: hook, error: error ?? "")
    }

    // MARK: steps
    if let rest = m.after("Advance ") {
      if let weight = rest.lastWord(after: " canary weight ").flatMap(Int.init) {
        return .weightAdvanced(weight: weight)
      }
      if let weight = rest.lastWord(after: " primary weight ").flatMap(Int.init) {
        return .primaryWeightAdvanced(weight: weight)
      }
      if let fraction = rest.lastWord(after: " canary iteration ") {
        let parts = fraction.split(separator: "/")
        if parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) {
          return .iterationAdvanced(iteration: i, of: n)
        }
      }
    }

    // MARK: halts (gates waiting and failed checks)
    if let rest = m.after("Halt advancement no values found for ") {
      return parseNoValues(rest)
    }
    if let rest = m.after("Halt "), let range = rest.firstRange(of: " advancement ") {
      return parseHalt(String(rest[range.upperBound...]))
    }

    // MARK: metric errors
    for prefix in [
      "Prometheus query failed", "Metric template ", "Metric query failed for ",
      "Error checking metric providers", "Error building Prometheus client",
    ] where m.hasPrefix(prefix) {
      return .metricError(m)
    }

    // MARK: readiness
    if let rest = m.after("canary deployment ") ?? m.after("primary deployment "),
      rest.contains(" not ready")
    {
      return .notReady(m)
    }
    if m.contains("exceeded its progress deadline") && !m.hasPrefix("Rolling back") { return .notReady(m) }

    // MARK: promotion
    if m.hasPrefix("Copying ") && m.contains(" template spec to ") { return .promotionStep(m) }
    if m == "Routing all traffic to primary" || m == "Routing all traffic to canary"
      || m == "Stop traffic mirroring and route all traffic to canary"
      || (m.hasPrefix("Starting traffic mirroring"))
    {
      return .promotionStep(m)
    }
    if let rest = m.after("Promotion completed! Canary analysis was skipped for ") {
      return .promotedWithoutAnalysis(target: rest)
    }
    if let rest = m.after("Promotion completed! Scaling down ") { return .promoted(target: rest) }

    // MARK: rollback
    if let rest = m.after("Rolling back ") {
      if let n = rest.lastWord(after: " failed checks threshold reached ").flatMap(Int.init) {
        return .rollingBack(reason: .thresholdReached(failedChecks: n))
      }
      if let range = rest.firstRange(of: " progress deadline exceeded") {
        let detail = rest[range.upperBound...].trimming(" ")
        return .rollingBack(reason: .progressDeadline(detail))
      }
      if rest.hasSuffix(" manual webhook invoked") { return .rollingBack(reason: .manual) }
    }
    if let rest = m.after("Canary failed! Scaling down ") { return .canaryFailed(canary: rest) }
    if m.hasPrefix("Promotion of ") && m.contains(" failed") { return .promotionFailed(m) }

    // MARK: misc
    if m == "skipping canary run as object is suspended" { return .suspended }
    if let rest = m.after("Terminating canary ") { return .terminating(canary: rest) }
    if let rest = m.after("Terminated canary ") { return .terminated(canary: rest) }
    return .other
  }

  /// After "Halt {name}.{ns} advancement ".
  static func parseHalt(_ rest: String) -> CanaryEvent.Kind {
    for (prefix, gate) in [
      ("waiting for promotion approval ", CanaryGateType.confirmPromotion),
      ("waiting for traffic increase approval ", .confirmTrafficIncrease),
      ("waiting for approval ", .confirmRollout),
    ] {
      if let hook = rest.after(prefix) { return .gateWaiting(gate: gate, webhook: hook) }
    }
    if let hookAndError = rest.after("pre-rollout check ") {
      let (hook, error) = hookAndError.splitOnce(" failed ")
      return .webhookCheckFailed(stage: "pre-rollout", webhook: hook, error: error ?? "")
    }
    if let hookAndError = rest.after("external check ") {
      let (hook, error) = hookAndError.splitOnce(" failed ")
      return .webhookCheckFailed(stage: "rollout", webhook: hook, error: error ?? "")
    }
    // "success rate 95.20% < 99%", "request duration 1.2s > 500ms", "{metric} {v} > {max}"
    let words = rest.split(separator: " ").map(String.init)
    guard words.count >= 4 else { return .other }
    let bound = words[words.count - 1]
    let comparison = words[words.count - 2]
    let value = words[words.count - 3]
    guard comparison == "<" || comparison == ">" else { return .other }
    let name = words[0..<(words.count - 3)].joined(separator: " ")
    let metric: String
    switch name {
    case "success rate": metric = "request-success-rate"
    case "request duration": metric = "request-duration"
    default: metric = name
    }
    return .metricCheckFailed(metric: metric, value: value, comparison: comparison, bound: bound)
  }

  /// After "Halt advancement no values found for ".
  static func parseNoValues(_ rest: String) -> CanaryEvent.Kind {
    // "custom metric: {metric}: {err}"
    if let tail = rest.after("custom metric: ") {
      let (metric, error) = tail.splitOnce(": ")
      return .noMetricValues(metric: metric, detail: error ?? "")
    }
    // "metric: {metric}" (inline query)
    if let metric = rest.after("metric: ") { return .noMetricValues(metric: metric, detail: "") }
    // "{provider} metric {metric} probably {target}.{ns} is not receiving traffic[: err]"
    if let range = rest.firstRange(of: " metric ") {
      let tail = rest[range.upperBound...]
      let metric = tail.prefix { $0 != " " }
      let detail = tail.dropFirst(metric.count).trimming(" ")
      return .noMetricValues(metric: String(metric), detail: detail)
    }
    return .noMetricValues(metric: "", detail: rest)
  }
}

extension String {
  func after(_ prefix: String) -> String? {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
  }

  func between(_ prefix: String, _ suffix: String) -> String? {
    guard hasPrefix(prefix), hasSuffix(suffix), count >= prefix.count + suffix.count else { return nil }
    return String(dropFirst(prefix.count).dropLast(suffix.count))
  }

  /// `("hook", "error")` around the first `separator`; `(self, nil)` when absent.
  func splitOnce(_ separator: String) -> (String, String?) {
    guard let range = firstRange(of: separator) else { return (self, nil) }
    return (String(self[..<range.lowerBound]), String(self[range.upperBound...]))
  }

  /// The text after the last occurrence of `marker`, when it is one word at the end.
  func lastWord(after marker: String) -> String? {
    guard let range = ranges(of: marker).last else { return nil }
    let word = String(self[range.upperBound...])
    return word.isEmpty || word.contains(" ") ? nil : word
  }

  func trimmingSuffixNewlines() -> String {
    var s = self
    while s.last == "\n" || s.last == "\r" { s.removeLast() }
    return s
  }
}
