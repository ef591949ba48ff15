import Synchronization
import TackBase

/// Runs a dashboard action through the use case its command uses (`Reconciler`, `Suspender`,
/// `Resumer`, `CanarySteering`) and sums the outcome up in one status line. Reconcile and resume
/// do not wait for the controller: the watch shows what happens next.
public struct DashboardActions: Sendable {
  public var cluster: any Cluster
  public var canaryClock: any CanaryClock
  /// How long promote and abort wait for Flagger's next phase.
  public var canaryTimeout: Double

  public init(cluster: any Cluster, canaryClock: any CanaryClock = SystemCanaryClock(), canaryTimeout: Double = 300) {
    self.cluster = cluster
    self.canaryClock = canaryClock
    self.canaryTimeout = canaryTimeout
  }

  public func perform(_ action: DashboardAction, on key: DashboardKey) async -> DashboardStatus {
    let progress = LastLineProgress()
    let name = "\(key.kind.kind) \(key.namespace)/\(key.name)"
    let selection = ObjectSelection.named([key.name], namespace: key.namespace)
    do {
      switch action {
      case .reconcile:
        try await Reconciler(cluster: cluster, progress: progress).run(
          key.kind, selection, options: ReconcileOptions(wait: false))
        return DashboardStatus("✔ reconcile requested for \(name)")
      case .suspend:
        try await Suspender(cluster: cluster, progress: progress).run(key.kind, selection)
        return DashboardStatus("✔ " + (progress.last ?? "suspended \(name)"))
      case .resume:
        try await Resumer(cluster: cluster, progress: progress).run(key.kind, selection, wait: false, timeout: .seconds(30))
        return DashboardStatus("✔ " + (progress.last ?? "resumed \(name)"))
      case .promote, .abort:
        let steering = CanarySteering(cluster: cluster, waiter: CanaryWaiter(cluster: cluster, clock: canaryClock))
        let status =
          action == .promote
          ? try await steering.promote(
            namespace: key.namespace, name: key.name, keepGateOpen: false, timeout: canaryTimeout, progress: progress)
          : try await steering.abort(namespace: key.namespace, name: key.name, timeout: canaryTimeout, progress: progress)
        let summary = progress.last ?? "\(action.rawValue) \(name) done"
        return DashboardStatus((status == .success ? "✔ " : "✖ ") + summary, isError: status != .success)
      }
    } catch {
      return DashboardStatus("✖ \(action.rawValue) \(name): \(tackError(error).description)", isError: true)
    }
  }
}

/// Keeps the outcomes a use case reported (its ✔, ✗ and ⚠ lines): the status line shows them in
/// order (`gate opened · canary test/podinfo passed the gate: Promoting … · gate closed again…`).
final class LastLineProgress: ProgressReporter {
  private let lines = Mutex<[String]>([])
  var last: String? {
    lines.withLock { $0.isEmpty ? nil : $0.joined(separator: " · ") }
  }
  func log(_ symbol: LogSymbol, _ message: String) {
    guard symbol == .success || symbol == .failure || symbol == .warning else { return }
    lines.withLock { $0.append(message) }
  }
  func note(_ message: String) {}
  func beginWait(_ message: String) {}
  func updateWait(_ detail: String) {}
  func endWait() {}
}
