import TackBase
import TackJSON

/// Where a Flagger Canary stands, derived from its spec and status the way Flagger's scheduler
/// (`pkg/controller/scheduler.go`) moves it: the strategy, the weight ladder and the step on it
/// (`k/n`) or the iteration (`i/n`), the weight Flagger intends against the one it reports, the
/// failed checks against the threshold, and a minimum time to completion. Pure: `tack get
/// canaries` (STEP, FAILED) and `tack canary status` both read this one computation.
///
/// Caveats handled (see flagger-rollouts.md §1.2): `status.canaryWeight` reads 0 outside
/// Progressing/Waiting/Promoting, so the step comes from the phase once the analysis is done; during
/// WaitingPromotion `status.iterations` is pinned to `iterations-1`; unknown phases are tolerated.
public struct CanaryProgress: Sendable, Equatable {
  public enum Unit: String, Sendable { case step, iteration }

  public var strategy: CanaryStrategy
  /// `status.phase`; empty before Flagger first wrote status.
  public var phase: String
  /// `status.canaryWeight` as reported.
  public var weight: Int
  /// Weight routed to the canary as Flagger intends it now (the route, not the zeroed field).
  public var intendedWeight: Int
  /// Flagger zeroed the reported weight although traffic sits elsewhere.
  public var reportedWeightIsZeroed: Bool
  /// The ceiling Flagger steps towards (`maxWeight()` in the scheduler).
  public var maxWeight: Int
  /// The weights the canary goes through, in order (weight strategy only), as Flagger's
  /// `nextStepWeight` produces them; the last one may pass `maxWeight`.
  public var weightLadder: [Int]
  /// `status.iterations` and the iterations Flagger runs (blue/green and A/B).
  public var iterations: Int
  public var totalIterations: Int
  public var failedChecks: Int
  /// `spec.analysis.threshold`, default 1.
  public var threshold: Int
  /// `spec.skipAnalysis`, or no `analysis` at all: promotion without steps.
  public var skipsAnalysis: Bool
  /// Steps for the weight strategy, iterations for blue/green and A/B.
  public var unit: Unit
  /// Steps or iterations done and in a full run; `nil` when the canary has no steps (analysis
  /// skipped, or no step configuration).
  public var step: (done: Int, total: Int)? { stepCount.map { ($0.done, $0.total) } }
  /// The analysis interval Flagger ticks at.
  public var interval: GoDuration
  /// Minimum time until Succeeded if every remaining check passes and no gate holds it; `nil`
  /// when nothing is in flight.
  public var eta: GoDuration?

  struct StepCount: Sendable, Equatable {
    var done: Int
    var total: Int
  }
  var stepCount: StepCount?

  public init(canary: JSON) {
    self.init(spec: CanarySpec(canary: canary), status: CanaryStatus(canary: canary))
  }

  public init(spec: CanarySpec, status: CanaryStatus) {
    let analysis = spec.analysis
    let phase = status.phase
    strategy = spec.strategy
    self.phase = phase.description
    weight = status.canaryWeight
    iterations = status.iterations
    totalIterations = spec.effectiveIterations
    failedChecks = status.failedChecks
    threshold = analysis.threshold
    skipsAnalysis = spec.skipAnalysis
    interval = analysis.interval
    maxWeight = Self.maxWeight(analysis)
    weightLadder = Self.weightLadder(analysis)

    switch strategy {
    case .canary:
      unit = .step
      let intended = Self.intendedWeight(phase: phase, reported: status.canaryWeight, top: weightLadder.last ?? maxWeight)
      intendedWeight = intended
      let total = weightLadder.count
      if skipsAnalysis || total == 0 {
        stepCount = nil
      } else if Self.completedPhases.contains(phase) {
        stepCount = StepCount(done: total, total: total)
      } else {
        // Rungs reached; a weight between two rungs counts the lower one.
        stepCount = StepCount(done: weightLadder.filter { $0 <= intended }.count, total: total)
      }
    case .blueGreen, .abTesting:
      unit = .iteration
      let total = totalIterations
      if skipsAnalysis || total == 0 {
        stepCount = nil
      } else if Self.completedPhases.contains(phase) {
        stepCount = StepCount(done: total, total: total)
      } else if Self.idlePhases.contains(phase) {
        stepCount = StepCount(done: 0, total: total)
      } else {
        stepCount = StepCount(done: min(max(status.iterations, 0), total), total: total)
      }
      // All-or-nothing: the canary gets all traffic only once the iterations are done.
      switch phase {
      case .promoting: intendedWeight = 100
      case .progressing where total > 0 && status.iterations >= total: intendedWeight = 100
      default: intendedWeight = 0
      }
    }
    reportedWeightIsZeroed = !phase.keepsReportedWeight && intendedWeight != status.canaryWeight

    // Ticks left: the steps or iterations still to go, then one tick each to promote (Promoting),
    // route traffic back (Finalising) and scale down (Succeeded). Mirroring costs one extra tick
    // before the first weight step.
    let ticks: Int?
    switch phase {
    case .progressing:
      if skipsAnalysis {
        ticks = 1
      } else {
        // Saturating: `iterations` comes from the object and may be Int.max.
        let left = stepCount.map { $0.total.saturatingSubtracting($0.done) } ?? 0
        let mirror = strategy == .canary && analysis.mirror && status.canaryWeight == 0 ? 1 : 0
        ticks = max(0, left).saturatingAdding(mirror + 3)
      }
    case .promoting: ticks = 2
    case .finalising: ticks = 1
    default: ticks = nil
    }
    // Clamped at Go's longest duration, which renders as "∞".
    eta = ticks.map { interval.multiplied(by: $0) }
  }

