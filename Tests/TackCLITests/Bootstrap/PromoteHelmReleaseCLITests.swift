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

  @Test func dryRunWithURLClonesPrintsTheDiffAndPushesNothing() async throws {
    let home = try TemporaryDirectory(prefix: "tack-promote-dry")
    defer { home.remove() }
    let repository = try BareGitRepository(name: "fleet")
    defer { repository.remove() }
    let production = PromoteHelmReleaseCLITests.release.replacingOccurrences(of: "VERSION", with: "1.1.0")
    let base = try repository.commit(
      files: [
        "staging/demo.yaml": PromoteHelmReleaseCLITests.release.replacingOccurrences(of: "VERSION", with: "1.2.0"),
        "production/demo.yaml": production,
      ], message: "Initial commit")
    let arguments = [
      "promote", "helmrelease", "demo", "--from-path", "staging", "--to-path", "production", "--dry-run", "--url",
      repository.fileURL,
    ]
    let dry = try await BootstrapCLI.run(arguments, home: home.path, kubeconfig: "/nonexistent")
    #expect(dry.exitCode == 0, "\(dry)")
    #expect(dry.stdout.contains("--- a/production/demo.yaml"), "\(dry)")
    #expect(dry.stdout.contains("-      version: '1.1.0' # keep me\n+      version: '1.2.0' # keep me\n"), "\(dry)")
    #expect(dry.stderr.contains("dry run: nothing committed or pushed"), "\(dry)")
    #expect(repository.tip("main") == base)
    #expect(repository.tip("demo-promotion") == nil)
    #expect(repository.file("production/demo.yaml") == production)

    // And with --push it still refuses: the two say opposite things.
    let both = try await BootstrapCLI.run(arguments + ["--push"], home: home.path, kubeconfig: "/nonexistent")
    #expect(both.exitCode == 64, "\(both)")
  }
}

/// The default with --url: a commit on `NAME-promotion` and a pull request on the GitHub double.
@Suite(.requires(.git, .gitHTTPBackend))
struct PromoteHelmReleasePullRequestCLITests {
  static let token = "ghp_promote_token"

  @Test func opensThePullRequestOnceAndReusesIt() async throws {
    let home = try TemporaryDirectory(prefix: "tack-promote-pr")
    defer { home.remove() }
    let github = try await HostingDouble.start(token: Self.token, user: "alice", organizations: ["acme": []])
    do {
      let bare = try github.seedRepository(owner: "acme", name: "fleet")
      let production = PromoteHelmReleaseCLITests.release.replacingOccurrences(of: "VERSION", with: "1.1.0")
      let base = try bare.commit(
        files: [
          "staging/demo.yaml": PromoteHelmReleaseCLITests.release.replacingOccurrences(of: "VERSION", with: "1.2.0"),
          "production/demo.yaml": production,
        ], message: "Initial commit")
      let ca = try home.write("ca.pem", contents: github.caPEM)
      let arguments = [
        "promote", "helmrelease", "demo", "--from-path", "staging", "--to-path", "production",
        "--url", "https://\(github.hostname)/acme/fleet.git", "--ca-file", ca,
      ]
      let first = try await BootstrapCLI.run(
        arguments, home: home.path, kubeconfig: "/nonexistent", environment: ["GITHUB_TOKEN": Self.token])
      #expect(first.exitCode == 0, "\(first)")
      #expect(bare.tip("main") == base)
      #expect(bare.file("production/demo.yaml", branch: "demo-promotion") == production.replacingOccurrences(of: "'1.1.0'", with: "'1.2.0'"))
      #expect(try bare.log("demo-promotion").map(\.subject) == ["Update demo to v1.2.0", "Initial commit"])
      let pulls = github.pulls(owner: "acme", name: "fleet")
      #expect(pulls.count == 1)
      #expect(pulls.first?.head == "demo-promotion" && pulls.first?.base == "main")
      #expect(pulls.first?.title == "Promote demo release to v1.2.0")
      #expect(first.stderr.contains("✔ pull request #1 opened: https://\(github.hostname)/acme/fleet/pull/1"), "\(first)")
      #expect(!first.stderr.contains(Self.token))

      let second = try await BootstrapCLI.run(
        arguments, home: home.path, kubeconfig: "/nonexistent", environment: ["GITHUB_TOKEN": Self.token])
      #expect(second.exitCode == 0, "\(second)")
      #expect(second.stderr.contains("✔ pull request #1 updated"), "\(second)")
      #expect(github.pulls(owner: "acme", name: "fleet").count == 1)

      // --dry-run after the fact: main is still at 1.1.0, so the diff shows, and nothing moves.
      let promotionTip = bare.tip("demo-promotion")
      let writes = github.writes.count
      let dry = try await BootstrapCLI.run(
        arguments + ["--dry-run", "--pr-branch", "other"], home: home.path, kubeconfig: "/nonexistent",
        environment: ["GITHUB_TOKEN": Self.token])
      #expect(dry.exitCode == 0, "\(dry)")
      #expect(dry.stdout.contains("+      version: '1.2.0' # keep me"), "\(dry)")
      #expect(bare.tip("other") == nil && bare.tip("demo-promotion") == promotionTip && bare.tip("main") == base)
      #expect(github.writes.count == writes)
    } catch {
      await github.stop()
      throw error
    }
    await github.stop()
  }
}

