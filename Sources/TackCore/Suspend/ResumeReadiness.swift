import TackJSON

/// When a resumed object is ready again: flux's generation-aware rule (fluxcd/flux2
/// `cmd/flux/readiness.go`). Resuming changes `spec.suspend`, which bumps `metadata.generation`, so a
/// Ready condition only counts when it belongs to the current generation: a fresh reconcile, not the
/// state from before the suspension. Like `ReconcileCompletion`, a fresh Ready=False is a failure at
/// once instead of a wait until the timeout.
public struct ResumeReadiness: Sendable {
  public var ref: ObjectRef
  /// Objects without a reconciler (Alert, Provider, HelmRepository of type oci): kstatus only.
  public var isStatic: Bool

  public init(ref: ObjectRef, isStatic: Bool) {
    self.ref = ref
    self.isStatic = isStatic
  }

  public func evaluate(_ object: JSON?) -> WaitVerdict {
    guard let object else { return .failed(ReconcileError.deleted(ref)) }
    let status = ObjectStatus(object)
    if isStatic {
      let result = KStatus.compute(object)
      switch result.status {
      case .current: return .satisfied
      case .failed: return .failed(ReconcileError.stalled(ref.kind, message: result.message))
      default: return .waiting(result.message)
      }
    }
    guard let ready = status.ready else { return .waiting("not reconciled yet") }
    let generation = status.generation ?? 0
    if ready.observedGeneration != 0 {
      // The condition says which generation it describes: a failure of the new generation counts
      // even though the controllers only move status.observedGeneration on success.
      if ready.observedGeneration != generation {
        return .waiting("Ready condition is for generation \(ready.observedGeneration), waiting for \(generation)")
      }
    } else if (status.observedGeneration ?? 0) < 1 || status.observedGeneration != generation {
      return .waiting("generation \(generation) not observed yet (observed \(status.observedGeneration ?? 0))")
    }
    if let stalled = status.stalled, stalled.isTrue {
      return .failed(ReconcileError.stalled(ref.kind, message: stalled.message))
    }
    if let reconciling = status.reconciling, reconciling.isTrue, !status.isRetryingAfterFailure {
      return .waiting(reconciling.message)
    }
    if ready.isFalse { return .failed(ReconcileError.failed(ref.kind, message: ready.message)) }
    if ready.isTrue, status.generationObserved { return .satisfied }
    return .waiting(ready.message)
  }
}
