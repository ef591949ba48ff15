import TackBase
import TackJSON

/// What the canary use cases need from a cluster. The CLI backs it with the Kubernetes client;
/// tests back it with an in-memory double. Every method is one API request.
public protocol CanaryCluster: Sendable {
  /// The Canary; throws `CanaryError.notFound` when it does not exist.
  func canary(namespace: String, name: String) async throws -> JSON
  func canaries(namespace: String) async throws -> [JSON]
  /// A workload (the target or its `-primary`); `nil` when it does not exist.
  func workload(namespace: String, apiVersion: String, kind: String, name: String) async throws -> JSON?
  /// Events whose involvedObject is this Canary (field selector on kind and name).
  func canaryEvents(namespace: String, name: String) async throws -> [JSON]
  func patchCanary(namespace: String, name: String, mergePatch: JSON) async throws -> JSON
  func patchWorkload(namespace: String, apiVersion: String, kind: String, name: String, mergePatch: JSON)
    async throws -> JSON
  /// POSTs a JSON body to a service through the API server's service proxy.
  func proxyPost(_ endpoint: LoadtesterEndpoint, path: String, body: JSON) async throws -> ServiceProxyReply
  /// Successive states of the Canary as a watch reports them. The stream may end at any time (the
  /// server closes watches); callers re-GET on their own schedule anyway.
  func watchCanary(namespace: String, name: String) -> AsyncThrowingStream<JSON, any Error>
}

/// A proxied service's answer (not an API server error).
public struct ServiceProxyReply: Sendable, Equatable {
  public var status: Int
  public var body: String
  public init(status: Int, body: String) {
    self.status = status
    self.body = body
  }
}

/// Wall time and sleeping, injectable so tests can run a release in virtual time.
public protocol CanaryClock: Sendable {
  func now() -> RFC3339Time
  func sleep(seconds: Double) async throws
}

public struct SystemCanaryClock: CanaryClock {
  public init() {}
  public func now() -> RFC3339Time { .now() }
  public func sleep(seconds: Double) async throws {
    try await Task.sleep(for: .milliseconds(Int64(max(0, seconds) * 1000)))
  }
}

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

/// Progress a use case reports while it works; the CLI prints it in flux's symbols on stderr.
public enum CanaryNote: Sendable, Equatable {
  case action(String)
  case waiting(String)
  case success(String)
  case warning(String)
  case failure(String)
  /// A new state during a wait (`--wait` prints one line per change).
  case state(String)
}
