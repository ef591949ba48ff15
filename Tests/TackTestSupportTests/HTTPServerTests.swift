import Foundation
import TackTesting
import Testing
import TackJSON
@testable import TackTestSupport

/// The server over HTTPS (via curl): authentication, authorization, faults, watches, proxy.
@Suite(.requires(.curl))
struct HTTPServerTests {
  @Test func authenticationAnswers401WithoutCredentials() async throws {
    let cluster = try await SharedCluster.get()
    let curl = Curl(cluster: cluster)
    let anonymous = try await curl.request("GET", "/api/v1/namespaces", as: .none)
    #expect(anonymous.status == 401)
    #expect(anonymous.json?["reason"] == "Unauthorized")
    let version = try await curl.request("GET", "/version", as: .none)
    #expect(version.status == 200)
    cluster.server.addToken("good-token", user: "alice")
    #expect(try await curl.request("GET", "/api/v1/namespaces", as: .token("good-token")).status == 200)
    #expect(try await curl.request("GET", "/api/v1/namespaces", as: .token("bad-token")).status == 401)
    cluster.server.addBasicUser("bob", password: "secret")
    #expect(try await curl.request("GET", "/api/v1/namespaces", as: .basic("bob", "secret")).status == 200)
    #expect(try await curl.request("GET", "/api/v1/namespaces", as: .basic("bob", "wrong")).status == 401)
    let cert = try cluster.server.issueClientCertificate(user: "carol", groups: ["devs"])
    #expect(try await curl.request("GET", "/api/v1/namespaces", as: .certificate(cert)).status == 200)
    #expect(cluster.server.requests(path: "/api/v1/namespaces").contains { $0.user == "carol" })
    #expect(!cluster.server.requests.contains { $0.header("Authorization")?.contains("good-token") == true })
  }

  @Test func denyRulesAnswer403WithTheRBACMessage() async throws {
    try await withTestCluster { cluster in
      let curl = Curl(cluster: cluster)
      cluster.server.addToken("viewer-token", user: "viewer")
      cluster.server.deny(AccessRule(user: "viewer", verbs: ["create", "delete"]))
      let body = configMap("x", namespace: "default").serialized()
      let denied = try await curl.request("POST", "/api/v1/namespaces/default/configmaps", body: body, as: .token("viewer-token"))
      #expect(denied.status == 403)
      #expect(denied.json?["message"] == "configmaps is forbidden: User \"viewer\" cannot create resource \"configmaps\" in API group \"\" in the namespace \"default\"")
      let allowed = try await curl.request("GET", "/api/v1/namespaces/default/configmaps", as: .token("viewer-token"))
      #expect(allowed.status == 200)
    }
  }

