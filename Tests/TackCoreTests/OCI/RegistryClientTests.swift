import Synchronization
import TackBase
import TackHTTP
import TackJSON
import TackTestSupport
import Testing

@testable import TackCore

/// The registry client's protocol decisions against a scripted transport: the bearer flow, Link
/// pages, chunked uploads, digest checks and the one-line errors. The real registry is exercised in
/// the CLI suite.
@Suite struct RegistryClientTests {
  final class Script: HTTPTransport {
    let recorded = Mutex<[HTTPRequest]>([])
    let answer: @Sendable (HTTPRequest) -> HTTPResponse
    init(_ answer: @escaping @Sendable (HTTPRequest) -> HTTPResponse) { self.answer = answer }
    var requests: [HTTPRequest] { recorded.withLock { $0 } }
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
      recorded.withLock { $0.append(request) }
      return answer(request)
    }
    func stream(_ request: HTTPRequest) async throws -> HTTPStreamResponse {
      let response = try await send(request)
      return HTTPStreamResponse(status: response.status, headers: response.headers, body: .chunks([response.body]))
    }
  }

  func client(_ script: Script, credentials: RegistryCredentials = .anonymous, chunkSize: Int = 1 << 20) -> RegistryClient {
    RegistryClient(
      registry: "registry.test", repository: "fleet/app",
      options: .init(credentials: credentials, chunkSize: chunkSize), transport: script)
  }

  @Test func bearerChallengeFetchesATokenWithBasicCredentialsAndRetries() async throws {
    let script = Script { request in
      if request.url.hasPrefix("https://auth.test/token") {
        return HTTPResponse(status: 200, body: Array(#"{"access_token":"tok-123","expires_in":300}"#.utf8))
      }
      if request.header("Authorization") == "Bearer tok-123" {
        return HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(#"{"tags":["v1"]}"#.utf8))
      }
      return HTTPResponse(
        status: 401,
        headers: [("WWW-Authenticate", #"Bearer realm="https://auth.test/token",service="registry.test",scope="repository:fleet/app:pull""#)])
    }
    let tags = try await client(script, credentials: .basic(username: "u", password: "p")).tags()
    #expect(tags == ["v1"])
    let token = try #require(script.requests.first { $0.url.hasPrefix("https://auth.test/") })
    #expect(token.url == "https://auth.test/token?service=registry.test&scope=repository%3Afleet%2Fapp%3Apull")
    #expect(token.header("Authorization") == "Basic " + Base64.encode(Array("u:p".utf8)))
    #expect(script.requests.count == 3)
  }

  @Test func basicChallengeWithoutCredentialsIsUnauthorized() async throws {
    let script = Script { _ in HTTPResponse(status: 401, headers: [("WWW-Authenticate", #"Basic realm="r""#)]) }
    await #expect(throws: OCIError.unauthorized(registry: "registry.test")) { try await client(script).tags() }
  }

  @Test func tagListFollowsLinkPages() async throws {
    let script = Script { request in
      if request.url.contains("last=b") {
        return HTTPResponse(status: 200, body: Array(#"{"tags":["c"]}"#.utf8))
      }
      return HTTPResponse(
        status: 200, headers: [("Link", #"</v2/fleet/app/tags/list?n=2&last=b>; rel="next""#)],
        body: Array(#"{"tags":["a","b"]}"#.utf8))
    }
    #expect(try await client(script).tags() == ["a", "b", "c"])
    #expect(script.requests.map(\.url) == [
      "https://registry.test/v2/fleet/app/tags/list?n=1000", "https://registry.test/v2/fleet/app/tags/list?n=2&last=b",
    ])
  }

  @Test func largeFileBlobsGoInChunksWithRangesToTheLatestLocation() async throws {
    let dir = try TemporaryDirectory(prefix: "tack-registry")
    defer { dir.remove() }
    let bytes = (0..<2500).map { UInt8(truncatingIfNeeded: $0) }
    let path = dir.file("blob")
    try AtomicFile.write(bytes, to: path, permissions: .umasked(0o644))
    let counter = Mutex(0)
    let script = Script { request in
      let n = counter.withLock { $0 += 1; return $0 }
      switch request.method {
      case "POST": return HTTPResponse(status: 202, headers: [("Location", "/v2/fleet/app/blobs/uploads/u?_state=0")])
      case "PATCH": return HTTPResponse(status: 202, headers: [("Location", "https://registry.test/v2/fleet/app/blobs/uploads/u?_state=\(n)")])
      default: return HTTPResponse(status: 201, headers: [("Docker-Content-Digest", Digest.of(bytes))])
      }
    }
    try await client(script, chunkSize: 1000).uploadBlob(.file(path: path), digest: Digest.of(bytes), size: bytes.count)
    let requests = script.requests
    #expect(requests.map(\.method) == ["POST", "PATCH", "PATCH", "PATCH", "PUT"])
    #expect(requests.compactMap { $0.header("Content-Range") } == ["0-999", "1000-1999", "2000-2499"])
    #expect(requests[1].url == "https://registry.test/v2/fleet/app/blobs/uploads/u?_state=0")
    #expect(requests[2].url.hasSuffix("_state=2"))
    #expect(requests[4].url == "https://registry.test/v2/fleet/app/blobs/uploads/u?_state=4&digest=" + RegistryClient.formEncode(Digest.of(bytes)))
    #expect(requests.dropLast().dropFirst().map { $0.body?.bytes?.count } == [1000, 1000, 500])
  }

  @Test func manifestWhoseBytesDoNotMatchTheDigestIsRefused() async throws {
    let body = Array(#"{"schemaVersion":2}"#.utf8)
    let other = "sha256:" + String(repeating: "0", count: 64)
    let script = Script { _ in HTTPResponse(status: 200, headers: [("Docker-Content-Digest", other)], body: body) }
    await #expect(throws: OCIError.digestMismatch(what: "manifest", expected: other, actual: Digest.of(body))) {
      try await client(script).manifest("v1")
    }
    await #expect(throws: OCIError.digestMismatch(what: "manifest", expected: other, actual: Digest.of(body))) {
      try await client(Script { _ in HTTPResponse(status: 200, body: body) }).manifest(other)
    }
  }

  @Test func downloadedBlobIsCheckedAgainstItsDigest() async throws {
    let script = Script { _ in HTTPResponse(status: 200, body: Array("tampered".utf8)) }
    let expected = Digest.of(Array("original".utf8))
    await #expect(throws: OCIError.digestMismatch(what: "blob", expected: expected, actual: Digest.of(Array("tampered".utf8)))) {
      try await client(script).downloadBlob(expected) { _ in }
    }
  }

  @Test func statusesBecomeOneLineErrorsWithoutSecrets() async throws {
    let denied = Script { _ in HTTPResponse(status: 403) }
    await #expect(throws: OCIError.denied(registry: "registry.test", repository: "fleet/app")) {
      try await client(denied, credentials: .basic(username: "u", password: "hunter2")).tags()
    }
    let limited = Script { _ in HTTPResponse(status: 429, headers: [("Retry-After", "0")]) }
    await #expect(throws: OCIError.tooManyRequests(registry: "registry.test")) { try await client(limited).tags() }
    let invalid = Script { _ in
      HTTPResponse(status: 400, body: Array(#"{"errors":[{"code":"MANIFEST_BLOB_UNKNOWN","message":"blob unknown\n\u001b[31mto registry"}]}"#.utf8))
    }
    do {
      _ = try await client(invalid).putManifest([1], mediaType: ArtifactManifest.mediaType, reference: "v1")
      Issue.record("expected an error")
    } catch let error as OCIError {
      #expect(error.description == "storing manifest v1 failed with HTTP 400: MANIFEST_BLOB_UNKNOWN: blob unknown  [31mto registry")
    }
    #expect(RegistryCredentials.basic(username: "u", password: "hunter2").description == "basic(u, REDACTED)")
    #expect(try RegistryCredentials.parse(creds: "tok") == .registryToken("tok"))
    #expect(try RegistryCredentials.parse(creds: "u:p:q") == .basic(username: "u", password: "p:q"))
  }

  @Test func challengeParsing() {
    let challenge = RegistryChallenge(#"Bearer realm="https://a/t",service="reg",scope="repository:x:pull,push repository:y:pull""#)
    #expect(challenge?.scheme == .bearer)
    #expect(challenge?.realm == "https://a/t" && challenge?.service == "reg")
    #expect(challenge?.scopes == ["repository:x:pull,push", "repository:y:pull"])
    #expect(RegistryChallenge(#"Basic realm="tack-test""#)?.scheme == .basic)
    #expect(RegistryChallenge("Negotiate") == nil)
  }

  @Test func referencesParseAsGoContainerRegistryDoes() throws {
    let ref = try OCIReference("oci://127.0.0.1:5000/fleet/app:v1.0")
    #expect(ref.registry == "127.0.0.1:5000" && ref.repository == "fleet/app" && ref.tag == "v1.0")
    let hub = try OCIReference("oci://stefanprodan/podinfo")
    #expect(hub.registry == "index.docker.io" && hub.repository == "stefanprodan/podinfo" && hub.reference == "latest")
    #expect(throws: OCIError.self) { try OCIReference("ghcr.io/org/app") }
    #expect(throws: OCIError.self) { try OCIReference("oci://ghcr.io/Org/app") }
    #expect(throws: OCIError.self) { try OCIReference("oci://ghcr.io/org/app:bad tag") }
    #expect(throws: OCIError.self) { try OCIReference("oci://ghcr.io/org/app:v1", expecting: .repositoryOnly) }
  }

  @Test func semverFilterFollowsMastermindsCommonForms() throws {
    let list = try ArtifactList(reference: OCIReference("oci://r.test/a"), semver: ">=1.1.0 <2.0.0")
    #expect(list.filter(["1.0.0", "1.1.0", "v1.5.2", "2.0.0", "latest", "1.2.0-rc.1", "x.sig"]) == ["v1.5.2", "1.1.0"])
    let caret = try ArtifactList(reference: OCIReference("oci://r.test/a"), semver: "^0.2")
    #expect(caret.filter(["0.2.0", "0.2.9", "0.3.0"]) == ["0.2.9", "0.2.0"])
    let tilde = try ArtifactList(reference: OCIReference("oci://r.test/a"), semver: "~1.2 || 3.x")
    #expect(tilde.filter(["1.2.5", "1.3.0", "3.4.0", "4.0.0"]) == ["3.4.0", "1.2.5"])
    #expect(throws: OCIError.self) { try ArtifactList(reference: OCIReference("oci://r.test/a"), semver: ">=abc") }
  }
}

