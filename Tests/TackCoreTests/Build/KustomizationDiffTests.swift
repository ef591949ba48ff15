import TackBase
import TackCore
import TackJSON
import Testing

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// `flux diff ks` decisions and output. The expected texts of the first four tests are flux's own
/// golden files (fluxcd/flux2 `cmd/flux/testdata/diff-kustomization/*.golden`) for the same change.
@Suite struct KustomizationDiffTests {
  func object(_ kind: String, _ name: String, apiVersion: String = "v1", namespace: String = "default", rv: String? = "41",
    _ body: JSONObject = [:]) -> JSON
  {
    var metadata: JSONObject = ["name": .string(name), "namespace": .string(namespace),
      "uid": "5d1c0f0e-0000-4000-8000-000000000001", "creationTimestamp": "2026-01-01T00:00:00Z"]
    if let rv { metadata["resourceVersion"] = .string(rv) }
    metadata["managedFields"] = [["manager": "kustomize-controller", "operation": "Apply"]]
    var object: JSONObject = ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": .object(metadata)]
    for member in body { object[member.key] = member.value }
    return .object(object)
  }

  func service(port: Int) -> JSON {
    object("Service", "podinfo", ["spec": ["ports": [["name": "http", "port": .int(port), "protocol": "TCP", "targetPort": "http"],
                                                       ["name": "grpc", "port": 9999, "protocol": "TCP", "targetPort": "grpc"]],
                                            "selector": ["app": "podinfo"], "type": "ClusterIP"]])
  }

  @Test func driftedServiceMatchesFluxGolden() throws {
    let diff = try KustomizationDiff.compare(desired: service(port: 9898), live: service(port: 9899),
      dryRun: .applied(service(port: 9898)))
    #expect(diff.action == .drifted)
    #expect(diff.text == "► Service/default/podinfo drifted\n\nspec.ports.http.port\n± value change\n- 9899\n+ 9898\n\n")
    #expect(diff.changes == [FieldChange(path: "spec.ports.http.port", kind: .changed, from: "9899", to: "9898")])
  }

  func secret(_ name: String, _ data: JSONObject) -> JSON { object("Secret", name, ["data": .object(data), "type": "Opaque"]) }

  @Test func driftedSecretValuesAreMasked() throws {
    let live = secret("db-user-pass-bkbd782d2c", ["password": .string(b64("old")), "username": .string(b64("admin"))])
    let merged = secret("db-user-pass-bkbd782d2c", ["password": .string(b64("new")), "username": .string(b64("admin"))])
    let diff = try KustomizationDiff.compare(desired: merged, live: live, dryRun: .applied(merged))
    #expect(diff.text == "► Secret/default/db-user-pass-bkbd782d2c drifted\n\ndata.password\n± value change\n- *** (before)\n+ *** (after)\n\n")
    #expect(diff.live?[path: "data", "username"] == "***")
    #expect(!diff.text.contains(b64("new")))
  }

