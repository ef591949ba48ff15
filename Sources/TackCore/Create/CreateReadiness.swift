import TackJSON

/// When an object `create` applied is ready, as flux's readiness check decides (`readiness.go`)
/// with tack's one change, the same as reconcile's: a Ready=False for the current generation fails
/// at once (exit 4) instead of waiting out the timeout while the controller retries.
///
/// Static kinds (Alert, Provider, an OCI HelmRepository) have no controller writing status for a
/// generation: kstatus alone decides, so an object with no status is ready.
public struct CreateReadiness: Sendable {
  public var ref: ObjectRef

  public init(ref: ObjectRef) { self.ref = ref }

  public static func isStatic(_ kind: FluxKind, _ object: JSON) -> Bool {
    kind == .alert || kind == .alertProvider
      || (kind == .helmRepository && object[path: "spec", "type"]?.stringValue == "oci")
  }

  public func evaluate(_ object: JSON?) -> WaitVerdict {
    guard let object else { return .failed(ReconcileError.deleted(ref)) }
    let status = ObjectStatus(object)
    let generation = status.generation ?? 1
    /// A condition written for this generation (or one that does not say which).
    func current(_ condition: StatusCondition) -> Bool {
      condition.observedGeneration == 0 || condition.observedGeneration == generation
    }
    if let stalled = status.stalled, stalled.isTrue, current(stalled) {
      return .failed(ReconcileError.stalled(ref.kind, message: stalled.message))
    }
    if Self.isStatic(ref.kind, object) {
      // No controller writes a generation for these (an OCI HelmRepository's CRD even defaults
      // observedGeneration to -1): only a Ready condition that is not True holds them back.
      if let ready = status.ready, !ready.isTrue { return .waiting(ready.message) }
      return .satisfied
    }
    guard let ready = status.ready else { return .waiting("the controller has not reconciled it yet") }
    // The condition's own observedGeneration wins when set, as flux reads it.
    let seen = ready.observedGeneration != 0 ? ready.observedGeneration : (status.observedGeneration ?? 0)
    guard seen == generation else {
      return .waiting(seen < 1 ? "the controller has not reconciled it yet" : "generation \(generation) not observed yet (observed \(seen))")
    }
    if let reconciling = status.reconciling, reconciling.isTrue, !status.isRetryingAfterFailure {
      return .waiting(reconciling.message)
    }
    // Ready=False for this generation fails at once, even before status.observedGeneration moves
    // (the controllers only advance it after a successful reconcile).
    if ready.isFalse { return .failed(ReconcileError.failed(ref.kind, message: ready.message)) }
    guard ready.isTrue else { return .waiting(ready.message) }
    guard let observed = status.observedGeneration, observed >= 1 else {
      return .waiting("the controller has not reconciled it yet")
    }
    return .satisfied
  }
}
