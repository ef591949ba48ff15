import Synchronization
import TackHTTP
import TackJSON
import Testing

@testable import TackKube

@Suite struct WatchTests {
  let ks = Fixtures.kustomizations

  @Test func listThenWatchSplitChunksAndBookmarks() async throws {
    let a = Fixtures.object("a", rv: "5")
    let b2 = Fixtures.object("b", rv: "7")
    let bookmark: JSON = ["kind": "Kustomization", "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "metadata": ["resourceVersion": "9"]]
    let eventBytes = Fixtures.event("MODIFIED", b2) + Fixtures.event("BOOKMARK", bookmark) + Fixtures.event("DELETED", a)
    let transport = FakeTransport { request, index in
      switch index {
      case 0:
        #expect(!request.path.contains("watch"))
        return .response(.json(200, Fixtures.list([a, Fixtures.object("b", rv: "6")], rv: "6")))
      case 1:
        #expect(request.path.contains("watch=1"))
        #expect(request.path.contains("resourceVersion=6"))
        #expect(request.path.contains("allowWatchBookmarks=true"))
        // Events split at awkward places, including mid-line.
        let cut1 = 13
        let cut2 = eventBytes.count - 20
        return .stream(
          status: 200,
          chunks: [Array(eventBytes[..<cut1]), Array(eventBytes[cut1..<cut2]), Array(eventBytes[cut2...])])
      default:
        // Resumed after the server closed the stream, from the bookmark's version.
        #expect(request.path.contains("resourceVersion=9"))
        return .hang
      }
    }
    var seen: [String] = []
    for try await event in Fixtures.client(transport).watch(ks, namespace: "flux-system") {
      seen.append("\(event.type.rawValue) \(event.object.name) \(event.object.metadata.resourceVersion ?? "")")
      if seen.count == 4 { break }
    }
    #expect(seen == ["ADDED a 5", "ADDED b 6", "MODIFIED b 7", "DELETED a 5"])
  }

  @Test func resumesAfterDropAndRelistsAfterGone() async throws {
    let transport = FakeTransport { request, index in
      switch index {
      case 0: return .response(.json(200, Fixtures.list([Fixtures.object("a", rv: "1"), Fixtures.object("b", rv: "1")], rv: "1")))
      case 1:
        // One event, then the connection breaks.
        return .stream(
          status: 200, chunks: [Fixtures.event("MODIFIED", Fixtures.object("a", rv: "2"))],
          error: HTTPTransportError(kind: .connectionReset, url: "u", detail: "reset"))
      case 2:
        #expect(request.path.contains("resourceVersion=2"))
        // The version is too old now.
        let gone: JSON = ["kind": "Status", "apiVersion": "v1", "status": "Failure", "code": 410, "reason": "Expired", "message": "too old resource version"]
        return .stream(status: 200, chunks: [Fixtures.event("ERROR", gone)])
      case 3:
        #expect(!request.path.contains("watch"))
        // Relist: a changed, b gone, c new.
        return .response(.json(200, Fixtures.list([Fixtures.object("a", rv: "5"), Fixtures.object("c", rv: "4")], rv: "5")))
      case 4:
        #expect(request.path.contains("resourceVersion=5"))
        return .response(.status(410, reason: "Gone", message: "gone again"))
      case 5:
        return .response(.json(200, Fixtures.list([Fixtures.object("a", rv: "5"), Fixtures.object("c", rv: "4")], rv: "6")))
      default:
        return .stream(status: 200, chunks: [Fixtures.event("ADDED", Fixtures.object("d", rv: "7"))])
      }
    }
    var seen: [String] = []
    for try await event in Fixtures.client(transport).watch(ks, namespace: "flux-system") {
      seen.append("\(event.type.rawValue) \(event.object.name) \(event.object.metadata.resourceVersion ?? "")")
      if seen.count == 7 { break }
    }
    #expect(seen == ["ADDED a 1", "ADDED b 1", "MODIFIED a 2", "MODIFIED a 5", "ADDED c 4", "DELETED b 1", "ADDED d 7"])
  }

  @Test func forbiddenEndsTheStream() async throws {
    let transport = FakeTransport { _, index in
      index == 0
        ? .response(.json(200, Fixtures.list([], rv: "1")))
        : .response(.status(403, reason: "Forbidden", message: "no watch for you"))
    }
    await #expect(throws: KubeAPIError.self) {
      for try await _ in Fixtures.client(transport).watch(ks, namespace: "n") {}
    }
  }

  @Test func givesUpAfterRepeatedDrops() async throws {
    let transport = FakeTransport { _, index in
      index == 0
        ? .response(.json(200, Fixtures.list([], rv: "1")))
        : .failure(HTTPTransportError(kind: .connectionReset, url: "u", detail: "reset"))
    }
    await #expect(throws: KubeTransportError.self) {
      let client = Fixtures.client(transport, retry: .never)
      for try await _ in client.watch(ks, namespace: "n", options: WatchOptions(maxReconnects: 3)) {}
    }
    #expect(transport.count == 1 + 3 + 1)
  }

  @Test func cancellingTheConsumerEndsTheWatch() async throws {
    let transport = FakeTransport { _, index in
      index == 0 ? .response(.json(200, Fixtures.list([], rv: "1"))) : .hang
    }
    let client = Fixtures.client(transport)
    let task = Task {
      var count = 0
      for try await _ in client.watch(ks, namespace: "n") { count += 1 }
      return count
    }
    try await Task.sleep(for: .milliseconds(100))
    let start = ContinuousClock.now
    task.cancel()
    _ = try? await task.value
    // The hang lasts an hour; a minute leaves room for a saturated 2-core test run.
    #expect(ContinuousClock.now - start < .seconds(60), "a cancelled watch must end at once, not after its hour-long hang")
  }
}

