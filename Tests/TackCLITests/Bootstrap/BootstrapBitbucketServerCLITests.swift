import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// `tack bootstrap bitbucket-server` end to end, against the hosting double in its Bitbucket dialect.
@Suite(.requires(.sshd, .sshKeygen, .git, .gitHTTPBackend))
struct BootstrapBitbucketServerCLITests {
  static let token = "bbs-cli-token"

  func withWorld(_ body: (ProviderCLIWorld) async throws -> Void) async throws {
    let world = try await ProviderCLIWorld(dialect: .bitbucketServer, token: Self.token)
    do { try await body(world) } catch {
      await world.stop()
      throw error
    }
    await world.stop()
  }

  @Test func createsTheRepositoryInTheProjectGrantsTheGroupRegistersTheKeyAndReRunsQuietly() async throws {
    try await withWorld { world in
      let arguments = world.arguments(["--group", "ops", "--username", "ci"])
      let first = try await world.tack(arguments)
      #expect(first.exitCode == 0, "\(first)\n\(world.sshd.log)")
      let bitbucket = world.github
      #expect(first.stderr.contains("✔ repository \"https://\(bitbucket.hostname)/scm/ACME/fleet\" created\n"), "\(first)")
      #expect(first.stderr.contains("✔ granted \"push\" permissions to \"ops\"\n"))
      let repository = try #require(bitbucket.repository(owner: "ACME", name: "fleet"))
      #expect(repository.teams == ["ops": "REPO_WRITE"])
      #expect(repository.keys.map(\.title) == ["flux-system-main-flux-system-./clusters/dev"])
      #expect(repository.keys.first?.readOnly == true)
      let bare = try bitbucket.bare(owner: "ACME", name: "fleet")
      #expect(try bare.log("main").count == 2)
      let source = try #require(world.gitRepository)
      #expect(source[path: "spec", "url"]?.stringValue == "ssh://git@127.0.0.1:\(world.sshd.port)/ACME/fleet")
      #expect(source[path: "status", "artifact", "revision"]?.stringValue == "main@sha1:\(try bare.log("main")[0].id)")
      #expect(!first.stderr.contains(Self.token))

      let writes = bitbucket.writes
      let second = try await world.tack(arguments)
      #expect(second.exitCode == 0, "\(second)")
      #expect(bitbucket.writes == writes)
    }
  }

  @Test func theHostnameIsRequired() async throws {
    try await withWorld { world in
      var arguments = world.arguments()
      let index = try #require(arguments.firstIndex(of: "--hostname"))
      arguments.removeSubrange(index...(index + 1))
      let result = try await world.tack(arguments)
      #expect(result.exitCode == 64, "\(result)")
      #expect(result.stderr.contains("--hostname is required"), "\(result)")
    }
  }
}
