import TackBase
import TackHTTP
import TackJSON

/// One REST API of a hosting service over TackHTTP: JSON in and out, the token in one header, the
/// rate limit honoured, 5xx retried, `Link` pages followed, and every error status turned into a
/// `ProviderError` by the service's own reader (`errorReader`).
///
/// The token lives only in `credentials` (handed to `HTTPClient`, whose log masks it); nothing
/// here formats it into a message.
public struct ProviderAPI: Sendable {
  /// The service's name for messages ("GitHub").
  public let service: String
  /// `https://api.github.com/`, always ending in `/`.
  public let baseURL: String
  let http: HTTPClient
  let headers: [(name: String, value: String)]
  let retry: ProviderRetryDecision
  let errorReader: @Sendable (_ status: Int, _ body: JSON?, _ step: String) -> ProviderError
  let sleep: @Sendable (Duration) async throws -> Void
  let now: @Sendable () -> Int64

  /// - Parameters:
  ///   - http: a client without retries of its own (this type decides them).
  ///   - headers: sent with every request (`Accept`, an API version); credentials come from `http`.
  public init(
    service: String, baseURL: String, http: HTTPClient, headers: [(name: String, value: String)] = [],
    retry: ProviderRetryDecision = ProviderRetryDecision(),
    errorReader: @escaping @Sendable (_ status: Int, _ body: JSON?, _ step: String) -> ProviderError,
    sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
    now: @escaping @Sendable () -> Int64 = { RFC3339Time.now().epochSeconds }
  ) {
    self.service = service
    self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    self.http = http
    self.headers = headers
    self.retry = retry
    self.errorReader = errorReader
    self.sleep = sleep
    self.now = now
  }

  /// One answer: status, headers and the parsed body (nil when empty).
  public struct Answer: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var json: JSON?

    public func header(_ name: String) -> String? {
      let lower = name.lowercased()
      return headers.first { $0.name.lowercased() == lower }?.value
    }
  }

  /// Sends a request to `path` (relative to the base URL, or absolute for a next-page link).
  /// Returns the answer when its status is in `accepted` (2xx by default); any other status
  /// becomes the service's error.
  public func call(
    _ method: String, _ path: String, body: JSON? = nil, accept: String? = nil, step: String,
    accepted: Set<Int> = []
  ) async throws -> Answer {
    let url = path.hasPrefix("http://") || path.hasPrefix("https://") ? path : baseURL + path
    var requestHeaders = headers
    if let accept { requestHeaders.removeAll { $0.name.lowercased() == "accept" }; requestHeaders.append(("Accept", accept)) }
    var bytes: [UInt8]?
    if let body {
      bytes = body.serializedBytes()
      requestHeaders.append(("Content-Type", "application/json"))
    }
    let request = HTTPRequest(method: method, url: url, headers: requestHeaders, body: bytes.map { .bytes($0) })
    var attempt = 0
    while true {
      attempt += 1
      try Task.checkCancellation()
      let response: HTTPResponse
      do {
        response = try await http.send(request)
      } catch let error as HTTPTransportError {
        let repeatable = request.safety == .idempotent || error.neverSent
        if case .retry(let delay) = retry.decide(
          status: nil, rateLimit: .init(), attempt: attempt, repeatable: repeatable, now: now())
        {
          try await sleep(delay)
          continue
        }
        throw error
      }
      if accepted.contains(response.status) || response.isSuccess {
        return Answer(status: response.status, headers: response.headers, json: try parse(response, step: step))
      }
      let limit = ProviderRetryDecision.RateLimit(header: response.header)
      switch retry.decide(
        status: response.status, rateLimit: limit, attempt: attempt, repeatable: request.safety == .idempotent,
        now: now())
      {
      case .retry(let delay):
        try await sleep(delay)
        continue
      case .rateLimited(let reset):
        throw ProviderError(.rateLimited(reset: reset), service: service, step: step, detail: "")
      case .accept:
        throw errorReader(response.status, try? JSON.parse(response.body), step)
      }
    }
  }

  /// GET of a list, following `Link: rel="next"` until the last page. `limit` bounds the pages
  /// read, so a service that links in a circle cannot keep tack reading for ever.
  public func list(_ path: String, step: String, accept: String? = nil, limit: Int = 100) async throws -> [JSON] {
    var items: [JSON] = []
    var next: String? = path
    var pages = 0
    while let page = next, pages < limit {
      pages += 1
      let answer = try await call("GET", page, accept: accept, step: step)
      guard let array = answer.json?.arrayValue else {
        throw ProviderError(.invalidResponse, service: service, step: step, detail: "expected a JSON array")
      }
      items.append(contentsOf: array)
      next = answer.header("link").flatMap { LinkHeader.target($0, relation: "next") }
    }
    return items
  }

  /// The HTTP settings every client sends with: the retries are `ProviderAPI`'s (which knows what is
  /// safe to send twice), so the transport's own are off; a minute per call unless the user set one.
  public static func transport(_ configuration: HTTPClient.Configuration) -> HTTPClient.Configuration {
    var configuration = configuration
    configuration.retry = .never
    if configuration.timeout == nil { configuration.timeout = .seconds(60) }
    return configuration
  }

  /// The name of the token's user: `GET user`, whose `field` holds it (GitHub and Gitea say `login`,
  /// GitLab `username`).
  public func tokenUser(field: String) async throws -> String {
    let step = "get the token's user"
    let answer = try await call("GET", "user", step: step)
    guard let name = answer.json?[field]?.stringValue else {
      throw ProviderError(.invalidResponse, service: service, step: step, detail: "no \(field)")
    }
    return name
  }

  func parse(_ response: HTTPResponse, step: String) throws -> JSON? {
    guard !response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return nil }
    do {
      return try JSON.parse(response.body)
    } catch {
      throw ProviderError(.invalidResponse, service: service, step: step, detail: "the body is not JSON: \(error)")
    }
  }
}

extension ProviderAPI: CustomStringConvertible, CustomDebugStringConvertible {
  /// The service and base URL only: the headers may hold a token (GitLab's `PRIVATE-TOKEN`).
  public var description: String { "ProviderAPI(\(service) at \(baseURL))" }
  public var debugDescription: String { description }
}
