import TackBase
import TackJSON

extension JSONWriteOptions {
  /// Indented like kubectl, but in the documented field order rather than sorted.
  public static let documented = JSONWriteOptions(indent: "    ", sortKeys: false, escapeHTML: false)
}

extension CanaryStatusReport {
  /// The documented machine-readable form of `tack canary status NAME -o json|yaml`. Fields are
  /// always present (null when unknown) so scripts can rely on them:
  ///
  /// ```
  /// apiVersion: tack.dev/v1alpha1
  /// kind: CanaryStatus
  /// name, namespace           the Canary
  /// target: {apiVersion, kind, name}
  /// strategy                  canary | blue-green | ab-testing (derived as Flagger derives it)
  /// phase                     status.phase as written ("" before Flagger's first sync)
  /// terminal                  true for Succeeded, Failed, Initialized, Terminated
  /// condition: {status, reason, message, lastTransitionTime}   the Promoted condition, or null
  /// suspended, skipAnalysis   spec flags
  /// weight: {intended, reported, max, reportedIsZeroed}
  ///                           intended = where Flagger routes traffic now; reported =
  ///                           status.canaryWeight (Flagger zeroes it in WaitingPromotion/Finalising)
  /// progress: {unit: step|iteration, current, total}
  ///                           current/total null when the canary has no steps (skipAnalysis)
  /// failedChecks: {count, threshold, beforeRollback}
  /// interval                  the effective analysis interval, Go syntax ("1m0s")
  /// etaSeconds                minimum seconds to Succeeded if all checks pass and no gate holds; null
  /// gate: {type, webhook, url, openable, loadtester: {service, namespace, port} | null, since} | null
  /// revision: {lastApplied, lastPromoted, unpromoted}
  /// fluxKustomization         "<ns>/<name>" of the Flux Kustomization applying the Canary, or null
  /// images: {canary: [{container, image}] | null, primary: [...] | null}
  /// analysis: {metrics: [{name, min, max, threshold, interval, template}],
  ///            webhooks: [{name, type, url}]}
  /// history: {mayBeIncomplete, events: [{time, firstTime, type, count, kind, message, ...}]}
  ///                           oldest first; `kind` is a tag (weight-advanced, check-failed,
  ///                           gate-waiting, rollback, promoted, …) with typed fields per kind
  /// ```
  public var document: JSON {
    var doc = JSONObject()
    doc["apiVersion"] = "tack.dev/v1alpha1"
    doc["kind"] = "CanaryStatus"
    doc["name"] = .string(name)
    doc["namespace"] = .string(namespace)
    doc["target"] = [
      "apiVersion": .string(spec.targetAPIVersion), "kind": .string(spec.targetKind),
      "name": .string(spec.targetName),
    ]
    doc["strategy"] = .string(spec.strategy.rawValue)
    doc["phase"] = .string(status.phase.description)
    doc["terminal"] = .bool(status.phase.isTerminal)
    doc["condition"] =
      status.promoted.map { c in
        [
          "status": .string(c.status), "reason": .string(c.reason), "message": .string(c.message),
          "lastTransitionTime": c.lastTransitionTime.map(JSON.string) ?? .null,
        ]
      } ?? .null
    doc["suspended"] = .bool(spec.suspend)
    doc["skipAnalysis"] = .bool(spec.skipAnalysis)
    doc["weight"] = [
      "intended": .int(progress.intendedWeight), "reported": .int(progress.weight),
      "max": .int(progress.maxWeight), "reportedIsZeroed": .bool(progress.reportedWeightIsZeroed),
    ]
    doc["progress"] = [
      "unit": .string(progress.unit.rawValue), "current": progress.step.map { .int($0.done) } ?? .null,
      "total": progress.step.map { .int($0.total) } ?? .null,
    ]
    doc["failedChecks"] = [
      "count": .int(progress.failedChecks), "threshold": .int(progress.threshold),
      "beforeRollback": .int(progress.checksBeforeRollback),
    ]
    doc["interval"] = .string(progress.interval.description)
    doc["etaSeconds"] = progress.eta.map { .int(Int(saturating: $0.seconds)) } ?? .null
    doc["gate"] =
      gate.map { g in
        [
          "type": .string(g.type.rawValue), "webhook": .string(g.webhook.name), "url": .string(g.webhook.url),
          "openable": .bool(g.loadtester != nil),
          "loadtester": g.loadtester.map { l in
            ["service": .string(l.service), "namespace": .string(l.namespace), "port": .int(l.port)]
          } ?? .null,
          "since": g.since.map(JSON.string) ?? .null,
        ]
      } ?? .null
    doc["revision"] = [
      "lastApplied": .string(status.lastAppliedSpec), "lastPromoted": .string(status.lastPromotedSpec),
      "unpromoted": .bool(status.revisionDiffersFromPromoted),
    ]
    doc["fluxKustomization"] = fluxKustomization.map(JSON.string) ?? .null
    func imageList(_ list: [ContainerImage]?) -> JSON {
      guard let list else { return .null }
      return .array(list.map { ["container": .string($0.container), "image": .string($0.image)] })
    }
    doc["images"] = ["canary": imageList(images.canary), "primary": imageList(images.primary)]
    doc["analysis"] = [
      "metrics": .array(
        spec.analysis.metrics.map { m in
          [
            "name": .string(m.name), "min": m.min.map(JSON.numeric(literal:)) ?? .null,
            "max": m.max.map(JSON.numeric(literal:)) ?? .null,
            "threshold": .string(m.thresholdText), "interval": .string(m.interval),
            "template": m.templateText.map(JSON.string) ?? .null,
          ]
        }),
      "webhooks": .array(
        spec.analysis.webhooks.map { ["name": .string($0.name), "type": .string($0.typeText), "url": .string($0.url)] }
      ),
    ]
    doc["history"] = [
      "mayBeIncomplete": .bool(historyMayBeIncomplete),
      "events": .array(history.map(\.document)),
    ]
    return .object(doc)
  }
}

