/// How the controller double answers one object. Scripted per object (or per kind, or as the
/// default) before or while a test runs.
public enum FluxBehaviour: Sendable, Equatable {
  /// Reconciles like the real controller: a Reconciling/Progressing status at once, then Ready=True
  /// with the new revision after `after`.
  case succeed(after: Duration)
  /// Like `succeed`, but holds the object until its source (GitRepository of a Kustomization,
  /// HelmChart of a HelmRelease, …) is Ready with an artifact and has no request pending — what the
  /// controllers do by requeueing. A source that does not exist fails the object, with the
  /// controller's message.
  case succeedAfterSource(after: Duration)
  /// Ready=False with the kind's failure reason and `message`; Reconciling stays True with
  /// ProgressingWithRetry, observedGeneration does not move (what the controllers do on error).
  case fail(message: String, after: Duration)
  /// Stalled=True and Ready=False with `message`: the controller gave up until the object changes.
  case stall(message: String, after: Duration)
  /// Never writes anything: a controller that is down or far behind.
  case neverAnswer

  /// What every object gets unless scripted: succeed quickly, after the source did (so revisions
  /// line up across a GitRepository and its Kustomizations, as in a real cluster).
  public static let `default` = FluxBehaviour.succeedAfterSource(after: .milliseconds(20))

  var delay: Duration {
    switch self {
    case .succeed(let after), .succeedAfterSource(let after), .fail(_, let after), .stall(_, let after): after
    case .neverAnswer: .zero
    }
  }
}
