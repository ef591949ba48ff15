import Foundation
import TackBase
import TackJSON
import TackTestSupport
import Testing

/// `tack debug ks|hr` in-process against the test API server: the chain of reasons (a Kustomization
/// blocked by a failing dependency whose source fails), status YAML, substitution variables and
/// merged Helm values with Secret values redacted.
@Suite struct DebugCommandTests {
  static func ready(_ status: String, _ reason: String, _ message: String) -> JSON {
    ["conditions": [["type": "Ready", "status": .string(status), "reason": .string(reason), "message": .string(message), "lastTransitionTime": "2026-03-01T10:00:00Z"]]]
  }

  static func kustomization(_ name: String, dependsOn: [String] = [], source: String, status: JSON, postBuild: JSON? = nil) -> JSON {
    var spec: JSON = ["interval": "10m", "path": "./", "prune": true, "sourceRef": ["kind": "GitRepository", "name": .string(source)]]
    if !dependsOn.isEmpty { spec["dependsOn"] = .array(dependsOn.map { ["name": .string($0)] }) }
    if let postBuild { spec["postBuild"] = postBuild }
    return ["apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization", "metadata": ["name": .string(name), "namespace": "flux-system"], "spec": spec, "status": status]
  }

  static func git(_ name: String, status: JSON) -> JSON {
    ["apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository", "metadata": ["name": .string(name), "namespace": "flux-system"],
     "spec": ["url": "https://example.com/x", "interval": "1m", "ref": ["branch": "main"]], "status": status]
  }

  static func world() -> [JSON] {
    [
      ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "flux-system"]],
      kustomization("apps", dependsOn: ["infra"], source: "fleet", status: ready("False", "DependencyNotReady", "dependency 'flux-system/infra' is not ready"),
        postBuild: ["substitute": ["REGION": "eu-1"], "substituteFrom": [["kind": "ConfigMap", "name": "vars"], ["kind": "Secret", "name": "creds"]]]),
      kustomization("infra", source: "infra-repo", status: ready("False", "ArtifactFailed", "Source artifact not found, retrying in 30s")),
      git("fleet", status: ready("True", "Succeeded", "stored artifact for revision 'main@sha1:1'")),
      git("infra-repo", status: ready("False", "GitOperationFailed", "failed to checkout and determine revision: auth failed")),
      ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "vars", "namespace": "flux-system"], "data": ["CLUSTER": "prod", "REGION": "us-1"]],
      ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "creds", "namespace": "flux-system"], "data": ["TOKEN": .string(Base64.encode(Array("s3cr3t-token".utf8)))]],
      ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "hr-secret", "namespace": "flux-system"], "data": ["values.yaml": .string(Base64.encode(Array("db:\n  password: hunter2\n  port: 5432\n".utf8)))]],
      ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "hr-values", "namespace": "flux-system"], "data": ["values.yaml": "replicas: 2\ndb:\n  host: pg\n", "tier": "gold"]],
      [
        "apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease", "metadata": ["name": "podinfo", "namespace": "flux-system"],
        "spec": [
          "interval": "5m", "chart": ["spec": ["chart": "podinfo", "sourceRef": ["kind": "HelmRepository", "name": "podinfo"]]],
          "valuesFrom": [["kind": "ConfigMap", "name": "hr-values"], ["kind": "Secret", "name": "hr-secret"], ["kind": "ConfigMap", "name": "hr-values", "valuesKey": "tier", "targetPath": "labels.tier"]],
          "values": ["replicas": 3],
        ],
        "status": ready("True", "UpgradeSucceeded", "Helm upgrade succeeded"),
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

  @Test func theReasonsFollowWhatIsNotReady() async throws {
    try await Self.withWorld { env in
      let result = await InProcessTack.run(["debug", "ks", "apps"], environment: env)
      #expect(result.exitCode == 0, "\(result)")
      CLIGolden.expect(result, "observe/debug-ks")
      #expect(result.stdout.contains("    source GitRepository flux-system/infra-repo: Ready=False (GitOperationFailed)"), "\(result.stdout)")
    }
  }

  @Test func statusAndVariables() async throws {
    try await Self.withWorld { env in
      let status = await InProcessTack.run(["debug", "kustomization", "apps", "--show-status"], environment: env)
      #expect(status.stdout.hasPrefix("status:\n  conditions:\n"), "\(status)")
      let vars = await InProcessTack.run(["debug", "ks", "apps", "--show-vars"], environment: env)
      #expect(vars.stdout == "CLUSTER=prod\nREGION=eu-1\nTOKEN=<redacted: from Secret>\n", "\(vars)")
      #expect(!vars.stdout.contains("s3cr3t"))
    }
  }

  @Test func mergedHelmValuesHideSecrets() async throws {
    try await Self.withWorld { env in
      let result = await InProcessTack.run(["debug", "hr", "podinfo", "--show-values"], environment: env)
      #expect(result.exitCode == 0, "\(result)")
      #expect(!result.stdout.contains("hunter2"), "\(result.stdout)")
      let values = try JSON.parseYAML(result.stdout)
      #expect(values["replicas"] == 3)
      #expect(values[path: "db", "host"] == "pg")
      #expect(values[path: "db", "password"] == "<redacted: from Secret>")
      #expect(values[path: "labels", "tier"] == "gold")
      let why = await InProcessTack.run(["debug", "hr", "podinfo"], environment: env)
      #expect(why.stdout.hasPrefix("HelmRelease flux-system/podinfo: Ready=True (UpgradeSucceeded)"), "\(why)")
      #expect(why.stdout.contains("source HelmRepository flux-system/podinfo: not found"), "\(why)")
    }
  }

  @Test func missingObjectExitsFive() async throws {
    try await Self.withWorld { env in
      let result = await InProcessTack.run(["debug", "ks", "nope"], environment: env)
      #expect(result.exitCode == 5, "\(result)")
    }
  }
}
