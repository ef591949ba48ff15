import Foundation
import TackBase
import TackJSON
import TackTestSupport
import Testing

/// `tack trace` in-process against the test API server: a Deployment managed by a Kustomization
/// from a GitRepository, a Pod owned (through a ReplicaSet) by a Deployment a HelmRelease
/// installed, and the objects that cannot be traced.
@Suite struct TraceCommandTests {
  static func ready(_ status: String, _ message: String, at time: String = "2026-03-01T10:20:30Z") -> JSON {
    ["conditions": [["type": "Ready", "status": .string(status), "reason": "r", "message": .string(message), "lastTransitionTime": .string(time)]]]
  }

  static func world() -> [JSON] {
    var ks: JSON = [
      "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
      "metadata": ["name": "apps", "namespace": "flux-system"],
      "spec": ["interval": "10m", "path": "./apps", "prune": true, "targetNamespace": "apps", "sourceRef": ["kind": "GitRepository", "name": "fleet"]],
      "status": ready("True", "Applied revision: main@sha1:abc"),
    ]
    ks[path: "status", "lastAppliedRevision"] = "main@sha1:abc"
    var git: JSON = [
      "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
      "metadata": ["name": "fleet", "namespace": "flux-system"],
      "spec": ["url": "ssh://git@example.com/fleet", "interval": "1m", "ref": ["branch": "main"]],
      "status": ready("False", "failed to checkout", at: "2026-03-01T10:00:00Z"),
    ]
    git[path: "status", "artifact"] = ["revision": "main@sha1:abc", "path": "p", "url": "u", "lastUpdateTime": "2026-03-01T10:00:00Z", "digest": "sha256:1", "size": 1]
    var hr: JSON = [
      "apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease",
      "metadata": ["name": "podinfo", "namespace": "apps"],
      "spec": ["interval": "5m", "chart": ["spec": ["chart": "podinfo", "version": "6.x", "sourceRef": ["kind": "HelmRepository", "name": "podinfo", "namespace": "flux-system"]]]],
      "status": ready("True", "Helm upgrade succeeded"),
    ]
    hr[path: "status", "lastAttemptedRevision"] = "6.5.0"
    hr[path: "status", "helmChart"] = "flux-system/apps-podinfo"
    var chart: JSON = [
      "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "HelmChart",
      "metadata": ["name": "apps-podinfo", "namespace": "flux-system"],
      "spec": ["chart": "podinfo", "version": "6.x", "interval": "5m", "sourceRef": ["kind": "HelmRepository", "name": "podinfo"]],
      "status": ready("True", "pulled 'podinfo' chart with version '6.5.0'"),
    ]
    chart[path: "status", "artifact"] = ["revision": "6.5.0", "path": "p", "url": "u", "lastUpdateTime": "2026-03-01T10:00:00Z", "digest": "sha256:1", "size": 1]
    let repository: JSON = [
      "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "HelmRepository",
      "metadata": ["name": "podinfo", "namespace": "flux-system"],
      "spec": ["url": "https://stefanprodan.github.io/podinfo", "interval": "1h"],
    ]
    func deployment(_ name: String, labels: JSON) -> JSON {
      [
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string(name), "namespace": "apps", "labels": labels, "uid": .string("uid-\(name)")],
        "spec": ["selector": ["matchLabels": ["app": .string(name)]], "template": ["metadata": ["labels": ["app": .string(name)]], "spec": ["containers": [["name": "c", "image": "i"]]]]],
      ]
    }
    return [
      ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "flux-system"]],
      ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "apps"]],
      ks, git, hr, chart, repository,
      deployment("web", labels: ["kustomize.toolkit.fluxcd.io/name": "apps", "kustomize.toolkit.fluxcd.io/namespace": "flux-system"]),
      deployment("podinfo", labels: ["helm.toolkit.fluxcd.io/name": "podinfo", "helm.toolkit.fluxcd.io/namespace": "apps"]),
      deployment("manual", labels: ["app": "manual"]),
      [
        "apiVersion": "v1", "kind": "ConfigMap",
        "metadata": ["name": "owned", "namespace": "apps", "ownerReferences": [["apiVersion": "apps/v1", "kind": "Deployment", "name": "podinfo", "uid": "uid-podinfo"]]],
        "data": ["a": "b"],
      ],
    ]
  }

  static func withWorld(_ body: ([String: String]) async throws -> Void) async throws {
    try await withTestCluster { cluster in
      try cluster.installCRDs(.all)
      try cluster.store.seed(world())
      try await body(["KUBECONFIG": try cluster.writeKubeconfig()])
    }
  }

  @Test func aDeploymentFromAKustomization() async throws {
    try await Self.withWorld { env in
      let result = await InProcessTack.run(["trace", "deployment", "web", "-n", "apps"], environment: env)
      #expect(result.exitCode == 0, "\(result)")
      CLIGolden.expect(result, "observe/trace-kustomization")
      let slash = await InProcessTack.run(["trace", "deploy/web", "-n", "apps"], environment: env)
      #expect(slash.stdout == result.stdout)
    }
  }

  @Test func anOwnedObjectFromAHelmRelease() async throws {
    try await Self.withWorld { env in
      let result = await InProcessTack.run(["trace", "cm", "owned", "-n", "apps"], environment: env)
      #expect(result.exitCode == 0, "\(result)")
      CLIGolden.expect(result, "observe/trace-helmrelease")
    }
  }

  @Test func objectsThatCannotBeTraced() async throws {
    try await Self.withWorld { env in
      let manual = await InProcessTack.run(["trace", "deployment", "manual", "web", "-n", "apps"], environment: env)
      #expect(manual.exitCode == 5, "\(manual)")
      #expect(manual.stderr.contains("failed to trace Deployment/manual in namespace apps: object not managed by Flux"))
      #expect(manual.stdout.contains("Kustomization:   apps"), "the other object is still traced")
      let missing = await InProcessTack.run(["trace", "deployment", "nope", "-n", "apps"], environment: env)
      #expect(missing.exitCode == 5, "\(missing)")
    }
  }

  @Test(arguments: [
    ([String](), "either `<resource>/<name>` or `<resource> <name>` is required"),
    (["widget", "x"], "pass --kind and --api-version"),
    (["x", "--kind", "Widget"], "object apiVersion is required (--api-version)"),
    (["deployment"], "a name is required"),
  ])
  func usageErrors(_ arguments: [String], _ message: String) async {
    let result = await InProcessTack.run(["trace"] + arguments)
    #expect(result.exitCode == 64, "\(result)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }
}
