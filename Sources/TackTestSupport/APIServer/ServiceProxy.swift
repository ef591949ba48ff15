import Synchronization
import TackJSON

/// A request forwarded through `/api/v1/namespaces/NS/services/[SCHEME:]NAME[:PORT]/proxy/PATH`.
public struct ProxyRequest: Sendable {
  public var method: String
  /// The path after `/proxy` (at least `/`).
  public var path: String
  public var query: String
  public var headers: [(String, String)]
  public var body: [UInt8]
  public var namespace: String
  public var service: String
  public var scheme: String?
  public var port: String?

  public var bodyText: String { String(decoding: body, as: UTF8.self) }
  public var bodyJSON: JSON? { try? JSON.parse(body) }
}

/// What an in-process service handler answers.
public struct ProxyResponse: Sendable {
  public var status: Int
  public var headers: [(String, String)]
  public var body: [UInt8]

  public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  public static func text(_ text: String, status: Int = 200) -> ProxyResponse {
    ProxyResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
  }

  public static func json(_ value: JSON, status: Int = 200) -> ProxyResponse {
    ProxyResponse(status: status, headers: [("Content-Type", "application/json")], body: value.serializedBytes())
  }
}

/// Handlers that stand in for Services behind the API server's service proxy (a loadtester, the
/// sealed-secrets controller, …). Without a handler the proxy answers 503 "no endpoints available".
///
/// ```swift
/// cluster.server.proxy.register(namespace: "test", service: "flagger-loadtester", port: "80") { request in
///   .text("ok")
/// }
/// ```
public final class ServiceProxy: Sendable {
  public typealias Handler = @Sendable (ProxyRequest) async throws -> ProxyResponse

  struct Registration: Sendable {
    var namespace: String
    var service: String
    var port: String?
    var handler: Handler
  }

  private let registrations = Mutex<[Registration]>([])

  /// Registers `handler` for a service; `port` nil matches any port (name or number) in the URL.
  public func register(namespace: String, service: String, port: String? = nil, handler: @escaping Handler) {
    registrations.withLock { list in
      list.removeAll { $0.namespace == namespace && $0.service == service && $0.port == port }
      list.append(Registration(namespace: namespace, service: service, port: port, handler: handler))
    }
  }

  public func unregister(namespace: String, service: String) {
    registrations.withLock { $0.removeAll { $0.namespace == namespace && $0.service == service } }
  }

  func handler(namespace: String, service: String, port: String?) -> Handler? {
    registrations.withLock { list in
      list.last { $0.namespace == namespace && $0.service == service && ($0.port == nil || $0.port == port) }?.handler
    }
  }

  /// Splits `[scheme:]name[:port]`.
  static func parseServiceID(_ id: String) -> (scheme: String?, name: String, port: String?) {
    let parts = id.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    switch parts.count {
    case 1: return (nil, parts[0], nil)
    case 2: return parts[0] == "http" || parts[0] == "https" ? (parts[0], parts[1], nil) : (nil, parts[0], parts[1].isEmpty ? nil : parts[1])
    default: return (parts[0].isEmpty ? nil : parts[0], parts[1], parts[2].isEmpty ? nil : parts[2])
    }
  }
}