  /// The phases after the analysis finished successfully: every step is done.
  static let completedPhases: Set<CanaryPhase> = [.waitingPromotion, .promoting, .finalising, .succeeded]
  /// The phases before any traffic moved.
  static let idlePhases: Set<CanaryPhase> = [.none, .initializing, .initialized]

  /// Flagger's `maxWeight()`: the last of `stepWeights` (at most the total weight, 100), else
  /// `maxWeight`, else 100.
  public static func maxWeight(_ analysis: CanaryAnalysis) -> Int {
    if let last = analysis.stepWeights.last { return min(totalWeight, last) }
    return analysis.maxWeightSetting > 0 ? analysis.maxWeightSetting : totalWeight
  }

  /// Flagger's `totalWeight()`: the primary and canary weights always add up to 100.
  static let totalWeight = 100

  /// Flagger's `nextStepWeight()`: how much the canary weight grows from `weight` on the next step.
  /// `stepWeight` wins whenever it is set, even next to `stepWeights`; otherwise the difference to
  /// the next entry of `stepWeights`, capped so the canary never passes the total weight.
  public static func nextStepWeight(_ analysis: CanaryAnalysis, weight: Int) -> Int {
    if analysis.stepWeight > 0 || analysis.stepWeights.isEmpty { return analysis.stepWeight }
    // Saturating throughout: the weights are whatever the object says, Int.min included.
    let maxStep = totalWeight.saturatingSubtracting(weight)
    if maxStep == 0 { return 1 }
    if weight == 0 { return min(maxStep, analysis.stepWeights[0]) }
    for index in 0..<(analysis.stepWeights.count - 1) where analysis.stepWeights[index] == weight {
      return min(maxStep, analysis.stepWeights[index + 1].saturatingSubtracting(weight))
    }
    return maxStep
  }

  /// The weights the canary reaches, as `runCanary` walks them: while the weight is below
  /// `maxWeight()`, add `nextStepWeight()` (capped at the total weight). The last step may pass
  /// `maxWeight` (`stepWeight: 20, maxWeight: 50` → 20, 40, 60). Empty when Flagger would not step
  /// at all (no step configured).
  public static func weightLadder(_ analysis: CanaryAnalysis) -> [Int] {
    let ceiling = maxWeight(analysis)
    var ladder: [Int] = []
    var weight = 0
    // The weight never passes the total: with a `maxWeight` above 100 Flagger keeps stepping at 100
    // and never gets there, but the ladder ends (a `maxWeight` of Int.max looped forever).
    while weight < ceiling, weight < totalWeight {
      let step = nextStepWeight(analysis, weight: weight)
      // Flagger does not advance on a step of 0 or less (scheduler: `if nextStepWeight(...) > 0`).
      guard step > 0 else { break }
      weight = min(weight.saturatingAdding(step), totalWeight)
      ladder.append(weight)
    }
    return ladder
  }

  static func intendedWeight(phase: CanaryPhase, reported: Int, top: Int) -> Int {
    switch phase {
    // Traffic stays at the top of the ladder while Flagger waits for promotion approval.
    case .waitingPromotion: top
    // Zeroed by Flagger here, and traffic is (being) routed back to the primary.
    case .none, .initializing, .initialized, .finalising, .succeeded, .failed, .terminating, .terminated: 0
    // Progressing, Waiting, Promoting, and phases this version does not know: as reported.
    default: reported
    }
  }

  /// The STEP cell: `3/5`, or `-` when the canary has no steps.
  public var stepText: String { stepCount.map { "\($0.done)/\($0.total)" } ?? "-" }

  /// The FAILED cell: `failedChecks/threshold`.
  public var failedText: String { "\(failedChecks)/\(threshold)" }

  /// Whether the failed checks reached the threshold (Flagger rolls back on the next tick).
  public var thresholdReached: Bool { failedChecks >= threshold }

  /// Failed checks left before Flagger rolls back.
  public var checksBeforeRollback: Int { max(0, threshold.saturatingSubtracting(failedChecks)) }

  /// A bar of `width` cells: `██████░░░░`.
  public func bar(width: Int = 20) -> String {
    let width = max(0, width)
    guard let count = stepCount, count.total > 0 else { return String(repeating: "░", count: width) }
    // In Double: `done * width` overflows for a step count read from the object.
    let share = (Double(count.done) * Double(width) / Double(count.total)).rounded()
    let filled = min(width, max(0, Int(saturating: share)))
    return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
  }
}
