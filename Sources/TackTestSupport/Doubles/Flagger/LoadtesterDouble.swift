import Synchronization
import TackJSON

/// flagger-loadtester's gate endpoints (`pkg/loadtester/server.go`, `gate.go`) with the same
/// semantics: an in-memory gate store, every gate closed by default, keys `<name>.<namespace>`
/// (promotion/rollout gate) and `rollback.<name>.<namespace>` (rollback gate), 200 / 202 / 403 /
/// 400 as the real server answers, and the `-namespace-regexp` check as a predicate.
///
/// Register `handle` as a service-proxy handler of the test API server, and have the Flagger double
/// call it for `/gate/check` and `/rollback/check` like Flagger would over HTTP.
public final class LoadtesterDouble: Sendable {
  public struct Response: Sendable, Equatable {
    public var status: Int
    public var body: String
    public init(status: Int, body: String) {
      self.status = status
      self.body = body
    }
  }

  /// A request as received, for assertions.
  public struct Request: Sendable, Equatable {
    public var method: String
    public var path: String
    public var body: String
  }

  private let gates = Mutex<[String: Bool]>([:])
  private let log = Mutex<[Request]>([])
  private let namespaceAllowed: @Sendable (String) -> Bool

  /// - Parameter namespaceAllowed: the `-namespace-regexp` check; payloads for other namespaces get 403.
  public init(namespaceAllowed: @escaping @Sendable (String) -> Bool = { _ in true }) {
    self.namespaceAllowed = namespaceAllowed
  }

  /// Every request received, oldest first.
  public var requests: [Request] { log.withLock { $0 } }

  public func isGateOpen(name: String, namespace: String) -> Bool {
    gates.withLock { $0["\(name).\(namespace)"] ?? false }
  }

  public func isRollbackOpen(name: String, namespace: String) -> Bool {
    gates.withLock { $0["rollback.\(name).\(namespace)"] ?? false }
  }

  /// Sets a gate directly (as if someone had POSTed to it).
  public func setGate(name: String, namespace: String, open: Bool) {
    gates.withLock { $0["\(name).\(namespace)"] = open }
  }

  /// Forgets every gate: what a loadtester restart does.
  public func restart() { gates.withLock { $0.removeAll() } }

  public func handle(method: String, path: String, body: [UInt8]) -> Response {
    let text = String(decoding: body, as: UTF8.self)
    log.withLock { $0.append(Request(method: method, path: path, body: text)) }
    switch path {
    case "/gate/approve": return Response(status: 200, body: "OK")
    case "/gate/halt": return Response(status: 403, body: "Forbidden")
    case "/gate/check", "/gate/open", "/gate/close", "/rollback/check", "/rollback/open", "/rollback/close":
      break
    case "/healthz": return Response(status: 200, body: "OK")
    default: return Response(status: 404, body: "404 page not found")
    }
    guard let payload = try? JSON.parse(text), let name = payload["name"]?.stringValue,
      let namespace = payload["namespace"]?.stringValue
    else {
      return Response(status: 400, body: "Error reading body")
    }
    guard namespaceAllowed(namespace) else { return Response(status: 403, body: "Forbidden") }
    let gateKey = "\(name).\(namespace)"
    let rollbackKey = "rollback.\(name).\(namespace)"
    switch path {
    case "/gate/check":
      return gates.withLock { $0[gateKey] ?? false }
        ? Response(status: 200, body: "Approved") : Response(status: 403, body: "Forbidden")
    case "/gate/open":
      gates.withLock { $0[gateKey] = true }
      return Response(status: 202, body: "Gate opened")
    case "/gate/close":
      gates.withLock { $0[gateKey] = false }
      return Response(status: 202, body: "Gate closed")
    case "/rollback/check":
      return gates.withLock { $0[rollbackKey] ?? false }
        ? Response(status: 200, body: "Approved") : Response(status: 403, body: "Forbidden")
    case "/rollback/open":
      gates.withLock { $0[rollbackKey] = true }
      return Response(status: 202, body: "Rollback gate opened")
    default:  // /rollback/close
      gates.withLock { $0[rollbackKey] = false }
      return Response(status: 202, body: "Rollback gate closed")
    }
  }
}
