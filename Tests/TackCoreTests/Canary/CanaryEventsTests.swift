import TackJSON
import TackKube
import TackTestSupport
import Testing

@testable import TackCore

/// Where `canary status` reads a Canary's history from: core `v1` Events (what Flagger writes), and
/// `events.k8s.io/v1` when the core list is empty or not served, merged by name.
@Suite struct CanaryEventsTests {
  static func client(_ cluster: TestCluster) throws -> KubeClient {
    let loaded = try KubeConfigLoader(explicitPath: try cluster.writeKubeconfig(), environment: [:]).load()
    return KubeClient(config: try ClientConfig.resolve(loaded, overrides: KubeConfigOverrides()))
  }

  /// A Flagger event for the Canary `podinfo`, written through the `events.k8s.io/v1` API.
  static func eventV1(_ name: String, note: String, time: String) -> JSON {
    [
      "apiVersion": "events.k8s.io/v1", "kind": "Event",
      "metadata": ["name": .string(name), "namespace": "test"],
      "eventTime": .string(time.replacing("Z", with: ".000000Z")),
      "regarding": ["apiVersion": "flagger.app/v1beta1", "kind": "Canary", "name": "podinfo", "namespace": "test"],
      "reason": "Synced", "note": .string(note), "type": "Normal", "action": "Synced",
      "reportingController": "flagger", "reportingInstance": "flagger-7d9f",
      "deprecatedFirstTimestamp": .string(time), "deprecatedLastTimestamp": .string(time), "deprecatedCount": 1,
    ]
  }

  static func seed(_ cluster: TestCluster) throws {
    try cluster.store.ensureNamespace("test")
    try cluster.store.create(eventV1("podinfo.1", note: "New revision detected! Scaling up podinfo.test", time: "2026-11-28T10:00:00Z"))
    try cluster.store.create(eventV1("podinfo.2", note: "Advance podinfo.test canary weight 10", time: "2026-11-28T10:01:00Z"))
    // another object's event is not part of the history
    var other = eventV1("other.1", note: "Advance other.test canary weight 10", time: "2026-11-28T10:01:00Z")
    other[path: "regarding", "name"] = "other"
    try cluster.store.create(other)
  }

  @Test func coreEventsAreReadWithOneRequest() async throws {
    try await withTestCluster { cluster in
      try Self.seed(cluster)
      let events = try await KubeCluster(client: try Self.client(cluster)).canaryEvents(namespace: "test", name: "podinfo")
      #expect(events.compactMap { $0["message"]?.stringValue }.sorted() == [
        "Advance podinfo.test canary weight 10", "New revision detected! Scaling up podinfo.test",
      ])
      #expect(cluster.server.requests(method: "GET", path: "/api/v1/namespaces/test/events").count == 1)
      #expect(cluster.server.requests(method: "GET", path: "/apis/events.k8s.io/*").isEmpty)
    }
  }

  @Test func eventsV1WhenTheServerServesOnlyTheNewAPI() async throws {
    try await withTestCluster { cluster in
      try Self.seed(cluster)
      cluster.server.inject(Fault(.status(404), method: "GET", path: "/api/v1/namespaces/test/events"))
      let events = try await KubeCluster(client: try Self.client(cluster)).canaryEvents(namespace: "test", name: "podinfo")
      // List items carry no apiVersion (the list does): the shape tells which API served them.
      #expect(events.count == 2)
      #expect(events.allSatisfy { $0["regarding"] != nil && $0["note"] != nil && $0["involvedObject"] == nil }, "\(events)")
      let history = CanaryStatusReport.order(events.map(CanaryEvent.init(event:)))
      #expect(history.map(\.kind) == [.newRevision(target: "podinfo.test"), .weightAdvanced(weight: 10)])
      #expect(history.map(\.time) == ["2026-11-28T10:00:00Z", "2026-11-28T10:01:00Z"])
      let v1 = cluster.server.requests(method: "GET", path: "/apis/events.k8s.io/v1/namespaces/test/events")
      #expect(v1.count == 1)
      #expect(v1.first?.query.contains("regarding.kind%3DCanary") == true || v1.first?.query.contains("regarding.kind=Canary") == true, "\(v1)")
    }
  }

  @Test func emptyWhenNeitherAPIHasEvents() async throws {
    try await withTestCluster { cluster in
      try cluster.store.ensureNamespace("test")
      let events = try await KubeCluster(client: try Self.client(cluster)).canaryEvents(namespace: "test", name: "podinfo")
      #expect(events.isEmpty)
      // the empty core list sends tack to the new API once
      #expect(cluster.server.requests(method: "GET", path: "/apis/events.k8s.io/v1/namespaces/test/events").count == 1)
    }
  }

  @Test func mergeKeepsEachEventOnceByName() {
    let core: [JSON] = [
      ["apiVersion": "v1", "metadata": ["name": "a"], "message": "one"],
      ["apiVersion": "v1", "metadata": ["name": "b"], "message": "two"],
    ]
    let new: [JSON] = [
      ["apiVersion": "events.k8s.io/v1", "metadata": ["name": "b"], "note": "two"],
      ["apiVersion": "events.k8s.io/v1", "metadata": ["name": "c"], "note": "three"],
    ]
    let merged = CanaryEvents.merge(core: core, eventsV1: new)
    #expect(merged.map { $0[path: "metadata", "name"] } == ["a", "b", "c"])
    #expect(merged[1]["apiVersion"] == "v1", "the core copy wins")
    #expect(CanaryEvents.merge(core: [], eventsV1: new) == new)
  }
}
