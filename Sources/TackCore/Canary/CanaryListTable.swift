import TackJSON
import TackOutput

/// The compact form of `tack canary status` without a name: one row per Canary in the namespace,
/// with the columns `kubectl get canaries` lacks (failed checks against the threshold, the step).
public enum CanaryListTable {
  public static let header = ["NAME", "STATUS", "WEIGHT", "FAILED", "STEP", "GATE", "LAST TRANSITION"]

  public static func row(_ canary: JSON, events: [JSON] = []) -> [String] {
    let spec = CanarySpec(canary: canary)
    let status = CanaryStatus(canary: canary)
    let progress = CanaryProgress(spec: spec, status: status)
    let gate = CanaryGate.holding(
      spec: spec, status: status, events: CanaryStatusReport.order(events.map(CanaryEvent.init(event:))))
    let phase = status.phase == .none ? "Pending" : status.phase.description
    return [
      canary[path: "metadata", "name"]?.stringValue ?? "",
      phase,
      "\(progress.intendedWeight)",
      progress.failedText,
      progress.stepText,
      gate?.type.rawValue ?? "-",
      status.promoted?.lastTransitionTime ?? status.lastTransitionTime ?? "",
    ]
  }

  public static func render(_ canaries: [JSON], noHeader: Bool = false) -> String {
    let rows = sorted(canaries).map { row($0) }
    return FluxTable(header: header, rows: rows).render(showHeader: !noHeader)
  }

  /// `--contexts`/`--all-contexts`: one table, CLUSTER first, the clusters in the order given and
  /// each cluster's canaries by name.
  public static func render(fleet: [(context: String, canaries: [JSON])], noHeader: Bool = false) -> String {
    let rows = fleet.flatMap { context, canaries in sorted(canaries).map { [context] + row($0) } }
    return FluxTable(header: ["CLUSTER"] + header, rows: rows).render(showHeader: !noHeader)
  }

  public static func sorted(_ canaries: [JSON]) -> [JSON] {
    canaries.sorted {
      ($0[path: "metadata", "name"]?.stringValue ?? "") < ($1[path: "metadata", "name"]?.stringValue ?? "")
    }
  }
}
