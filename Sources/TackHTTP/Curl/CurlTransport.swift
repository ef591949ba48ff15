internal import CCurl
internal import CCurlShims
import TackBase

/// The real transport: libcurl, driven by the client's `CurlMultiLoop` thread.
///
/// TLS material goes to libcurl as in-memory blobs (`CURLOPT_CAINFO_BLOB`, `CURLOPT_SSLCERT_BLOB`,
/// `CURLOPT_SSLKEY_BLOB`); verification is on unless the configuration says insecure. HTTP/2 is used
/// when the server offers it (ALPN), and connections are reused through the multi handle's pool.
/// Only `http` and `https` URLs are fetched, and redirects only go to `https`.
final class CurlTransport: HTTPTransport {
  let configuration: HTTPClient.Configuration
  private let loop = CurlMultiLoop()

  init(configuration: HTTPClient.Configuration) { self.configuration = configuration }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    let transfer = try makeTransfer(request, maxBodyBytes: configuration.maxResponseBytes)
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

  func stream(_ request: HTTPRequest) async throws -> HTTPStreamResponse {
    let transfer = try makeTransfer(request, maxBodyBytes: nil)
    let loop = self.loop
    let buffer = StreamBuffer(
      limit: configuration.streamBufferLimit,
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

  func makeTransfer(_ request: HTTPRequest, maxBodyBytes: Int?) throws -> CurlTransfer {
    // A URL this parser cannot read goes to libcurl as it is, which refuses it with its own message
    // (other schemes than http and https are refused below).
    let target = HTTPURL(request.url)
    var url = request.url
    var headers: [String] = []
    var connectTo: [String] = []
    let tls = configuration.tls
    if let name = tls.serverName, let target, target.isTLS {
      // Verify (and send SNI for) the server name while connecting to the real host: address the
      // URL to that name, and point the connection at the URL's host.
      url = "\(target.scheme)://\(name):\(target.port)\(target.target)"
      connectTo.append("\(name):\(target.port):\(target.bareHost):\(target.port)")
      if request.header("Host") == nil { headers.append("Host: \(target.host):\(target.port)") }
    }
    let transfer = try CurlTransfer(
      url: target?.withoutQuery ?? HTTPURL.redacted(request.url), maxBodyBytes: maxBodyBytes)
    try transfer.set(CURLOPT_URL, url)
    try transfer.set(CURLOPT_PROTOCOLS_STR, "http,https")
    if !connectTo.isEmpty { try transfer.set(CURLOPT_CONNECT_TO, list: connectTo) }

    switch request.method {
    case "GET":
      try transfer.set(CURLOPT_HTTPGET, 1)
    case "HEAD":
      try transfer.set(CURLOPT_NOBODY, 1)
    default:
      try transfer.set(CURLOPT_CUSTOMREQUEST, request.method)
    }
    switch request.body {
    case .bytes(let body):
      try transfer.setBody(body)
      try transfer.set(CURLOPT_CUSTOMREQUEST, request.method)
    case .file(let path):
      try transfer.setUpload(path: path)
      try transfer.set(CURLOPT_CUSTOMREQUEST, request.method)
    case nil:
      if request.method != "GET" && request.method != "HEAD" { try transfer.setBody([]) }
    }

    for header in configuration.defaultHeaders where request.header(header.name) == nil {
      headers.append("\(header.name): \(header.value)")
    }
    // No "Expect: 100-continue" round trip for large bodies.
    headers.append("Expect:")
    for header in request.headers { headers.append("\(header.name): \(header.value)") }
    try transfer.set(CURLOPT_HTTPHEADER, list: headers)
    try transfer.set(CURLOPT_USERAGENT, configuration.userAgent)
    switch configuration.contentDecoding {
    case .identity: break
    case .gzip: try transfer.set(CURLOPT_ACCEPT_ENCODING, "gzip")
    case .all: try transfer.set(CURLOPT_ACCEPT_ENCODING, "")
    }

    try transfer.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
    try transfer.set(CURLOPT_PIPEWAIT, 1)
    try transfer.set(CURLOPT_NOSIGNAL, 1)
    try transfer.set(CURLOPT_TCP_KEEPALIVE, 1)
    try transfer.set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
    switch configuration.redirects {
    case .none:
      try transfer.set(CURLOPT_FOLLOWLOCATION, 0)
    case .follow(let max):
      try transfer.set(CURLOPT_FOLLOWLOCATION, 1)
      try transfer.set(CURLOPT_MAXREDIRS, max)
      try transfer.set(CURLOPT_REDIR_PROTOCOLS_STR, "https")
    }
    var connectMillis = configuration.connectTimeout.wholeMilliseconds
    if let timeout = request.timeout {
      let total = max(1, timeout.wholeMilliseconds)
      try transfer.set(CURLOPT_TIMEOUT_MS, total)
      connectMillis = min(connectMillis, total)
    }
    try transfer.set(CURLOPT_CONNECTTIMEOUT_MS, connectMillis)

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
      } else if let caFile = tls.certificateAuthorityFile {
        try transfer.set(CURLOPT_CAINFO, caFile)
      }
    }
    if let identity = request.clientIdentity ?? tls.clientIdentity {
      try transfer.set(CURLOPT_SSLCERTTYPE, "PEM")
      try transfer.set(CURLOPT_SSLCERT_BLOB, blob: identity.certificate)
      try transfer.set(CURLOPT_SSLKEYTYPE, "PEM")
      try transfer.set(CURLOPT_SSLKEY_BLOB, blob: identity.key)
    }
    if let proxy = configuration.proxy { try transfer.set(CURLOPT_PROXY, proxy) }
    return transfer
  }
}