extension JSON {
  /// A number from its literal text when it is one, else the text as a string.
  static func numeric(literal text: String) -> JSON {
    (try? JSON.parse(text)).flatMap { $0.doubleValue != nil ? $0 : nil } ?? .string(text)
  }
}

extension CanaryEvent {
  /// One history row: common fields plus the parsed fields of its kind.
  public var document: JSON {
    var row = JSONObject()
    row["time"] = .string(time)
    row["firstTime"] = firstTime.map(JSON.string) ?? .null
    row["type"] = .string(type)
    row["count"] = .int(count)
    row["kind"] = .string(kind.tag)
    switch kind {
    case .initialized(let canary), .canaryFailed(let canary), .terminating(let canary), .terminated(let canary):
      row["canary"] = .string(canary)
    case .newRevision(let target), .analysisStarted(let target), .analysisRestarted(let target),
      .promoted(let target), .promotedWithoutAnalysis(let target):
      row["target"] = .string(target)
    case .gateWaiting(let gate, let webhook), .gatePassed(let gate, let webhook):
      row["gate"] = .string(gate.rawValue)
      row["webhook"] = .string(webhook)
    case .preRolloutPassed(let webhook), .rollbackCheckPassed(let webhook), .rollbackHookIdle(let webhook),
      .postRolloutPassed(let webhook):
      row["webhook"] = .string(webhook)
    case .weightAdvanced(let weight), .primaryWeightAdvanced(let weight):
      row["weight"] = .int(weight)
    case .iterationAdvanced(let i, let n):
      row["iteration"] = .int(i)
      row["iterations"] = .int(n)
    case .metricCheckFailed(let metric, let value, let comparison, let bound):
      row["metric"] = .string(metric)
      row["value"] = .string(value)
      row["comparison"] = .string(comparison)
      row["bound"] = .string(bound)
    case .webhookCheckFailed(let stage, let webhook, let error):
      row["stage"] = .string(stage)
      row["webhook"] = .string(webhook)
      row["error"] = .string(error)
    case .postRolloutFailed(let webhook, let error):
      row["webhook"] = .string(webhook)
      row["error"] = .string(error)
    case .noMetricValues(let metric, let detail):
      row["metric"] = .string(metric)
      row["detail"] = .string(detail)
    case .rollingBack(let reason):
      switch reason {
      case .thresholdReached(let n):
        row["reason"] = "threshold"
        row["failedChecks"] = .int(n)
      case .progressDeadline(let detail):
        row["reason"] = "progress-deadline"
        row["detail"] = .string(detail)
      case .manual:
        row["reason"] = "manual"
      }
    case .metricError, .notReady, .promotionStep, .promotionFailed, .metricProvidersAvailable, .suspended,
      .other:
      break
    }
    row["message"] = .string(message)
    return .object(row)
  }
}
