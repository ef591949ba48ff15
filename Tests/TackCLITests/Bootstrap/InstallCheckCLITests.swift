import Foundation
import TackJSON
import TackTestSupport
import Testing

/// `tack install`, `tack install --export` and `tack check`, run in-process.
@Suite struct InstallCheckCLITests {
  /// A test API server with the Deployment double, and a private HOME.
  struct ClusterWorld {
    let cluster: TestCluster
    let kubeconfig: String
    let home: TemporaryDirectory
    let deployments: DeploymentAvailabilityDouble
    let manifests: String

    func tack(_ arguments: [String]) async throws -> TackResult {
      var env = BootstrapCLI.environment(home: home.path)
      env["KUBECONFIG"] = kubeconfig
      return await InProcessTack.run(arguments, exactEnvironment: env)
    }
  }

  func withCluster(_ body: (ClusterWorld) async throws -> Void) async throws {
    let cluster = try await TestCluster.start()
    let home = try TemporaryDirectory(prefix: "tack-install-home")
    let deployments = DeploymentAvailabilityDouble.start(on: cluster.store)
    let world = ClusterWorld(
      cluster: cluster, kubeconfig: try cluster.writeKubeconfig(), home: home, deployments: deployments,
      manifests: try BootstrapCLI.bundle(for: cluster, in: home))
    do {
      try await body(world)
    } catch {
      deployments.stop()
      await cluster.stop()
      home.remove()
      throw error
    }
    deployments.stop()
    await cluster.stop()
    home.remove()
  }

  func offline(_ arguments: [String]) async throws -> TackResult {
    let home = try TemporaryDirectory(prefix: "tack-export-home")
    defer { home.remove() }
    var env = BootstrapCLI.environment(home: home.path)
    // --export must not read a kubeconfig: point at one that does not exist.
    env["KUBECONFIG"] = home.path + "/no-such-kubeconfig"
    return await InProcessTack.run(arguments, exactEnvironment: env)
  }

  @Test func exportPrintsFluxsBundleAndTouchesNothing() async throws {
    let defaults = try await offline(["install", "--export", "--manifests", BootstrapCLI.manifests])
    #expect(defaults.exitCode == 0, "\(defaults)")
    #expect(defaults.stderr.isEmpty)
    #expect(defaults.stdout == (try String(contentsOfFile: BootstrapCLI.manifests + "/default-components.yaml", encoding: .utf8)))

    let all = try await offline([
      "install", "--export", "--manifests", BootstrapCLI.manifests,
      "--components-extra", "image-reflector-controller,image-automation-controller",
    ])
    #expect(all.stdout == (try String(contentsOfFile: BootstrapCLI.manifests + "/install.yaml", encoding: .utf8)))

    // A smaller selection: the header names exactly the components, the other controllers' objects are gone.
    let some = try await offline([
      "install", "--export", "--manifests", BootstrapCLI.manifests, "--components", "source-controller,kustomize-controller",
      "--version", "v2.9.4", "-n", "gitops",
    ])
    #expect(some.exitCode == 0, "\(some)")
    let head = some.stdout.split(separator: "\n", omittingEmptySubsequences: false).prefix(14).joined(separator: "\n")
    try GoldenFile.verify(head + "\n", at: GoldenFile.path("install-export-selection.head"))
    #expect(!some.stdout.contains("flux-system"))
    let kinds = some.stdout.split(separator: "\n").filter { $0.hasPrefix("kind: ") }.map { String($0.dropFirst(6)) }
    #expect(kinds.filter { $0 == "Deployment" }.count == 2)
  }

  @Test func exportRejectsUnknownComponentsAndVersions() async throws {
    let unknown = try await offline(["install", "--export", "--manifests", BootstrapCLI.manifests, "--components-extra", "flagger"])
    #expect(unknown.exitCode == 64, "\(unknown)")
    #expect(unknown.stderr.contains("component flagger is not available"))
    let version = try await offline(["install", "--export", "--version", "2.9.4"])
    #expect(version.exitCode == 64, "\(version)")
    #expect(version.stderr.contains("--version \"2.9.4\""))
  }

  @Test func installThenCheckPassesAndAnEmptyClusterFailsCheck() async throws {
    try await withCluster { world in
      let empty = try await world.tack(["check", "--timeout", "2s"])
      #expect(empty.exitCode == 1, "\(empty)")
      try GoldenFile.verify(empty.stderr, at: GoldenFile.path("check-empty-cluster.stderr"))

      // flux wants Kubernetes >= 1.30; the test API server could report an older version.
      let versionOK = await BootstrapCLI.serverMeetsFluxMinimum(kubeconfig: world.kubeconfig, home: world.home.path)
      let pre = try await world.tack(["check", "--pre"])
      #expect(pre.exitCode == (versionOK ? 0 : 1), "\(pre)")

      let install = try await world.tack(["install", "--manifests", world.manifests, "--timeout", "5m"])
      #expect(install.exitCode == 0, "\(install)")
      #expect(install.stderr.hasPrefix("✚ generating manifests\n✔ manifests build completed\n► installing components in flux-system namespace\n"))
      #expect(install.stderr.contains("CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io created\n"))
      #expect(install.stderr.hasSuffix("✔ source-controller: deployment ready\n✔ install finished\n"))
      #expect(try world.cluster.store.list(apiVersion: "apps/v1", kind: "Deployment", namespace: "flux-system").count == 4)

      let check = try await world.tack(["check", "--timeout", "5m"])
      #expect(check.stderr.contains("✔ distribution: flux-v2.9.4\n✔ bootstrapped: false\n"), "\(check)")
      #expect(check.stderr.contains("✔ source-controller: deployment ready\n► ghcr.io/fluxcd/source-controller:"))
      #expect(check.stderr.contains("✔ gitrepositories.source.toolkit.fluxcd.io/v1\n"))
      let failures = check.stderr.split(separator: "\n").filter { $0.hasPrefix("✗") }
      if versionOK {
        #expect(check.exitCode == 0, "\(check)")
        #expect(check.stderr.hasSuffix("✔ all checks passed\n"))
        #expect(failures.isEmpty)
      } else {
        // Everything passes but the Kubernetes version, and that alone fails the check.
        #expect(check.exitCode == 1, "\(check)")
        #expect(failures.count == 2 && failures[0].contains("Kubernetes version") && failures[1] == "✗ check failed")
      }

      // Installing again creates nothing new.
      let again = try await world.tack(["install", "--manifests", world.manifests, "--timeout", "5m"])
      #expect(again.exitCode == 0, "\(again)")
      #expect(!again.stderr.contains(" created\n"), "\(again)")
      #expect(again.stderr.hasSuffix("✔ install finished\n"))
    }
  }

  @Test func checkFailsWhenAControllerIsNotAvailable() async throws {
    try await withCluster { world in
      world.deployments.hold("helm-controller")
      let install = try await world.tack(["install", "--manifests", world.manifests, "--timeout", "3s"])
      #expect(install.exitCode == 3, "\(install)")
      #expect(install.stderr.contains("✗ helm-controller: deployment not ready\n"))
      let check = try await world.tack(["check", "--timeout", "2s"])
      #expect(check.exitCode == 1, "\(check)")
      #expect(check.stderr.contains("✗ helm-controller: deployment not ready\n"))
      #expect(check.stderr.hasSuffix("✗ check failed\n"))
    }
  }
}
