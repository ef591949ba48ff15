import TackBase

/// Which objects a reconcile, suspend or resume acts on.
public enum ObjectSelection: Sendable, Equatable {
  /// These names in one namespace (duplicates are handled once).
  case named([String], namespace: String)
  /// Every object of the kind in a namespace (`--all`), or in every namespace when `nil` (`-A`).
  case all(namespace: String?)

  /// Exactly one name: flux's output and error behaviour, no summary.
  public var isSingle: Bool {
    if case .named(let names, _) = self { return Set(names).count == 1 }
    return false
  }

  public var isAll: Bool {
    if case .all = self { return true }
    return false
  }

  var allNamespaces: Bool { self == .all(namespace: nil) }

  var uniqueNames: [String] {
    guard case .named(let names, _) = self else { return [] }
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }
}

public struct ReconcileOptions: Sendable {
  /// Reconcile the object's source first (and the source's source), as `flux reconcile --with-source`.
  public var withSource: Bool
  /// HelmRelease only: also set `reconcile.fluxcd.io/forceAt` (a one-off install or upgrade).
  public var force: Bool
  /// HelmRelease only: also set `reconcile.fluxcd.io/resetAt` (reset the failure counts).
  public var reset: Bool
  /// `false`: annotate and return.
  public var wait: Bool
  /// For the whole command, as flux's `--timeout`.
  public var timeout: Duration

  public init(
    withSource: Bool = false, force: Bool = false, reset: Bool = false, wait: Bool = true,
    timeout: Duration = .seconds(300)
  ) {
    self.withSource = withSource
    self.force = force
    self.reset = reset
    self.wait = wait
    self.timeout = timeout
  }
}

/// Any error as one tack can render and give an exit code to.
func tackError(_ error: any Error) -> any TackError {
  if let error = error as? any TackError { return error }
  return CommandError("\(error)")
}
