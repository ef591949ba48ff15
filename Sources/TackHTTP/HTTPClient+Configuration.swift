extension HTTPClient {
  /// Everything about how a client talks HTTP, fixed for its lifetime. The defaults suit a REST
  /// API: TLS verified against the system store, the environment's proxy settings (`https_proxy`,
  /// `no_proxy`, …), gzip, no redirects, safe retries.
  public struct Configuration: Sendable {
    public var tls: TLSOptions
    /// `http://`, `https://`, `socks5://` (names resolved locally) or `socks5h://` (resolved at the
    /// proxy); nil uses the standard proxy environment variables.
    public var proxy: String?
    /// Time to establish a connection, TLS included (Go's dialer: 30 s).
    public var connectTimeout: Duration
    /// Default time allowed for `send`, across retries, when a request sets none; nil for none.
    /// Streams never get one by default.
    public var timeout: Duration?
    public var contentDecoding: ContentDecoding
    public var redirects: Redirects
    public var userAgent: String
    /// Headers every request carries unless it sets them itself (`Accept`, an API version). They
    /// are not part of the logged headers.
    public var defaultHeaders: [(name: String, value: String)]
    public var retry: RetryPolicy
    /// `--verbose` lines; nil logs nothing.
    public var log: RequestLog?
    /// How many body bytes a stream buffers before the transfer pauses.
    public var streamBufferLimit: Int
    /// Largest body `send` accepts; a bigger one fails with `.bodyTooLarge` (naming the URL and
    /// the limit) instead of filling memory. nil for no limit.
    public var maxResponseBytes: Int?

    /// The default `maxResponseBytes`: far above any list an API server sends in one page, far
    /// below what would take the machine down.
    public static let defaultMaxResponseBytes = 256 << 20

    public init(
      tls: TLSOptions = TLSOptions(), proxy: String? = nil, connectTimeout: Duration = .seconds(30),
      timeout: Duration? = nil, contentDecoding: ContentDecoding = .gzip, redirects: Redirects = .none,
      userAgent: String = "tack", defaultHeaders: [(name: String, value: String)] = [],
      retry: RetryPolicy = .standard, log: RequestLog? = nil, streamBufferLimit: Int = 1 << 20,
      maxResponseBytes: Int? = defaultMaxResponseBytes
    ) {
      self.tls = tls
      self.proxy = proxy
      self.connectTimeout = connectTimeout
      self.timeout = timeout
      self.contentDecoding = contentDecoding
      self.redirects = redirects
      self.userAgent = userAgent
      self.defaultHeaders = defaultHeaders
      self.retry = retry
      self.log = log
      self.streamBufferLimit = streamBufferLimit
      self.maxResponseBytes = maxResponseBytes
    }
  }

  /// Which compressed bodies the client asks for; they arrive decoded.
  public enum ContentDecoding: Sendable, Equatable {
    /// No `Accept-Encoding`.
    case identity
    /// `Accept-Encoding: gzip`, what Go's HTTP client (and so kubectl) sends.
    case gzip
    /// Every encoding libcurl can decode (gzip, deflate, and br or zstd where built in).
    case all
  }

  /// Whether `3xx` answers are followed.
  public enum Redirects: Sendable, Equatable {
    /// Returned as they are (API clients, where a redirect means a misconfigured server).
    case none
    /// Followed up to `max` hops, to `https://` targets only (release assets move to a CDN).
    case follow(max: Int)
  }
}
