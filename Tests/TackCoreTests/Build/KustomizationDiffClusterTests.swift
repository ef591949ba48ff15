import TackBase
import TackCore
import TackJSON
import TackKustomize
import TackTestSupport
import Testing

/// The whole `diff ks` loop against the test API server: build, fetch live objects, server-side
/// apply with `dryRun=All` as `kustomize-controller`, report. Nothing may change in the cluster.
@Suite struct KustomizationDiffClusterTests {
  typealias F = BuildFixtures

  static let spec = F.spec("targetNamespace: apps\nprune: true", status: """
    status:
      inventory:
        entries:
        - id: apps_settings__ConfigMap
          v: v1
        - id: apps_retired__ConfigMap
          v: v1
        - id: apps_web__Service
          v: v1
    """)

  static var tree: InMemoryFileSystem {
    F.tree("/repo/apps", [
      "deploy.yaml": F.deployment("web"),
      "svc.yaml": F.service("web", port: 80),
      "cm.yaml": F.configMap("settings", data: [("mode", "fast")]),
      "secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  password: s3cret\n",
      "skip.yaml": """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: manual
          annotations:
            kustomize.toolkit.fluxcd.io/reconcile: disabled
        data:
          a: "1"

        """,
    ])
  }

  static func outcome(_ object: JSON, in cluster: TestCluster) -> DryRunOutcome {
    do {
      return .applied(try cluster.store.apply(object, fieldManager: KustomizationDiff.fieldManager, force: true, dryRun: true))
    } catch {
      let causes = error.details?["causes"]?.arrayValue?.compactMap { $0["reason"]?.stringValue } ?? []
      return .failed(DryRunFailure(code: error.code, reason: error.reason, message: error.message, causes: causes))
    }
  }

  static func live(_ object: JSON, in cluster: TestCluster) -> JSON? {
    try? cluster.store.get(apiVersion: object["apiVersion"]?.stringValue ?? "", kind: object["kind"]?.stringValue ?? "",
      namespace: object[path: "metadata", "namespace"]?.stringValue, name: object[path: "metadata", "name"]?.stringValue ?? "")
  }

  @Test func diffReportsCreatedDriftedSkippedAndPruned() async throws {
    try await withTestCluster { cluster in
      let kustomization = try F.kustomization(Self.spec)
      let build = try FluxBuild(tree: Self.tree, directory: "/repo/apps", kustomization: kustomization).run()
      try cluster.store.ensureNamespace("apps")
      for object in build.objects where object[path: "metadata", "name"] == "settings" {
        try cluster.store.apply(KustomizationDiff.prepared(object), fieldManager: KustomizationDiff.fieldManager, force: true)
      }
      try cluster.store.create(JSON.object([
        "apiVersion": "v1", "kind": "Service", "metadata": ["name": "web", "namespace": "apps"],
        "spec": ["selector": ["app": "web"], "ports": [["name": "http", "port": 8080, "targetPort": "http"]]],
      ]))
      try cluster.store.create(JSON.object([
        "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "creds", "namespace": "apps"],
        "data": ["password": .string(Base64.encode(Array("old".utf8)))],
      ]))
      let revision = cluster.store.resourceVersion

      var diffs: [ObjectDiff] = []
      var errors: [String] = []
      for object in build.objects.map(KustomizationDiff.prepared) {
        let live = Self.live(object, in: cluster)
        if KustomizationDiff.isSkipped(desired: object, live: live) {
          diffs.append(KustomizationDiff.skipped(desired: object, live: live))
          continue
        }
        do {
          diffs.append(try KustomizationDiff.compare(desired: object, live: live, dryRun: Self.outcome(object, in: cluster),
            ignoreRules: kustomization.driftIgnoreRules))
        } catch let error as FluxDiffError {
          errors.append(error.message)
        }
      }
      let report = try KustomizationDiffReport(kustomization: kustomization, objects: diffs, errors: errors)
      #expect(errors.isEmpty, "\(errors)")
      #expect(cluster.store.resourceVersion == revision, "the dry-run wrote nothing")
      #expect(report.hasChanges)
      #expect(diffs.map(\.action) == [.unchanged, .created, .drifted, .skipped, .drifted])
      #expect(!report.text.contains("s3cret") && !report.text.contains(Base64.encode(Array("s3cret".utf8))))
      F.expectGolden(report.text, "diff-cluster.txt")
    }
  }
}
