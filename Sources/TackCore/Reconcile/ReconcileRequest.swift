import TackBase
import TackJSON

/// The annotation protocol every Flux controller honours: set
/// `reconcile.fluxcd.io/requestedAt` to a fresh token and the controller reconciles, then copies the
/// token to `status.lastHandledReconcileAt`. HelmRelease also acts on `forceAt`/`resetAt` when they
/// carry the same token.
public struct ReconcileRequest: Sendable, Equatable {
  public static let requestedAtAnnotation = "reconcile.fluxcd.io/requestedAt"
  public static let forceAtAnnotation = "reconcile.fluxcd.io/forceAt"
  public static let resetAtAnnotation = "reconcile.fluxcd.io/resetAt"

  /// The token: the time of the request in RFC3339Nano, as flux writes it.
  public var token: String
  /// HelmRelease `--force`: a one-off install or upgrade.
  public var force: Bool
  /// HelmRelease `--reset`: reset the failure counts.
  public var reset: Bool

  public init(token: String = RFC3339Time.now().rfc3339NanoLocal, force: Bool = false, reset: Bool = false) {
    self.token = token
    self.force = force
    self.reset = reset
  }

  /// The merge patch for an object of `kind`. Metadata only, so `metadata.generation` does not move.
  public func patch(for kind: FluxKind) -> JSON {
    var annotations: JSON = [Self.requestedAtAnnotation: .string(token)]
    if kind == .helmRelease {
      if force { annotations[Self.forceAtAnnotation] = .string(token) }
      if reset { annotations[Self.resetAtAnnotation] = .string(token) }
    }
    return ["metadata": ["annotations": annotations]]
  }

  /// Whether the controller has handled this request: `lastHandledReconcileAt` carries our token,
  /// or a later one (someone asked again meanwhile, and that reconcile covers ours too).
  public func isHandled(by object: JSON) -> Bool {
    guard let handled = object[path: "status", "lastHandledReconcileAt"]?.stringValue else { return false }
    if handled == token { return true }
    guard let mine = RFC3339Time(token), let theirs = RFC3339Time(handled) else { return false }
    return theirs > mine
  }
}
