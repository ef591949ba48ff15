internal import CCurl
internal import CCurlShims

/// The real transport: libcurl, driven by the process's `CurlMultiLoop` thread.
///
/// TLS material goes to libcurl as in-memory blobs (`CURLOPT_CAINFO_BLOB`, `CURLOPT_SSLCERT_BLOB`,
/// `CURLOPT_SSLKEY_BLOB`); verification is on unless the configuration says insecure. HTTP/2 is used
/// when the server offers it (ALPN), gzip unless compression is disabled, and connections are reused
/// through the multi handle's pool.
public final class CurlTransport: KubeTransport {
  public let config: ClientConfig
  /// Connect timeout (Go's dialer uses 30 s).
  public let connectTimeout: Duration
  /// How many body bytes a stream buffers before pausing the transfer.
  public let streamBufferLimit: Int
  private let loop = CurlMultiLoop()

  public init(config: ClientConfig, connectTimeout: Duration = .seconds(30), streamBufferLimit: Int = 1 << 20) {
    self.config = config
    self.connectTimeout = connectTimeout
    self.streamBufferLimit = streamBufferLimit
  }

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    let transfer = try makeTransfer(request, streaming: false)
    let loop = self.loop
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        transfer.mode = .buffered(continuation)
        loop.submit(.add(transfer))
      }
    } onCancel: {
      if transfer.markCancelled(CancellationError()) { loop.submit(.cancel(transfer, CancellationError())) }
    }
  }

  public func open(_ request: HTTPRequest) async throws -> HTTPStreamResponse {
    let transfer = try makeTransfer(request, streaming: true)
    let loop = self.loop
    let buffer = StreamBuffer(
      limit: streamBufferLimit,
      resume: { loop.submit(.unpause(transfer)) },
      stop: {
        if transfer.markCancelled(CancellationError()) { loop.submit(.cancel(transfer, CancellationError())) }
      })
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        transfer.mode = .streaming(head: continuation, buffer: buffer)
        loop.submit(.add(transfer))
      }
    } onCancel: {
      if transfer.markCancelled(CancellationError()) { loop.submit(.cancel(transfer, CancellationError())) }
    }
  }

  func makeTransfer(_ request: HTTPRequest, streaming: Bool) throws -> CurlTransfer {
    let server = config.server
    var url = server.url(for: request.path)
    var headers: [String] = []
    var connectTo: [String] = []
    if let name = config.tls.serverName, server.isTLS {
      // Verify (and send SNI for) tls-server-name while connecting to the real host: address the
      // URL to that name, and point the connection at the server's host.
      url = "\(server.scheme)://\(name):\(server.port)\(server.basePath)\(request.path)"
      connectTo.append("\(name):\(server.port):\(server.bareHost):\(server.port)")
      if request.header("Host") == nil { headers.append("Host: \(server.hostPort)") }
    }
    let transfer = try CurlTransfer(url: server.url(for: request.path.split(separator: "?").first.map(String.init) ?? ""))
    try transfer.set(CURLOPT_URL, url)
    if !connectTo.isEmpty { try transfer.set(CURLOPT_CONNECT_TO, list: connectTo) }

    switch request.method {
    case "GET":
      try transfer.set(CURLOPT_HTTPGET, 1)
    case "HEAD":
      try transfer.set(CURLOPT_NOBODY, 1)
    default:
      try transfer.set(CURLOPT_CUSTOMREQUEST, request.method)
    }
    if let body = request.body {
      try transfer.setBody(body)
      try transfer.set(CURLOPT_CUSTOMREQUEST, request.method)
    } else if request.method != "GET" && request.method != "HEAD" {
      try transfer.setBody([])
    }

    if request.header("Accept") == nil { headers.append("Accept: application/json") }
    // No "Expect: 100-continue" round trip for large bodies.
    headers.append("Expect:")
    for header in request.headers { headers.append("\(header.name): \(header.value)") }
    try transfer.set(CURLOPT_HTTPHEADER, list: headers)
    try transfer.set(CURLOPT_USERAGENT, config.userAgent)
    if !config.disableCompression { try transfer.set(CURLOPT_ACCEPT_ENCODING, "gzip") }

    try transfer.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
    try transfer.set(CURLOPT_PIPEWAIT, 1)
    try transfer.set(CURLOPT_NOSIGNAL, 1)
    try transfer.set(CURLOPT_TCP_KEEPALIVE, 1)
    try transfer.set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
    try transfer.set(CURLOPT_FOLLOWLOCATION, 0)
    var connectMillis = Self.milliseconds(connectTimeout)
    if let timeout = request.timeout {
      let total = max(1, Self.milliseconds(timeout))
      try transfer.set(CURLOPT_TIMEOUT_MS, total)
      connectMillis = min(connectMillis, total)
    }
    try transfer.set(CURLOPT_CONNECTTIMEOUT_MS, connectMillis)

    // TLS.
    let tls = config.tls
    if tls.insecureSkipVerify {
      try transfer.set(CURLOPT_SSL_VERIFYPEER, 0)
      try transfer.set(CURLOPT_SSL_VERIFYHOST, 0)
    } else {
      try transfer.set(CURLOPT_SSL_VERIFYPEER, 1)
      try transfer.set(CURLOPT_SSL_VERIFYHOST, 2)
      if let ca = tls.certificateAuthority {
        // Only the configured CAs are trusted, as with kubectl: no system bundle next to them.
        try transfer.set(CURLOPT_CAINFO, nil as String?)
        try transfer.set(CURLOPT_CAPATH, nil as String?)
        try transfer.set(CURLOPT_CAINFO_BLOB, blob: ca)
      }
    }
    let identity =
      request.clientIdentity
      ?? tls.clientCertificate.flatMap { cert in tls.clientKey.map { ClientIdentity(certificate: cert, key: $0) } }
    if let identity {
      try transfer.set(CURLOPT_SSLCERTTYPE, "PEM")
      try transfer.set(CURLOPT_SSLCERT_BLOB, blob: identity.certificate)
      try transfer.set(CURLOPT_SSLKEYTYPE, "PEM")
      try transfer.set(CURLOPT_SSLKEY_BLOB, blob: identity.key)
    }

    if let proxy = config.proxyURL {
      // Go's socks5 dialer resolves names at the proxy; curl calls that socks5h.
      var proxyURL = proxy
      if proxyURL.lowercased().hasPrefix("socks5://") { proxyURL = "socks5h://" + proxyURL.dropFirst(9) }
      try transfer.set(CURLOPT_PROXY, proxyURL)
    }
    _ = streaming
    return transfer
  }

  static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
  }
}
