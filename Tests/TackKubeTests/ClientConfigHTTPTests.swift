import TackHTTP
import Testing

@testable import TackKube

/// What the Kubernetes layer hands TackHTTP for a kubeconfig context (the transfer itself is tested
/// in TackHTTPTests and, end to end, in EndToEndTests).
@Suite struct ClientConfigHTTPTests {
  @Test func kubectlSettingsBecomeClientConfiguration() {
    var config = ClientConfig(
      server: Fixtures.server,
      tls: ClientConfig.TLSSettings(
        certificateAuthority: [1], serverName: "api.internal", clientCertificate: [2], clientKey: [3]),
      proxyURL: "socks5://proxy.example:1080", disableCompression: true, requestTimeout: .seconds(7))
    config.userAgent = "tack/test"
    let http = config.httpConfiguration(retry: .never, log: nil)
    #expect(http.tls == TLSOptions(
      certificateAuthority: [1], clientIdentity: ClientIdentity(certificate: [2], key: [3]), serverName: "api.internal"))
    // Go's socks5 dialer resolves names at the proxy, which curl calls socks5h.
    #expect(http.proxy == "socks5h://proxy.example:1080")
    #expect(http.contentDecoding == .identity)
    #expect(http.timeout == .seconds(7))
    #expect(http.redirects == .none)
    #expect(http.userAgent == "tack/test")
    #expect(http.defaultHeaders.map { "\($0.name): \($0.value)" } == ["Accept: application/json"])
    #expect(http.retry == .never)
  }

  @Test func httpProxiesAndDefaultsPassThrough() {
    let http = ClientConfig(server: Fixtures.server, proxyURL: "http://proxy:3128").httpConfiguration(retry: .standard, log: nil)
    #expect(http.proxy == "http://proxy:3128")
    #expect(http.contentDecoding == .gzip)
    #expect(http.tls == TLSOptions())
    #expect(ClientConfig(server: Fixtures.server).httpConfiguration(retry: .standard, log: nil).proxy == nil)
  }
}
