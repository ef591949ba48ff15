import TackBase
import TackJSON

/// Builds a `GetRow` from an object as served by the API: the per-kind rules of flux's `get`
/// commands (cmd/flux/get_*.go) plus tack's wide, Flagger and JSON-lines columns.
public enum GetRowBuilder {
  public static let waitingMessage = "waiting to be reconciled"

  public static func row(for kind: FluxKind, object: JSON, options: GetTableOptions) -> GetRow {
    let metadata = object["metadata"] ?? .null
    let spec = object["spec"] ?? .null
    let status = object["status"] ?? .null
    let namespace = metadata["namespace"]?.stringValue ?? ""
    let name = metadata["name"]?.stringValue ?? ""
    var row = GetRow(kind: kind, namespace: namespace, name: name)

    row.cells[.namespace] = namespace
    row.cells[.name] = options.includeKind ? "\(kind.kind.lowercased())/\(name)" : name
    row.cells[.age] = HumanDuration.age(
      since: metadata["creationTimestamp"]?.stringValue.flatMap(RFC3339Time.init), now: options.now)

    // Ready and message: the Ready condition, or flux's defaults; static kinds are always ready.
    let conditions = status["conditions"]?.arrayValue ?? []
    let readyCondition = conditions.first { $0["type"]?.stringValue == "Ready" }
    var ready = readyCondition?["status"]?.stringValue ?? "False"
    var message = readyCondition.map { $0["message"]?.stringValue ?? "" } ?? waitingMessage
    row.lastTransitionTime = readyCondition?["lastTransitionTime"]?.stringValue
    switch kind {
    case .alert: (ready, message, row.lastTransitionTime) = ("True", "Alert is Ready", nil)
    case .alertProvider: (ready, message, row.lastTransitionTime) = ("True", "Provider is Ready", nil)
    case .helmRepository where spec["type"]?.stringValue == "oci":
      (ready, message, row.lastTransitionTime) = ("True", "Helm repository is Ready", nil)
    default: break
    }
    let suspended = spec["suspend"]?.boolValue ?? false

    var revision: String?
    var shortensRevision = false
    var shortensMessage = false
    switch kind {
    case .gitRepository, .ociRepository, .bucket, .helmRepository, .externalArtifact:
      revision = status[path: "artifact", "revision"]?.stringValue ?? ""
      (shortensRevision, shortensMessage) = (true, true)
    case .helmChart:
      // The revision is a chart version (semver): flux leaves it whole, but shortens the message.
      revision = status[path: "artifact", "revision"]?.stringValue ?? ""
      shortensMessage = true
    case .kustomization:
      revision = status["lastAppliedRevision"]?.stringValue ?? ""
      (shortensRevision, shortensMessage) = (true, true)
      let attempted = status["lastAttemptedRevision"]?.stringValue ?? ""
      row.cells[.lastAttemptedRevision] = HexShortening.shorten(attempted)
      row.extra["lastAttemptedRevision"] = .string(attempted)
    case .helmRelease:
      let history = status["history"]?.arrayValue ?? []
      revision =
        history.first.map { $0["chartVersion"]?.stringValue ?? "" } ?? status["lastAttemptedRevision"]?.stringValue
        ?? ""
      let attempted = status["lastAttemptedRevision"]?.stringValue ?? ""
      row.cells[.lastAttemptedRevision] = attempted
      row.extra["lastAttemptedRevision"] = .string(attempted)
    default:
      break
    }
    if let revision {
      row.revision = revision
      row.cells[.revision] = shortensRevision ? HexShortening.shorten(revision) : revision
    }

    switch kind {
    case .canary, .metricTemplate, .flaggerAlertProvider:
      break
    default:
      var isSuspended = suspended
      if kind == .artifactGenerator {
        // source-watcher has no spec.suspend: reconciliation is disabled by annotation.
        let value = metadata[path: "annotations", "source.extensions.fluxcd.io/reconcile"]?.stringValue
        isSuspended = value.map { $0.lowercased() == "disabled" } ?? false
      }
      row.suspended = isSuspended
      row.cells[.suspended] = isSuspended ? "True" : "False"
      row.ready = ready
      row.message = message
      row.cells[.ready] = ready
      row.cells[.message] = shortensMessage ? HexShortening.shorten(message) : message
    }

    // Kind-specific columns.
    switch kind {
    case .externalArtifact:
      // flux prints the reference as stored: the namespace is not defaulted here.
      if let ref = spec["sourceRef"], ref.objectValue != nil {
        row.cells[.source] = reference(ref, defaultNamespace: nil)
      } else {
        row.cells[.source] = ""
      }
    case .kustomization:
      row.cells[.source] = spec["sourceRef"].map { reference($0, defaultNamespace: namespace) } ?? ""
    case .helmRelease:
      if let chartRef = spec["chartRef"], chartRef.objectValue != nil {
        row.cells[.source] = reference(chartRef, defaultNamespace: namespace)
      } else if let sourceRef = spec[path: "chart", "spec", "sourceRef"] {
        row.cells[.source] = reference(sourceRef, defaultNamespace: namespace)
      } else {
        row.cells[.source] = ""
      }
    case .helmChart:
      row.cells[.source] = spec["sourceRef"].map { reference($0, defaultNamespace: namespace) } ?? ""
    case .imageRepository:
      let scanTime = status[path: "lastScanResult", "scanTime"]?.stringValue
      row.cells[.lastScan] = scanTime.flatMap(RFC3339Time.init)?.rfc3339Local ?? ""
      row.extra["lastScanTime"] = scanTime.map(JSON.string) ?? .null
    case .imagePolicy:
      let image = status[path: "latestRef", "name"]?.stringValue ?? ""
      let tag = status[path: "latestRef", "tag"]?.stringValue ?? ""
      row.cells[.image] = image
      row.cells[.tag] = tag
      row.cells[.source] =
        spec["imageRepositoryRef"].map { reference($0, defaultNamespace: namespace, kind: "ImageRepository") } ?? ""
      row.extra["image"] = .string(image)
      row.extra["tag"] = .string(tag)
    case .imageUpdateAutomation:
      let lastRun = status["lastAutomationRunTime"]?.stringValue
      row.cells[.lastRun] = lastRun.flatMap(RFC3339Time.init)?.rfc3339Local ?? ""
      row.cells[.source] = spec["sourceRef"].map { reference($0, defaultNamespace: namespace) } ?? ""
      row.extra["lastRunTime"] = lastRun.map(JSON.string) ?? .null
    case .canary:
      let progress = CanaryProgress(canary: object)
      row.suspended = suspended
      row.cells[.suspended] = suspended ? "True" : "False"
      row.cells[.status] = progress.phase
      row.cells[.weight] = String(progress.weight)
      row.cells[.failed] = progress.failedText
      row.cells[.step] = progress.stepText
      let transition = status["lastTransitionTime"]?.stringValue
      row.cells[.lastTransition] = transition ?? ""
      row.lastTransitionTime = transition
      let promoted = conditions.first { $0["type"]?.stringValue == "Promoted" }
      row.message = promoted?["message"]?.stringValue
      row.extra["phase"] = .string(progress.phase)
      row.extra["strategy"] = .string(progress.strategy.rawValue)
      row.extra["weight"] = .int(progress.weight)
      row.extra["maxWeight"] = .int(progress.maxWeight)
      row.extra["failedChecks"] = .int(progress.failedChecks)
      row.extra["threshold"] = .int(progress.threshold)
      row.extra["step"] = progress.step.map { .int($0.done) } ?? .null
      row.extra["steps"] = progress.step.map { .int($0.total) } ?? .null
    case .metricTemplate:
      let provider = spec[path: "provider", "type"]?.stringValue ?? ""
      row.cells[.provider] = provider
      row.extra["provider"] = .string(provider)
    case .flaggerAlertProvider:
      let type = spec["type"]?.stringValue ?? ""
      row.cells[.type] = type
      row.extra["type"] = .string(type)
    default:
      break
    }
    return row
  }

  /// `Kind/namespace/name`, the SOURCE column; the namespace defaults to the object's own.
  static func reference(_ ref: JSON, defaultNamespace: String?, kind defaultKind: String = "") -> String {
    let kind = ref["kind"]?.stringValue ?? defaultKind
    var namespace = ref["namespace"]?.stringValue ?? ""
    if namespace.isEmpty, let defaultNamespace { namespace = defaultNamespace }
    let name = ref["name"]?.stringValue ?? ""
    return "\(kind)/\(namespace)/\(name)"
  }

  /// Whether `--status-selector` keeps this object (Alerts and Providers count as Ready=True).
  public static func matches(_ selector: StatusSelector, kind: FluxKind, object: JSON) -> Bool {
    switch kind {
    case .alert, .alertProvider:
      return selector.matchesAlwaysReady()
    default:
      return selector.matches(conditions: object[path: "status", "conditions"]?.arrayValue ?? [])
    }
  }
}
