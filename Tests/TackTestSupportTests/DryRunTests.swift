import Foundation
import TackJSON
import TackTesting
import Testing
@testable import TackTestSupport

/// `?dryRun=All` as kube-apiserver answers it (k8s.io/apiserver `registry/generic/registry/dryrun.go`):
/// full validation and defaulting, the response as if written, nothing stored, no event.
@Suite struct DryRunTests {
  private func deployment(_ name: String, namespace: String, image: String = "nginx:1", replicas: Int = 1) -> JSON {
    ["apiVersion": "apps/v1", "kind": "Deployment",
     "metadata": ["name": .string(name), "namespace": .string(namespace)],
     "spec": ["replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(name)]],
              "template": ["metadata": ["labels": ["app": .string(name)]],
                           "spec": ["containers": [["name": "app", "image": .string(image)]]]]]]
  }

  /// Every event the store records from now on, collected until `body` returns.
  private func events(in cluster: TestCluster, namespace: String, _ body: () async throws -> Void) async throws -> [WatchEvent] {
    let revision = cluster.store.resourceVersion
    let stream = try cluster.store.watch(apiVersion: "v1", kind: "ConfigMap", namespace: namespace,
      resourceVersion: String(revision))
    let collector = Task { () -> [WatchEvent] in
      var seen: [WatchEvent] = []
      for await event in stream where event.type != .bookmark { seen.append(event) }
      return seen
    }
    try await body()
    try await Task.sleep(for: .milliseconds(200))
    collector.cancel()
    return await collector.value
  }

  @Test func createAnswersAsIfWrittenButStoresNothing() async throws {
    try await withTestCluster { cluster in try await createAnswersAsIfWritten(cluster) }
  }

  /// Own server: the revision counter must not move, which a shared one cannot promise.
  private func createAnswersAsIfWritten(_ cluster: TestCluster) async throws {
    let ns = try SharedCluster.namespace("dry-create", in: cluster)
    let before = cluster.store.resourceVersion
    var answered: JSON = [:]
    let seen = try await events(in: cluster, namespace: ns) {
      answered = try cluster.store.create(configMap("cm", namespace: ns), dryRun: true)
    }
    #expect(seen.isEmpty)
    #expect(cluster.store.resourceVersion == before)
    #expect(answered[path: "metadata", "resourceVersion"] == nil, "a dry-run create has no resourceVersion")
    #expect((answered[path: "metadata", "uid"]?.stringValue ?? "").count == 36)
    #expect(answered[path: "metadata", "creationTimestamp"]?.stringValue != nil)
    #expect(answered[path: "metadata", "managedFields"]?[0]?["manager"] == "tack-test")
    #expect(throws: APIError.self) { try cluster.store.get(apiVersion: "v1", kind: "ConfigMap", namespace: ns, name: "cm") }

    let defaulted = try cluster.store.create(deployment("web", namespace: ns), dryRun: true)
    #expect(defaulted[path: "metadata", "generation"] == 1)
    #expect(defaulted[path: "spec", "strategy", "type"] == "RollingUpdate", "defaulting runs on dry-run")
  }

