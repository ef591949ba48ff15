import TackBase
import TackJSON
import Testing
@testable import TackTestSupport

/// The in-process API: versioning, generation, status subresource, finalizers, paging, watches.
@Suite struct ObjectStoreTests {
  func store() throws -> ObjectStore {
    let store = ObjectStore(historyLimit: 50)
    _ = try TestCluster.install(crds: try TestCluster.crdDocuments(.flux), into: store)
    try store.ensureNamespace("flux-system")
    return store
  }

  let gv = "source.toolkit.fluxcd.io/v1"

  @Test func createSetsSystemMetadataAndDefaults() throws {
    let store = try store()
    let created = try store.create(gitRepository("a", namespace: "flux-system"))
    #expect(created[path: "metadata", "uid"]?.stringValue?.count == 36)
    #expect(created[path: "metadata", "generation"] == 1)
    #expect(RFC3339Time(created[path: "metadata", "creationTimestamp"]?.stringValue ?? "") != nil)
    #expect(created[path: "spec", "timeout"] == "60s")  // schema default in the GitRepository CRD
    #expect(created[path: "metadata", "managedFields"]?[0]?["manager"] == "tack-test")
    let rv1 = UInt64(created[path: "metadata", "resourceVersion"]?.stringValue ?? "") ?? 0
    let second = try store.create(gitRepository("b", namespace: "flux-system"))
    let rv2 = UInt64(second[path: "metadata", "resourceVersion"]?.stringValue ?? "") ?? 0
    #expect(rv2 > rv1)
  }

  @Test func generationBumpsOnSpecOnlyAndStatusGoesThroughTheSubresource() throws {
    let store = try store()
    var object = try store.create(gitRepository("gen", namespace: "flux-system"))
    object["status"] = ["observedGeneration": 1]
    object[path: "metadata", "labels"] = ["a": "b"]
    let labelled = try store.update(object)
    #expect(labelled[path: "metadata", "generation"] == 1)
    // The main resource ignores status; what is there is the CRD's schema default, as on a real server.
    #expect(labelled[path: "status", "observedGeneration"] == -1)
    var changed = labelled
    changed[path: "spec", "interval"] = "5m"
    let bumped = try store.update(changed)
    #expect(bumped[path: "metadata", "generation"] == 2)
    var withStatus = bumped
    withStatus["status"] = ["observedGeneration": 2]
    withStatus[path: "spec", "interval"] = "9m"
    let statusWritten = try store.updateStatus(withStatus)
    #expect(statusWritten[path: "status", "observedGeneration"] == 2)
    #expect(statusWritten[path: "spec", "interval"] == "5m")  // /status ignores spec
    #expect(statusWritten[path: "metadata", "generation"] == 2)
  }

  @Test func staleResourceVersionIsAConflict() throws {
    let store = try store()
    let object = try store.create(gitRepository("stale", namespace: "flux-system"))
    var first = object
    first[path: "spec", "interval"] = "2m"
    try store.update(first)
    var second = object
    second[path: "spec", "interval"] = "3m"
    do throws(APIError) {
      try store.update(second)
      Issue.record("expected a conflict")
    } catch {
      #expect(error.code == 409)
      #expect(error.message == "Operation cannot be fulfilled on gitrepositories.source.toolkit.fluxcd.io \"stale\": the object has been modified; please apply your changes to the latest version and try again")
    }
  }

