import Foundation
import TackBase
import TackTesting
import Testing
import TackJSON
@testable import TackTestSupport

/// Wire details over HTTPS (via curl): response compression, Event field selectors, watch start
/// semantics (`sendInitialEvents`), 410 on watches and paged lists.
@Suite(.requires(.curl))
struct HTTPProtocolTests {
  /// A response with its body as raw bytes (curl writes headers and body to files).
  struct RawAnswer {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
  }

  static func raw(_ cluster: TestCluster, _ path: String, headers: [String: String] = [:]) async throws -> RawAnswer {
    let id = UUID().uuidString.prefix(8)
    let admin = try cluster.adminCertificate()
    var arguments = [
      "-sS", "--max-time", "20", "--cacert", try cluster.directory.write("raw-\(id).ca", contents: cluster.caPEM),
      "--cert", try cluster.directory.write("raw-\(id).crt", contents: admin.certificatePEM),
      "--key", try cluster.directory.write("raw-\(id).key", contents: admin.privateKeyPEM),
      "-D", cluster.directory.file("raw-\(id).headers"), "-o", cluster.directory.file("raw-\(id).body"),
    ]
    for (name, value) in headers { arguments += ["-H", "\(name): \(value)"] }
    arguments.append(cluster.url + path)
    let result = try await ProcessRunner.run("curl", arguments, timeout: .seconds(25))
    #expect(result.exitCode == 0, "\(result)")
    let headerText = (try? String(contentsOfFile: cluster.directory.file("raw-\(id).headers"), encoding: .utf8)) ?? ""
    let parsed = Curl.parse(headerText)
    let body = FileManager.default.contents(atPath: cluster.directory.file("raw-\(id).body")).map { [UInt8]($0) } ?? []
    return RawAnswer(status: parsed.status, headers: parsed.headers, body: body)
  }

  static func events(_ body: String) -> [JSON] {
    body.split(separator: "\n").compactMap { try? JSON.parse(String($0)) }
  }

  // MARK: gzip

  @Test func gzipOnlyWhenAskedForAndLargeEnough() async throws {
    var configuration = APIServer.Configuration()
    configuration.compressionThreshold = 4096
    try await withTestCluster(configuration) { cluster in
      try cluster.store.ensureNamespace("zip")
      for i in 0..<60 { try cluster.store.create(configMap("cm-\(i)", namespace: "zip", data: ["key": .string(String(repeating: "v", count: 64))])) }
      let path = "/api/v1/namespaces/zip/configmaps"
      let plain = try await Self.raw(cluster, path)
      #expect(plain.status == 200)
      #expect(plain.header("Content-Encoding") == nil)
      #expect(plain.body.count >= 4096)
      #expect((try? JSON.parse(plain.body))?["items"]?.arrayValue?.count == 60)

      let compressed = try await Self.raw(cluster, path, headers: ["Accept-Encoding": "gzip"])
      #expect(compressed.status == 200)
      #expect(compressed.header("Content-Encoding") == "gzip")
      #expect(compressed.body.prefix(2) == [0x1f, 0x8b])
      #expect(compressed.body.count < plain.body.count)
      #expect(try Inflate.gzip(compressed.body) == plain.body)

      // Below the threshold the answer stays plain even when gzip is accepted.
      let small = try await Self.raw(cluster, path + "/cm-1", headers: ["Accept-Encoding": "gzip"])
      #expect(small.status == 200)
      #expect(small.header("Content-Encoding") == nil)
      #expect((try? JSON.parse(small.body))?[path: "metadata", "name"] == "cm-1")
    }
  }

  // MARK: Events

