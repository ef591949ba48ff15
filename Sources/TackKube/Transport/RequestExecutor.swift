import TackBase
import TackHTTP

/// One API call as `KubeClient` plans it, before credentials and retries.
struct APIRequest: Sendable {
  var method: String
  var path: String
  var headers: [(name: String, value: String)] = []
  var body: [UInt8]?
  var safety: RetryPolicy.Safety
  /// Overall deadline across retries; nil uses the client's request timeout.
  var timeout: Duration?
  /// For kubectl-style messages when the server sends no `Status` (e.g. `pods "x" not found`).
  var resource: String?
  var name: String?
  /// Return non-2xx responses instead of throwing (service proxy).
  var returnsErrors = false
}

/// The Kubernetes layer over `HTTPClient`: API paths become URLs on the configured server,
/// impersonation headers go on every request, error statuses become `KubeAPIError` and transport
/// failures `KubeTransportError`. Credentials, deadlines, retries and logging are the client's.
final class RequestExecutor: Sendable {
  let http: HTTPClient
  let server: ServerURL
  let extraHeaders: [(name: String, value: String)]
  let sleep: @Sendable (Duration) async throws -> Void

  init(
    http: HTTPClient, server: ServerURL, extraHeaders: [(name: String, value: String)],
    sleep: @escaping @Sendable (Duration) async throws -> Void
  ) {
    self.http = http
    self.server = server
    self.extraHeaders = extraHeaders
    self.sleep = sleep
  }

  func send(_ request: APIRequest) async throws -> HTTPResponse {
    let response: HTTPResponse
    do {
      response = try await http.send(httpRequest(request))
    } catch let error as HTTPTransportError {
      throw KubeTransportError(error)
    }
    if response.isSuccess || request.returnsErrors { return response }
    throw apiError(request, status: response.status, body: response.body, retryAfter: response.header("Retry-After"))
  }

  /// Opens a streamed response (watch). Error statuses are read in full and thrown; failures while
  /// the body streams arrive as `KubeTransportError` too.
  func open(_ request: APIRequest) async throws -> HTTPStreamResponse {
    var response: HTTPStreamResponse
    do {
      response = try await http.stream(httpRequest(request))
    } catch let error as HTTPTransportError {
      throw KubeTransportError(error)
    }
    guard (200..<300).contains(response.status) else {
      let body = try await response.collect()
      throw apiError(request, status: response.status, body: body, retryAfter: response.header("Retry-After"))
    }
    response.body = response.body.mapError { error in
      (error as? HTTPTransportError).map { KubeTransportError($0) } ?? error
    }
    return response
  }

  private func httpRequest(_ request: APIRequest) -> HTTPRequest {
    HTTPRequest(
      method: request.method, url: server.url(for: request.path), headers: request.headers + extraHeaders,
      body: request.body.map(HTTPBody.bytes), timeout: request.timeout, safety: request.safety)
  }

  private func apiError(_ request: APIRequest, status: Int, body: [UInt8], retryAfter: String?) -> KubeAPIError {
    KubeAPIError.from(
      statusCode: status, body: body, method: request.method, path: request.path, resource: request.resource,
      name: request.name, retryAfter: retryAfter.flatMap { Int($0) })
  }
}
