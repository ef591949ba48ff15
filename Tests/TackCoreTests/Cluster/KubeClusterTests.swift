import TackBase
import TackCore
import TackJSON
import TackKube
import TackTestSupport
import Testing

/// The live adapter's own rules, against the test API server: what a miss, a 404, a write, a log
/// and a proxied call look like through the port.
@Suite struct KubeClusterTests {
  static func pod(_ name: String, containers: [String]) -> JSON {
    [
      "apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name), "namespace": "flux-system"],
      "spec": ["containers": .array(containers.map { ["name": .string($0), "image": .string("ghcr.io/fluxcd/\($0):v1")] })],
    ]
  }

  @Test func anAbsentObjectIsNilAndAnUnservedKindSaysWhatIsServed() async throws {
    try await ClusterFixture.with { fixture in
      let ks = ObjectKind(FluxKind.kustomization)
      let absent = try await fixture.cluster.get(ks, namespace: "flux-system", name: "nope")
      #expect(absent == nil)
      var future = ks
      future.version = "v9"
      let error = await #expect(throws: ResourceNotServedError.self) {
        _ = try await fixture.cluster.get(future, namespace: "flux-system", name: "apps")
      }
      #expect(error?.servedVersions.contains("kustomize.toolkit.fluxcd.io/v1") == true)
      #expect(error?.description == "no matches for kind \"Kustomization\" in version \"kustomize.toolkit.fluxcd.io/v9\"")
      #expect(error?.exitStatus == .notFound)
    }
  }

  @Test func aKindDefinedThroughTheAdapterIsServedAtOnce() async throws {
    try await ClusterFixture.with(crds: false) { fixture in
      let widget = ObjectKind(apiVersion: "example.com/v1", kind: "Widget")
      // Discovery is read (and cached) before the CRD exists.
      await #expect(throws: ResourceNotServedError.self) {
        _ = try await fixture.cluster.get(widget, namespace: "default", name: "w")
      }
      let crd: JSON = [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": ["name": "widgets.example.com"],
        "spec": [
          "group": "example.com", "scope": "Namespaced",
          "names": ["plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList"],
          "versions": [[
            "name": "v1", "served": true, "storage": true,
            "schema": ["openAPIV3Schema": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]],
          ]],
        ],
      ]
      _ = try await fixture.cluster.apply(crd, fieldManager: "tack", force: true)
      let widgetObject = try await fixture.cluster.get(widget, namespace: "default", name: "w")
      #expect(widgetObject == nil)
    }
  }

  @Test func writesAndDeletes() async throws {
    try await ClusterFixture.with(crds: false) { fixture in
      try fixture.store.ensureNamespace("flux-system")
      let map: JSON = [
        "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "settings", "namespace": "flux-system"],
        "data": ["a": "1"],
      ]
      let kind = ObjectKind(of: map)
      var created = try await fixture.cluster.create(map)
      created["data"] = ["a": "2"]
      _ = try await fixture.cluster.update(created)
      let merged = try await fixture.cluster.patch(
        kind, namespace: "flux-system", name: "settings", .merge(["data": ["b": "3"]], fieldManager: "tack"))
      #expect(merged["data"] == ["a": "2", "b": "3"])
      try await fixture.cluster.delete(kind, namespace: "flux-system", name: "settings")
      let deleted = try await fixture.cluster.get(kind, namespace: "flux-system", name: "settings")
      #expect(deleted == nil)
      let gone = await #expect(throws: ObjectNotFoundError.self) {
        try await fixture.cluster.delete(kind, namespace: "flux-system", name: "settings")
      }
      #expect(gone?.description == "Error from server (NotFound): configmaps \"settings\" not found")
    }
  }

  @Test func podLogsReadAndFollowed() async throws {
    try await ClusterFixture.with(crds: false) { fixture in
      try fixture.store.ensureNamespace("flux-system")
      try fixture.store.create(Self.pod("source-controller-1", containers: ["manager"]))
      try fixture.store.create(Self.pod("two", containers: ["a", "b"]))
      let logs = fixture.server.podLogs
      logs.append("one\ntwo\nthree\n", namespace: "flux-system", pod: "source-controller-1", container: "manager")

      func text(_ request: PodLogRequest) async throws -> String {
        var bytes: [UInt8] = []
        for try await chunk in try await fixture.cluster.podLogs(request) { bytes += chunk }
        return String(decoding: bytes, as: UTF8.self)
      }
      let whole = try await text(PodLogRequest(namespace: "flux-system", pod: "source-controller-1"))
      #expect(whole == "one\ntwo\nthree\n")
      let tail = try await text(PodLogRequest(namespace: "flux-system", pod: "source-controller-1", tailLines: 1))
      #expect(tail == "three\n")

      // Followed: what is there, then what the container writes, until it stops.
      let followed = Task {
        try await text(PodLogRequest(namespace: "flux-system", pod: "source-controller-1", follow: true))
      }
      while fixture.server.requests(path: "/api/v1/namespaces/flux-system/pods/source-controller-1/log").count < 3 {
        try await Task.sleep(for: .milliseconds(10))
      }
      logs.append("four\n", namespace: "flux-system", pod: "source-controller-1", container: "manager")
      logs.finish(namespace: "flux-system", pod: "source-controller-1", container: "manager")
      let all = try await followed.value
      #expect(all == "one\ntwo\nthree\nfour\n")

      let ambiguous = await #expect(throws: KubeAPIError.self) {
        _ = try await text(PodLogRequest(namespace: "flux-system", pod: "two"))
      }
      #expect(ambiguous?.message == "a container name must be specified for pod two, choose one of: [a b]")
      await #expect(throws: ObjectNotFoundError.self) {
        _ = try await text(PodLogRequest(namespace: "flux-system", pod: "nope"))
      }
    }
  }

  /// The kubelet's selections: `tailLines` first, then `sinceTime` (whole seconds, as the apiserver
  /// forwards it), each line prefixed with its fixed-width time with `timestamps`; a dropped follow
  /// breaks the body (an error, not a clean end) and a new follow reads on.
  @Test func podLogsSinceTimestampsAndADroppedFollow() async throws {
    try await ClusterFixture.with(crds: false) { fixture in
      try fixture.store.ensureNamespace("flux-system")
      try fixture.store.create(Self.pod("source-controller-1", containers: ["manager"]))
      let logs = fixture.server.podLogs
      let pod = (namespace: "flux-system", pod: "source-controller-1", container: "manager")
      logs.append("one\n", at: RFC3339Time("2026-03-01T10:00:00Z")!, namespace: pod.namespace, pod: pod.pod, container: pod.container)
      logs.append("two\nthree\n", at: RFC3339Time("2026-03-01T10:00:01.25Z")!, namespace: pod.namespace, pod: pod.pod, container: pod.container)
      logs.append("four\n", at: RFC3339Time("2026-03-01T10:00:02.000000007Z")!, namespace: pod.namespace, pod: pod.pod, container: pod.container)

      func text(_ request: PodLogRequest) async throws -> String {
        var bytes: [UInt8] = []
        for try await chunk in try await fixture.cluster.podLogs(request) { bytes += chunk }
        return String(decoding: bytes, as: UTF8.self)
      }
      func request(follow: Bool = false, tail: Int? = nil, since: String? = nil, timestamps: Bool = false) -> PodLogRequest {
        PodLogRequest(namespace: pod.namespace, pod: pod.pod, follow: follow, tailLines: tail,
          sinceTime: since.flatMap(RFC3339Time.init), timestamps: timestamps)
      }
      #expect(try await text(request(timestamps: true)) == """
        2026-03-01T10:00:00.000000000Z one
        2026-03-01T10:00:01.250000000Z two
        2026-03-01T10:00:01.250000000Z three
        2026-03-01T10:00:02.000000007Z four

        """)
      // 10:00:01.9 goes to the kubelet as 10:00:01: the lines of that second come back.
      #expect(try await text(request(since: "2026-03-01T10:00:01.9Z")) == "two\nthree\nfour\n")
      #expect(try await text(request(tail: 3, since: "2026-03-01T10:00:02Z")) == "four\n")
      #expect(try await text(request(tail: 0)) == "")

      let followed = Task { try await text(request(follow: true, since: "2026-03-01T10:00:02Z")) }
      while logs.followerCount(namespace: pod.namespace, pod: pod.pod, container: pod.container) == 0 {
        try await Task.sleep(for: .milliseconds(10))
      }
      logs.append("five\n", namespace: pod.namespace, pod: pod.pod, container: pod.container)
      logs.drop(namespace: pod.namespace, pod: pod.pod, container: pod.container)
      await #expect(throws: (any Error).self) { _ = try await followed.value }
      // The container still runs: a new follow reads on until it stops.
      let resumed = Task { try await text(request(follow: true, tail: 1)) }
      while logs.followerCount(namespace: pod.namespace, pod: pod.pod, container: pod.container) == 0 {
        try await Task.sleep(for: .milliseconds(10))
      }
      logs.append("six\n", namespace: pod.namespace, pod: pod.pod, container: pod.container)
      logs.finish(namespace: pod.namespace, pod: pod.pod, container: pod.container)
      #expect(try await resumed.value == "five\nsix\n")
    }
  }

  @Test func servicesThroughTheProxyAndRawPaths() async throws {
    try await ClusterFixture.with(crds: false) { fixture in
      fixture.server.proxy.register(namespace: "test", service: "echo") { request in
        .text("\(request.method) \(request.path) \(request.bodyText)", status: 202)
      }
      let reply = try await fixture.cluster.proxy(
        ServiceProxyRequest(namespace: "test", service: "echo", port: "80", method: "POST", path: "/gate/open", body: Array("{}".utf8)))
      #expect(reply == ServiceProxyReply(status: 202, body: "POST /gate/open {}"))
      #expect(reply.isSuccess)
      let version = try JSON.parse(try await fixture.cluster.raw("/version"))
      let gitVersion = try await fixture.cluster.serverVersion()
      #expect(version["gitVersion"]?.stringValue == gitVersion)
    }
  }
}
