import TackHTTP

extension ClientConfig {
  /// What `HTTPClient` needs from these settings, as kubectl applies them: only the configured CA
  /// trusted, `proxy-url` with Go's meaning, gzip unless `disable-compression`, JSON asked for, no
  /// redirects, and `--request-timeout` as the default deadline.
  func httpConfiguration(
    retry: RetryPolicy, log: RequestLog?, maxResponseBytes: Int = HTTPClient.Configuration.defaultMaxResponseBytes
  ) -> HTTPClient.Configuration {
    var identity: ClientIdentity?
    if let certificate = tls.clientCertificate, let key = tls.clientKey {
      identity = ClientIdentity(certificate: certificate, key: key)
    }
    // Go's socks5 dialer resolves names at the proxy; curl calls that socks5h.
    var proxy = proxyURL
    if let url = proxy, url.lowercased().hasPrefix("socks5://") { proxy = "socks5h://" + url.dropFirst(9) }
    return HTTPClient.Configuration(
      tls: TLSOptions(
        certificateAuthority: tls.certificateAuthority, clientIdentity: identity,
        insecureSkipVerify: tls.insecureSkipVerify, serverName: tls.serverName),
      proxy: proxy, timeout: requestTimeout, contentDecoding: disableCompression ? .identity : .gzip,
      redirects: .none, userAgent: userAgent, defaultHeaders: [("Accept", "application/json")], retry: retry,
      log: log, maxResponseBytes: maxResponseBytes)
  }
}
