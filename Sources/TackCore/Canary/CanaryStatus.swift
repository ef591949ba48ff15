import TackJSON

/// `status` of a Canary as Flagger writes it (`pkg/apis/flagger/v1beta1/status.go`).
public struct CanaryStatus: Sendable, Equatable {
  public var phase: CanaryPhase
  /// `status.canaryWeight`: zeroed by Flagger outside Progressing/Waiting/Promoting.
  public var canaryWeight: Int
  public var failedChecks: Int
  public var iterations: Int
  public var lastAppliedSpec: String
  public var lastPromotedSpec: String
  /// Moves on every sync (a Failed canary is re-synced every tick): not a "since" time.
  public var lastTransitionTime: String?
  /// The single `Promoted` condition.
  public var promoted: PromotedCondition?

  public struct PromotedCondition: Sendable, Equatable {
    /// "True" for Initialized and Succeeded, "False" for Failed, "Unknown" in flight.
    public var status: String
    public var reason: String
    public var message: String
    public var lastTransitionTime: String?
    public var lastUpdateTime: String?
  }

  public init(
    phase: CanaryPhase = .none, canaryWeight: Int = 0, failedChecks: Int = 0, iterations: Int = 0,
    lastAppliedSpec: String = "", lastPromotedSpec: String = "", lastTransitionTime: String? = nil,
    promoted: PromotedCondition? = nil
  ) {
    self.phase = phase
    self.canaryWeight = canaryWeight
    self.failedChecks = failedChecks
    self.iterations = iterations
    self.lastAppliedSpec = lastAppliedSpec
    self.lastPromotedSpec = lastPromotedSpec
    self.lastTransitionTime = lastTransitionTime
    self.promoted = promoted
  }

  public init(canary: JSON) {
    let status = canary["status"] ?? .object([:])
    phase = CanaryPhase(status["phase"]?.stringValue ?? "")
    canaryWeight = status["canaryWeight"]?.intValue ?? 0
    failedChecks = status["failedChecks"]?.intValue ?? 0
    iterations = status["iterations"]?.intValue ?? 0
    lastAppliedSpec = status["lastAppliedSpec"]?.stringValue ?? ""
    lastPromotedSpec = status["lastPromotedSpec"]?.stringValue ?? ""
    lastTransitionTime = status["lastTransitionTime"]?.stringValue
    promoted = (status["conditions"]?.arrayValue ?? [])
      .first { $0["type"]?.stringValue == "Promoted" }
      .map {
        PromotedCondition(
          status: $0["status"]?.stringValue ?? "Unknown", reason: $0["reason"]?.stringValue ?? "",
          message: $0["message"]?.stringValue ?? "",
          lastTransitionTime: $0["lastTransitionTime"]?.stringValue,
          lastUpdateTime: $0["lastUpdateTime"]?.stringValue)
      }
  }

  /// The revision under test has not (yet) been promoted: after a failed run, or while one runs.
  public var revisionDiffersFromPromoted: Bool {
    !lastAppliedSpec.isEmpty && !lastPromotedSpec.isEmpty && lastAppliedSpec != lastPromotedSpec
  }
}
