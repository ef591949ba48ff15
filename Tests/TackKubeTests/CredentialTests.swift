import Testing

@testable import TackKube

@Suite struct CredentialTests {
  @Test func tokenFileIsReReadWhenItChanges() async throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    let path = dir.write("token", "first-token\n")
    let source = TokenFileSource(path: path)
    #expect(try await source.credentials().authorization == "Bearer first-token")
    dir.write("token", "second-token-longer\n")
    #expect(try await source.credentials().authorization == "Bearer second-token-longer")
    // A 401 forces a re-read; unchanged content means retrying is pointless.
    #expect(try await source.rejected(RequestCredentials(authorization: "Bearer second-token-longer")) == false)
    #expect(try await source.rejected(RequestCredentials(authorization: "Bearer stale")) == true)
  }

  @Test func basicAndBearerHeaders() async throws {
    let basic = ClientConfig(server: Fixtures.server, credentials: .basic(username: "admin", password: "secret"))
      .makeCredentialSource(environment: [:], stdinIsTerminal: false)
    #expect(try await basic.credentials().authorization == "Basic YWRtaW46c2VjcmV0")
    let bearer = ClientConfig(server: Fixtures.server, credentials: .bearerToken("abc"))
      .makeCredentialSource(environment: [:], stdinIsTerminal: false)
    #expect(try await bearer.credentials().authorization == "Bearer abc")
  }

  @Test func rfc3339() {
    #expect(RFC3339.parse("1970-01-01T00:00:00Z") == 0)
    #expect(RFC3339.parse("2024-02-29T12:30:15.5Z") == 1_709_209_815.5)
    #expect(RFC3339.parse("2024-02-29T14:30:15+02:00") == 1_709_209_815)
    #expect(RFC3339.parse("2024-02-29 14:30:15") == nil)
    #expect(RFC3339.format(1_709_209_815) == "2024-02-29T12:30:15Z")
  }
}