  @Test func createStillValidatesAndChecksExistence() async throws {
    let cluster = try await SharedCluster.get()
    let ns = try SharedCluster.namespace("dry-invalid", in: cluster)
    var broken = configMap("cm", namespace: ns)
    broken[path: "metadata", "labels"] = ["bad": "not a valid label value!"]
    let invalid = #expect(throws: APIError.self) { try cluster.store.create(broken, dryRun: true) }
    #expect(invalid?.code == 422)
    #expect(invalid?.message.hasPrefix(#"ConfigMap "cm" is invalid: metadata.labels: Invalid value: "not a valid label value!""#) == true)
    try cluster.store.create(configMap("taken", namespace: ns))
    let exists = #expect(throws: APIError.self) { try cluster.store.create(configMap("taken", namespace: ns), dryRun: true) }
    #expect(exists?.code == 409)
    let missing = #expect(throws: APIError.self) {
      try cluster.store.create(configMap("cm", namespace: "no-such-namespace"), dryRun: true)
    }
    #expect(missing?.message == #"namespaces "no-such-namespace" not found"#)
  }

  @Test func updateAndPatchKeepTheStoredObjectAndReportTheNewGeneration() async throws {
    try await withTestCluster { cluster in try updateAndPatch(cluster) }
  }

  private func updateAndPatch(_ cluster: TestCluster) throws {
    let ns = try SharedCluster.namespace("dry-update", in: cluster)
    let stored = try cluster.store.create(deployment("web", namespace: ns))
    let storedRV = stored[path: "metadata", "resourceVersion"]
    let before = cluster.store.resourceVersion

    var changed = stored
    changed[path: "spec", "replicas"] = 3
    let updated = try cluster.store.update(changed, dryRun: true)
    #expect(updated[path: "spec", "replicas"] == 3)
    #expect(updated[path: "metadata", "generation"] == 2, "a spec change bumps the generation, as the write would")
    #expect(updated[path: "metadata", "resourceVersion"] == storedRV, "the resourceVersion stays the stored one")
    #expect(updated[path: "metadata", "uid"] == stored[path: "metadata", "uid"])

    let merged = try cluster.store.patch(apiVersion: "apps/v1", kind: "Deployment", namespace: ns, name: "web",
      patch: ["spec": ["replicas": 5]], type: .merge, dryRun: true)
    #expect(merged[path: "spec", "replicas"] == 5)
    let json = try cluster.store.patch(apiVersion: "apps/v1", kind: "Deployment", namespace: ns, name: "web",
      patch: [["op": "replace", "path": "/spec/replicas", "value": 7]], type: .json, dryRun: true)
    #expect(json[path: "spec", "replicas"] == 7)
    let strategic = try cluster.store.patch(apiVersion: "apps/v1", kind: "Deployment", namespace: ns, name: "web",
      patch: ["spec": ["template": ["spec": ["containers": [["name": "app", "image": "nginx:2"]]]]]],
      type: .strategic, dryRun: true)
    #expect(strategic[path: "spec", "template", "spec", "containers"]?[0]?["image"] == "nginx:2")

    #expect(cluster.store.resourceVersion == before, "nothing was written")
    let live = try cluster.store.get(apiVersion: "apps/v1", kind: "Deployment", namespace: ns, name: "web")
    #expect(live[path: "spec", "replicas"] == 1)
    #expect(live[path: "metadata", "generation"] == 1)
  }

  @Test func serverSideApplyDryRunCreatesAndMergesWithoutStoring() async throws {
    let cluster = try await SharedCluster.get()
    let ns = try SharedCluster.namespace("dry-apply", in: cluster)
    let created = try cluster.store.apply(configMap("fresh", namespace: ns), fieldManager: "kustomize-controller",
      force: true, dryRun: true)
    #expect(created[path: "metadata", "resourceVersion"] == nil)
    #expect(created[path: "metadata", "managedFields"]?[0]?["manager"] == "kustomize-controller")
    #expect(throws: APIError.self) { try cluster.store.get(apiVersion: "v1", kind: "ConfigMap", namespace: ns, name: "fresh") }

    let stored = try cluster.store.apply(configMap("app", namespace: ns, data: ["a": "1"]), fieldManager: "kustomize-controller")
    let seen = try await events(in: cluster, namespace: ns) {
      let merged = try cluster.store.apply(configMap("app", namespace: ns, data: ["a": "2"]),
        fieldManager: "kustomize-controller", force: true, dryRun: true)
      #expect(merged[path: "data", "a"] == "2")
      #expect(merged[path: "metadata", "resourceVersion"] == stored[path: "metadata", "resourceVersion"])
    }
    #expect(seen.isEmpty, "no watch event for a dry-run")
    let live = try cluster.store.get(apiVersion: "v1", kind: "ConfigMap", namespace: ns, name: "app")
    #expect(live[path: "data", "a"] == "1")
  }

  @Test(.requires(.curl)) func deleteDryRunMarksFinalizedObjectsWithoutDeleting() async throws {
    let cluster = try await SharedCluster.get()
    let ns = try SharedCluster.namespace("dry-delete", in: cluster)
    var held = configMap("held", namespace: ns)
    held[path: "metadata", "finalizers"] = ["example.com/keep"]
    try cluster.store.create(held)
    let curl = Curl(cluster: cluster)
    let answer = try await curl.request("DELETE", "/api/v1/namespaces/\(ns)/configmaps/held?dryRun=All")
    #expect(answer.status == 200, "\(answer.body)")
    #expect(answer.json?[path: "metadata", "deletionTimestamp"] != nil)
    let live = try cluster.store.get(apiVersion: "v1", kind: "ConfigMap", namespace: ns, name: "held")
    #expect(live[path: "metadata", "deletionTimestamp"] == nil)
  }

  @Test(.requires(.curl)) func invalidDryRunValuesAnswerAsTheAPIServerDoes() async throws {
    let cluster = try await SharedCluster.get()
    let ns = try SharedCluster.namespace("dry-bad", in: cluster)
    let curl = Curl(cluster: cluster)
    let body = configMap("cm", namespace: ns).serialized()
    let create = try await curl.request("POST", "/api/v1/namespaces/\(ns)/configmaps?dryRun=Some", body: body)
    #expect(create.status == 422)
    #expect(create.json?["message"] == #"CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: ["Some"]: supported values: "All""#)
    #expect(create.json?[path: "details", "causes"]?[0]?["field"] == "dryRun")

    let mixed = try await curl.request("POST", "/api/v1/namespaces/\(ns)/configmaps?dryRun=All&dryRun=x", body: body)
    #expect(mixed.json?["message"] == #"CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: ["All","x"]: supported values: "All""#)

    try cluster.store.create(configMap("cm", namespace: ns))
    let update = try await curl.request("PUT", "/api/v1/namespaces/\(ns)/configmaps/cm?dryRun=no", body: body)
    #expect(update.json?["message"] == #"UpdateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: ["no"]: supported values: "All""#)

    let apply = try await curl.request("PATCH", "/api/v1/namespaces/\(ns)/configmaps/cm?dryRun=no", body: body,
      contentType: "application/apply-patch+yaml")
    #expect(apply.status == 422)
    #expect(apply.json?["message"] == #"PatchOptions.meta.k8s.io "" is invalid: [fieldManager: Required value: is required for apply patch, dryRun: Unsupported value: ["no"]: supported values: "All"]"#)

    let delete = try await curl.request("DELETE", "/api/v1/namespaces/\(ns)/configmaps/cm?dryRun=yes")
    #expect(delete.json?["message"] == #"DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: ["yes"]: supported values: "All""#)
    #expect((try? cluster.store.get(apiVersion: "v1", kind: "ConfigMap", namespace: ns, name: "cm")) != nil)
  }

  @Test(.requires(.curl)) func httpDryRunApplyAnswersCreatedForNewObjects() async throws {
    let cluster = try await SharedCluster.get()
    let ns = try SharedCluster.namespace("dry-http", in: cluster)
    let curl = Curl(cluster: cluster)
    let path = "/api/v1/namespaces/\(ns)/configmaps/new?dryRun=All&fieldManager=kustomize-controller&force=true"
    let answer = try await curl.request("PATCH", path, body: configMap("new", namespace: ns).serialized(),
      contentType: "application/apply-patch+yaml")
    #expect(answer.status == 201, "\(answer.body)")
    #expect(answer.json?[path: "metadata", "resourceVersion"] == nil)
    #expect((try? cluster.store.get(apiVersion: "v1", kind: "ConfigMap", namespace: ns, name: "new")) == nil)
  }
}

