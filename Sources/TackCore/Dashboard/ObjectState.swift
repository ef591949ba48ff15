import TackOutput

/// The one status model every dashboard screen uses, Flux objects and Canaries alike; cases in
/// order of severity, so sorting by it puts problems first. Each is a glyph, a word and a colour,
/// so `NO_COLOR` loses nothing.
public enum ObjectState: Int, Sendable, CaseIterable, Comparable {
  case failed, waiting, reconciling, progressing, suspended, unknown, ready

  public static func < (a: ObjectState, b: ObjectState) -> Bool { a.rawValue < b.rawValue }

  public var glyph: String {
    switch self {
    case .failed: "✖"
    case .waiting: "◷"
    case .reconciling: "◌"
    case .progressing: "▶"
    case .suspended: "‖"
    case .unknown: "?"
    case .ready: "✔"
    }
  }

  public var word: String {
    switch self {
    case .failed: "Failed"
    case .waiting: "Waiting"
    case .reconciling: "Reconciling"
    case .progressing: "Progressing"
    case .suspended: "Suspended"
    case .unknown: "Unknown"
    case .ready: "Ready"
    }
  }

  public var color: ScreenColor {
    switch self {
    case .failed: .red
    case .waiting: .yellow
    case .reconciling, .progressing: .cyan
    case .suspended: .blue
    case .unknown: .gray
    case .ready: .green
    }
  }

  /// Needs a person's attention (the overview lists these).
  public var needsAttention: Bool { self == .failed || self == .waiting }

  /// A Flux object's state, first match wins: suspended; Ready=False (DependencyNotReady: waiting,
  /// else failed); reconciling (Reconciling=True, Ready=Unknown, or a generation not yet
  /// observed); Ready=True; no conditions yet: unknown.
  static func of(_ status: ObjectStatus) -> ObjectState {
    if status.suspended { return .suspended }
    if let ready = status.ready, ready.isFalse {
      if ready.reason == "DependencyNotReady" { return .waiting }
      return .failed
    }
    if status.reconciling?.isTrue == true || status.ready?.status == "Unknown" || !status.generationObserved {
      return .reconciling
    }
    if status.ready?.isTrue == true { return .ready }
    return .unknown
  }

  /// A Canary's state from its phase (unknown phases tolerated: Flagger may add some).
  static func of(canaryPhase phase: String, suspended: Bool) -> ObjectState {
    if suspended { return .suspended }
    switch phase {
    case "Failed": return .failed
    case "Waiting", "WaitingPromotion": return .waiting
    case "Progressing", "Promoting", "Finalising", "Initializing": return .progressing
    case "Succeeded", "Initialized": return .ready
    default: return .unknown
    }
  }
}
