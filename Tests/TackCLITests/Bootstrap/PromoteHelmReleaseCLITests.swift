import Foundation
import TackTestSupport
import Testing

/// `tack promote helmrelease` through the built binary, on a work tree in a temp directory.
@Suite struct PromoteHelmReleaseCLITests {
  static let release = """
    apiVersion: helm.toolkit.fluxcd.io/v2
    kind: HelmRelease
    metadata:
      name: demo
    spec:
      chart:
        spec:
          chart: demo
          version: 'VERSION' # keep me

    """

  func run(_ arguments: [String], in root: TemporaryDirectory) async throws -> ProcessResult {
    try await BootstrapCLI.run(["promote", "helmrelease", "demo", "--repo-dir", root.path] + arguments, home: root.path, kubeconfig: "/nonexistent")
  }

  @Test func dryRunPrintsTheDiffThenTheEditAndTheNoOp() async throws {
    let root = try TemporaryDirectory(prefix: "tack-promote-cli")
    defer { root.remove() }
    try root.write("staging/demo.yaml", contents: Self.release.replacingOccurrences(of: "VERSION", with: "1.2.0"))
    let production = Self.release.replacingOccurrences(of: "VERSION", with: "1.1.0")
    try root.write("production/demo.yaml", contents: production)
    let flags = ["--from-path", "staging", "--to-path", "production"]

    let dry = try await run(flags + ["--dry-run"], in: root)
    #expect(dry.exitCode == 0, "\(dry)")
    #expect(dry.stdout.contains("-      version: '1.1.0' # keep me\n+      version: '1.2.0' # keep me\n"), "\(dry)")
    #expect(try String(contentsOfFile: root.file("production/demo.yaml"), encoding: .utf8) == production)

    let real = try await run(flags, in: root)
    #expect(real.exitCode == 0, "\(real)")
    #expect(real.stderr.contains("✔ promoted demo from 1.1.0 to 1.2.0 in production/demo.yaml"), "\(real)")
    #expect(try String(contentsOfFile: root.file("production/demo.yaml"), encoding: .utf8)
      == Self.release.replacingOccurrences(of: "VERSION", with: "1.2.0"))

    let again = try await run(flags, in: root)
    #expect(again.exitCode == 0, "\(again)")
    #expect(again.stderr.contains("✔ demo is already at 1.2.0 in production/demo.yaml"), "\(again)")
    #expect(again.stdout.isEmpty)
  }

  @Test func bothOrNeitherSourceIsAUsageError() async throws {
    let root = try TemporaryDirectory(prefix: "tack-promote-cli")
    defer { root.remove() }
    let result = try await run(["--to-path", "production"], in: root)
    #expect(result.exitCode == 64, "\(result)")
  }
}

/// `--push`: a fresh clone of a real bare repository, one commit on the branch, pushed.
@Suite(.requires(.git))
struct PromoteHelmReleasePushCLITests {
  @Test func commitsAndPushesThePromotionOnce() async throws {
    let home = try TemporaryDirectory(prefix: "tack-promote-push")
    defer { home.remove() }
    let repository = try BareGitRepository(name: "fleet")
    defer { repository.remove() }
    let production = PromoteHelmReleaseCLITests.release.replacingOccurrences(of: "VERSION", with: "1.1.0")
    try repository.commit(
      files: [
        "staging/demo.yaml": PromoteHelmReleaseCLITests.release.replacingOccurrences(of: "VERSION", with: "1.2.0"),
        "production/demo.yaml": production,
      ], message: "Initial commit")
    let arguments = [
      "promote", "helmrelease", "demo", "--from-path", "staging", "--to-path", "production", "--push", "--url",
      repository.fileURL,
    ]
    let first = try await BootstrapCLI.run(arguments, home: home.path, kubeconfig: "/nonexistent")
    #expect(first.exitCode == 0, "\(first)")
    let log = try repository.log("main")
    #expect(log.map(\.subject) == ["Update demo to v1.2.0", "Initial commit"])
    #expect(log[0].authorName == "Flux")
    #expect(repository.file("production/demo.yaml") == production.replacingOccurrences(of: "'1.1.0'", with: "'1.2.0'"))
    #expect(first.stderr.contains("✔ committed and pushed to \"main\" (\"\(log[0].id)\")"), "\(first)")

    let second = try await BootstrapCLI.run(arguments, home: home.path, kubeconfig: "/nonexistent")
    #expect(second.exitCode == 0, "\(second)")
    #expect(second.stderr.contains("already at 1.2.0"), "\(second)")
    #expect(try repository.log("main").count == 2)
  }
}
