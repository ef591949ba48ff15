/// Downloads a whole document over HTTP(S): redirects followed (GitHub release assets redirect to a
/// CDN, and only to `https`), TLS verified (against `caFile` when given), the environment's proxy
/// settings honoured, one attempt. Each download has a client of its own, so its connection and
/// libcurl thread end with it.
public struct HTTPFetcher: HTTPFetching {
  public var userAgent: String

  public init(userAgent: String = "tack") { self.userAgent = userAgent }

  public func get(_ url: String, options: HTTPFetchOptions) async throws -> HTTPFetchResponse {
    let client = HTTPClient(
      configuration: HTTPClient.Configuration(
        tls: TLSOptions(certificateAuthorityFile: options.caFile), timeout: .seconds(options.timeoutSeconds),
        contentDecoding: .all, redirects: .follow(max: 10), userAgent: userAgent, retry: .never,
        maxResponseBytes: options.maxBytes))
    do {
      let response = try await client.send(HTTPRequest(url: url))
      return HTTPFetchResponse(status: response.status, body: response.body)
    } catch let error as HTTPTransportError {
      throw FetchError(url: url, reason: error.detail)
    }
  }
}

/// A download failed before an HTTP status arrived.
public struct FetchError: Error, Sendable, CustomStringConvertible {
  public var url: String
  public var reason: String
  public var description: String { "\(HTTPURL.redacted(url)): \(reason)" }
}
