import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// `tack bootstrap github` end to end: the built binary against the GitHub double (an Enterprise
/// host on 127.0.0.1 whose repositories are real, behind git http-backend), a real sshd that
/// accepts exactly the deploy keys the double holds, the test API server and the Flux doubles
/// (which sync over SSH with the key tack registered).
// Needs sshd (openssh-server), ssh-keygen (openssh-client) and git's http-backend, which CI installs.
@Suite(.requires(.sshd, .sshKeygen, .git, .gitHTTPBackend))
struct BootstrapGitHubCLITests {
  static let token = "ghp_cli_test_token_42"

  typealias World = ProviderCLIWorld

  func withWorld(_ body: (World) async throws -> Void) async throws {
    let world = try await World(dialect: .github, token: Self.token)
    do { try await body(world) } catch {
      await world.stop()
      throw error
    }
    await world.stop()
  }

  @Test func createsAnOrganisationRepositoryGrantsTeamsRegistersTheKeyAndReRunsQuietly() async throws {
    try await withWorld { world in
      let first = try await world.tack(world.arguments(["--team", "dev", "--team", "ops:admin"]))
      #expect(first.exitCode == 0, "\(first)\n\(world.sshd.log)")
      let host = world.github.hostname
      #expect(first.stderr.contains("► connecting to \(host)\n"), "\(first)")
      #expect(first.stderr.contains("✔ repository \"https://\(host)/acme/fleet\" created\n"))
      #expect(first.stderr.contains("✔ granted \"maintain\" permissions to \"dev\"\n"))
      #expect(first.stderr.contains("✔ granted \"admin\" permissions to \"ops\"\n"))
      let title = "flux-system-main-flux-system-./clusters/dev"
      #expect(first.stderr.contains("✔ configured deploy key \"\(title)\" for \"https://\(host)/acme/fleet\"\n"))
      #expect(!first.stderr.contains(Self.token) && !first.stdout.contains(Self.token))

      let repository = try #require(world.github.repository(owner: "acme", name: "fleet"))
      #expect(repository.isPrivate)
      #expect(repository.teams == ["dev": "maintain", "ops": "admin"])
      #expect(repository.keys.map(\.title) == [title])
      #expect(repository.keys.first?.readOnly == true)
      // The key registered is the one the cluster holds.
      let secret = world.secretData()
      #expect(secret["identity.pub"].map { $0.split(separator: " ").prefix(2).joined(separator: " ") } == repository.keys.first?.key)

      let bare = try world.github.bare(owner: "acme", name: "fleet")
      #expect(try bare.log("main").map(\.subject) == ["Add Flux sync manifests", "Add Flux v2.9.4 component manifests"])
      let source = try #require(world.gitRepository)
      #expect(source[path: "spec", "url"]?.stringValue == "ssh://git@127.0.0.1:\(world.sshd.port)/acme/fleet")
      // The source double cloned over SSH with the deploy key, through the sshd that accepts
      // only the keys the GitHub double holds.
      #expect(source[path: "status", "artifact", "revision"]?.stringValue == "main@sha1:\(try bare.log("main")[0].id)")

      let writes = world.github.writes
      let second = try await world.tack(world.arguments(["--team", "dev", "--team", "ops:admin"]))
      #expect(second.exitCode == 0, "\(second)")
      #expect(world.github.writes == writes, "a re-run changed something on GitHub")
      #expect(try bare.log("main").count == 2)
      #expect(!second.stderr.contains("created") && !second.stderr.contains("configured deploy key"), "\(second)")
    }
  }

  @Test func usesAnExistingPersonalRepositoryOverHTTPSWithTheToken() async throws {
    try await withWorld { world in
      let bare = try world.github.seedRepository(owner: "alice", name: "fleet")
      try bare.commit(files: ["README.md": "# mine\n"], message: "Initial commit")
      let result = try await world.tack(world.arguments(owner: "alice", ["--personal", "--token-auth"]))
      #expect(result.exitCode == 0, "\(result)")
      #expect(world.github.writes.isEmpty, "\(world.github.writes)")
      #expect(bare.file("README.md") == "# mine\n")
      #expect(try bare.log("main").count == 3)
      let secret = world.secretData()
      #expect(secret["username"] == "git" && secret["password"] == Self.token)
      #expect(world.gitRepository?[path: "spec", "url"]?.stringValue == "https://\(world.github.hostname)/alice/fleet.git")
      #expect(!result.stderr.contains(Self.token))
    }
  }

  @Test func aKeyWithTheSameTitleButOtherMaterialIsReplaced() async throws {
    try await withWorld { world in
      try world.github.seedRepository(owner: "acme", name: "fleet")
      world.github.seedDeployKey(
        owner: "acme", name: "fleet", title: "flux-system-main-flux-system-./clusters/dev",
        key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOldKeyOldKeyOldKeyOldKeyOldKeyOldKeyOldKey", readOnly: true)
      let result = try await world.tack(world.arguments(["--read-write-key"]))
      #expect(result.exitCode == 0, "\(result)")
      #expect(world.github.writes.map(\.method) == ["DELETE", "POST"], "\(world.github.writes)")
      let keys = try #require(world.github.repository(owner: "acme", name: "fleet")?.keys)
      #expect(keys.count == 1 && keys[0].readOnly == false && !keys[0].key.contains("OldKey"))
    }
  }

  @Test func aRejectedTokenStopsBeforeAnythingIsWritten() async throws {
    try await withWorld { world in
      let result = try await world.tack(world.arguments(), token: "not-the-token")
      #expect(result.exitCode == 1, "\(result)")
      #expect(result.stderr.contains(
        "✗ GitHub: get repository \"acme/fleet\": the token was rejected (401 Bad credentials): check that it is valid and not expired\n"), "\(result)")
      #expect(!result.stderr.contains("not-the-token"))
      #expect(world.github.writes.isEmpty)
      #expect(world.clusterUntouched)
    }
  }

  @Test func withoutATokenOffATerminalItNamesTheWaysToGiveOne() async throws {
    try await withWorld { world in
      let result = try await world.tack(world.arguments(), noToken: true)
      #expect(result.exitCode == 64, "\(result)")
      #expect(result.stderr.contains("set GITHUB_TOKEN or pass --token-stdin"), "\(result)")
      #expect(world.github.requests.isEmpty)
    }
  }

  @Test func theTokenCanComeFromStdin() async throws {
    try await withWorld { world in
      let result = try await world.tack(world.arguments(["--token-auth", "--token-stdin"]), noToken: true, stdin: Self.token + "\n")
      #expect(result.exitCode == 0, "\(result)")
      #expect(world.secretData()["password"] == Self.token)
    }
  }

  @Test func aSpentRateLimitEndsWithItsResetTime() async throws {
    try await withWorld { world in
      world.github.exhaustRateLimit(until: Int64(Date().timeIntervalSince1970) + 7200)
      let result = try await world.tack(world.arguments())
      #expect(result.exitCode == 1, "\(result)")
      #expect(result.stderr.contains("✗ GitHub: get repository \"acme/fleet\": the API rate limit is spent until 20"), "\(result)")
      #expect(world.clusterUntouched)
    }
  }

  @Test func aServerErrorThatRecoversIsRetried() async throws {
    try await withWorld { world in
      world.github.fail("GET", pathContains: "repos/acme/fleet", status: 503, times: 2)
      let result = try await world.tack(world.arguments(["--token-auth"]))
      #expect(result.exitCode == 0, "\(result)")
      #expect(world.github.repository(owner: "acme", name: "fleet") != nil)
    }
  }
}
