import TackOutput

/// Where a release stands, computed from spec and status the way Flagger's scheduler moves: the
/// step `k/n` on the weight ladder (canary) or the iteration `i/n` (blue/green, A/B), the weight
/// Flagger intends against the one it reports, failed checks against the threshold, and a
/// minimum time to completion.
///
/// This is the computation behind `tack get canaries` STEP/FAILED as well as `canary status`.
public struct CanaryReleaseProgress: Sendable, Equatable {
  public enum Unit: String, Sendable { case step, iteration }

  public var strategy: CanaryStrategy
  public var unit: Unit
  /// Steps or iterations done.
  public var current: Int
  /// Steps or iterations in a full run.
  public var total: Int
  /// Weight routed to the canary as Flagger intends it now.
  public var intendedWeight: Int
  /// `status.canaryWeight` as written.
  public var reportedWeight: Int
  /// Flagger zeroed the reported weight although traffic may still sit elsewhere.
  public var reportedWeightIsZeroed: Bool
  public var maxWeight: Int
  public var failedChecks: Int
  public var threshold: Int
  public var interval: GoDuration
  /// Minimum time until Succeeded if every remaining check passes and no gate holds it; `nil`
  /// when nothing is in flight or a gate decides.
  public var eta: GoDuration?

  public init(spec: CanarySpec, status: CanaryStatus) {
    strategy = spec.strategy
    let analysis = spec.analysis
    maxWeight = analysis.maxWeight
    failedChecks = status.failedChecks
    threshold = analysis.threshold
    interval = analysis.interval
    reportedWeight = status.canaryWeight
    let phase = status.phase

    switch strategy {
    case .canary:
      unit = .step
      let ladder = analysis.weightLadder
      total = ladder.count
      let intended = Self.intendedWeight(phase: phase, reported: status.canaryWeight, max: analysis.maxWeight)
      intendedWeight = intended
      switch phase {
      case .waitingPromotion, .promoting, .finalising, .succeeded:
        current = ladder.count
      default:
        current = ladder.filter { $0 <= intended }.count
      }
    case .blueGreen, .abTesting:
      unit = .iteration
      total = spec.effectiveIterations
      // Flagger pins `iterations` to n-1 while it waits for promotion approval.
      switch phase {
      case .waitingPromotion, .promoting, .finalising, .succeeded: current = total
      default: current = min(status.iterations, total)
      }
      // All-or-nothing: the canary gets all traffic only once the iterations are done.
      switch phase {
      case .promoting: intendedWeight = 100
      case .progressing where status.iterations >= total && total > 0: intendedWeight = 100
      default: intendedWeight = 0
      }
    }
    reportedWeightIsZeroed = !phase.keepsReportedWeight && intendedWeight != status.canaryWeight

    // Remaining ticks: the steps or iterations left, then Promoting and Finalising one tick each.
    let ticks: Int?
    switch phase {
    case .progressing: ticks = max(0, total - current) + 2
    case .promoting: ticks = 2
    case .finalising: ticks = 1
    default: ticks = nil
    }
    eta = ticks.map { GoDuration(nanoseconds: interval.nanoseconds * Int64($0)) }
  }

  static func intendedWeight(phase: CanaryPhase, reported: Int, max: Int) -> Int {
    switch phase {
    case .progressing, .waiting, .promoting: reported
    // Traffic stays at the top of the ladder while Flagger waits for promotion approval.
    case .waitingPromotion: max
    // Finalising routes everything back to the (now promoted) primary.
    default: 0
    }
  }

  /// `3/5`.
  public var fraction: String { "\(current)/\(total)" }
  /// `1/5`.
  public var failedFraction: String { "\(failedChecks)/\(threshold)" }
  /// Failed checks left before Flagger rolls back.
  public var checksBeforeRollback: Int { max(0, threshold - failedChecks) }

  /// A bar of `width` cells: `██████░░░░`.
  public func bar(width: Int = 20) -> String {
    guard total > 0 else { return String(repeating: "░", count: width) }
    let filled = min(width, (current * width + total / 2) / total)
    return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
  }
}
