import TackHTTP
import TackTestSupport
import Testing

/// The release-asset download against a GitHub-like server: a redirect to the CDN, a private CA.
@Suite(.serialized) struct HTTPFetcherTests {
  @Test func followsTheRedirectAndTrustsTheGivenCAFile() async throws {
    let asset = Array("kind: Namespace\n".utf8)
    let server = try await ManifestReleaseServer.start(releases: ["v2.9.4": ["install.yaml": asset]])
    let directory = try TemporaryDirectory(prefix: "tack-fetch")
    defer { directory.remove() }
    do {
      let caFile = try directory.write("ca.pem", contents: server.caPEM)
      let fetcher = HTTPFetcher(userAgent: "tack/test")
      let found = try await fetcher.get(server.baseURL + "/v2.9.4/install.yaml", options: HTTPFetchOptions(caFile: caFile))
      #expect(found.status == 200)
      #expect(found.body == asset)
      #expect(server.requests.contains("/cdn/v2.9.4/install.yaml"))

      let missing = try await fetcher.get(server.baseURL + "/v9.9.9/install.yaml", options: HTTPFetchOptions(caFile: caFile))
      #expect(missing.status == 404)

      let tooSmall = HTTPFetchOptions(caFile: caFile, maxBytes: 4)
      let overflow = await #expect(throws: FetchError.self) {
        try await fetcher.get(server.baseURL + "/v2.9.4/install.yaml", options: tooSmall)
      }
      #expect(overflow?.description == "\(server.baseURL)/v2.9.4/install.yaml: the response body is larger than the limit of 4 bytes")

      // Without the CA file the system roots are used, and they do not know the test CA.
      let untrusted = await #expect(throws: FetchError.self) {
        try await fetcher.get(server.baseURL + "/v2.9.4/install.yaml", options: HTTPFetchOptions())
      }
      #expect(untrusted?.url == server.baseURL + "/v2.9.4/install.yaml")
    } catch {
      await server.stop()
      throw error
    }
    await server.stop()
  }
}
