import TackJSON
import TackOutput

/// The compact form of `tack canary status` without a name: one row per Canary in the namespace,
/// with the columns `kubectl get canaries` lacks (failed checks against the threshold, the step).
public enum CanaryListTable {
  public static let header = ["NAME", "STATUS", "WEIGHT", "FAILED", "STEP", "GATE", "LAST TRANSITION"]

  public static func row(_ canary: JSON, events: [JSON] = []) -> [String] {
    let spec = CanarySpec(canary: canary)
    let status = CanaryStatus(canary: canary)
    let progress = CanaryReleaseProgress(spec: spec, status: status)
    let gate = CanaryGate.holding(
      spec: spec, status: status, events: CanaryStatusReport.order(events.map(CanaryEvent.init(event:))))
    let phase = status.phase == .none ? "Pending" : status.phase.description
    return [
      canary[path: "metadata", "name"]?.stringValue ?? "",
      phase,
      "\(progress.intendedWeight)",
      progress.failedFraction,
      progress.fraction,
      gate?.type.rawValue ?? "-",
      status.promoted?.lastTransitionTime ?? status.lastTransitionTime ?? "",
    ]
  }

  public static func render(_ canaries: [JSON], noHeader: Bool = false) -> String {
    let rows = canaries.sorted {
      ($0[path: "metadata", "name"]?.stringValue ?? "") < ($1[path: "metadata", "name"]?.stringValue ?? "")
    }.map { row($0) }
    return FluxTable(header: header, rows: rows).render(showHeader: !noHeader)
  }
}
