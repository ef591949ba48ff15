import Synchronization
import TackHTTP
import TackJSON
import Testing

@testable import TackKube

@Suite struct ClientVerbTests {
  let ks = Fixtures.kustomizations

  @Test func getBuildsPathAndDecodes() async throws {
    let transport = FakeTransport { request, _ in
      #expect(request.method == "GET")
      #expect(request.path == "/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/apps")
      return .response(.json(200, Fixtures.object("apps", rv: "7")))
    }
    let object = try await Fixtures.client(transport).get(ks, name: "apps", namespace: "flux-system")
    #expect(object.metadata.resourceVersion == "7")
    #expect(object.kind == "Kustomization")
  }

  @Test func notFoundIsTyped() async throws {
    let transport = FakeTransport { _, _ in
      .response(.status(404, reason: "NotFound", message: "kustomizations.kustomize.toolkit.fluxcd.io \"x\" not found"))
    }
    await #expect(throws: KubeAPIError.self) {
      try await Fixtures.client(transport).get(ks, name: "x", namespace: "flux-system")
    }
    #expect(transport.count == 1)
  }

  @Test(arguments: [
    (HTTPResponse.status(429, reason: "TooManyRequests", message: "slow down", headers: [("Retry-After", "1")])),
    HTTPResponse.status(503, reason: "ServiceUnavailable", message: "unavailable"),
    HTTPResponse(status: 502, body: Array("bad gateway".utf8)),
    HTTPResponse(status: 504, body: []),
    HTTPResponse.status(500, reason: "InternalError", message: "x", headers: [("Retry-After", "0")]),
  ])
  func readsRetryThenSucceed(_ failure: HTTPResponse) async throws {
    let transport = FakeTransport { _, index in
      index < 2 ? .response(failure) : .response(.json(200, Fixtures.object("apps", rv: "1")))
    }
    _ = try await Fixtures.client(transport).get(ks, name: "apps", namespace: "flux-system")
    #expect(transport.count == 3)
  }

  @Test func fiveHundredWithoutRetryAfterIsNotRetried() async throws {
    let transport = FakeTransport { _, _ in .response(.status(500, reason: "InternalError", message: "boom")) }
    await #expect(throws: KubeAPIError.self) {
      try await Fixtures.client(transport).get(ks, name: "apps", namespace: "flux-system")
    }
    #expect(transport.count == 1)
  }

  @Test func connectionResetRetriesReads() async throws {
    let transport = FakeTransport { _, index in
      index == 0
        ? .failure(HTTPTransportError(kind: .connectionReset, url: "u", detail: "reset"))
        : .response(.json(200, Fixtures.list([], rv: "1")))
    }
    _ = try await Fixtures.client(transport).listPage(ks, namespace: "flux-system")
    #expect(transport.count == 2)
  }

  @Test func createThatReachedTheServerIsNotRetried() async throws {
    for answer in [
      FakeTransport.Answer.response(.status(503, reason: "ServiceUnavailable", message: "x")),
      .response(.status(429, reason: "TooManyRequests", message: "x", headers: [("Retry-After", "1")])),
      .failure(HTTPTransportError(kind: .connectionReset, url: "u", detail: "reset")),
    ] {
      let transport = FakeTransport { _, _ in answer }
      await #expect(throws: (any Error).self) {
        try await Fixtures.client(transport).create(ks, KubeObject(Fixtures.object("n", rv: "1")))
      }
      #expect(transport.count == 1)
    }
  }

  @Test func createRetriedWhenNeverSent() async throws {
    let transport = FakeTransport { request, index in
      #expect(request.method == "POST")
      return index == 0
        ? .failure(HTTPTransportError(kind: .connectionRefused, url: "u", detail: "refused", neverSent: true))
        : .response(.json(201, Fixtures.object("n", rv: "2")))
    }
    let created = try await Fixtures.client(transport).create(ks, KubeObject(Fixtures.object("n", rv: "1")))
    #expect(created.metadata.resourceVersion == "2")
    #expect(transport.count == 2)
    #expect(transport.requests[0].path == "/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations")
  }

  @Test func retriesStopAtMaxAttempts() async throws {
    let transport = FakeTransport { _, _ in .response(.status(503, reason: "ServiceUnavailable", message: "x")) }
    await #expect(throws: KubeAPIError.self) {
      try await Fixtures.client(transport, retry: RetryPolicy(maxAttempts: 3)).get(ks, name: "a", namespace: "n")
    }
    #expect(transport.count == 3)
  }

  @Test func pagingFollowsContinueTokens() async throws {
    let transport = FakeTransport { request, _ in
      let index = request.path.hasSuffix("continue=t1") ? 1 : request.path.hasSuffix("continue=t2") ? 2 : 0
      let pages: [(String?, [JSON])] = [
        ("t1", [Fixtures.object("a", rv: "1"), Fixtures.object("b", rv: "2")]),
        ("t2", [Fixtures.object("c", rv: "3")]),
        (nil, [Fixtures.object("d", rv: "4")]),
      ]
      let expectedQuery = index == 0 ? "?labelSelector=app%3Dx&limit=2" : "?labelSelector=app%3Dx&limit=2&continue=t\(index)"
      #expect(request.path.hasSuffix(expectedQuery), "\(request.path)")
      return .response(.json(200, Fixtures.list(pages[index].1, rv: "10", continueToken: pages[index].0)))
    }
    let client = Fixtures.client(transport)
    var sizes: [Int] = []
    for try await page in client.listPages(ks, namespace: "flux-system", options: ListOptions(labelSelector: "app=x"), pageSize: 2) {
      sizes.append(page.items.count)
    }
    #expect(sizes == [2, 1, 1])
    let all = try await client.list(ks, namespace: "flux-system", options: ListOptions(labelSelector: "app=x"), pageSize: 2)
    #expect(all.items.map(\.name) == ["a", "b", "c", "d"])
    #expect(all.resourceVersion == "10")
  }

  @Test func patchKindsAndQuery() async throws {
    let seen = Mutex<[(String, String, String)]>([])
    let transport = FakeTransport { request, _ in
      seen.withLock { $0.append((request.path, request.header("Content-Type") ?? "", String(decoding: request.body?.bytes ?? [], as: UTF8.self))) }
      return .response(.json(200, Fixtures.object("a", rv: "2")))
    }
    let client = Fixtures.client(transport)
    _ = try await client.patch(ks, name: "a", namespace: "ns", .merge(["spec": ["suspend": true]]))
    _ = try await client.patch(ks, name: "a", namespace: "ns", .json([["op": "replace", "path": "/spec/suspend", "value": false]]))
    _ = try await client.patch(ks, name: "a", namespace: "ns", .apply(Fixtures.object("a", rv: "1"), fieldManager: "tack", force: true))
    _ = try await client.patchStatus(ks, name: "a", namespace: "ns", .merge(["status": ["observedGeneration": 2]]))
    let calls = seen.withLock { $0 }
    #expect(calls[0].1 == "application/merge-patch+json")
    #expect(calls[0].2 == #"{"spec":{"suspend":true}}"#)
    #expect(calls[1].1 == "application/json-patch+json")
    #expect(calls[2].1 == "application/apply-patch+yaml")
    #expect(calls[2].0.hasSuffix("/kustomizations/a?fieldManager=tack&force=true"))
    #expect(calls[3].0.hasSuffix("/kustomizations/a/status"))
  }

  @Test func updateRetriesOnConflict() async throws {
    let transport = FakeTransport { request, index in
      if request.method == "GET" { return .response(.json(200, Fixtures.object("a", rv: "\(index)"))) }
      return index < 3
        ? .response(.status(409, reason: "Conflict", message: "the object has been modified"))
        : .response(.json(200, Fixtures.object("a", rv: "9")))
    }
    let updated = try await Fixtures.client(transport).updateRetryingOnConflict(ks, name: "a", namespace: "ns") { object in
      object[path: "spec", "suspend"] = true
    }
    #expect(updated.metadata.resourceVersion == "9")
    #expect(transport.requests.map(\.method) == ["GET", "PUT", "GET", "PUT"])
    let body = try JSON.parse(transport.requests[3].body?.bytes ?? [])
    #expect(body[path: "metadata", "resourceVersion"] == "2")
    #expect(body[path: "spec", "suspend"] == true)
  }

  @Test func deleteSendsPropagationPolicy() async throws {
    let transport = FakeTransport { request, _ in
      #expect(request.method == "DELETE")
      let body = try? JSON.parse(request.body?.bytes ?? [])
      #expect(body?["propagationPolicy"] == "Foreground")
      return .response(.json(200, ["kind": "Status", "apiVersion": "v1", "status": "Success"]))
    }
    try await Fixtures.client(transport).delete(ks, name: "a", namespace: "ns", options: DeleteOptions(propagationPolicy: .foreground))
    #expect(transport.count == 1)
  }

  @Test func credentialsRefreshOnceAfter401() async throws {
    final class Rotating: CredentialSource {
      let generation = Mutex(1)
      func credentials() async throws -> RequestCredentials {
        RequestCredentials(authorization: "Bearer token-\(generation.withLock { $0 })")
      }
      func rejected(_ used: RequestCredentials) async throws -> Bool {
        generation.withLock { $0 += 1 }
        return true
      }
    }
    let transport = FakeTransport { request, _ in
      request.header("Authorization") == "Bearer token-2"
        ? .response(.json(200, Fixtures.object("a", rv: "1")))
        : .response(.status(401, reason: "Unauthorized", message: "Unauthorized"))
    }
    _ = try await Fixtures.client(transport, credentials: Rotating()).get(ks, name: "a", namespace: "ns")
    #expect(transport.count == 2)
    // Still 401 after the refresh: fails, no loop.
    let always401 = FakeTransport { _, _ in .response(.status(401, reason: "Unauthorized", message: "Unauthorized")) }
    await #expect(throws: KubeAPIError.self) {
      try await Fixtures.client(always401, credentials: Rotating()).get(ks, name: "a", namespace: "ns")
    }
    #expect(always401.count == 2)
  }

  @Test func verboseLogRedactsCredentials() async throws {
    let lines = Mutex<[String]>([])
    let transport = FakeTransport { _, _ in .response(.json(200, Fixtures.object("a", rv: "1"))) }
    let log = RequestLog(level: 2) { line in lines.withLock { $0.append(line) } }
    _ = try await Fixtures.client(
      transport, credentials: StaticCredentials(RequestCredentials(authorization: "Bearer very-secret")), log: log
    ).get(ks, name: "a", namespace: "ns")
    let text = lines.withLock { $0 }.joined(separator: "\n")
    #expect(text.contains("GET https://127.0.0.1:6443/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/ns/kustomizations/a 200 OK in "))
    #expect(text.contains("Authorization: Bearer <masked>"))
    #expect(!text.contains("very-secret"))
  }

  @Test func cancellationEndsAHangingRequest() async throws {
    let transport = FakeTransport { _, _ in .hang }
    let client = Fixtures.client(transport)
    let task = Task { try await client.get(ks, name: "a", namespace: "ns") }
    try await Task.sleep(for: .milliseconds(50))
    let start = ContinuousClock.now
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
    // The hang lasts an hour: ending within a minute proves cancellation, with room for a test run
    // that saturates both cores (the whole suite runs in parallel on a 2-core CI machine).
    #expect(ContinuousClock.now - start < .seconds(60), "a cancelled request must end at once, not after its hour-long hang")
  }

  @Test func servicesProxyKeepsServiceErrorsApart() async throws {
    let transport = FakeTransport { request, _ in
      if request.path.contains("/services/missing") {
        return .response(.status(404, reason: "NotFound", message: "services \"missing\" not found"))
      }
      #expect(request.path == "/api/v1/namespaces/test/services/https:flagger:http/proxy/gate/approve?x=1")
      #expect(request.method == "POST")
      return .response(HTTPResponse(status: 403, headers: [("Content-Type", "text/plain")], body: Array("Forbidden".utf8)))
    }
    let client = Fixtures.client(transport)
    let response = try await client.proxy(
      service: "flagger", namespace: "test", scheme: "https", port: "http", method: "POST", path: "/gate/approve?x=1",
      body: Array("{}".utf8))
    #expect(response.status == 403)
    #expect(response.bodyText == "Forbidden")
    await #expect(throws: KubeAPIError.self) {
      try await client.proxy(service: "missing", namespace: "test", path: "/")
    }
  }
}
