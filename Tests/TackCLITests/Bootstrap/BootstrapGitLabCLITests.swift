import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// `tack bootstrap gitlab` end to end, against the hosting double in its GitLab dialect.
@Suite(.requires(.sshd, .sshKeygen, .git, .gitHTTPBackend))
struct BootstrapGitLabCLITests {
  static let token = "glpat-cli-token"

  func withWorld(_ body: (ProviderCLIWorld) async throws -> Void) async throws {
    let world = try await ProviderCLIWorld(dialect: .gitlab, token: Self.token)
    do { try await body(world) } catch {
      await world.stop()
      throw error
    }
    await world.stop()
  }

  @Test func createsAProjectInASubgroupSharesItRegistersTheKeyAndReRunsQuietly() async throws {
    try await withWorld { world in
      let arguments = world.arguments(owner: "acme/infra", ["--team", "dev:push", "--visibility", "internal"])
      let first = try await world.tack(arguments)
      #expect(first.exitCode == 0, "\(first)\n\(world.sshd.log)")
      let gitlab = world.github
      #expect(first.stderr.contains("✔ repository \"https://\(gitlab.hostname)/acme/infra/fleet\" created\n"), "\(first)")
      #expect(first.stderr.contains("✔ granted \"push\" permissions to \"dev\"\n"))
      let project = try #require(gitlab.repository(owner: "acme/infra", name: "fleet"))
      #expect(project.visibility == "internal")
      #expect(project.teams == ["dev": "30"])
      #expect(project.keys.map(\.title) == ["flux-system-main-flux-system-./clusters/dev"])
      #expect(project.keys.first?.readOnly == true)
      let bare = try gitlab.bare(owner: "acme/infra", name: "fleet")
      #expect(try bare.log("main").count == 2)
      let source = try #require(world.gitRepository)
      #expect(source[path: "spec", "url"]?.stringValue == "ssh://git@127.0.0.1:\(world.sshd.port)/acme/infra/fleet")
      #expect(source[path: "status", "artifact", "revision"]?.stringValue == "main@sha1:\(try bare.log("main")[0].id)")
      #expect(!first.stderr.contains(Self.token))

      let writes = gitlab.writes
      let second = try await world.tack(arguments)
      #expect(second.exitCode == 0, "\(second)")
      #expect(gitlab.writes == writes)
    }
  }

  @Test func aBadVisibilityIsAUsageError() async throws {
    try await withWorld { world in
      let result = try await world.tack(world.arguments(["--visibility", "secret"]))
      #expect(result.exitCode == 64, "\(result)")
      #expect(world.github.requests.isEmpty)
    }
  }
}