  @Test func discoveryAndVersion() async throws {
    let cluster = try await SharedCluster.get()
    let curl = Curl(cluster: cluster)
    let groups = try await curl.request("GET", "/apis")
    let names = groups.json?["groups"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    #expect(names.contains("apps"))
    #expect(names.contains("kustomize.toolkit.fluxcd.io"))
    let resources = try await curl.request("GET", "/apis/source.toolkit.fluxcd.io/v1")
    let list = resources.json?["resources"]?.arrayValue ?? []
    #expect(list.contains { $0["name"] == "gitrepositories" && $0["kind"] == "GitRepository" && $0["namespaced"] == true })
    #expect(list.contains { $0["name"] == "gitrepositories/status" })
    let core = try await curl.request("GET", "/api/v1")
    #expect(core.json?["resources"]?.arrayValue?.contains { $0["name"] == "configmaps" && $0["shortNames"] == ["cm"] } == true)
  }

  @Test func badBodiesAndMethods() async throws {
    let cluster = try await SharedCluster.get()
    let curl = Curl(cluster: cluster)
    let ns = try SharedCluster.namespace("bad", in: cluster)
    let garbage = try await curl.request("POST", "/api/v1/namespaces/\(ns)/configmaps", body: "{not json")
    #expect(garbage.status == 400)
    #expect(garbage.json?["reason"] == "BadRequest")
    try cluster.store.create(configMap("cm", namespace: ns))
    let post = try await curl.request("POST", "/api/v1/namespaces/\(ns)/configmaps/cm", body: "{}")
    #expect(post.status == 405)
    let patch = try await curl.request("PATCH", "/api/v1/namespaces/\(ns)/configmaps/cm", body: "{}", contentType: "text/plain")
    #expect(patch.status == 415)
    let notFound = try await curl.request("GET", "/apis/nothing.example.com/v1/things")
    #expect(notFound.status == 404)
  }

  @Test func createWarnsAboutUnknownFieldsAndStrictRejectsThem() async throws {
    let cluster = try await SharedCluster.get()
    let curl = Curl(cluster: cluster)
    let ns = try SharedCluster.namespace("unknown", in: cluster)
    var repo = gitRepository("r", namespace: ns)
    repo[path: "spec", "bogus"] = 1
    let created = try await curl.request("POST", "/apis/source.toolkit.fluxcd.io/v1/namespaces/\(ns)/gitrepositories", body: repo.serialized())
    #expect(created.status == 201)
    #expect(created.headers("Warning") == ["299 - \"unknown field \\\"spec.bogus\\\"\""])
    #expect(created.json?[path: "spec", "bogus"] == nil)
    repo[path: "metadata", "name"] = "strict"
    let strict = try await curl.request("POST", "/apis/source.toolkit.fluxcd.io/v1/namespaces/\(ns)/gitrepositories?fieldValidation=Strict", body: repo.serialized())
    #expect(strict.status == 400)
    #expect(strict.json?["message"] == "GitRepository in version \"v1\" cannot be handled as a GitRepository: strict decoding error: unknown field \"spec.bogus\"")
  }

  @Test func faultsStatusCodesAndCounting() async throws {
    try await withTestCluster { cluster in
      let curl = Curl(cluster: cluster)
      cluster.server.inject(Fault(.status(429, retryAfter: 2), method: "GET", path: "/api/v1/namespaces", times: 1))
      let limited = try await curl.request("GET", "/api/v1/namespaces")
      #expect(limited.status == 429)
      #expect(limited.header("Retry-After") == "2")
      #expect(try await curl.request("GET", "/api/v1/namespaces").status == 200)
      cluster.server.inject(Fault(.status(503), method: "POST", path: "*/configmaps", times: 1))
      let body = configMap("f", namespace: "default").serialized()
      #expect(try await curl.request("POST", "/api/v1/namespaces/default/configmaps", body: body).status == 503)
      #expect(cluster.server.requests(method: "POST", path: "*/configmaps", reachedServer: true).isEmpty)
      cluster.server.inject(Fault(.resetMidBody, method: "POST", path: "*/configmaps", times: 1))
      let reset = try await curl.request("POST", "/api/v1/namespaces/default/configmaps", body: body)
      #expect(reset.status != 201 || reset.json == nil)
      #expect(cluster.server.requests(method: "POST", path: "*/configmaps", reachedServer: true).count == 1)
      #expect((try? cluster.store.get(apiVersion: "v1", kind: "ConfigMap", namespace: "default", name: "f")) != nil)
      cluster.server.inject(Fault(.latency(.milliseconds(300)), method: "GET", path: "/version", times: 1))
      let start = ContinuousClock.now
      #expect(try await curl.request("GET", "/version").status == 200)
      #expect(ContinuousClock.now - start >= .milliseconds(300))
    }
  }

  @Test func watchBookmarksTimeoutAndExpiry() async throws {
    var configuration = APIServer.Configuration()
    configuration.bookmarkInterval = .milliseconds(200)
    configuration.watchHistoryLimit = 3
    try await withTestCluster(configuration) { cluster in
      let curl = Curl(cluster: cluster)
      let rv = cluster.store.resourceVersion
      let watched = try await curl.request("GET", "/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true&timeoutSeconds=1&resourceVersion=\(rv)")
      #expect(watched.status == 200)
      let events = watched.body.split(separator: "\n").compactMap { try? JSON.parse(String($0)) }
      #expect(events.contains { $0["type"] == "BOOKMARK" })
      for i in 0..<6 { try cluster.store.create(configMap("w\(i)", namespace: "default")) }
      let expired = try await curl.request("GET", "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1&resourceVersion=\(rv)")
      let first = expired.body.split(separator: "\n").first.flatMap { try? JSON.parse(String($0)) }
      #expect(first?["type"] == "ERROR")
      #expect(first?[path: "object", "code"] == 410)
      cluster.server.inject(Fault(.dropWatch(afterEvents: 2), path: "*/configmaps", watch: true, times: 1))
      let dropped = try await curl.request("GET", "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=5")
      #expect(dropped.body.split(separator: "\n").count == 2)
    }
  }

  @Test func serviceProxyForwardsToRegisteredHandlers() async throws {
    let cluster = try await SharedCluster.get()
    let curl = Curl(cluster: cluster)
    let ns = try SharedCluster.namespace("proxy", in: cluster)
    try cluster.store.create(["apiVersion": "v1", "kind": "Service", "metadata": ["name": "loadtester", "namespace": .string(ns)],
                              "spec": ["ports": [["port": 80]]]])
    let missing = try await curl.request("GET", "/api/v1/namespaces/\(ns)/services/loadtester:80/proxy/healthz")
    #expect(missing.status == 503)
    #expect(missing.json?["message"] == "no endpoints available for service \"loadtester\"")
    cluster.server.proxy.register(namespace: ns, service: "loadtester") { request in
      .json(["method": .string(request.method), "path": .string(request.path), "body": .string(request.bodyText)])
    }
    let answer = try await curl.request("POST", "/api/v1/namespaces/\(ns)/services/http:loadtester:80/proxy/gate/check", body: "{\"x\":1}")
    #expect(answer.status == 200)
    #expect(answer.json?["method"] == "POST")
    #expect(answer.json?["path"] == "/gate/check")
    #expect(answer.json?["body"] == "{\"x\":1}")
  }

  @Test func tablesAndGzip() async throws {
    let cluster = try await SharedCluster.get()
    let curl = Curl(cluster: cluster)
    let ns = try SharedCluster.namespace("table", in: cluster)
    try cluster.store.create(gitRepository("t", namespace: ns))
    let table = try await curl.request("GET", "/apis/source.toolkit.fluxcd.io/v1/namespaces/\(ns)/gitrepositories",
      headers: ["Accept": "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"])
    #expect(table.json?["kind"] == "Table")
    let columns = table.json?["columnDefinitions"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
    #expect(columns == ["Name", "URL", "Age", "Ready", "Status"])
    #expect(table.json?["rows"]?[0]?["object"]?["kind"] == "PartialObjectMetadata")
  }
}
