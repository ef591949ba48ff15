import Foundation
import TackBase
import TackJSON
import TackTestSupport
import Testing

/// `tack tree ks` in-process against the test API server: nested Kustomizations, a HelmRelease
/// expanded from Helm's storage Secret (base64 of gzip of JSON, as Helm writes it), readiness,
/// `--compact`, `--failed`, `--no-status`, and the data formats.
@Suite struct TreeCommandTests {
  static func condition(_ status: String) -> JSON {
    ["conditions": [["type": "Ready", "status": .string(status), "reason": "r", "message": "m", "lastTransitionTime": "2026-01-01T00:00:00Z"]]]
  }

  static func kustomization(_ name: String, ready: String, inventory: [String]) -> JSON {
    var status = condition(ready)
    status["inventory"] = ["entries": .array(inventory.map { ["id": .string($0), "v": "v1"] })]
    return [
      "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
      "metadata": ["name": .string(name), "namespace": "flux-system"],
      "spec": ["interval": "10m", "path": "./", "prune": true, "sourceRef": ["kind": "GitRepository", "name": "flux-system"]],
      "status": status,
    ]
  }

  /// The Secret Helm keeps for revision 2 of `podinfo` in `apps`.
  static func helmStorage() throws -> JSON {
    let manifest = """
      ---
      # Source: podinfo/templates/service.yaml
      apiVersion: v1
      kind: Service
      metadata:
        name: podinfo
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: podinfo
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: podinfo-reader
      """
    let release: JSON = ["name": "podinfo", "namespace": "apps", "version": 2, "manifest": .string(manifest)]
    let gzipped = try ProcessRunner.runBlocking("gzip", ["-c"], stdin: Array(release.serialized().utf8)).stdoutBytes
    return [
      "apiVersion": "v1", "kind": "Secret", "type": "helm.sh/release.v1",
      "metadata": ["name": "sh.helm.release.v1.podinfo.v2", "namespace": "apps", "labels": ["owner": "helm"]],
      "data": ["release": .string(Base64.encode(Array(Base64.encode(gzipped).utf8)))],
    ]
  }

  static func world() throws -> [JSON] {
    var helmRelease: JSON = [
      "apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease",
      "metadata": ["name": "podinfo", "namespace": "apps"],
      "spec": ["interval": "5m", "chart": ["spec": ["chart": "podinfo", "sourceRef": ["kind": "HelmRepository", "name": "podinfo"]]]],
      "status": condition("False"),
    ]
    helmRelease[path: "status", "history"] = [["name": "podinfo", "namespace": "apps", "version": 2, "chartName": "podinfo", "chartVersion": "6.5.0", "configDigest": "sha256:0", "digest": "sha256:0", "status": "deployed", "firstDeployed": "2026-01-01T00:00:00Z", "lastDeployed": "2026-01-01T00:00:00Z"]]
    helmRelease[path: "status", "storageNamespace"] = "apps"
    return [
      ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "flux-system"]],
      ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "apps"]],
      kustomization("flux-system", ready: "True", inventory: [
        "_apps__Namespace", "flux-system_apps_kustomize.toolkit.fluxcd.io_Kustomization",
        "flux-system_flux-system_source.toolkit.fluxcd.io_GitRepository",
        "flux-system_flux-system_kustomize.toolkit.fluxcd.io_Kustomization",
      ]),
      kustomization("apps", ready: "False", inventory: [
        "apps_web__Service", "apps_web_apps_Deployment", "apps_podinfo_helm.toolkit.fluxcd.io_HelmRelease",
      ]),
      [
        "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
        "metadata": ["name": "flux-system", "namespace": "flux-system"],
        "spec": ["url": "https://example.com/fleet", "interval": "1m", "ref": ["branch": "main"]], "status": condition("True"),
      ],
      helmRelease, try helmStorage(),
    ]
  }

  static func withWorld(_ body: ([String: String]) async throws -> Void) async throws {
    try await withTestCluster { cluster in
      try cluster.installCRDs(.all)
      try cluster.store.seed(try world())
      try await body(["KUBECONFIG": try cluster.writeKubeconfig()])
    }
  }

  @Test func theWholeTreeWithReadiness() async throws {
    try await Self.withWorld { env in
      let result = await InProcessTack.run(["tree", "ks", "flux-system"], environment: env)
      #expect(result.exitCode == 0, "\(result)")
      CLIGolden.expect(result, "observe/tree")
      #expect(result.stdout.contains("│   └── HelmRelease/apps/podinfo (Failed)\n"), "\(result.stdout)")
      #expect(result.stdout.contains("│       ├── Service/apps/podinfo\n"), "a release object gets the release namespace")
      #expect(result.stdout.contains("│       └── ClusterRole/podinfo-reader\n"), "a cluster-scoped one gets none")
    }
  }

  @Test func fluxLayoutCompactAndFailed() async throws {
    try await Self.withWorld { env in
      let plain = await InProcessTack.run(["tree", "kustomization", "flux-system", "--no-status"], environment: env)
      #expect(!plain.stdout.contains("(Ready)") && plain.stdout.hasPrefix("Kustomization/flux-system/flux-system\n"))
      #expect(plain.stdout.hasSuffix("\n\n"))
      let compact = await InProcessTack.run(["tree", "ks", "flux-system", "--compact"], environment: env)
      #expect(!compact.stdout.contains("Namespace/") && !compact.stdout.contains("Deployment/"), "\(compact.stdout)")
      #expect(compact.stdout.contains("GitRepository/flux-system/flux-system (Ready)"))
      let failed = await InProcessTack.run(["tree", "ks", "flux-system", "--failed"], environment: env)
      CLIGolden.expect(failed, "observe/tree-failed")
      #expect(!failed.stdout.contains("GitRepository"), "healthy branches are pruned: \(failed.stdout)")
    }
  }

  @Test func dataFormats() async throws {
    try await Self.withWorld { env in
      let json = await InProcessTack.run(["tree", "ks", "flux-system", "-o", "json"], environment: env)
      let document = try JSON.parse(json.stdout)
      #expect(document[path: "resource", "GroupKind", "Kind"] == "Kustomization")
      #expect(document[path: "resource", "Status"] == "Ready")
      #expect(document["resources"]?.arrayValue?.count == 3, "\(json.stdout)")
      let yaml = await InProcessTack.run(["tree", "ks", "flux-system", "-o", "yaml", "--no-status"], environment: env)
      #expect(yaml.stdout.hasPrefix("resource:\n  GroupKind:\n"), "\(yaml.stdout)")
    }
  }

  @Test func missingAndUsage() async throws {
    try await Self.withWorld { env in
      let missing = await InProcessTack.run(["tree", "ks", "nope"], environment: env)
      #expect(missing.exitCode == 5, "\(missing)")
      #expect(missing.stderr.contains("\"nope\" not found"))
    }
    let usage = await InProcessTack.run(["tree", "ks"])
    #expect(usage.exitCode == 64 && usage.stderr.contains("kustomization name is required"), "\(usage)")
  }
}