@Suite struct DiscoveryTests {
  static let aggregated: JSON = [
    "kind": "APIGroupDiscoveryList", "apiVersion": "apidiscovery.k8s.io/v2",
    "items": [
      [
        "metadata": ["name": "kustomize.toolkit.fluxcd.io"],
        "versions": [
          [
            "version": "v1",
            "resources": [
              [
                "resource": "kustomizations", "singularResource": "kustomization", "scope": "Namespaced",
                "responseKind": ["group": "kustomize.toolkit.fluxcd.io", "version": "v1", "kind": "Kustomization"],
                "verbs": ["get", "list", "watch", "patch"], "shortNames": ["ks"], "categories": ["all"],
                "subresources": [["subresource": "status"]],
              ]
            ],
          ],
          [
            "version": "v1beta2",
            "resources": [
              [
                "resource": "kustomizations", "singularResource": "kustomization", "scope": "Namespaced",
                "responseKind": ["group": "kustomize.toolkit.fluxcd.io", "version": "v1beta2", "kind": "Kustomization"],
                "verbs": ["get"], "shortNames": ["ks"],
              ]
            ],
          ],
        ],
      ]
    ],
  ]

  @Test(arguments: [
    "kustomizations", "kustomization", "ks", "Kustomization", "KS",
    "kustomizations.kustomize.toolkit.fluxcd.io", "kustomization.kustomize.toolkit.fluxcd.io",
  ])
  func resolvesLikeKubectl(_ name: String) async throws {
    let transport = FakeTransport { request, _ in
      #expect(request.header("Accept")?.contains("apidiscovery.k8s.io") == true)
      return request.path == "/apis"
        ? .response(.json(200, Self.aggregated))
        : .response(.json(200, ["kind": "APIGroupDiscoveryList", "apiVersion": "apidiscovery.k8s.io/v2", "items": []]))
    }
    let resource = try await Fixtures.client(transport).resource(for: name)
    #expect(resource.groupVersionResource == GroupVersionResource(group: "kustomize.toolkit.fluxcd.io", version: "v1", resource: "kustomizations"))
    #expect(resource.namespaced)
    #expect(resource.subresources == ["status"])
  }

  @Test func explicitVersionAndGVK() async throws {
    let transport = FakeTransport { request, _ in
      request.path == "/apis" ? .response(.json(200, Self.aggregated)) : .response(.json(200, ["kind": "APIGroupDiscoveryList", "items": []]))
    }
    let client = Fixtures.client(transport)
    #expect(try await client.resource(for: "kustomizations.v1beta2.kustomize.toolkit.fluxcd.io").version == "v1beta2")
    #expect(try await client.resource(for: GroupVersionKind(apiVersion: "kustomize.toolkit.fluxcd.io/v1beta2", kind: "Kustomization")).version == "v1beta2")
    #expect(transport.count == 2)  // cached for the process
  }

  @Test func classicDiscoveryAndMissRefetches() async throws {
    let transport = FakeTransport { request, _ in
      switch request.path {
      case "/api": return .response(.json(200, ["kind": "APIVersions", "versions": ["v1"]]))
      case "/apis":
        return .response(
          .json(
            200,
            [
              "kind": "APIGroupList",
              "groups": [["name": "apps", "versions": [["groupVersion": "apps/v1", "version": "v1"]], "preferredVersion": ["groupVersion": "apps/v1", "version": "v1"]]],
            ]))
      case "/api/v1":
        return .response(
          .json(
            200,
            [
              "kind": "APIResourceList", "groupVersion": "v1",
              "resources": [
                ["name": "pods", "singularName": "pod", "namespaced": true, "kind": "Pod", "verbs": ["get"], "shortNames": ["po"]],
                ["name": "pods/status", "singularName": "", "namespaced": true, "kind": "Pod", "verbs": ["get"]],
                ["name": "namespaces", "singularName": "namespace", "namespaced": false, "kind": "Namespace", "verbs": ["get"], "shortNames": ["ns"]],
              ],
            ]))
      case "/apis/apps/v1":
        return .response(
          .json(200, ["kind": "APIResourceList", "groupVersion": "apps/v1", "resources": [["name": "deployments", "singularName": "deployment", "namespaced": true, "kind": "Deployment", "shortNames": ["deploy"]]]]))
      default:
        return .response(.status(404, reason: "NotFound", message: "nope"))
      }
    }
    let dir = TempDirectory()
    defer { dir.cleanup() }
    let client = KubeClient(
      config: ClientConfig(server: Fixtures.server),
      options: KubeClient.Options(transport: transport, discoveryCacheDirectory: dir.path, sleep: { _ in }))
    let pods = try await client.resource(for: "po")
    #expect(pods.name == "pods" && pods.group == "" && pods.subresources == ["status"])
    #expect(try await client.resource(for: "ns").namespaced == false)
    #expect(try await client.resource(for: "deploy").group == "apps")
    #expect(transport.count == 4)
    await #expect(throws: KubeDiscoveryError.unknownResource("widgets")) { try await client.resource(for: "widgets") }
    #expect(transport.count == 4)  // fetched from the server in this process already: no refetch

    // A second client (another process) reads the disk cache, and refetches once on a miss.
    let second = FakeTransport { request, index in transport.respond(request, index) }
    let client2 = KubeClient(
      config: ClientConfig(server: Fixtures.server),
      options: KubeClient.Options(transport: second, discoveryCacheDirectory: dir.path, sleep: { _ in }))
    #expect(try await client2.resource(for: "pods").kind == "Pod")
    #expect(second.count == 0)
    await #expect(throws: KubeDiscoveryError.self) { try await client2.resource(for: "widgets") }
    #expect(second.count == 4)
  }
}