  @Test func sopsSecretsCompareKeysOnly() throws {
    let desired = secret("podinfo-token-77t89m9b67", ["token": .string(SopsMask.encodedMask)])
    let renamed = try KustomizationDiff.compare(
      desired: desired, live: secret("podinfo-token-77t89m9b67", ["drift-key": .string(b64("x"))]),
      dryRun: .applied(desired))
    #expect(renamed.text == """
      ► Secret/default/podinfo-token-77t89m9b67 drifted

      data
      - one map entry removed:   + one map entry added:
      drift-key: "*****"           token: "*****"


      """)
    let sameKey = try KustomizationDiff.compare(
      desired: desired, live: secret("podinfo-token-77t89m9b67", ["token": .string(b64("real value"))]),
      dryRun: .applied(desired))
    #expect(sameKey.action == .unchanged, "a SOPS value cannot be compared, so only key changes count")
  }

  @Test func takingOwnershipShowsTheNewLabels() throws {
    let live = object("ConfigMap", "existing-config", ["data": ["foo": "bar"]])
    var merged = live
    merged[path: "metadata", "labels"] = ["kustomize.toolkit.fluxcd.io/name": "configmaps", "kustomize.toolkit.fluxcd.io/namespace": ""]
    let diff = try KustomizationDiff.compare(desired: merged, live: live, dryRun: .applied(merged))
    #expect(diff.text == """
      ► ConfigMap/default/existing-config drifted

      metadata
      + one map entry added:
        labels:
          kustomize.toolkit.fluxcd.io/name: configmaps
          kustomize.toolkit.fluxcd.io/namespace:


      """)
  }

  @Test func createdUnchangedAndSkipped() throws {
    let fresh = object("ConfigMap", "new-config", rv: nil, ["data": ["a": "1"]])
    #expect(try KustomizationDiff.compare(desired: fresh, live: nil, dryRun: .applied(fresh)).text
      == "► ConfigMap/default/new-config created\n")
    let same = object("ConfigMap", "same", ["data": ["a": "1"]])
    let unchanged = try KustomizationDiff.compare(desired: same, live: same, dryRun: .applied(same))
    #expect(unchanged.action == .unchanged)
    #expect(unchanged.text.isEmpty)

    var disabled = same
    disabled[path: "metadata", "annotations"] = ["kustomize.toolkit.fluxcd.io/reconcile": "Disabled"]
    #expect(KustomizationDiff.isSkipped(desired: disabled, live: nil))
    #expect(KustomizationDiff.skipped(desired: disabled, live: nil).text == "► ConfigMap/ skipped\n", "flux names it after the missing live object")
    #expect(KustomizationDiff.skipped(desired: disabled, live: same).text == "► ConfigMap/default/same skipped\n")
    var ifNotPresent = same
    ifNotPresent[path: "metadata", "labels"] = ["kustomize.toolkit.fluxcd.io/ssa": "IfNotPresent"]
    #expect(KustomizationDiff.isSkipped(desired: ifNotPresent, live: same))
    #expect(!KustomizationDiff.isSkipped(desired: ifNotPresent, live: nil))
  }

  @Test func dryRunFailuresAreWordedAsFluxWordsThem() throws {
    let configMap = object("ConfigMap", "app-config", namespace: "new-ns", ["data": ["a": "1"]])
    let notFound = DryRunFailure(code: 404, reason: "NotFound", message: #"namespaces "new-ns" not found"#)
    let error = #expect(throws: FluxDiffError.self) {
      try KustomizationDiff.compare(desired: configMap, live: nil, dryRun: .failed(notFound))
    }
    #expect(error?.message == #"ConfigMap/new-ns/app-config not found: namespaces "new-ns" not found"#)

    let deployment = object("Deployment", "web", apiVersion: "apps/v1", ["spec": ["selector": ["matchLabels": ["app": "x"]]]])
    let immutable = DryRunFailure(code: 422, reason: "Invalid",
      message: #"Deployment.apps "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"x"}}: field is immutable"#)
    let refused = #expect(throws: FluxDiffError.self) {
      try KustomizationDiff.compare(desired: deployment, live: deployment, dryRun: .failed(immutable))
    }
    #expect(refused?.message.hasPrefix("Deployment/default/web dry-run failed (Invalid): Deployment.apps") == true)
    var forced = deployment
    forced[path: "metadata", "annotations"] = ["kustomize.toolkit.fluxcd.io/force": "enabled"]
    #expect(try KustomizationDiff.compare(desired: forced, live: deployment, dryRun: .failed(immutable)).action == .created,
      "force: enabled recreates an object whose immutable fields change")
    let conflict = DryRunFailure(code: 409, reason: "Conflict", message: "Apply failed with 1 conflict", causes: ["FieldManagerConflict"])
    let managers = #expect(throws: FluxDiffError.self) {
      try KustomizationDiff.compare(desired: configMap, live: configMap, dryRun: .failed(conflict))
    }
    #expect(managers?.message == "ConfigMap/new-ns/app-config dry-run failed (FieldManagerConflict): Apply failed with 1 conflict")
  }

  @Test func driftIgnoreRulesHideFields() throws {
    let rules = [FluxKustomization.DriftIgnoreRule(paths: ["/spec/ports/0/port"],
      target: FluxKustomization.Selector(kind: "Serv.*"))]
    let diff = try KustomizationDiff.compare(desired: service(port: 9898), live: service(port: 9899),
      dryRun: .applied(service(port: 9898)), ignoreRules: rules)
    #expect(diff.action == .unchanged)
    let other = [FluxKustomization.DriftIgnoreRule(paths: ["/spec/ports/0/port"], target: FluxKustomization.Selector(kind: "ConfigMap"))]
    #expect(try KustomizationDiff.compare(desired: service(port: 9898), live: service(port: 9899),
      dryRun: .applied(service(port: 9898)), ignoreRules: other).action == .drifted)
  }

  @Test func richChangesRenderAsDyffDoes() throws {
    let live = object("ConfigMap", "settings", [
      "data": ["config.yaml": "a: 1\nb: 2\nc: 3\n", "mode": "fast", "spaces": "x y", "gone": "bye"],
      "binaryData": ["blob": "AAAA"],
    ])
    let merged = object("ConfigMap", "settings", [
      "data": ["config.yaml": "a: 1\nb: 20\nc: 3\nd: 4\n", "mode": "slow", "spaces": "x y ", "new": "hello"],
      "immutable": true,
    ])
    let diff = try KustomizationDiff.compare(desired: merged, live: live, dryRun: .applied(merged))
    BuildFixtures.expectGolden(diff.text, "diff-rich-changes.txt")
  }

  @Test func prunedObjectsFollowTheInventory() throws {
    var ks = try BuildFixtures.kustomization(BuildFixtures.minimalKustomization)
    ks.inventory = [
      .init(id: "default_a__ConfigMap", version: "v1"),
      .init(id: "default_web_apps_Deployment", version: "v1"),
      .init(id: "_x__Namespace", version: "v1"),
      .init(id: "_system__x_rbac.authorization.k8s.io_ClusterRole", version: "v1"),
    ]
    let kept = ObjectDiff(object("Deployment", "web", apiVersion: "apps/v1"), action: .unchanged)
    let report = try KustomizationDiffReport(kustomization: ks, objects: [kept], errors: [])
    #expect(report.text == "► Namespace/x deleted\n► ClusterRole/system:x deleted\n► ConfigMap/default/a deleted\n")
    #expect(report.hasChanges)
    let failing = try KustomizationDiffReport(kustomization: ks, objects: [kept], errors: ["boom"])
    #expect(failing.pruned.isEmpty, "nothing is listed for pruning when an object failed")
    #expect(failing.error == FluxDiffError("boom"))
  }

  @Test func jsonDocumentForBots() throws {
    var ks = try BuildFixtures.kustomization(BuildFixtures.minimalKustomization)
    ks.inventory = [.init(id: "default_old_apps_Deployment", version: "v1")]
    let drifted = try KustomizationDiff.compare(desired: service(port: 9898), live: service(port: 9899),
      dryRun: .applied(service(port: 9898)))
    let fresh = object("ConfigMap", "new-config", rv: nil)
    let created = try KustomizationDiff.compare(desired: fresh, live: nil, dryRun: .applied(fresh))
    let report = try KustomizationDiffReport(kustomization: ks, objects: [created, drifted], errors: [])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let text = String(decoding: try encoder.encode(report.document), as: UTF8.self) + "\n"
    BuildFixtures.expectGolden(text, "diff-document.json")
    let decoded = try JSONDecoder().decode(KustomizationDiffReport.Document.self, from: Data(text.utf8))
    #expect(decoded == report.document)
  }

  @Test func preparedObjectsAreNormalisedForTheDryRun() {
    let desired: JSON = [
      "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s"], "stringData": ["user": "admin"], "status": ["x": 1],
    ]
    let prepared = KustomizationDiff.prepared(desired)
    #expect(prepared[path: "data", "user"] == .string(b64("admin")))
    #expect(prepared["stringData"] == nil)
    #expect(prepared[path: "metadata", "creationTimestamp"] == .null)
    #expect(prepared["status"] == nil)
    let service: JSON = ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "s"], "spec": ["ports": [["port": 80]]]]
    #expect(KustomizationDiff.prepared(service)[path: "spec", "ports"]?[0]?["protocol"] == "TCP")
  }
}
