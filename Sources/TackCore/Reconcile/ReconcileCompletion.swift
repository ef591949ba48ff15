import TackJSON

/// When a reconcile request is done, and how it ended. The flux CLI's rule (the request was handled,
/// kstatus says Current, then Ready decides) with one change: a handled request whose attempt failed
/// (Ready=False, the controller retrying) is reported as failed at once. kstatus calls that state
/// "in progress", which is why `flux reconcile` waits out its whole timeout on a broken object
/// (fluxcd/flux2#3997).
public struct ReconcileCompletion: Sendable {
  public var ref: ObjectRef
  public var request: ReconcileRequest

  public init(ref: ObjectRef, request: ReconcileRequest) {
    self.ref = ref
    self.request = request
  }

  public func evaluate(_ object: JSON?) -> WaitVerdict {
    guard let object else { return .failed(ReconcileError.deleted(ref)) }
    guard request.isHandled(by: object) else {
      return .waiting("the controller has not picked up the request yet")
    }
    let status = ObjectStatus(object)
    if let stalled = status.stalled, stalled.isTrue {
      return .failed(ReconcileError.stalled(ref.kind, message: stalled.message))
    }
    if let reconciling = status.reconciling, reconciling.isTrue, !status.isRetryingAfterFailure {
      return .waiting(reconciling.message)
    }
    guard let ready = status.ready else { return .failed(ReconcileError.statusUndetermined) }
    if ready.isFalse { return .failed(ReconcileError.failed(ref.kind, message: ready.message)) }
    if !status.generationObserved {
      return .waiting(
        "generation \(status.generation ?? 0) not observed yet (observed \(status.observedGeneration ?? 0))")
    }
    return ready.isTrue ? .satisfied : .waiting(ready.message)
  }
}
