import Testing

@testable import TackHTTP

@Suite struct HTTPRequestTests {
  @Test(arguments: [
    ("https://127.0.0.1:6443/api/v1/pods?limit=500", "/api/v1/pods?limit=500"),
    ("https://example.com", "/"),
    ("https://example.com?x=1", "/?x=1"),
    ("http://[::1]:8080/a#frag", "/a"),
    ("https://u:p@host/p", "/p"),
  ])
  func pathIsTheRequestTarget(_ url: String, _ path: String) {
    #expect(HTTPRequest(url: url).path == path)
  }

  @Test func urlPartsForTheTransport() throws {
    let ipv6 = try #require(HTTPURL("https://[::1]:6443/base/api?x=1"))
    #expect(ipv6.host == "[::1]")
    #expect(ipv6.bareHost == "::1")
    #expect(ipv6.port == 6443)
    #expect(ipv6.withoutQuery == "https://[::1]:6443/base/api")
    let defaults = try #require(HTTPURL("HTTPS://example.com/x"))
    #expect(defaults.scheme == "https")
    #expect(defaults.port == 443)
    #expect(defaults.origin == "https://example.com")
    #expect(HTTPURL("http://example.com").map(\.port) == 80)
    #expect(HTTPURL("example.com/x") == nil)
    #expect(HTTPURL("https://host:99999/") == nil)
    #expect(HTTPURL("https://user:secret@host/x?token=abc")?.withoutQuery == "https://host/x")
  }

  @Test func printedFormsHideCredentials() {
    #expect(HTTPURL.redacted("https://user:secret@host:1/x@y") == "https://REDACTED@host:1/x@y")
    #expect(HTTPURL.redacted("https://host/x@y") == "https://host/x@y")
    let secret = "s3cr3t-value"
    let request = HTTPRequest(
      method: "POST", url: "https://u:\(secret)@host/x", headers: [("Authorization", "Bearer \(secret)"), ("Cookie", secret)],
      body: .bytes(Array(secret.utf8)))
    let credentials = RequestCredentials(
      authorization: "Basic \(secret)", identity: ClientIdentity(certificate: Array(secret.utf8), key: Array(secret.utf8)))
    let tls = TLSOptions(clientIdentity: ClientIdentity(certificate: [1], key: Array(secret.utf8)))
    for text in ["\(request)", String(reflecting: request), "\(credentials)", String(reflecting: credentials), "\(tls)"] {
      #expect(!text.contains(secret), "\(text)")
    }
    #expect("\(request)".contains("Authorization: Bearer <masked>"))
  }

  @Test func retrySafetyFollowsTheMethodUnlessSaidOtherwise() {
    #expect(HTTPRequest(url: "https://h/").safety == .idempotent)
    #expect(HTTPRequest(method: "put", url: "https://h/").safety == .idempotent)
    #expect(HTTPRequest(method: "POST", url: "https://h/").safety == .unsafe)
    #expect(HTTPRequest(method: "PATCH", url: "https://h/").safety == .unsafe)
    #expect(HTTPRequest(method: "PATCH", url: "https://h/", safety: .idempotent).safety == .idempotent)
  }

  @Test func errorsReadAsOneLine() {
    let error = HTTPTransportError(kind: .connectionRefused, url: "https://h:1/x", detail: "Failed to connect\nto h", neverSent: true)
    #expect(error.description == "cannot connect to https://h:1/x: Failed to connect to h")
    #expect(error.exitStatus == .failure)
    #expect(HTTPTransportError(kind: .timedOut, url: "u", detail: "").description == "request to u timed out")
  }
}
