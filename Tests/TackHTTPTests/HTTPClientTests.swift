import Synchronization
import TackJSON
import TackTestSupport
import Testing

@testable import TackHTTP

/// `HTTPClient` over real HTTPS and libcurl, with the test API server as a plain HTTPS peer (it
/// records what reached it, injects faults and checks client certificates and tokens).
@Suite(.serialized) struct HTTPClientTests {
  static func trusting(_ cluster: TestCluster, _ change: (inout HTTPClient.Configuration) -> Void = { _ in }) -> HTTPClient {
    var configuration = HTTPClient.Configuration(tls: TLSOptions(certificateAuthority: Array(cluster.caPEM.utf8)))
    change(&configuration)
    return HTTPClient(configuration: configuration, sleep: { _ in })
  }

  static func configMap(_ name: String) -> [UInt8] {
    let object: JSON = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)], "data": ["k": "v"]]
    return object.serializedBytes()
  }

  // MARK: TLS

  @Test func trustsOnlyTheConfiguredCA() async throws {
    try await withTestCluster { cluster in
      let version = try await Self.trusting(cluster).send(HTTPRequest(url: cluster.url + "/version"))
      #expect(version.status == 200)
      #expect(version.header("content-type")?.hasPrefix("application/json") == true)

      let systemRoots = HTTPClient(configuration: .init(retry: .never))
      let error = await #expect(throws: HTTPTransportError.self) {
        try await systemRoots.send(HTTPRequest(url: cluster.url + "/version"))
      }
      #expect(error?.kind == .tls)
      #expect(error?.url == cluster.url + "/version")

      let insecure = HTTPClient(configuration: .init(tls: TLSOptions(insecureSkipVerify: true)))
      #expect(try await insecure.send(HTTPRequest(url: cluster.url + "/version")).status == 200)
    }
  }

  @Test func serverNameIsVerifiedWhileConnectingToTheURLHost() async throws {
    try await withTestCluster { cluster in
      // The server's certificate names localhost and 127.0.0.1; the URL says 127.0.0.1.
      let named = Self.trusting(cluster) { $0.tls.serverName = "localhost" }
      let response = try await named.send(HTTPRequest(url: cluster.url + "/version"))
      #expect(response.status == 200)
      #expect(cluster.server.requests(path: "/version").last?.header("Host") == "127.0.0.1:\(cluster.server.port)")
      let wrong = Self.trusting(cluster) {
        $0.tls.serverName = "wrong.example"
        $0.retry = .never
      }
      let error = await #expect(throws: HTTPTransportError.self) {
        try await wrong.send(HTTPRequest(url: cluster.url + "/version"))
      }
      #expect(error?.kind == .tls)
    }
  }

  @Test func clientCertificatesFromConfigurationOrRequest() async throws {
    try await withTestCluster { cluster in
      let issued = try cluster.server.issueClientCertificate(user: "jane", groups: ["system:masters"])
      let identity = ClientIdentity(certificate: Array(issued.certificatePEM.utf8), key: Array(issued.privateKeyPEM.utf8))
      let url = cluster.url + "/api/v1/namespaces/default"
      let configured = Self.trusting(cluster) { $0.tls.clientIdentity = identity }
      #expect(try await configured.send(HTTPRequest(url: url)).status == 200)
      #expect(cluster.server.requests(path: "/api/v1/namespaces/default").last?.user == "jane")

      let anonymous = Self.trusting(cluster)
      #expect(try await anonymous.send(HTTPRequest(url: url)).status == 401, "an error status is an answer, not a throw")
      #expect(try await anonymous.send(HTTPRequest(url: url, clientIdentity: identity)).status == 200)
    }
  }

  // MARK: requests

  @Test func anyMethodWithHeadersBodyAndCredentials() async throws {
    try await withTestCluster { cluster in
      cluster.server.addToken("t0ken", user: "writer", groups: ["system:masters"])
      let client = HTTPClient(
        configuration: .init(tls: TLSOptions(certificateAuthority: Array(cluster.caPEM.utf8))),
        credentials: StaticCredentials(RequestCredentials(authorization: "Bearer t0ken")))
      let created = try await client.send(
        HTTPRequest(
          method: "POST", url: cluster.url + "/api/v1/namespaces/default/configmaps",
          headers: [("Content-Type", "application/json")], body: .bytes(Self.configMap("posted"))))
      #expect(created.status == 201)
      #expect(try JSON.parse(created.body)[path: "metadata", "name"] == "posted")
      let recorded = cluster.server.requests(method: "POST").last
      #expect(recorded?.user == "writer")
      #expect(recorded?.header("User-Agent") == "tack")

      let deleted = try await client.send(
        HTTPRequest(method: "DELETE", url: cluster.url + "/api/v1/namespaces/default/configmaps/posted"))
      #expect(deleted.status == 200)
    }
  }

  @Test func uploadsAFileWithoutReadingItIntoMemory() async throws {
    try await withTestCluster { cluster in
      let path = try cluster.directory.write("configmap.json", contents: String(decoding: Self.configMap("uploaded"), as: UTF8.self))
      let client = Self.trusting(cluster) { $0.tls.clientIdentity = try? Self.admin(cluster) }
      let response = try await client.send(
        HTTPRequest(
          method: "POST", url: cluster.url + "/api/v1/namespaces/default/configmaps",
          headers: [("Content-Type", "application/json")], body: .file(path: path)))
      #expect(response.status == 201, "\(response.bodyText)")
      #expect(try cluster.store.get(apiVersion: "v1", kind: "ConfigMap", namespace: "default", name: "uploaded")[path: "data", "k"] == "v")

      let missing = await #expect(throws: HTTPTransportError.self) {
        try await client.send(HTTPRequest(method: "PUT", url: cluster.url + "/x", body: .file(path: cluster.directory.file("absent"))))
      }
      #expect(missing?.detail.hasPrefix("cannot read ") == true)
    }
  }

  static func admin(_ cluster: TestCluster) throws -> ClientIdentity {
    let issued = try cluster.server.issueClientCertificate(user: "admin", groups: ["system:masters"])
    return ClientIdentity(certificate: Array(issued.certificatePEM.utf8), key: Array(issued.privateKeyPEM.utf8))
  }

  @Test func gzipIsAskedForUnlessDecodingIsOff() async throws {
    try await withTestCluster { cluster in
      let admin = try Self.admin(cluster)
      _ = try await Self.trusting(cluster) { $0.tls.clientIdentity = admin }.send(HTTPRequest(url: cluster.url + "/api"))
      #expect(cluster.server.requests(path: "/api").last?.header("Accept-Encoding") == "gzip")
      _ = try await Self.trusting(cluster) {
        $0.tls.clientIdentity = admin
        $0.contentDecoding = .identity
      }.send(HTTPRequest(url: cluster.url + "/api"))
      #expect(cluster.server.requests(path: "/api").last?.header("Accept-Encoding") == nil)
    }
  }

  @Test func bodiesOverTheLimitFailInsteadOfFillingMemory() async throws {
    try await withTestCluster { cluster in
      let client = Self.trusting(cluster) { $0.maxResponseBytes = 16 }
      let error = await #expect(throws: HTTPTransportError.self) {
        try await client.send(HTTPRequest(url: cluster.url + "/version"))
      }
      #expect(error?.kind == .bodyTooLarge)
    }
  }

  // MARK: streams and cancellation

  @Test func streamsABodyAndCancellingEndsTheTransfer() async throws {
    try await withTestCluster { cluster in
      let client = Self.trusting(cluster) { $0.tls.clientIdentity = try? Self.admin(cluster) }
      let watch = try await client.stream(
        HTTPRequest(url: cluster.url + "/api/v1/namespaces/default/configmaps?watch=true"))
      #expect(watch.status == 200)
      try cluster.store.create(try JSON.parse(Self.configMap("seen")), namespace: "default")
      var iterator = watch.body.makeAsyncIterator()
      var text = ""
      while !text.contains("\n"), let chunk = try await iterator.next() { text += String(decoding: chunk, as: UTF8.self) }
      #expect(text.contains("\"type\":\"ADDED\""))

      // A watch never ends by itself: only cancellation ends the task reading it.
      let reader = Task {
        let stream = try await client.stream(HTTPRequest(url: cluster.url + "/api/v1/namespaces/default/configmaps?watch=true"))
        for try await _ in stream.body {}
      }
      try await Task.sleep(for: .milliseconds(300))
      let start = ContinuousClock.now
      reader.cancel()
      _ = try? await reader.value
      #expect(ContinuousClock.now - start < .seconds(10))
    }
  }

  // MARK: retries, deadlines, logging

  @Test func retriesSafeRequestsAndLogsEachAttempt() async throws {
    try await withTestCluster { cluster in
      cluster.server.inject(Fault(.status(503), method: "GET", path: "/version", times: 2))
      let lines = Mutex<[String]>([])
      let client = Self.trusting(cluster) { $0.log = RequestLog(level: 1) { line in lines.withLock { $0.append(line) } } }
      let response = try await client.send(HTTPRequest(url: cluster.url + "/version"))
      #expect(response.status == 200)
      let logged = lines.withLock { $0 }
      #expect(logged.count == 3)
      #expect(logged[0].hasPrefix("GET \(cluster.url)/version 503 Service Unavailable in "))
      #expect(logged[2].hasSuffix("(attempt 3)"))

      // A create is not sent twice: the 503 comes back as the answer.
      cluster.server.inject(Fault(.status(503), method: "POST", times: 1))
      let post = try await client.send(
        HTTPRequest(method: "POST", url: cluster.url + "/api/v1/namespaces/default/configmaps", body: .bytes(Self.configMap("x"))))
      #expect(post.status == 503)
    }
  }

  @Test func theDeadlineCoversEveryAttempt() async throws {
    try await withTestCluster { cluster in
      cluster.server.inject(Fault(.latency(.seconds(3)), path: "/version"))
      let client = Self.trusting(cluster) { $0.timeout = .milliseconds(300) }
      let error = await #expect(throws: HTTPTransportError.self) {
        try await client.send(HTTPRequest(url: cluster.url + "/version"))
      }
      #expect(error?.kind == .timedOut)
      #expect(error?.detail == "deadline of 0.300s exceeded")
      #expect(error?.exitStatus == .timedOut)
    }
  }

  @Test func verboseLinesNeverShowCredentials() async throws {
    let lines = Mutex<[String]>([])
    let transport = RecordingTransport()
    let client = HTTPClient(
      configuration: .init(log: RequestLog(level: 2) { line in lines.withLock { $0.append(line) } }), transport: transport,
      credentials: StaticCredentials(RequestCredentials(authorization: "Bearer very-secret")))
    _ = try await client.send(
      HTTPRequest(url: "https://user:pa55word@example.test/x?a=1", headers: [("PRIVATE-TOKEN", "gl-secret"), ("X-Trace", "1")]))
    let text = lines.withLock { $0 }.joined(separator: "\n")
    #expect(text.contains("GET https://REDACTED@example.test/x?a=1 200 OK in "))
    #expect(text.contains("Authorization: Bearer <masked>"))
    #expect(text.contains("PRIVATE-TOKEN: <masked>"))
    #expect(text.contains("X-Trace: 1"))
    for secret in ["very-secret", "gl-secret", "pa55word"] { #expect(!text.contains(secret)) }
    #expect(transport.requests.first?.header("Authorization") == "Bearer very-secret", "the transport gets the real value")
  }

  @Test func aRejectedCredentialIsRefreshedOnce() async throws {
    final class Rotating: CredentialSource {
      let served = Mutex(0)
      func credentials() async throws -> RequestCredentials {
        RequestCredentials(authorization: "Bearer token-\(served.withLock { $0 })")
      }
      func rejected(_ used: RequestCredentials) async throws -> Bool {
        served.withLock { $0 += 1 }
        return true
      }
    }
    let transport = RecordingTransport { request in request.header("Authorization") == "Bearer token-1" ? 200 : 401 }
    let client = HTTPClient(transport: transport, credentials: Rotating())
    #expect(try await client.send(HTTPRequest(url: "https://example.test/")).status == 200)
    let always401 = RecordingTransport { _ in 401 }
    #expect(try await HTTPClient(transport: always401, credentials: Rotating()).send(HTTPRequest(url: "https://example.test/")).status == 401)
    #expect(always401.requests.count == 2, "one refresh, not a loop")
  }
}

/// Answers every request with a status of `respond`'s choosing and records what it got.
final class RecordingTransport: HTTPTransport {
  private let recorded = Mutex<[HTTPRequest]>([])
  let respond: @Sendable (HTTPRequest) -> Int
  init(_ respond: @escaping @Sendable (HTTPRequest) -> Int = { _ in 200 }) { self.respond = respond }
  var requests: [HTTPRequest] { recorded.withLock { $0 } }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    recorded.withLock { $0.append(request) }
    return HTTPResponse(status: respond(request))
  }

  func stream(_ request: HTTPRequest) async throws -> HTTPStreamResponse {
    let response = try await send(request)
    return HTTPStreamResponse(status: response.status, headers: [], body: .chunks([]))
  }
}
