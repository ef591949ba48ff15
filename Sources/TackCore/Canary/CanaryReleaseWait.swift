import Synchronization
import TackBase
import TackJSON

/// `tack canary status NAME --wait`: returns when the release finishes — 0 Succeeded, 4 Failed
/// (rolled back), 3 timed out, and with `successOnGate` 0 as soon as a manual gate holds it. Reports
/// only state changes. See `CanaryWaitDecision` for the stale-phase race this guards against.
public struct CanaryReleaseWait: Sendable {
  public let waiter: CanaryWaiter
  public var successOnGate: Bool

  public init(waiter: CanaryWaiter, successOnGate: Bool = false) {
    self.waiter = waiter
    self.successOnGate = successOnGate
  }

  public struct Result: Sendable, Equatable {
    public var exitStatus: ExitStatus
    public var outcome: CanaryWaitDecision.Outcome
    public var phase: String
    public var message: String
  }

  /// - Parameters:
  ///   - stopWhenDone: false for a plain `--watch`, which follows until interrupted.
  ///   - display: called with every fresh report (the live view redraws from it).
  public func run(
    namespace: String, name: String, timeout: Double, stopWhenDone: Bool = true,
    display: @escaping @Sendable (CanaryStatusReport) -> Void = { _ in },
    progress: any ProgressReporter
  ) async throws -> Result {
    let clock = waiter.clock
    let started = clock.now()
    let memory = Mutex<(line: String?, hold: CanaryWaitDecision.Hold?, sawInFlight: Bool, result: Result?)>(
      (nil, nil, false, nil))
    let status = try await waiter.follow(
      namespace: namespace, name: name, timeout: timeout,
      waitingFor: successOnGate ? "to finish or reach a gate" : "to finish"
    ) { snapshot in
      let report = snapshot.report
      display(report)
      let decision = CanaryWaitDecision.evaluate(
        canary: snapshot.canary, target: snapshot.target, gate: report.gate, successOnGate: successOnGate,
        sawInFlight: memory.withLock { $0.sawInFlight }, events: report.history, waitStarted: started,
        now: clock.now())
      let line = CanaryStateLine(report: report).text
      let (lineChanged, holdChanged) = memory.withLock { m -> (Bool, Bool) in
        let lineChanged = m.line != line
        m.line = line
        let holdChanged = decision.hold != nil && !Self.sameKind(m.hold, decision.hold)
        m.hold = decision.hold
        if !report.status.phase.isTerminal && report.status.phase != .none { m.sawInFlight = true }
        return (lineChanged, holdChanged)
      }
      if lineChanged { progress.note(line) }
      guard stopWhenDone else { return .keepWaiting }
      if holdChanged, let hold = decision.hold { progress.waiting(Self.explain(hold, phase: report.status.phase)) }
      guard let exit = decision.outcome.exitStatus else { return .keepWaiting }
      let result = Result(
        exitStatus: exit, outcome: decision.outcome, phase: report.status.phase.description,
        message: report.status.promoted?.message ?? "")
      memory.withLock { $0.result = result }
      return .done(exit)
    }
    return memory.withLock { $0.result }
      ?? Result(exitStatus: status, outcome: .keepWaiting, phase: "", message: "")
  }

  static func sameKind(_ a: CanaryWaitDecision.Hold?, _ b: CanaryWaitDecision.Hold?) -> Bool {
    switch (a, b) {
    case (.newRevisionPending?, .newRevisionPending?), (.undecidable?, .undecidable?): true
    default: false
    }
  }

  static func explain(_ hold: CanaryWaitDecision.Hold, phase: CanaryPhase) -> String {
    switch hold {
    case .newRevisionPending(let changed, let terminal):
      "\(phase) is stale: the target's pod template changed at \(changed) after the canary finished at \(terminal); waiting for Flagger to start the new revision"
    case .undecidable(let interval, _):
      "cannot tell whether \(phase) belongs to the latest revision (no managedFields time on the target); waiting one analysis interval (\(interval)) before trusting it"
    }
  }
}