  @Test func errorsAreWordedLikeTheRealServer() throws {
    let store = try store()
    do throws(APIError) {
      _ = try store.get(apiVersion: gv, kind: "GitRepository", namespace: "flux-system", name: "nope")
      Issue.record("expected 404")
    } catch {
      #expect(error.code == 404)
      #expect(error.message == "gitrepositories.source.toolkit.fluxcd.io \"nope\" not found")
    }
    try store.create(gitRepository("dup", namespace: "flux-system"))
    do throws(APIError) {
      try store.create(gitRepository("dup", namespace: "flux-system"))
      Issue.record("expected 409")
    } catch {
      #expect(error.reason == "AlreadyExists")
    }
    do throws(APIError) {
      try store.create(gitRepository("x", namespace: "missing-ns"))
      Issue.record("expected 404")
    } catch {
      #expect(error.message == "namespaces \"missing-ns\" not found")
    }
    do throws(APIError) {
      try store.create(gitRepository("bad", namespace: "flux-system", url: "file:///tmp/x"))
      Issue.record("expected 422")
    } catch {
      #expect(error.code == 422)
      #expect(error.message == "GitRepository.source.toolkit.fluxcd.io \"bad\" is invalid: spec.url: Invalid value: \"file:///tmp/x\": spec.url in body should match '^(http|https|ssh)://.*$'")
    }
  }

  @Test func finalizersDelayDeletion() throws {
    let store = try store()
    var object = gitRepository("fin", namespace: "flux-system")
    object[path: "metadata", "finalizers"] = ["finalizers.fluxcd.io"]
    try store.create(object)
    let marked = try store.delete(apiVersion: gv, kind: "GitRepository", namespace: "flux-system", name: "fin")
    #expect(marked[path: "metadata", "deletionTimestamp"] != nil)
    #expect(marked[path: "metadata", "generation"] == 2)
    var current = try store.get(apiVersion: gv, kind: "GitRepository", namespace: "flux-system", name: "fin")
    current[path: "metadata", "finalizers"] = ["another"]
    #expect(throws: APIError.self) { try store.update(current) }  // no new finalizers while deleting
    current[path: "metadata", "finalizers"] = []
    try store.update(current)
    #expect(throws: APIError.self) { try store.get(apiVersion: gv, kind: "GitRepository", namespace: "flux-system", name: "fin") }
  }

