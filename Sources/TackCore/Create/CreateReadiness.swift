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
    if Self.isStatic(ref.kind, object) {
      let result = KStatus.compute(object)
      switch result.status {
      case .current: return .satisfied
      case .failed: return .failed(ReconcileError.stalled(ref.kind, message: result.message))
      default: return .waiting(result.message)
      }
    }
    guard let observed = status.observedGeneration, observed >= 1 else {
      return .waiting("the controller has not reconciled it yet")
    }
    if let stalled = status.stalled, stalled.isTrue {
      return .failed(ReconcileError.stalled(ref.kind, message: stalled.message))
    }
    guard let ready = status.ready else { return .waiting("no Ready condition yet") }
    // The condition's own observedGeneration wins when set, as flux reads it.
    let generation = status.generation ?? 1
    let seen = ready.observedGeneration != 0 ? ready.observedGeneration : observed
    guard seen == generation else {
      return .waiting("generation \(generation) not observed yet (observed \(seen))")
    }
    if let reconciling = status.reconciling, reconciling.isTrue, !status.isRetryingAfterFailure {
      return .waiting(reconciling.message)
    }
    if ready.isFalse { return .failed(ReconcileError.failed(ref.kind, message: ready.message)) }
    return ready.isTrue ? .satisfied : .waiting(ready.message)
  }
}
