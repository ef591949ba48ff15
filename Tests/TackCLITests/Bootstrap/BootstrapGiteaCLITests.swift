import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// `tack bootstrap gitea` end to end, against the hosting double in its Gitea dialect.
@Suite(.requires(.sshd, .sshKeygen, .git, .gitHTTPBackend))
struct BootstrapGiteaCLITests {
  static let token = "gitea_cli_token_7"

  func withWorld(_ body: (ProviderCLIWorld) async throws -> Void) async throws {
    let world = try await ProviderCLIWorld(dialect: .gitea, token: Self.token)
    do { try await body(world) } catch {
      await world.stop()
      throw error
    }
    await world.stop()
  }

  @Test func createsTheRepositoryAddsTheTeamRegistersTheKeyAndReRunsQuietly() async throws {
    try await withWorld { world in
      let first = try await world.tack(world.arguments(["--team", "dev"]))
      #expect(first.exitCode == 0, "\(first)\n\(world.sshd.log)")
      let gitea = world.github
      #expect(first.stderr.contains("► connecting to https://\(gitea.hostname)\n"), "\(first)")
      #expect(first.stderr.contains("✔ repository \"https://\(gitea.hostname)/acme/fleet\" created\n"))
      #expect(gitea.writes.first == .init(method: "POST", path: "org/acme/repos"))
      let repository = try #require(gitea.repository(owner: "acme", name: "fleet"))
      #expect(repository.teams == ["dev": "write"])
      #expect(repository.keys.map(\.title) == ["flux-system-main-flux-system-./clusters/dev"])
      #expect(repository.keys.first?.readOnly == true)
      let bare = try gitea.bare(owner: "acme", name: "fleet")
      #expect(try bare.log("main").count == 2)
      let source = try #require(world.gitRepository)
      #expect(source[path: "spec", "url"]?.stringValue == "ssh://git@127.0.0.1:\(world.sshd.port)/acme/fleet")
      #expect(source[path: "status", "artifact", "revision"]?.stringValue == "main@sha1:\(try bare.log("main")[0].id)")
      #expect(!first.stderr.contains(Self.token))

      let writes = gitea.writes
      let second = try await world.tack(world.arguments(["--team", "dev"]))
      #expect(second.exitCode == 0, "\(second)")
      #expect(gitea.writes == writes)
    }
  }

  @Test func aRejectedTokenStopsBeforeAnythingIsWritten() async throws {
    try await withWorld { world in
      let result = try await world.tack(world.arguments(), token: "wrong")
      #expect(result.exitCode == 1, "\(result)")
      #expect(result.stderr.contains("✗ Gitea: get repository \"acme/fleet\": the token was rejected (401 token is invalid)"), "\(result)")
      #expect(world.clusterUntouched)
    }
  }

  @Test func withoutATokenItNamesGiteaToken() async throws {
    try await withWorld { world in
      let result = try await world.tack(world.arguments(), noToken: true)
      #expect(result.exitCode == 64, "\(result)")
      #expect(result.stderr.contains("set GITEA_TOKEN or pass --token-stdin"), "\(result)")
    }
  }
}