/// kubectl's `--dry-run=server` against the test server.
@Suite(.requires(.kubectl)) struct KubectlDryRunTests {
  @Test func serverSideApplyDryRunChangesNothing() async throws {
    let kubectl = try await Kubectl.shared()
    let ns = try SharedCluster.namespace("kubectl-dry", in: kubectl.cluster)
    try kubectl.cluster.store.create(configMap("app", namespace: ns, data: ["a": "1"]))
    let manifest = try kubectl.cluster.directory.write("dry-\(ns).yaml", contents: """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: app
        namespace: \(ns)
      data:
        a: "2"
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: other
        namespace: \(ns)
      data:
        b: "1"
      """)
    let result = try await kubectl.run(["apply", "--server-side", "--dry-run=server", "--force-conflicts",
      "--field-manager", "kustomize-controller", "-f", manifest, "-o", "json"])
    #expect(result.exitCode == 0, "\(result)")
    #expect(result.stdout.contains("\"a\": \"2\""))
    let live = try kubectl.cluster.store.get(apiVersion: "v1", kind: "ConfigMap", namespace: ns, name: "app")
    #expect(live[path: "data", "a"] == "1")
    #expect((try? kubectl.cluster.store.get(apiVersion: "v1", kind: "ConfigMap", namespace: ns, name: "other")) == nil)

    let plain = try await kubectl.run(["apply", "--server-side", "--dry-run=server", "--force-conflicts", "-f", manifest])
    #expect(plain.stdout.contains("configmap/other serverside-applied (server dry run)"), "\(plain)")
  }
}
