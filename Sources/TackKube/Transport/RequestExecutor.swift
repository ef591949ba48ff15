import TackBase
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

/// Sends `APIRequest`s through a transport: adds credentials and impersonation, enforces the
/// deadline, retries what is safe to retry, refreshes credentials once after a 401, logs each
/// attempt, and turns error statuses into `KubeAPIError`.
final class RequestExecutor: Sendable {
  let transport: any KubeTransport
  let credentials: any CredentialSource
  let retry: RetryPolicy
  let log: RequestLog?
  let defaultTimeout: Duration?
  let extraHeaders: [(name: String, value: String)]
  let server: ServerURL
  let sleep: @Sendable (Duration) async throws -> Void

  init(
    transport: any KubeTransport, credentials: any CredentialSource, retry: RetryPolicy, log: RequestLog?,
    defaultTimeout: Duration?, extraHeaders: [(name: String, value: String)], server: ServerURL,
    sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
  ) {
    self.transport = transport
    self.credentials = credentials
    self.retry = retry
    self.log = log
    self.defaultTimeout = defaultTimeout
    self.extraHeaders = extraHeaders
    self.server = server
    self.sleep = sleep
  }

  func send(_ request: APIRequest) async throws -> HTTPResponse {
    try await perform(request, streaming: false) { http in
      let response = try await self.transport.send(http)
      return (response.status, response.header("Retry-After"), { response.body }, response)
    }
  }

  /// Opens a streamed response (watch). Error statuses are read in full and thrown.
  func open(_ request: APIRequest) async throws -> HTTPStreamResponse {
    try await perform(request, streaming: true) { http in
      let response = try await self.transport.open(http)
      if (200..<300).contains(response.status) {
        return (response.status, nil, { [] }, response)
      }
      let body = try await response.collect()
      return (response.status, response.header("Retry-After"), { body }, response)
    }
  }

  private func perform<R: Sendable>(
    _ request: APIRequest, streaming: Bool,
    _ attemptOnce: @Sendable (HTTPRequest) async throws -> (Int, String?, @Sendable () -> [UInt8], R)
  ) async throws -> R {
    let clock = ContinuousClock()
    let timeout = request.timeout ?? (streaming ? nil : defaultTimeout)
    let deadline = timeout.map { clock.now + $0 }
    let url = server.url(for: request.path)
    var attempt = 0
    var refreshedAfter401 = false
    while true {
      attempt += 1
      try Task.checkCancellation()
      let used = try await credentials.credentials()
      var http = HTTPRequest(method: request.method, path: request.path, body: request.body)
      http.headers = request.headers + extraHeaders
      if let authorization = used.authorization { http.headers.append(("Authorization", authorization)) }
      http.clientIdentity = used.identity
      if let deadline {
        let remaining = deadline - clock.now
        guard remaining > .zero else {
          throw KubeTransportError(kind: .timedOut, url: url, detail: "deadline of \(HumanDuration.seconds(timeout!)) exceeded")
        }
        http.timeout = remaining
      }
      let start = clock.now
      let status: Int
      let retryAfter: String?
      let body: @Sendable () -> [UInt8]
      let result: R
      do {
        (status, retryAfter, body, result) = try await attemptOnce(http)
      } catch let error as KubeTransportError {
        log?.attempt(method: request.method, url: url, status: nil, error: error, elapsed: clock.now - start, attempt: attempt)
        var error = error
        if error.kind == .timedOut, let timeout {
          error.detail = "deadline of \(HumanDuration.seconds(timeout)) exceeded"
        }
        guard let delay = retry.delay(after: .transportError(error), attempt: attempt, safety: request.safety),
          fits(delay, deadline: deadline, clock: clock)
        else { throw error }
        try await sleep(delay)
        continue
      }
      log?.attempt(method: request.method, url: url, status: status, error: nil, elapsed: clock.now - start, attempt: attempt)
      if attempt == 1 { log?.headers(http.headers) }
      if status == 401, !refreshedAfter401, try await credentials.rejected(used) {
        refreshedAfter401 = true
        attempt -= 1
        log?.note("credentials were rejected; retrying once with fresh ones")
        continue
      }
      if (200..<300).contains(status) { return result }
      if let delay = retry.delay(after: .response(status: status, retryAfter: retryAfter), attempt: attempt, safety: request.safety),
        fits(delay, deadline: deadline, clock: clock)
      {
        try await sleep(delay)
        continue
      }
      if request.returnsErrors { return result }
      throw KubeAPIError.from(
        statusCode: status, body: body(), method: request.method, path: request.path, resource: request.resource,
        name: request.name, retryAfter: retryAfter.flatMap { Int($0) })
    }
  }

  private func fits(_ delay: Duration, deadline: ContinuousClock.Instant?, clock: ContinuousClock) -> Bool {
    guard let deadline else { return true }
    return clock.now + delay < deadline
  }
}
