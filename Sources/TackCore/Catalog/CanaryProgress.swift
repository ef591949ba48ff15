import TackJSON

/// Where a Flagger Canary stands, derived from its spec and status as Flagger derives it: the
/// strategy, the step (`k/n` weight steps or `i/n` iterations) and the failed checks against the
/// threshold. Pure: `tack get canaries` and `tack canary status` both read it.
///
/// Caveats handled (see flagger-rollouts.md §1.2): `status.canaryWeight` reads 0 outside
/// Progressing/Waiting/Promoting, so the step comes from the phase once the analysis is done; during
/// WaitingPromotion `status.iterations` is pinned to `iterations-1`; unknown phases are tolerated.
public struct CanaryProgress: Sendable, Hashable {
  public enum Strategy: String, Sendable, Hashable {
    case canary
    case blueGreen = "blue-green"
    case abTesting = "ab-testing"
  }

  public var strategy: Strategy
  /// `status.phase`; empty before Flagger first wrote status.
  public var phase: String
  /// `status.canaryWeight` as reported.
  public var weight: Int
  /// The ceiling: the last of `stepWeights`, else `maxWeight`, else 100.
  public var maxWeight: Int
  /// The weights the canary goes through, in order (weight strategy only): `stepWeights`, or
  /// `stepWeight`, `2·stepWeight`, … capped at `maxWeight`.
  public var weightLadder: [Int]
  /// `status.iterations` and `spec.analysis.iterations` (blue/green and A/B).
  public var iterations: Int
  public var totalIterations: Int
  public var failedChecks: Int
  /// `spec.analysis.threshold`, default 1.
  public var threshold: Int
  /// `spec.skipAnalysis`, or no `analysis` at all: promotion without steps.
  public var skipsAnalysis: Bool

  public init(canary: JSON) {
    let spec = canary["spec"] ?? .null
    let status = canary["status"] ?? .null
    let analysis = spec["analysis"] ?? spec["canaryAnalysis"]
    phase = status["phase"]?.stringValue ?? ""
    weight = status["canaryWeight"]?.intValue ?? 0
    iterations = status["iterations"]?.intValue ?? 0
    failedChecks = status["failedChecks"]?.intValue ?? 0
    threshold = max(analysis?["threshold"]?.intValue ?? 1, 1)
    skipsAnalysis = spec["skipAnalysis"]?.boolValue == true || analysis == nil

    var totalIterations = analysis?["iterations"]?.intValue ?? 0
    let hasMatch = !(analysis?["match"]?.arrayValue ?? []).isEmpty
    if spec["provider"]?.stringValue == "kubernetes" && totalIterations == 0 {
      // Flagger forces blue/green for the kubernetes provider and defaults to 10 iterations.
      totalIterations = 10
    }
    self.totalIterations = totalIterations
    if totalIterations > 0 {
      strategy = hasMatch ? .abTesting : .blueGreen
    } else {
      strategy = .canary
    }

    let stepWeight = analysis?["stepWeight"]?.intValue ?? 0
    let stepWeights = (analysis?["stepWeights"]?.arrayValue ?? []).compactMap(\.intValue)
    if stepWeight > 0 {
      let ceiling = analysis?["maxWeight"]?.intValue ?? 100
      maxWeight = ceiling
      var ladder: [Int] = []
      var next = stepWeight
      while next < ceiling {
        ladder.append(next)
        next += stepWeight
      }
      ladder.append(ceiling)
      weightLadder = ladder
    } else if !stepWeights.isEmpty {
      maxWeight = stepWeights.last ?? 100
      weightLadder = stepWeights
    } else {
      maxWeight = analysis?["maxWeight"]?.intValue ?? 100
      weightLadder = []
    }
  }

  /// The phases after the analysis finished successfully: every step is done.
  static let completedPhases: Set<String> = ["WaitingPromotion", "Promoting", "Finalising", "Succeeded"]
  /// The phases before any traffic moved.
  static let idlePhases: Set<String> = ["", "Initializing", "Initialized"]

  /// Steps done and total: weight steps for the canary strategy, iterations for blue/green and A/B;
  /// `nil` when the canary has no steps (analysis skipped, or no step configuration).
  public var step: (done: Int, total: Int)? {
    if skipsAnalysis { return nil }
    switch strategy {
    case .blueGreen, .abTesting:
      guard totalIterations > 0 else { return nil }
      if Self.completedPhases.contains(phase) { return (totalIterations, totalIterations) }
      if Self.idlePhases.contains(phase) { return (0, totalIterations) }
      return (min(max(iterations, 0), totalIterations), totalIterations)
    case .canary:
      let total = weightLadder.count
      guard total > 0 else { return nil }
      if Self.completedPhases.contains(phase) { return (total, total) }
      if Self.idlePhases.contains(phase) || weight <= 0 { return (0, total) }
      // Steps whose weight has been reached; a weight between two rungs counts the lower one.
      let done = weightLadder.filter { $0 <= weight }.count
      return (min(done, total), total)
    }
  }

  /// The STEP cell: `3/5`, or `-` when the canary has no steps.
  public var stepText: String { step.map { "\($0.done)/\($0.total)" } ?? "-" }

  /// The FAILED cell: `failedChecks/threshold`.
  public var failedText: String { "\(failedChecks)/\(threshold)" }

  /// Whether the failed checks reached the threshold (Flagger rolls back on the next tick).
  public var thresholdReached: Bool { failedChecks >= threshold }
}
