import TackBase
import TackJSON

/// Decides, from one observation of a Canary (and its target workload), whether `canary status
/// --wait` may return. Pure: the wait loop feeds it every state it sees.
///
/// The race it guards against: right after a new revision is applied (`kubectl set image`, a Flux
/// apply), the Canary still shows the previous release's Succeeded/Failed until Flagger's next tick
/// (up to one analysis interval) notices the change. Returning then would report the old release.
/// The target's managedFields say when its pod template last changed; when that is not before the
/// moment the Canary reached its terminal phase (the Promoted condition's lastTransitionTime), a new
/// revision is pending and the terminal phase is stale. When either time is missing, a terminal
/// phase is trusted only after one analysis interval of waiting.
public struct CanaryWaitDecision: Sendable, Equatable {
  public enum Outcome: Sendable, Equatable {
    case keepWaiting
    /// Succeeded (or Initialized: the first deployment needs no analysis).
    case succeeded
    /// Failed: rolled back.
    case failed
    /// Held at a manual gate and `--success-on-gate` was given.
    case atGate(CanaryGateType)

    public var exitStatus: ExitStatus? {
      switch self {
      case .keepWaiting: nil
      case .succeeded, .atGate: .success
      case .failed: .resourceFailed
      }
    }
  }

  /// Why a terminal phase was not trusted (printed once, when it first applies).
  public enum Hold: Sendable, Equatable {
    /// The template changed at `templateChanged`, not before the terminal phase at `terminalAt`.
    case newRevisionPending(templateChanged: RFC3339Time, terminalAt: RFC3339Time)
    /// Times missing: waiting one analysis interval before trusting the phase.
    case undecidable(interval: GoDuration, until: RFC3339Time)
  }

  public var outcome: Outcome
  public var hold: Hold?

  public init(outcome: Outcome, hold: Hold? = nil) {
    self.outcome = outcome
    self.hold = hold
  }

  /// - Parameters:
  ///   - canary: the Canary object as last seen.
  ///   - target: the target workload, when it could be read (its managedFields decide the race).
  ///   - gate: the gate holding the canary, if any (see `CanaryGate.holding`).
  ///   - sawInFlight: this wait already saw the canary in a non-terminal phase, so a terminal phase
  ///     now is the outcome of a run it watched.
  ///   - waitStarted: when the wait began; `now`: the time of this observation.
  public static func evaluate(
    canary: JSON, target: JSON?, gate: CanaryGate?, successOnGate: Bool, sawInFlight: Bool = false,
    events: [CanaryEvent] = [], waitStarted: RFC3339Time, now: RFC3339Time
  ) -> CanaryWaitDecision {
    let spec = CanarySpec(canary: canary)
    let status = CanaryStatus(canary: canary)
    let terminal: Outcome
    switch status.phase {
    case .succeeded, .initialized: terminal = .succeeded
    case .failed: terminal = .failed
    default:
      if successOnGate, let gate { return CanaryWaitDecision(outcome: .atGate(gate.type)) }
      return CanaryWaitDecision(outcome: .keepWaiting)
    }

    let terminalAt = status.promoted?.lastTransitionTime.flatMap(RFC3339Time.init)
    let changedAt = target.flatMap(TemplateChange.lastChange(of:))
    if let terminalAt, let changedAt {
      // Seconds precision on both sides: an equal second is treated as "after" — the change that
      // started the finished run was at least one tick (≥ 10 s) before its end.
      // Flagger's own "New revision detected" (or restart) event at or after the change, before
      // the end, means the finished run is the new revision's (a fast run can start and end within
      // the second of the change).
      let pickedUp = events.contains { event in
        switch event.kind {
        case .newRevision, .analysisRestarted:
          guard let at = RFC3339Time(event.time) else { return false }
          return at >= changedAt && at <= terminalAt
        default: return false
        }
      }
      if changedAt >= terminalAt && !pickedUp {
        return CanaryWaitDecision(
          outcome: .keepWaiting, hold: .newRevisionPending(templateChanged: changedAt, terminalAt: terminalAt))
      }
      return CanaryWaitDecision(outcome: terminal)
    }
    // This wait watched the run reach its end, or the end came after the wait began: the phase is
    // the outcome of the current revision.
    if sawInFlight { return CanaryWaitDecision(outcome: terminal) }
    if let terminalAt, terminalAt > waitStarted { return CanaryWaitDecision(outcome: terminal) }
    let interval = spec.analysis.interval
    let until = RFC3339Time(seconds: waitStarted.seconds + interval.seconds)
    if now < until {
      return CanaryWaitDecision(outcome: .keepWaiting, hold: .undecidable(interval: interval, until: until))
    }
    return CanaryWaitDecision(outcome: terminal)
  }
}
