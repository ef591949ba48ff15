import TackOutput

/// An action on one object, through the same use cases as the commands.
public enum DashboardAction: String, Sendable, CaseIterable {
  case reconcile, suspend, resume, promote, abort

  public var key: Character {
    switch self {
    case .reconcile: "r"
    case .suspend: "s"
    case .resume: "u"
    case .promote: "p"
    case .abort: "a"
    }
  }

  /// Reconcile only asks the controller to do what it does anyway; the others change what runs,
  /// so they ask first.
  public var needsConfirmation: Bool { self != .reconcile }

  public func applies(to kind: FluxKind) -> Bool {
    switch self {
    case .reconcile: FluxKind.reconcilable.contains(kind)
    case .suspend, .resume: FluxKind.suspendable.contains(kind)
    case .promote, .abort: kind == .canary
    }
  }

  /// What the key does not apply to, in the status line's words.
  var scope: String {
    switch self {
    case .reconcile: "reconcile applies to Flux objects, not Canaries"
    case .suspend: "suspend applies to Flux objects and Canaries"
    case .resume: "resume applies to Flux objects and Canaries"
    case .promote: "promote applies to Canaries (it opens the gate holding one)"
    case .abort: "abort applies to Canaries (it opens the rollback gate)"
    }
  }
}

/// An action waiting for `y`. Keys in the first 150 ms after the question are dropped, so a key
/// repeat or a fast double press never answers it (lazygit#4649).
public struct PendingAction: Sendable, Equatable {
  public var action: DashboardAction
  public var target: DashboardKey
  public var asked: ContinuousClock.Instant
  static let guardTime: Duration = .milliseconds(150)
}

/// What the bottom line is doing: showing status, or reading a filter, a command or an answer.
public enum DashboardInputMode: Sendable, Equatable {
  case normal
  case filter(String)
  case command(String)
  case confirm(PendingAction)
}

/// What a key asks of the world outside the state.
public enum DashboardEffect: Sendable, Equatable {
  case quit
  case perform(DashboardAction, DashboardKey)
  /// The detail pane opened: fetch the object's recent events.
  case loadEvents(DashboardKey)
  /// `:ns`: watch another namespace (`nil`: all).
  case switchNamespace(String?)
  /// Ctrl-L: repaint every cell.
  case repaint
}
