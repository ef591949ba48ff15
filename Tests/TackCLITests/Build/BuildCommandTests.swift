import Foundation
import TackBase
import TackJSON
import TackTestSupport
import Testing

/// `tack build ks` in-process: from the file alone (`--dry-run`, no cluster), and with the
/// Kustomization and its `substituteFrom` objects read from the test API server. Goldens under
/// `Fixtures/build/`, stdout and stderr apart.
@Suite struct BuildCommandTests {
  typealias W = BuildWorld

  @Test func dryRunNeedsNoCluster() async throws {
    // A kubeconfig that does not exist: any attempt to connect would fail.
    let env = ["KUBECONFIG": W.root + "/no-such-kubeconfig"]
    let result = await InProcessTack.run(
      ["build", "ks", "apps", "--path", W.apps, "--kustomization-file", W.kustomizationFile, "--dry-run"],
      environment: env)
    #expect(result.exitCode == 0, "\(result)")
    // substituteFrom is skipped: MODE is unset and IMAGE_TAG takes its default.
    #expect(result.stdout.contains("image: nginx:1.25"))
    #expect(result.stdout.contains("replicas: 2"))
    #expect(!result.stdout.contains("junk"), ".sourceignore drops ignored/")
    #expect(result.stdout.contains("${NOT_SUBSTITUTED}"), "the opt-out annotation is honoured")
    CLIGolden.expect(W.normalised(result), "build/dry-run")
    let alias = await InProcessTack.run(
      ["build", "kustomization", "apps", "--path", W.apps, "--kustomization-file", W.kustomizationFile, "--dry-run"],
      environment: env)
    #expect(alias.stdout == result.stdout)
  }

  @Test func fromTheClusterWithSubstituteFrom() async throws {
    try await W.withCluster { _, env in
      let result = await InProcessTack.run(["build", "ks", "apps", "--path", W.apps], environment: env)
      #expect(result.exitCode == 0, "\(result)")
      #expect(result.stdout.contains("image: nginx:1.27"), "IMAGE_TAG from the Secret")
      #expect(result.stdout.contains("value: fast"), "MODE from the ConfigMap")
      #expect(result.stdout.contains("namespace: apps"))
      CLIGolden.expect(W.normalised(result), "build/cluster")

      // The file's spec over the live object: same result here, and no cluster write.
      let withFile = await InProcessTack.run(
        ["build", "ks", "apps", "--path", W.apps, "--kustomization-file", W.kustomizationFile], environment: env)
      #expect(withFile.exitCode == 0 && withFile.stdout == result.stdout, "\(withFile)")

      let ignored = await InProcessTack.run(
        ["build", "ks", "apps", "--path", W.apps, "--ignore-paths", "service.yaml,settings.yaml"], environment: env)
      #expect(ignored.exitCode == 0, "\(ignored)")
      #expect(!ignored.stdout.contains("kind: Service") && !ignored.stdout.contains("name: settings"))
      #expect(ignored.stdout.contains("kind: Deployment"))
    }
  }

  @Test func strictSubstituteFailsOnAnUnsetVariable() async throws {
    let result = await InProcessTack.run(
      ["build", "ks", "apps", "--path", W.apps, "--kustomization-file", W.kustomizationFile, "--dry-run",
       "--strict-substitute"])
    #expect(result.exitCode == 1)
    #expect(result.stdout.isEmpty)
    CLIGolden.expect(W.normalised(result), "build/strict-substitute")
  }

  @Test func errorsAndTheirExitCodes() async throws {
    let noFile = await InProcessTack.run(["build", "ks", "apps", "--path", W.apps, "--dry-run"])
    #expect(noFile.exitCode == 64, "\(noFile)")
    CLIGolden.expect(W.normalised(noFile), "build/dry-run-without-file")

    let badPath = await InProcessTack.run(
      ["build", "ks", "apps", "--path", W.root + "/missing", "--kustomization-file", W.kustomizationFile, "--dry-run"])
    #expect(badPath.exitCode == 1)
    CLIGolden.expect(W.normalised(badPath), "build/invalid-path")

    let otherName = await InProcessTack.run(
      ["build", "ks", "other", "--path", W.apps, "--kustomization-file", W.kustomizationFile, "--dry-run"])
    #expect(otherName.exitCode == 1)
    CLIGolden.expect(W.normalised(otherName), "build/not-in-file")

    try await W.withCluster(kustomization: nil) { _, env in
      let missing = await InProcessTack.run(["build", "ks", "apps", "--path", W.apps], environment: env)
      #expect(missing.exitCode == 5, "\(missing)")
      CLIGolden.expect(W.normalised(missing), "build/not-in-cluster")
    }
    try await W.withCluster(extra: []) { _, env in
      let noVars = await InProcessTack.run(["build", "ks", "apps", "--path", W.apps], environment: env)
      #expect(noVars.exitCode == 1, "\(noVars)")
      CLIGolden.expect(W.normalised(noVars), "build/substitute-from-missing")
    }
  }
}
