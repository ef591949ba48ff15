/// `status.phase` of a Canary. Unknown phases (a newer or patched Flagger, e.g.
/// `WaitingTrafficIncrease` from issue #1801) are kept as written instead of failing.
public enum CanaryPhase: Sendable, Hashable, CustomStringConvertible {
  case none
  case initializing, initialized, waiting, progressing, waitingPromotion, promoting, finalising
  case succeeded, failed, terminating, terminated
  case other(String)

  public init(_ text: String) {
    switch text {
    case "": self = .none
    case "Initializing": self = .initializing
    case "Initialized": self = .initialized
    case "Waiting": self = .waiting
    case "Progressing": self = .progressing
    case "WaitingPromotion": self = .waitingPromotion
    case "Promoting": self = .promoting
    case "Finalising": self = .finalising
    case "Succeeded": self = .succeeded
    case "Failed": self = .failed
    case "Terminating": self = .terminating
    case "Terminated": self = .terminated
    default: self = .other(text)
    }
  }

  public var description: String {
    switch self {
    case .none: ""
    case .initializing: "Initializing"
    case .initialized: "Initialized"
    case .waiting: "Waiting"
    case .progressing: "Progressing"
    case .waitingPromotion: "WaitingPromotion"
    case .promoting: "Promoting"
    case .finalising: "Finalising"
    case .succeeded: "Succeeded"
    case .failed: "Failed"
    case .terminating: "Terminating"
    case .terminated: "Terminated"
    case .other(let text): text
    }
  }

  /// A release is over: Flagger will not move on its own until the target changes.
  public var isTerminal: Bool {
    switch self {
    case .succeeded, .failed, .initialized, .terminated: true
    default: false
    }
  }

  /// Flagger's `setStatusPhase` zeroes `status.canaryWeight` in every phase but these, so in the
  /// others the field says nothing about where traffic is.
  public var keepsReportedWeight: Bool {
    switch self {
    case .progressing, .waiting, .promoting: true
    default: false
    }
  }

  /// Argo Rollouts' icon vocabulary: ✔ done, ✖ failed, ◌ moving, ◷ waiting, ? unknown.
  public var icon: String {
    switch self {
    case .succeeded, .initialized: "✔"
    case .failed: "✖"
    case .initializing, .progressing, .promoting, .finalising, .terminating: "◌"
    case .waiting, .waitingPromotion: "◷"
    case .terminated: "•"
    case .none, .other: "?"
    }
  }
}