  static func event(_ name: String, namespace: String, kind: String, object: String, reason: String = "Synced") -> JSON {
    [
      "apiVersion": "v1", "kind": "Event",
      "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "involvedObject": [
        "apiVersion": kind == "Canary" ? "flagger.app/v1beta1" : "apps/v1", "kind": .string(kind),
        "name": .string(object), "namespace": .string(namespace),
      ],
      "reason": .string(reason), "message": .string("\(kind) \(object): \(reason)"), "type": "Normal",
      "source": ["component": "flagger"], "count": 1,
      "firstTimestamp": "2024-05-01T12:00:00Z", "lastTimestamp": "2024-05-01T12:00:00Z",
    ]
  }

  @Test func eventFieldSelectorsOverHTTP() async throws {
    let cluster = try await SharedCluster.get()
    let curl = Curl(cluster: cluster)
    let ns = try SharedCluster.namespace("events", in: cluster)
    try cluster.store.create(Self.event("canary-x", namespace: ns, kind: "Canary", object: "x"))
    try cluster.store.create(Self.event("canary-y", namespace: ns, kind: "Canary", object: "y"))
    try cluster.store.create(Self.event("deploy-x", namespace: ns, kind: "Deployment", object: "x"))
    func names(_ query: String, group: String = "/api/v1") async throws -> [String] {
      let answer = try await curl.request("GET", "\(group)/namespaces/\(ns)/events?fieldSelector=\(query)")
      #expect(answer.status == 200, "\(answer.body)")
      return answer.json?["items"]?.arrayValue?.compactMap { $0[path: "metadata", "name"]?.stringValue } ?? []
    }
    #expect(try await names("involvedObject.kind%3DCanary%2CinvolvedObject.name%3Dx") == ["canary-x"])
    #expect(try await names("involvedObject.kind%3DCanary") == ["canary-x", "canary-y"])
    #expect(try await names("involvedObject.kind!%3DCanary") == ["deploy-x"])
    #expect(try await names("involvedObject.name%3Dx,reason%3DSynced") == ["canary-x", "deploy-x"])
    #expect(try await names("regarding.kind%3DCanary,regarding.name%3Dx", group: "/apis/events.k8s.io/v1") == ["canary-x"])
    // events.k8s.io/v1 Events share the core storage: written as one, selected as the other.
    try cluster.store.create([
      "apiVersion": "events.k8s.io/v1", "kind": "Event",
      "metadata": ["name": "canary-x-v1", "namespace": .string(ns)],
      "regarding": ["apiVersion": "flagger.app/v1beta1", "kind": "Canary", "name": "x", "namespace": .string(ns)],
      "reason": "Synced", "note": "Canary x: Synced", "type": "Normal", "action": "Synced",
      "reportingController": "flagger", "reportingInstance": "flagger-1", "eventTime": "2024-05-01T12:00:00.000000Z",
    ])
    #expect(try await names("involvedObject.kind%3DCanary%2CinvolvedObject.name%3Dx") == ["canary-x", "canary-x-v1"])
    #expect(try await names("regarding.name%3Dx,reportingController%3Dflagger", group: "/apis/events.k8s.io/v1")
      == ["canary-x-v1"])
    let unsupported = try await curl.request("GET", "/api/v1/namespaces/\(ns)/events?fieldSelector=spec.bogus%3Dx")
    #expect(unsupported.status == 400)
  }

  // MARK: watch start semantics

  @Test func sendInitialEventsStreamsTheStateThenTheInitialEventsEndBookmark() async throws {
    let cluster = try await SharedCluster.get()
    let curl = Curl(cluster: cluster)
    let ns = try SharedCluster.namespace("initial", in: cluster)
    try cluster.store.create(configMap("a", namespace: ns, labels: ["app": "web"]))
    try cluster.store.create(configMap("b", namespace: ns))
    let before = cluster.store.resourceVersion
    let base = "/api/v1/namespaces/\(ns)/configmaps?watch=true&timeoutSeconds=1"
    let watched = try await curl.request(
      "GET", base + "&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true")
    #expect(watched.status == 200)
    let events = Self.events(watched.body)
    #expect(events.map { $0["type"]?.stringValue ?? "" } == ["ADDED", "ADDED", "BOOKMARK"])
    #expect(events.prefix(2).map { $0[path: "object", "metadata", "name"]?.stringValue ?? "" } == ["a", "b"])
    let bookmark = events.last?["object"]
    #expect(bookmark?[path: "metadata", "annotations", "k8s.io/initial-events-end"] == "true")
    #expect(bookmark?["kind"] == "ConfigMap")
    #expect(bookmark?[path: "metadata", "creationTimestamp"] == .null)  // a typed object's zero time
    #expect((UInt64(bookmark?[path: "metadata", "resourceVersion"]?.stringValue ?? "") ?? 0) >= before)

    // Without bookmarks there is no end marker; selectors filter the initial state.
    let quiet = try await curl.request(
      "GET", base + "&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&labelSelector=app%3Dweb")
    #expect(Self.events(quiet.body).map { $0["type"]?.stringValue ?? "" } == ["ADDED"])
    #expect(Self.events(quiet.body).first?[path: "object", "metadata", "name"] == "a")

    // A legacy watch (no resourceVersion) is defaulted to the same thing.
    let legacy = try await curl.request("GET", base + "&allowWatchBookmarks=true")
    #expect(Self.events(legacy.body).map { $0["type"]?.stringValue ?? "" } == ["ADDED", "ADDED", "BOOKMARK"])

    // resourceVersion is only a lower bound: an old one is fine, one from the future is not.
    let old = try await curl.request(
      "GET", base + "&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&resourceVersion=1")
    #expect(Self.events(old.body).count == 2)
    let future = try await curl.request(
      "GET", base + "&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&resourceVersion=\(before + 1_000_000)")
    #expect(future.status == 504)
    #expect(future.json?[path: "details", "causes"]?[0]?["reason"] == "ResourceVersionTooLarge")
  }

  @Test func customResourceBookmarksAreUnstructured() async throws {
    let cluster = try await SharedCluster.get()
    let curl = Curl(cluster: cluster)
    let ns = try SharedCluster.namespace("crbookmark", in: cluster)
    try cluster.store.create(gitRepository("r", namespace: ns))
    let watched = try await curl.request("GET",
      "/apis/source.toolkit.fluxcd.io/v1/namespaces/\(ns)/gitrepositories?watch=true&timeoutSeconds=1&allowWatchBookmarks=true")
    let bookmark = Self.events(watched.body).last
    #expect(bookmark?["type"] == "BOOKMARK")
    #expect(bookmark?[path: "object", "apiVersion"] == "source.toolkit.fluxcd.io/v1")
    #expect(bookmark?[path: "object", "kind"] == "GitRepository")
    #expect(bookmark?[path: "object", "metadata", "creationTimestamp"] == nil)
    #expect(bookmark?[path: "object", "metadata", "annotations", "k8s.io/initial-events-end"] == "true")
  }

  @Test func sendInitialEventsFalseStartsFromNow() async throws {
    try await withTestCluster { cluster in
      let curl = Curl(cluster: cluster)
      try cluster.store.create(configMap("existing", namespace: "default"))
      let request = Task {
        try await curl.request("GET",
          "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=20&sendInitialEvents=false&resourceVersionMatch=NotOlderThan")
      }
      // The watch window is long and the wait for it to open longer still: a loaded machine can take
      // many seconds to start curl, and the create must land inside the window to be seen.
      let deadline = ContinuousClock.now + .seconds(300)
      while cluster.store.activeWatchCount == 0 && ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(20))
      }
      try #require(cluster.store.activeWatchCount > 0, "the watch never reached the server")
      try cluster.store.create(configMap("later", namespace: "default"))
      let answer = try await request.value
      let events = Self.events(answer.body)
      #expect(events.map { $0[path: "object", "metadata", "name"]?.stringValue ?? "" } == ["later"])
      #expect(events.first?["type"] == "ADDED")
    }
  }

  @Test func invalidWatchOptionsAnswer422WithTheRealWording() async throws {
    let cluster = try await SharedCluster.get()
    let curl = Curl(cluster: cluster)
    let base = "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1"
    let noMatch = try await curl.request("GET", base + "&sendInitialEvents=true")
    #expect(noMatch.status == 422)
    #expect(noMatch.json?["message"]
      == "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan")
    let matchOnly = try await curl.request("GET", base + "&resourceVersion=5&resourceVersionMatch=NotOlderThan")
    #expect(matchOnly.status == 422)
    #expect(matchOnly.json?["message"]
      == "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided")
    let exact = try await curl.request("GET", base + "&sendInitialEvents=true&resourceVersionMatch=Exact")
    #expect(exact.status == 422)
    #expect(exact.json?[path: "details", "causes"]?.arrayValue?.count == 2)
    let list = try await curl.request("GET", "/api/v1/namespaces/default/configmaps?sendInitialEvents=true")
    #expect(list.status == 422)
    #expect(list.json?["message"]
      == "ListOptions.meta.k8s.io \"\" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list")
  }

  // MARK: 410

  @Test func watchFromACompactedRevisionIsA410ErrorEvent() async throws {
    var configuration = APIServer.Configuration()
    configuration.watchHistoryLimit = 3
    try await withTestCluster(configuration) { cluster in
      let curl = Curl(cluster: cluster)
      let rv = cluster.store.resourceVersion
      for i in 0..<6 { try cluster.store.create(configMap("w\(i)", namespace: "default")) }
      let expired = try await curl.request(
        "GET", "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=5&resourceVersion=\(rv)")
      // The stream opens (200) and carries exactly one ERROR event, then ends at once.
      #expect(expired.status == 200)
      let events = Self.events(expired.body)
      #expect(events.count == 1)
      let status = events.first?["object"]
      #expect(events.first?["type"] == "ERROR")
      #expect(status?["kind"] == "Status")
      #expect(status?["status"] == "Failure")
      #expect(status?["reason"] == "Expired")
      #expect(status?["code"] == 410)
      #expect(status?["message"]?.stringValue?.hasPrefix("too old resource version: \(rv) (") == true)
      #expect(cluster.server.requests(path: "/api/v1/namespaces/default/configmaps").count == 1)
      #expect(cluster.store.activeWatchCount == 0)
      // Resuming from a revision still in the history works.
      let recent = cluster.store.resourceVersion - 1
      let resumed = try await curl.request(
        "GET", "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1&resourceVersion=\(recent)")
      #expect(Self.events(resumed.body).map { $0[path: "object", "metadata", "name"]?.stringValue ?? "" } == ["w5"])
    }
  }

  @Test func listWithAnExpiredContinueTokenIsA410WithAFreshToken() async throws {
    var configuration = APIServer.Configuration()
    configuration.watchHistoryLimit = 3
    try await withTestCluster(configuration) { cluster in
      let curl = Curl(cluster: cluster)
      for i in 0..<5 { try cluster.store.create(configMap("p\(i)", namespace: "default")) }
      let first = try await curl.request("GET", "/api/v1/namespaces/default/configmaps?limit=2")
      let token = try #require(first.json?[path: "metadata", "continue"]?.stringValue)
      #expect(first.json?[path: "metadata", "remainingItemCount"] == 3)
      for i in 0..<4 { try cluster.store.create(configMap("q\(i)", namespace: "default")) }
      let expired = try await curl.request("GET", "/api/v1/namespaces/default/configmaps?limit=2&continue=\(token)")
      #expect(expired.status == 410)
      #expect(expired.json?["reason"] == "Expired")
      let fresh = try #require(expired.json?[path: "metadata", "continue"]?.stringValue)
      let rest = try await curl.request("GET", "/api/v1/namespaces/default/configmaps?continue=\(fresh)")
      #expect(rest.status == 200)
      #expect(rest.json?["items"]?.arrayValue?.compactMap { $0[path: "metadata", "name"]?.stringValue }
        == ["p2", "p3", "p4", "q0", "q1", "q2", "q3"])
    }
  }
}