/// `--provider gitlab|gitea|bitbucket-server`: the same flow, each service's request, its token variable.
@Suite(.requires(.git, .gitHTTPBackend))
struct PromoteHelmReleaseProviderCLITests {
  struct Case: Sendable, CustomStringConvertible {
    var provider: String
    var dialect: HostingDouble.Dialect
    var variable: String
    /// The organisation the double knows, and the owner its repositories live under.
    var organization: String
    var owner: String
    var urlPath: String
    var web: @Sendable (_ hostname: String, _ number: Int) -> String
    var reference: String
    var description: String { provider }
  }

  static let cases: [Case] = [
    Case(
      provider: "gitlab", dialect: .gitlab, variable: "GITLAB_TOKEN", organization: "acme", owner: "acme",
      urlPath: "acme/fleet.git", web: { "https://\($0)/acme/fleet/-/merge_requests/\($1)" }, reference: "!"),
    Case(
      provider: "gitea", dialect: .gitea, variable: "GITEA_TOKEN", organization: "acme", owner: "acme",
      urlPath: "acme/fleet.git", web: { "https://\($0)/acme/fleet/pulls/\($1)" }, reference: "#"),
    Case(
      provider: "bitbucket-server", dialect: .bitbucketServer, variable: "BITBUCKET_TOKEN", organization: "Platform",
      owner: "PLATFORM", urlPath: "scm/PLATFORM/fleet.git",
      web: { "https://\($0)/projects/PLATFORM/repos/fleet/pull-requests/\($1)" }, reference: "#"),
  ]

  static let token = "promote-provider-token"

  @Test(arguments: cases) func opensTheRequestOnceAndReusesIt(_ service: Case) async throws {
    let home = try TemporaryDirectory(prefix: "tack-promote-\(service.provider)")
    defer { home.remove() }
    let double = try await HostingDouble.start(
      dialect: service.dialect, token: Self.token, user: "alice", organizations: [service.organization: []])
    do {
      let bare = try double.seedRepository(owner: service.owner, name: "fleet")
      let production = PromoteHelmReleaseCLITests.release.replacingOccurrences(of: "VERSION", with: "1.1.0")
      let base = try bare.commit(
        files: [
          "staging/demo.yaml": PromoteHelmReleaseCLITests.release.replacingOccurrences(of: "VERSION", with: "1.2.0"),
          "production/demo.yaml": production,
        ], message: "Initial commit")
      let ca = try home.write("ca.pem", contents: double.caPEM)
      let arguments = [
        "promote", "helmrelease", "demo", "--from-path", "staging", "--to-path", "production", "--provider",
        service.provider, "--url", "https://\(double.hostname)/\(service.urlPath)", "--ca-file", ca,
      ]
      // GITHUB_TOKEN is not this service's: without the right variable, tack asks for it by name.
      let noToken = try await BootstrapCLI.run(
        arguments, home: home.path, kubeconfig: "/nonexistent", environment: ["GITHUB_TOKEN": Self.token])
      #expect(noToken.exitCode != 0, "\(noToken)")
      #expect(noToken.stderr.contains("set \(service.variable)"), "\(noToken)")

      let first = try await BootstrapCLI.run(
        arguments, home: home.path, kubeconfig: "/nonexistent", environment: [service.variable: Self.token])
      #expect(first.exitCode == 0, "\(first)")
      #expect(bare.tip("main") == base)
      #expect(bare.file("production/demo.yaml", branch: "demo-promotion") == production.replacingOccurrences(of: "'1.1.0'", with: "'1.2.0'"))
      #expect(try bare.log("demo-promotion").map(\.subject) == ["Update demo to v1.2.0", "Initial commit"])
      let pulls = double.pulls(owner: service.owner, name: "fleet")
      #expect(pulls.count == 1)
      #expect(pulls.first?.head == "demo-promotion" && pulls.first?.base == "main")
      #expect(pulls.first?.title == "Promote demo release to v1.2.0")
      #expect(pulls.first?.body.hasPrefix("Promote demo release on production to v1.2.0") == true)
      #expect(
        first.stderr.contains("✔ pull request \(service.reference)1 opened: \(service.web(double.hostname, 1))"), "\(first)")
      #expect(!first.stderr.contains(Self.token) && !first.stdout.contains(Self.token))

      let second = try await BootstrapCLI.run(
        arguments, home: home.path, kubeconfig: "/nonexistent", environment: [service.variable: Self.token])
      #expect(second.exitCode == 0, "\(second)")
      #expect(second.stderr.contains("✔ pull request \(service.reference)1 updated"), "\(second)")
      #expect(double.pulls(owner: service.owner, name: "fleet").count == 1)
    } catch {
      await double.stop()
      throw error
    }
    await double.stop()
  }

  @Test func anUnknownProviderIsAUsageError() async throws {
    let home = try TemporaryDirectory(prefix: "tack-promote-provider")
    defer { home.remove() }
    let result = try await BootstrapCLI.run(
      ["promote", "helmrelease", "demo", "--version", "1.0.0", "--to-path", "p", "--provider", "bitbucket", "--url", "https://x/a/b"],
      home: home.path, kubeconfig: "/nonexistent")
    #expect(result.exitCode == 64, "\(result)")
    #expect(result.stderr.contains("github, gitlab, gitea, bitbucket-server"), "\(result)")
  }
}
