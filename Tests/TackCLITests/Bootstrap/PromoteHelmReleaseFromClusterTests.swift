import Foundation
import TackJSON
import TackTestSupport
import Testing

/// `promote helmrelease --from-cluster`, in-process against the test API server: the version comes
/// from the live HelmRelease's newest status.history entry, not from any file.
@Suite struct PromoteHelmReleaseFromClusterTests {
  static func helmRelease(_ name: String, namespace: String, history: [(chart: String, status: String)]) -> JSON {
    var object: JSON = [
      "apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease",
      "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "spec": ["interval": "5m", "chart": ["spec": ["chart": "demo", "version": "1.x", "sourceRef": ["kind": "HelmRepository", "name": "demo"]]]],
    ]
    if !history.isEmpty {
      object["status"] = [
        "history": .array(history.enumerated().map { index, entry in
          [
            "name": .string(name), "namespace": .string(namespace), "version": .int(history.count - index),
            "status": .string(entry.status), "chartName": "demo", "chartVersion": .string(entry.chart),
            "configDigest": "sha256:0", "digest": "sha256:1", "firstDeployed": "2026-01-01T00:00:00Z",
            "lastDeployed": "2026-01-02T00:00:00Z",
          ]
        })
      ]
    }
    return object
  }

  static func world() -> [JSON] {
    [
      ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "apps"]],
      helmRelease("demo", namespace: "apps", history: [("1.2.0+0123456789ab", "deployed"), ("1.1.0", "superseded")]),
      helmRelease("fresh", namespace: "apps", history: []),
    ]
  }

  @Test func promotesTheVersionTheClusterRunsAndExplainsWhatIsMissing() async throws {
    let root = try TemporaryDirectory(prefix: "tack-promote-cluster")
    defer { root.remove() }
    let production = PromoteHelmReleaseCLITests.release.replacingOccurrences(of: "VERSION", with: "1.1.0")
    try root.write("production/demo.yaml", contents: production)
    try await withTestCluster { cluster in
      try cluster.installCRDs(.all)
      try cluster.store.seed(Self.world())
      let env = ["KUBECONFIG": try cluster.writeKubeconfig()]
      func promote(_ name: String, _ extra: [String] = []) async -> TackResult {
        await InProcessTack.run(
          ["promote", "helmrelease", name, "-n", "apps", "--from-cluster", "--to-path", "production", "--repo-dir", root.path]
            + extra, environment: env)
      }

      let dry = await promote("demo", ["--dry-run"])
      #expect(dry.exitCode == 0, "\(dry)")
      // The build metadata helm-controller adds is dropped; the staging spec's range (1.x) plays no part.
      #expect(dry.stdout.contains("+      version: '1.2.0' # keep me\n"), "\(dry)")
      #expect(dry.stderr.contains("HelmRelease apps/demo runs chart version 1.2.0+0123456789ab"), "\(dry)")

      let real = await promote("demo")
      #expect(real.exitCode == 0, "\(real)")
      #expect(try String(contentsOfFile: root.file("production/demo.yaml"), encoding: .utf8)
        == production.replacingOccurrences(of: "'1.1.0'", with: "'1.2.0'"))

      let absent = await promote("missing")
      #expect(absent.exitCode == 5, "\(absent)")
      #expect(absent.stderr.contains("helmreleases.helm.toolkit.fluxcd.io \"missing\" not found in namespace \"apps\""), "\(absent)")

      let fresh = await promote("fresh")
      #expect(fresh.exitCode == 1, "\(fresh)")
      #expect(fresh.stderr.contains("HelmRelease apps/fresh has no status.history"), "\(fresh)")
    }
  }

  @Test func fromClusterIsOneOfTheThreeSources() async throws {
    let result = await InProcessTack.run(
      ["promote", "helmrelease", "demo", "--from-cluster", "--version", "1.0.0", "--to-path", "production"])
    #expect(result.exitCode == 64, "\(result)")
    #expect(result.stderr.contains("exactly one of --from-path, --from-cluster and --version"), "\(result)")
  }
}
