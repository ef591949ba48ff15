import TackHTTP
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
}

@Suite struct RedactionTests {
  @Test func descriptionsNeverShowSecrets() throws {
    let secret = "s3cr3t-value"
    let credentials = RequestCredentials(
      authorization: "Bearer \(secret)", identity: ClientIdentity(certificate: Array(secret.utf8), key: Array(secret.utf8)))
    let request = HTTPRequest(method: "GET", url: "https://127.0.0.1:6443/x", headers: [("Authorization", "Bearer \(secret)")])
    let overrides = KubeConfigOverrides(token: secret)
    let exec = ClientConfig.ExecPlugin(
      config: KubeConfig.ExecConfig(command: "p", env: [("TOKEN", secret)], apiVersion: "client.authentication.k8s.io/v1"),
      userName: "u")
    let config = ClientConfig(
      server: Fixtures.server,
      tls: ClientConfig.TLSSettings(clientCertificate: Array(secret.utf8), clientKey: Array(secret.utf8)),
      credentials: .basic(username: "u", password: secret), proxyURL: "http://u:\(secret)@proxy:3128")
    let user = KubeConfig.AuthInfo(clientKeyData: Array(secret.utf8), token: secret, password: secret)
    let texts: [String] = [
      "\(credentials)", String(reflecting: credentials), "\(request)", "\(overrides)", "\(exec)", "\(config)",
      String(reflecting: config), "\(user)", "\(KubeConfig(users: ["u": user]))", "\(ClientConfig.Credentials.bearerToken(secret))",
    ]
    for text in texts {
      #expect(!text.contains(secret), "\(text)")
    }
  }
}
