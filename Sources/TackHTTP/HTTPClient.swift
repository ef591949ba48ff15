import TackBase

/// An HTTP client for any server: REST APIs, release downloads, registries, the Kubernetes API
/// (through TackKube's layer on top). One client keeps one connection pool (HTTP/2 streams shared)
/// and one libcurl thread; blocking curl work never runs on Swift's cooperative pool, and cancelling
/// the calling task aborts the transfer.
///
/// ```swift
/// let client = HTTPClient(configuration: .init(userAgent: "tack/1.0", timeout: .seconds(30)))
/// let response = try await client.send(HTTPRequest(url: "https://api.github.com/repos/o/r"))
/// let download = try await client.stream(HTTPRequest(url: assetURL))
/// for try await chunk in download.body { try file.write(chunk) }
/// ```
///
/// `send` and `stream` add credentials to each attempt, retry what `RetryPolicy` allows (within the
/// request's deadline), try once more with fresh credentials after a 401 when the source has them,
/// and log each attempt. Every status comes back as a response, 4xx and 5xx included; failures
/// without one throw `HTTPTransportError`.
public final class HTTPClient: Sendable {
  public let configuration: Configuration
  let transport: any HTTPTransport
  let credentials: any CredentialSource
  let sleep: @Sendable (Duration) async throws -> Void

  /// - Parameters:
  ///   - transport: replaces libcurl (tests).
  ///   - credentials: asked before every attempt; nil sends none.
  ///   - sleep: waits between retries (tests make it instant).
  public init(
    configuration: Configuration = Configuration(), transport: (any HTTPTransport)? = nil,
    credentials: (any CredentialSource)? = nil,
    sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
  ) {
    self.configuration = configuration
    self.transport = transport ?? CurlTransport(configuration: configuration)
    self.credentials = credentials ?? StaticCredentials(.none)
    self.sleep = sleep
  }

  /// Sends a request and returns the whole response.
  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    try await perform(request, streaming: false) { attempt in
      let response = try await self.transport.send(attempt)
      return (response.status, response.header("Retry-After"), response)
    }
  }

  /// Sends a request and returns once the status and headers are in; the body streams after, with
  /// back-pressure. Only the first exchange is retried; an error answer's body is read in full
  /// (it decides nothing, but lets the connection be reused).
  public func stream(_ request: HTTPRequest) async throws -> HTTPStreamResponse {
    try await perform(request, streaming: true) { attempt in
      let response = try await self.transport.stream(attempt)
      if (200..<300).contains(response.status) { return (response.status, nil, response) }
      let body = try await response.collect()
      let collected = HTTPStreamResponse(status: response.status, headers: response.headers, body: .chunks([body]))
      return (response.status, response.header("Retry-After"), collected)
    }
  }

  private func perform<R: Sendable>(
    _ request: HTTPRequest, streaming: Bool,
    _ attemptOnce: @Sendable (HTTPRequest) async throws -> (status: Int, retryAfter: String?, result: R)
  ) async throws -> R {
    let clock = ContinuousClock()
    let timeout = request.timeout ?? (streaming ? nil : configuration.timeout)
    let deadline = timeout.map { clock.now + $0 }
    let url = HTTPURL.redacted(request.url)
    let log = configuration.log
    let retry = configuration.retry
    var attempt = 0
    var refreshedAfter401 = false
    while true {
      attempt += 1
      try Task.checkCancellation()
      let used = try await credentials.credentials()
      var http = request
      if let authorization = used.authorization { http.headers.append(("Authorization", authorization)) }
      if let identity = used.identity { http.clientIdentity = identity }
      http.timeout = nil
      if let deadline, let timeout {
        let remaining = deadline - clock.now
        guard remaining > .zero else {
          throw HTTPTransportError(
            kind: .timedOut, url: url, detail: "deadline of \(HumanDuration.seconds(timeout)) exceeded")
        }
        http.timeout = remaining
      }
      let start = clock.now
      let status: Int
      let retryAfter: String?
      let result: R
      do {
        (status, retryAfter, result) = try await attemptOnce(http)
      } catch let error as HTTPTransportError {
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
      if let delay = retry.delay(
        after: .response(status: status, retryAfter: retryAfter), attempt: attempt, safety: request.safety),
        fits(delay, deadline: deadline, clock: clock)
      {
        try await sleep(delay)
        continue
      }
      return result
    }
  }

  private func fits(_ delay: Duration, deadline: ContinuousClock.Instant?, clock: ContinuousClock) -> Bool {
    guard let deadline else { return true }
    return clock.now + delay < deadline
  }
}
