import TackJSON
import Testing

@testable import TackKustomize

@Suite struct SortOrderTests {
  private func resource(_ apiVersion: String, _ kind: String, _ name: String, _ namespace: String = "") -> Resource {
    var object: JSONObject = ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": ["name": .string(name)]]
    if !namespace.isEmpty { object["metadata"]?["namespace"] = .string(namespace) }
    return Resource(object: object, source: "test")
  }

  @Test func legacyOrderRanksKindsThenGroupsThenNamespaces() {
    let input = [
      resource("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", "hook"),
      resource("v1", "Pod", "pod"),
      resource("apps/v1", "ReplicaSet", "rs"),
      resource("apps/v1", "Deployment", "dep"),
      resource("v1", "Service", "svc"),
      resource("v1", "ConfigMap", "a"),
      resource("v1", "ConfigMap", "c", "aa"),
      resource("v1", "ConfigMap", "b", "zz"),
      resource("example.com/v1", "Namespace", "custom"),
      resource("v1", "Namespace", "core"),
    ]
    let sorted = LegacySorter.sort(input, orderFirst: LegacySorter.defaultOrderFirst, orderLast: LegacySorter.defaultOrderLast)
    #expect(sorted.map(\.name) == ["core", "custom", "c", "b", "a", "svc", "dep", "rs", "pod", "hook"])
  }

  @Test func customOrderReplacesBothLists() {
    let input = [resource("v1", "Namespace", "ns"), resource("v1", "Service", "svc"), resource("v1", "Pod", "pod")]
    let sorted = LegacySorter.sort(input, orderFirst: ["Service"], orderLast: ["Namespace"])
    #expect(sorted.map(\.name) == ["svc", "pod", "ns"])
  }

  @Test func fifoKeepsAccumulationOrder() throws {
    let engine = KustomizeEngine(
      fileSystem: InMemoryFileSystem(files: [
        "/k/kustomization.yaml": "resources: [r.yaml]\n",
        "/k/r.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n",
      ]), options: .init(defaultOrder: .fifo))
    #expect(try engine.build(root: "/k").map { $0["kind"]?.stringValue ?? "" } == ["Service", "Namespace"])
    let legacy = KustomizeEngine(fileSystem: engine.fileSystem)
    #expect(try legacy.build(root: "/k").map { $0["kind"]?.stringValue ?? "" } == ["Namespace", "Service"])
  }
}
