import Foundation
import TackJSON
import TackTestSupport
import Testing

@Suite struct ExportCommandTests {
  @Test func exportsInFluxFormat() async throws {
    try await GetCommandTests.withSeededCluster { _, kubeconfig in
      let env = ["KUBECONFIG": kubeconfig]
      CLIGolden.expect(await InProcessTack.run(["export", "ks", "--all"], environment: env), "export/ks-all")
      CLIGolden.expect(await InProcessTack.run(["export", "hr", "podinfo"], environment: env), "export/hr-podinfo")
      CLIGolden.expect(
        await InProcessTack.run(["export", "source", "git", "--all", "--with-credentials"], environment: env),
        "export/git-with-credentials")
      let missing = await InProcessTack.run(["export", "ks", "nope"], environment: env)
      #expect(missing.exitCode == 5, "\(missing)")
      let empty = await InProcessTack.run(["export", "ks", "--all", "-n", "empty"], environment: env)
      #expect(empty.exitCode == 5, "\(empty)")
      #expect(empty.stderr.contains("no objects found in empty namespace"))
      // The export reads back as the objects' spec.
      let exported = await InProcessTack.run(["export", "ks", "--all"], environment: env)
      for document in try JSON.parseYAMLDocuments(exported.stdout) {
        #expect(document.objectValue?.keys == ["apiVersion", "kind", "metadata", "spec"])
        #expect(document["status"] == nil)
      }
    }
  }
}

@Suite struct VersionCommandTests {
  @Test func reportsServerFluxAndControllers() async throws {
    try await withTestCluster { cluster in
      try cluster.installCRDs(.all)
      var crd = try cluster.store.get(
        apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition",
        name: "gitrepositories.source.toolkit.fluxcd.io")
      crd[path: "metadata", "labels"] = ["app.kubernetes.io/part-of": "flux", "app.kubernetes.io/version": "v2.9.4"]
      _ = try cluster.store.update(crd)
      func deployment(_ name: String, _ namespace: String, _ image: String, labels: JSON) -> JSON {
        ["apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": ["name": .string(name), "namespace": .string(namespace), "labels": labels],
          "spec": ["selector": ["matchLabels": ["app": .string(name)]],
            "template": ["metadata": ["labels": ["app": .string(name)]],
              "spec": ["containers": [["name": "manager", "image": .string(image)]]]]]]
      }
      try cluster.store.seed([
        ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "flux-system"]],
        ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "flagger-system"]],
        deployment("source-controller", "flux-system", "ghcr.io/fluxcd/source-controller:v1.9.1", labels: ["app.kubernetes.io/part-of": "flux"]),
        deployment("kustomize-controller", "flux-system", "ghcr.io/fluxcd/kustomize-controller:v1.9.4", labels: ["app.kubernetes.io/part-of": "flux"]),
        deployment("flagger", "flagger-system", "ghcr.io/fluxcd/flagger:1.44.0", labels: ["app.kubernetes.io/name": "flagger"]),
      ])
      let kubeconfig = try cluster.writeKubeconfig()
      let yaml = await InProcessTack.run(["version"], environment: ["KUBECONFIG": kubeconfig])
      #expect(yaml.exitCode == 0, "\(yaml)")
      let report = try JSON.parseYAML(yaml.stdout)
      #expect(report.objectValue?.keys.prefix(4) == ["tack", "server", "flux", "distribution"])
      #expect(report["flux"] == "v2.9.4")
      #expect(report["distribution"] == "flux-v2.9.4")
      #expect(report["source-controller"] == "v1.9.1")
      #expect(report["kustomize-controller"] == "v1.9.4")
      #expect(report["flagger"] == "1.44.0")
      let json = await InProcessTack.run(["version", "-o", "json"], environment: ["KUBECONFIG": kubeconfig])
      #expect(try JSON.parse(json.stdout) == report)
      // Another namespace: no Flux controllers there, Flagger is still found cluster-wide.
      let other = await InProcessTack.run(["version", "-n", "other"], environment: ["KUBECONFIG": kubeconfig])
      #expect(other.exitCode == 0, "\(other)")
      #expect(try JSON.parseYAML(other.stdout)["source-controller"] == nil)
    }
  }
}
