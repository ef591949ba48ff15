import TackBase

/// Errors of the canary commands, each naming the Canary and what to do.
public enum CanaryError: TackError, Equatable {
  case notFound(namespace: String, name: String)
  case noCanaries(namespace: String)
  case notHeldAtGate(namespace: String, name: String, detail: String)
  case gateNotOpenable(namespace: String, name: String, detail: String)
  case noRollbackWebhook(namespace: String, name: String)
  case nothingToAbort(namespace: String, name: String, phase: String)
  case nothingToPromote(namespace: String, name: String, phase: String)
  case failedCanaryCannotBePromoted(namespace: String, name: String)
  case loadtesterRefused(endpoint: String, path: String, status: Int, body: String)
  case timedOut(namespace: String, name: String, waitingFor: String, phase: String)
  case canaryFailed(namespace: String, name: String, message: String)
  case unsupportedTarget(kind: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .notFound, .noCanaries: .notFound
    case .timedOut: .timedOut
    case .canaryFailed: .resourceFailed
    default: .failure
    }
  }

  public var description: String {
    switch self {
    case .notFound(let ns, let name):
      "canaries.flagger.app \"\(name)\" not found in namespace \"\(ns)\""
    case .noCanaries(let ns):
      "no canaries found in \(ns) namespace"
    case .notHeldAtGate(let ns, let name, let detail):
      "canary \(ns)/\(name) is not held at a manual gate: \(detail)"
    case .gateNotOpenable(let ns, let name, let detail):
      "canary \(ns)/\(name): \(detail)"
    case .noRollbackWebhook(let ns, let name):
      "canary \(ns)/\(name) has no rollback webhook; add one to spec.analysis.webhooks "
        + "(type: rollback, url: http://flagger-loadtester.<namespace>/rollback/check) to abort it from tack"
    case .nothingToAbort(let ns, let name, let phase):
      "canary \(ns)/\(name) is \(phase): nothing to abort (Flagger only rolls back while Progressing, Waiting or WaitingPromotion)"
    case .nothingToPromote(let ns, let name, let phase):
      "canary \(ns)/\(name) is \(phase) and no new revision is pending: nothing to promote"
    case .failedCanaryCannotBePromoted(let ns, let name):
      "canary \(ns)/\(name) is Failed; Flagger ignores skipAnalysis until the target changes: run `tack canary retry \(name) -n \(ns)` first"
    case .loadtesterRefused(let endpoint, let path, let status, let body):
      "loadtester \(endpoint) answered \(status) to POST \(path)" + (body.isEmpty ? "" : ": \(body)")
    case .timedOut(let ns, let name, let waitingFor, let phase):
      "timed out waiting for canary \(ns)/\(name) \(waitingFor) (phase \(phase))"
    case .canaryFailed(let ns, let name, let message):
      "canary \(ns)/\(name) failed" + (message.isEmpty ? "" : ": \(message)")
    case .unsupportedTarget(let kind):
      "canary target kind \(kind) has no pod template tack can annotate"
    }
  }
}