  @Test func pagingWithContinueTokens() throws {
    let store = try store()
    try store.ensureNamespace("paging")
    for i in 0..<25 { try store.create(configMap("cm-\(i < 10 ? "0" : "")\(i)", namespace: "paging")) }
    let type = try store.resourceType(apiVersion: "v1", kind: "ConfigMap")
    var names: [String] = []
    var token: String?
    var pages = 0
    repeat {
      let page = try store.list(type, namespace: "paging", options: ListOptions(limit: 10, continueToken: token))
      names += page.items.compactMap { $0.object[path: "metadata", "name"]?.stringValue }
      if page.continueToken != nil { #expect(page.remainingItemCount == 25 - names.count) }
      token = page.continueToken
      pages += 1
    } while token != nil
    #expect(pages == 3)
    #expect(names == names.sorted())
    #expect(names.count == 25)
  }

  @Test func watchSeesChangesAndSelectorTransitions() async throws {
    let store = try store()
    try store.ensureNamespace("watch")
    let stream = try store.watch(apiVersion: "v1", kind: "ConfigMap", namespace: "watch", labelSelector: "app=web")
    var iterator = stream.makeAsyncIterator()
    try store.create(configMap("a", namespace: "watch", labels: ["app": "web"]))
    try store.create(configMap("ignored", namespace: "watch", labels: ["app": "db"]))
    var a = try store.get(apiVersion: "v1", kind: "ConfigMap", namespace: "watch", name: "a")
    a[path: "metadata", "labels"] = ["app": "db"]
    try store.update(a)
    let first = await iterator.next()
    let second = await iterator.next()
    #expect(first?.type == .added)
    #expect(second?.type == .deleted)  // no longer matches the selector
    #expect(second?.object[path: "metadata", "name"] == "a")
  }

  @Test func watchFromACompactedVersionIsExpired() async throws {
    let store = ObjectStore(historyLimit: 5)
    try store.ensureNamespace("old")
    for i in 0..<20 { try store.create(configMap("c\(i)", namespace: "old")) }
    let stream = try store.watch(apiVersion: "v1", kind: "ConfigMap", namespace: "old", resourceVersion: "2")
    var iterator = stream.makeAsyncIterator()
    let event = await iterator.next()
    #expect(event?.type == .error)
    #expect(event?.object["code"] == 410)
    #expect(event?.object["reason"] == "Expired")
  }

  @Test func mergeJSONAndStrategicPatches() throws {
    let store = try store()
    try store.ensureNamespace("patch")
    try store.create(gitRepository("p", namespace: "patch"))
    let merged = try store.patch(apiVersion: gv, kind: "GitRepository", namespace: "patch", name: "p",
      patch: ["spec": ["suspend": true, "ref": nil]])
    #expect(merged[path: "spec", "suspend"] == true)
    #expect(merged[path: "spec", "ref"] == nil)
    let jsonPatched = try store.patch(apiVersion: gv, kind: "GitRepository", namespace: "patch", name: "p",
      patch: [["op": "test", "path": "/spec/suspend", "value": true], ["op": "replace", "path": "/spec/interval", "value": "7m"]],
      type: .json)
    #expect(jsonPatched[path: "spec", "interval"] == "7m")
    do throws(APIError) {
      try store.patch(apiVersion: gv, kind: "GitRepository", namespace: "patch", name: "p",
        patch: [["op": "test", "path": "/spec/suspend", "value": false]], type: .json)
      Issue.record("expected 422")
    } catch {
      #expect(error.code == 422)
    }
    do throws(APIError) {
      try store.patch(apiVersion: gv, kind: "GitRepository", namespace: "patch", name: "p", patch: ["spec": [:]], type: .strategic)
      Issue.record("expected 415")
    } catch {
      #expect(error.code == 415)
    }
    let deployment: JSON = [
      "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "namespace": "patch"],
      "spec": ["selector": ["matchLabels": ["app": "web"]], "template": ["metadata": ["labels": ["app": "web"]],
        "spec": ["containers": [["name": "web", "image": "nginx:1", "env": [["name": "A", "value": "1"]]],
                                ["name": "sidecar", "image": "envoy:1"]]]]],
    ]
    try store.create(deployment)
    let patched = try store.patch(apiVersion: "apps/v1", kind: "Deployment", namespace: "patch", name: "web",
      patch: ["spec": ["template": ["spec": ["containers": [["name": "web", "image": "nginx:2", "env": [["name": "B", "value": "2"]]]]]]]],
      type: .strategic)
    let containers = patched[path: "spec", "template", "spec", "containers"]?.arrayValue ?? []
    #expect(containers.count == 2)
    #expect(containers.first?["image"] == "nginx:2")
    #expect(containers.first?["env"]?.arrayValue?.count == 2)
  }

  @Test func serverSideApplyTracksManagersAndReportsConflicts() throws {
    let store = try store()
    try store.ensureNamespace("ssa")
    var applied = gitRepository("s", namespace: "ssa")
    try store.apply(applied, fieldManager: "manager-a")
    applied[path: "spec", "interval"] = "5m"
    applied[path: "spec", "ref"] = JSON?.none
    do throws(APIError) {
      try store.apply(applied, fieldManager: "manager-b")
      Issue.record("expected a conflict")
    } catch {
      #expect(error.code == 409)
      #expect(error.message == "Apply failed with 1 conflict: conflict with \"manager-a\": .spec.interval")
      #expect(error.status[path: "details", "causes"]?[0]?["field"] == ".spec.interval")
    }
    let forced = try store.apply(applied, fieldManager: "manager-b", force: true)
    #expect(forced[path: "spec", "interval"] == "5m")
    let managers = (forced[path: "metadata", "managedFields"]?.arrayValue ?? []).compactMap { $0["manager"]?.stringValue }
    #expect(managers.contains("manager-a") && managers.contains("manager-b"))
    // manager-a stops applying ref and interval (now manager-b's): ref goes, interval stays
    var smaller = gitRepository("s", namespace: "ssa")
    smaller[path: "spec", "ref"] = JSON?.none
    smaller[path: "spec", "interval"] = JSON?.none
    let pruned = try store.apply(smaller, fieldManager: "manager-a")
    #expect(pruned[path: "spec", "ref"] == nil)
    #expect(pruned[path: "spec", "interval"] == "5m")
  }
}

