import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// `tack bootstrap git` end to end: the built binary against the test API server and a real Git
/// server, checked with the real `git` CLI and the API server's store.
// Needs git's http-backend (Debian package git), which CI installs.
@Suite(.requires(.git, .gitHTTPBackend))
struct BootstrapGitCLITests {
  @Test func bootstrapsAnEmptyRepositoryThenReRunsWithoutACommit() async throws {
    try await BootstrapCLIWorld.with { world in
      let first = try await world.tack(world.bootstrapArguments())
      #expect(first.exitCode == 0, "\(first)")
      #expect(first.stdout.isEmpty)
      try GoldenFile.verify(world.normalize(first.stderr), at: GoldenFile.path("bootstrap-https-first.stderr"))

      let log = try world.repository.log("main")
      #expect(log.map(\.subject) == ["Add Flux sync manifests", "Add Flux v2.9.4 component manifests"])
      #expect(log.allSatisfy { $0.authorName == "Flux" })
      #expect(try world.repository.files("main").sorted() == [
        "clusters/dev/flux-system/gotk-components.yaml", "clusters/dev/flux-system/gotk-sync.yaml",
        "clusters/dev/flux-system/kustomization.yaml",
      ])
      #expect(
        world.repository.file("clusters/dev/flux-system/gotk-components.yaml")
          == (try BootstrapCLI.expectedDefaultComponents(bundle: world.manifests)))
      let secret = try #require(world.secretData())
      #expect(secret["username"] == BootstrapCLIWorld.username)
      #expect(secret["password"] == BootstrapCLIWorld.password)
      #expect(secret["ca.crt"] == world.git.caPEM)
      let source = try #require(world.object("source.toolkit.fluxcd.io/v1", "GitRepository", "flux-system", "flux-system"))
      #expect(source[path: "spec", "url"]?.stringValue == world.url)
      #expect(source[path: "status", "artifact", "revision"]?.stringValue == "main@sha1:\(log[0].id)")
      let sync = try #require(world.object("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "flux-system", "flux-system"))
      #expect(sync[path: "spec", "path"]?.stringValue == "./clusters/dev")
      // The password never shows up in what tack printed.
      #expect(!first.stderr.contains(BootstrapCLIWorld.password))

      let resourceVersion = world.object("v1", "Secret", "flux-system", "flux-system")?[path: "metadata", "resourceVersion"]
      let second = try await world.tack(world.bootstrapArguments())
      #expect(second.exitCode == 0, "\(second)")
      try GoldenFile.verify(world.normalize(second.stderr), at: GoldenFile.path("bootstrap-https-rerun.stderr"))
      #expect(try world.repository.log("main").count == 2)
      #expect(
        world.object("v1", "Secret", "flux-system", "flux-system")?[path: "metadata", "resourceVersion"] == resourceVersion)

      // Once flux-system applied the components, the cluster counts as bootstrapped: check says
      // so and install refuses (upgrades go through Git), changing nothing.
      let check = try await world.tack(["check", "--timeout", "30s"])
      #expect(check.exitCode == 0, "\(check)")
      #expect(check.stderr.contains("✔ distribution: flux-v2.9.4\n✔ bootstrapped: true\n"), "\(check)")
      let install = try await world.tack(["install", "--manifests", world.manifests, "--timeout", "30s"])
      #expect(install.exitCode == 1, "\(install)")
      #expect(install.stderr.contains(
        "✗ this cluster has already been bootstrapped with Flux v2.9.4! Please use 'tack bootstrap git' to upgrade\n"), "\(install)")
      #expect(!install.stderr.contains(" created\n") && !install.stderr.contains(" configured\n"))
    }
  }

  @Test func keepsTheFilesOfAnExistingRepository() async throws {
    try await BootstrapCLIWorld.with { world in
      let theirs = try world.repository.commit(
        files: ["README.md": "# fleet\n", "clusters/dev/apps/app.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n"],
        message: "Initial commit")
      let result = try await world.tack(world.bootstrapArguments(["--author-name", "Ops Bot", "--author-email", "ops@example.com", "--commit-message-appendix", "[ci skip]"]))
      #expect(result.exitCode == 0, "\(result)")
      let log = try world.repository.log("main")
      #expect(log.count == 3)
      #expect(log.last?.id == theirs)
      #expect(log[0].authorName == "Ops Bot" && log[0].authorEmail == "ops@example.com")
      #expect(log[0].body.contains("[ci skip]"))
      #expect(world.repository.file("README.md") == "# fleet\n")
      #expect(world.repository.file("clusters/dev/apps/app.yaml") != nil)
      // kustomization.yaml lists what is in flux-system/ only.
      #expect(world.repository.file("clusters/dev/flux-system/kustomization.yaml") == """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
        - gotk-components.yaml
        - gotk-sync.yaml

        """)
    }
  }

  @Test func anExistingKustomizationYAMLIsKept() async throws {
    try await BootstrapCLIWorld.with { world in
      let patched = """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
        - gotk-components.yaml
        - gotk-sync.yaml
        patches:
        - patch: |
            - op: add
              path: /spec/template/spec/containers/0/args/-
              value: --concurrent=8
          target:
            kind: Deployment

        """
      try world.repository.commit(files: ["clusters/dev/flux-system/kustomization.yaml": patched], message: "patches")
      let result = try await world.tack(world.bootstrapArguments())
      #expect(result.exitCode == 0, "\(result)")
      #expect(world.repository.file("clusters/dev/flux-system/kustomization.yaml") == patched)
    }
  }

  @Test func aMissingBranchInANonEmptyRepositoryFailsAsFluxDoes() async throws {
    try await BootstrapCLIWorld.with { world in
      try world.repository.commit(files: ["README.md": "x\n"], message: "init")
      let result = try await world.tack(world.bootstrapArguments(["--branch", "staging"]))
      #expect(result.exitCode != 0, "\(result)")
      #expect(result.stderr.contains("couldn't find remote ref \"refs/heads/staging\""), "\(result)")
      #expect(!world.git.receivedPush)
      #expect(world.clusterUntouched)
    }
  }

  @Test func aWrongPasswordStopsBeforeAnythingIsWritten() async throws {
    try await BootstrapCLIWorld.with { world in
      var arguments = world.bootstrapArguments()
      arguments[arguments.firstIndex(of: BootstrapCLIWorld.password)!] = "wrong-password"
      let result = try await world.tack(arguments)
      #expect(result.exitCode == 1, "\(result)")
      #expect(result.stderr.contains("✗ failed to clone repository:"), "\(result)")
      #expect(result.stderr.contains("rejected the username/password"), "\(result)")
      #expect(!result.stderr.contains("wrong-password"))
      #expect(!world.git.receivedPush)
      #expect(world.repository.branches.isEmpty)
      #expect(world.clusterUntouched)
    }
  }

  @Test func anUnreachableHostSaysSo() async throws {
    try await BootstrapCLIWorld.with { world in
      let port = try LoopbackPort.free()
      var arguments = world.bootstrapArguments()
      arguments[arguments.firstIndex(of: world.url)!] = "https://127.0.0.1:\(port)/fleet.git"
      let result = try await world.tack(arguments)
      #expect(result.exitCode == 1, "\(result)")
      #expect(result.stderr.contains("✗ failed to clone repository:"), "\(result)")
      #expect(world.clusterUntouched)
    }
  }

  @Test func dryRunWritesNothingAnywhere() async throws {
    try await BootstrapCLIWorld.with { world in
      let result = try await world.tack(world.bootstrapArguments(["--dry-run"]))
      #expect(result.exitCode == 0, "\(result)")
      #expect(world.repository.branches.isEmpty)
      #expect(!world.git.receivedPush)
      #expect(world.clusterUntouched)
      #expect(result.stdout.contains("# commit 1 on branch \"main\": Add Flux v2.9.4 component manifests\n"))
      #expect(result.stdout.contains("create clusters/dev/flux-system/gotk-sync.yaml"))
      #expect(result.stdout.contains("  url: \(world.url)\n"))
      try GoldenFile.verify(world.normalize(result.stderr), at: GoldenFile.path("bootstrap-dry-run.stderr"))
    }
  }

  @Test func passwordStdinReadsTheFirstLine() async throws {
    try await BootstrapCLIWorld.with { world in
      func withoutPassword(_ extra: [String]) -> [String] {
        var arguments = world.bootstrapArguments(extra)
        let index = arguments.firstIndex(of: "-p")!
        arguments.removeSubrange(index...(index + 1))
        return arguments
      }
      let piped = try await world.tack(withoutPassword(["--password-stdin", "--dry-run"]), stdin: BootstrapCLIWorld.password + "\n")
      #expect(piped.exitCode == 0, "\(piped)")
      #expect(!piped.stdout.contains(BootstrapCLIWorld.password) && !piped.stderr.contains(BootstrapCLIWorld.password))

      // The piped value really is the password: a wrong one is rejected by the server.
      let wrong = try await world.tack(withoutPassword(["--password-stdin", "--dry-run"]), stdin: "wrong-password\r\n")
      #expect(wrong.exitCode == 1, "\(wrong)")
      #expect(wrong.stderr.contains("rejected the username/password"), "\(wrong)")

      let empty = try await world.tack(withoutPassword(["--password-stdin"]), stdin: "")
      #expect(empty.exitCode == 64, "\(empty)")
      #expect(empty.stderr.contains("--password-stdin"))
      let both = try await world.tack(world.bootstrapArguments(["--password-stdin"]), stdin: "x\n")
      #expect(both.exitCode == 64, "\(both)")
      #expect(both.stderr.contains("--password and --password-stdin cannot be used together"))
      #expect(!world.git.receivedPush)
      #expect(world.clusterUntouched)
    }
  }

  @Test func noPushCommitsToAReviewBranchAndLeavesTheRemoteAlone() async throws {
    try await BootstrapCLIWorld.with { world in
      try world.repository.commit(files: ["README.md": "x\n"], message: "init")
      let before = world.repository.tip("main")
      let result = try await world.tack(world.bootstrapArguments(["--no-push"]))
      #expect(result.exitCode == 0, "\(result)")
      #expect(world.repository.tip("main") == before)
      #expect(world.repository.branches == ["main"])
      #expect(world.clusterUntouched)
      let pushLine = try #require(result.stderr.split(separator: "\n").first { $0.contains(" push origin tack-bootstrap-") })
      let parts = pushLine.split(separator: " ")
      let directory = String(parts[parts.firstIndex(of: "-C")! + 1])
      let branch = String(parts.last!)
      // The printed command works: push the review branch with the real git CLI.
      let push = try await ProcessRunner.run(
        "/usr/bin/git", ["-C", directory, "-c", "http.extraHeader=Authorization: Basic " + Data("git:\(BootstrapCLIWorld.password)".utf8).base64EncodedString(), "push", "origin", branch],
        environment: ["GIT_SSL_CAINFO": world.caFile, "GIT_TERMINAL_PROMPT": "0"])
      #expect(push.succeeded, "\(push)")
      #expect(try world.repository.log(branch).map(\.subject) == [
        "Add Flux sync manifests", "Add Flux v2.9.4 component manifests", "init",
      ])
      #expect(world.repository.tip("main") == before)
    }
  }

  @Test func aFileURLIsRefusedForAFullBootstrapBeforeAnythingHappens() async throws {
    try await BootstrapCLIWorld.with { world in
      var arguments = world.bootstrapArguments()
      arguments[arguments.firstIndex(of: world.url)!] = world.repository.fileURL
      let result = try await world.tack(arguments)
      #expect(result.exitCode == 64, "\(result)")
      #expect(result.stderr.contains("the cluster cannot clone a file:// URL"), "\(result)")
      #expect(world.repository.branches.isEmpty)
      #expect(world.clusterUntouched)
    }
  }

  @Test func offATerminalMissingAnswersNameTheirFlag() async throws {
    try await BootstrapCLIWorld.with { world in
      let noPassword = try await world.tack([
        "bootstrap", "git", "--url", world.url, "--token-auth", "--manifests", world.manifests,
      ])
      #expect(noPassword.exitCode == 64, "\(noPassword)")
      #expect(noPassword.stderr.contains("-p/--password"), "\(noPassword)")

      // SSH auth: a deploy key would be generated and the user asked to install it.
      let noSilent = try await world.tack([
        "bootstrap", "git", "--url", "ssh://git@127.0.0.1:1/fleet.git", "--manifests", world.manifests,
      ])
      #expect(noSilent.exitCode == 64, "\(noSilent)")
      #expect(noSilent.stderr.contains("--silent"), "\(noSilent)")
      #expect(world.clusterUntouched)
    }
  }
}
