import Foundation
import TackBase
import TackJSON
import Testing
@testable import TackTestSupport

/// `FluxFixtures.kustomizations` and `ObjectStore.bulkInsert`: realistic objects, stored as the
/// create path stores them, all or nothing.
@Suite struct BulkInsertTests {
  func store(historyLimit: Int = 10_000) throws -> ObjectStore {
    let store = ObjectStore(historyLimit: historyLimit)
    _ = try TestCluster.install(crds: try TestCluster.crdDocuments(.flux), into: store)
    return store
  }

  let ks = "kustomize.toolkit.fluxcd.io/v1"

  static func readyStatus(_ object: JSON) -> String? {
    object[path: "status", "conditions"]?.arrayValue?.first { $0["type"] == "Ready" }?["status"]?.stringValue
  }

  @Test func fixturesLookLikeReconciledKustomizations() throws {
    let objects = FluxFixtures.kustomizations(count: 1_000, namespaces: 10)
    #expect(objects.count == 1_010)
    #expect(objects.prefix(10).allSatisfy { $0["kind"] == "Namespace" })
    let kustomizations = Array(objects.dropFirst(10))
    #expect(Set(kustomizations.compactMap { $0[path: "metadata", "name"]?.stringValue }).count == 1_000)
    #expect(Set(kustomizations.compactMap { $0[path: "metadata", "namespace"]?.stringValue }).count == 10)
    let revision = try Regex("^main@sha1:[0-9a-f]{40}$")
    for object in kustomizations {
      #expect(object[path: "metadata", "labels", "kustomize.toolkit.fluxcd.io/name"] == "tenants")
      #expect(object[path: "spec", "sourceRef", "kind"] == "GitRepository")
      #expect(object[path: "spec", "path"]?.stringValue?.hasPrefix("./apps/") == true)
      #expect(object[path: "spec", "interval"] != nil)
      #expect(object[path: "spec", "prune"] == true)
      #expect(object[path: "status", "observedGeneration"] == 1)
      #expect(object[path: "status", "inventory"] == nil)
      for field in ["lastAppliedRevision", "lastAttemptedRevision"] {
        let text = object[path: "status", field]?.stringValue ?? ""
        #expect(text.wholeMatch(of: revision) != nil, "\(field): \(text)")
      }
    }
    let ready = kustomizations.map(Self.readyStatus)
    let failing = kustomizations.filter { Self.readyStatus($0) == "False" }
    let unknown = kustomizations.filter { Self.readyStatus($0) == "Unknown" }
    #expect(ready.filter { $0 == "True" }.count > 900)
    #expect(failing.count >= 20)
    #expect(unknown.count >= 5)
    #expect(unknown.count < failing.count)
    // Failures carry kustomize-controller's reasons, and a newer attempted revision than the applied one.
    let reasons = Set(failing.compactMap {
      $0[path: "status", "conditions"]?.arrayValue?.first { $0["type"] == "Ready" }?["reason"]?.stringValue
    })
    #expect(reasons.isSuperset(of: ["ArtifactFailed", "BuildFailed", "HealthCheckFailed", "ReconciliationFailed"]))
    #expect(failing.allSatisfy { $0[path: "status", "lastAttemptedRevision"] != $0[path: "status", "lastAppliedRevision"] })
    #expect(unknown.allSatisfy { object in
      object[path: "status", "conditions"]?.arrayValue?.contains {
        $0["type"] == "Reconciling" && $0["status"] == "True" && $0["reason"] == "Progressing"
      } == true
    })
    #expect(kustomizations.contains { $0[path: "spec", "suspend"] == true })
    // Deterministic apart from timestamps.
    let again = FluxFixtures.kustomizations(count: 1_000, namespaces: 10)
    #expect(again.map { $0[path: "status", "lastAppliedRevision"] } == objects.map { $0[path: "status", "lastAppliedRevision"] })
  }

  @Test func fixturesPassTheCRDSchemaWhenEveryObjectIsValidated() throws {
    let store = try store()
    let stored = try store.bulkInsert(FluxFixtures.kustomizations(count: 300, namespaces: 3), validation: .everyObject)
    #expect(stored == 303)
    #expect(try store.list(apiVersion: ks, kind: "Kustomization").count == 300)
  }

  @Test func bulkInsertAssignsWhatCreateAssigns() throws {
    let store = try store()
    try store.ensureNamespace("tenant-0")
    let template = FluxFixtures.kustomizations(count: 2, namespaces: 1)[1]
    var viaCreate = template
    viaCreate[path: "metadata", "name"] = "via-create"
    let created = try store.create(viaCreate, fieldManager: "tack-testserver", keepStatus: true)
    var viaBulk = template
    viaBulk[path: "metadata", "name"] = "via-bulk"
    let before = store.resourceVersion
    #expect(try store.bulkInsert([viaBulk], validation: .trusted) == 1)
    let bulk = try store.get(apiVersion: ks, kind: "Kustomization", namespace: "tenant-0", name: "via-bulk")
    #expect(bulk[path: "metadata", "resourceVersion"] == .string(String(before + 1)))
    #expect(store.resourceVersion == before + 1)
    #expect(bulk[path: "metadata", "uid"]?.stringValue?.count == 36)
    #expect(bulk[path: "metadata", "uid"] != created[path: "metadata", "uid"])
    #expect(bulk[path: "metadata", "generation"] == 1)
    #expect(RFC3339Time(bulk[path: "metadata", "creationTimestamp"]?.stringValue ?? "") != nil)
    for path in [["spec"], ["status"], ["metadata", "labels"], ["metadata", "namespace"]] {
      #expect(bulk[path: path] == created[path: path], "\(path)")
    }
    // Schema defaults are applied (spec.force defaults to false in the Kustomization CRD).
    #expect(bulk[path: "spec", "force"] == false)
    let bulkFields = bulk[path: "metadata", "managedFields"]?[0]
    let createFields = created[path: "metadata", "managedFields"]?[0]
    #expect(bulkFields?["manager"] == "tack-testserver")
    #expect(bulkFields?["operation"] == "Update")
    #expect(bulkFields?["fieldsV1"] == createFields?["fieldsV1"])
    // Keys stay in order for paging after a bulk insert into a bucket that had objects.
    let names = try store.list(apiVersion: ks, kind: "Kustomization", namespace: "tenant-0")
      .compactMap { $0[path: "metadata", "name"]?.stringValue }
    #expect(names == ["via-bulk", "via-create"])
  }

  @Test func aBadBatchStoresNothing() throws {
    let store = try store()
    let objects = FluxFixtures.kustomizations(count: 20, namespaces: 2)
    var invalid = objects
    invalid[15][path: "spec", "interval"] = "often"  // fails the CRD's pattern
    let before = store.resourceVersion
    #expect(throws: APIError.self) { try store.bulkInsert(invalid, validation: .everyObject) }
    var orphan = objects
    orphan[12][path: "metadata", "namespace"] = "missing"
    #expect(throws: APIError.self) { try store.bulkInsert(orphan, validation: .trusted) }
    var duplicate = objects
    duplicate.append(objects[5])
    do throws(APIError) {
      try store.bulkInsert(duplicate, validation: .trusted)
      Issue.record("a duplicate in the batch was accepted")
    } catch {
      #expect(error.code == 409)
    }
    #expect(store.resourceVersion == before)
    #expect(try store.list(apiVersion: "v1", kind: "Namespace").allSatisfy {
      !($0[path: "metadata", "name"]?.stringValue ?? "").hasPrefix("tenant-")
    })
    // The first object of each kind is still validated by default.
    var firstInvalid = objects
    firstInvalid[2][path: "spec", "interval"] = "often"
    #expect(throws: APIError.self) { try store.bulkInsert(firstInvalid) }
    #expect(try store.bulkInsert(objects) == 22)
    #expect(throws: APIError.self) { try store.bulkInsert(Array(objects.suffix(1)), validation: .trusted) }
  }

  @Test func watchersSeeEveryBulkInsertedObjectInOrder() async throws {
    let store = try store()
    try store.ensureNamespace("tenant-0")
    let stream = try store.watch(apiVersion: ks, kind: "Kustomization", namespace: "tenant-0")
    try store.bulkInsert(Array(FluxFixtures.kustomizations(count: 5, namespaces: 1).dropFirst()))
    var revisions: [Int] = []
    for await event in stream {
      #expect(event.type == .added)
      revisions.append(Int(event.object[path: "metadata", "resourceVersion"]?.stringValue ?? "") ?? 0)
      if revisions.count == 5 { break }
    }
    #expect(revisions == revisions.sorted())
    #expect(Set(revisions).count == 5)
  }
}
