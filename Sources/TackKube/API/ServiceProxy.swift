import TackHTTP
import TackJSON

/// A response from a service behind the API server's proxy. A non-2xx `status` here is the
/// service's own answer (e.g. Flagger's webhook refusing); failures of the API server itself
/// (service or endpoints missing, proxy errors, RBAC) throw `KubeAPIError` instead.
public struct ServiceProxyResponse: Sendable {
  public var status: Int
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]

  public var isSuccess: Bool { (200..<300).contains(status) }
  public var bodyText: String { String(decoding: body, as: UTF8.self) }

  public func header(_ name: String) -> String? {
    let lower = name.lowercased()
    return headers.first { $0.name.lowercased() == lower }?.value
  }
}

extension KubeClient {
  /// Calls a service through `/api/v1/namespaces/NS/services/[SCHEME:]NAME[:PORT]/proxy/PATH`.
  ///
  /// - Parameters:
  ///   - scheme: `https` to reach the service over TLS (nil: http).
  ///   - port: a port name or number (nil: the service's only port).
  ///   - path: the path (and query) at the service, e.g. `/gate/approve`.
  public func proxy(
    service: String, namespace: String, scheme: String? = nil, port: String? = nil, method: String = "GET",
    path: String = "/", body: [UInt8]? = nil, headers: [(name: String, value: String)] = [],
    timeout: Duration? = nil
  ) async throws -> ServiceProxyResponse {
    var target = PathEscaping.segment(service)
    if let scheme { target = "\(scheme):" + target }
    if let port { target += ":\(PathEscaping.segment(port))" }
    let tail = path.hasPrefix("/") ? path : "/" + path
    let fullPath = "/api/v1/namespaces/\(PathEscaping.segment(namespace))/services/\(target)/proxy\(tail)"
    var requestHeaders = headers
    if body != nil, !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
      requestHeaders.append(("Content-Type", "application/json"))
    }
    if !headers.contains(where: { $0.name.lowercased() == "accept" }) { requestHeaders.append(("Accept", "*/*")) }
    let response = try await executor.send(
      APIRequest(
        method: method, path: fullPath, headers: requestHeaders, body: body,
        safety: method == "GET" || method == "HEAD" ? .idempotent : .unsafe, timeout: timeout,
        resource: "services", name: service, returnsErrors: true))
    if !response.isSuccess, Self.isAPIServerStatus(response) {
      throw KubeAPIError.from(
        statusCode: response.status, body: response.body, method: method, path: fullPath, resource: "services",
        name: service)
    }
    return ServiceProxyResponse(status: response.status, headers: response.headers, body: response.body)
  }

  /// The API server's own failures carry a `metav1.Status` (kind Status, apiVersion v1) as JSON.
  static func isAPIServerStatus(_ response: HTTPResponse) -> Bool {
    guard response.header("Content-Type")?.hasPrefix("application/json") ?? true,
      let json = try? JSON.parse(response.body)
    else { return false }
    return json["kind"]?.stringValue == "Status" && json["apiVersion"]?.stringValue == "v1"
      && KubeStatus(json: json) != nil
  }
}
