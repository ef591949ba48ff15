import Foundation
import TackTesting
import TackTestSupport
import Testing

/// A fleet repository is input: a symbolic link it commits where bootstrap writes must not make
/// tack write outside its clone. Run in-process against the test API server and a real Git server.
@Suite(.requires(.git, .gitHTTPBackend))
struct BootstrapSymlinkCLITests {
  func bootstrap(_ world: BootstrapCLIWorld) async -> TackResult {
    var env = BootstrapCLI.environment(home: world.home.path)
    env["KUBECONFIG"] = world.kubeconfig
    return await InProcessTack.run(world.bootstrapArguments(), exactEnvironment: env)
  }

  @Test func aLinkedSyncFileIsRefusedBeforeAnythingIsPushed() async throws {
    try await BootstrapCLIWorld.with { world in
      let outside = try TemporaryDirectory(prefix: "tack-outside")
      defer { outside.remove() }
      let victim = try outside.write("victim.yaml", contents: "mine\n")
      let before = try world.repository.commit(
        files: ["README.md": "# fleet\n"],
        symbolicLinks: ["clusters/dev/flux-system/gotk-sync.yaml": victim], message: "a link")

      let result = await bootstrap(world)
      #expect(result.exitCode == 1, "\(result)")
      #expect(
        result.stderr.contains(
          "✗ refusing to write clusters/dev/flux-system/gotk-sync.yaml in the repository: it is a symbolic link"),
        "\(result)")
      #expect(try String(contentsOfFile: victim, encoding: .utf8) == "mine\n")
      #expect(!world.git.receivedPush)
      #expect(world.repository.tip() == before)
    }
  }

  @Test func aLinkedClusterDirectoryIsRefusedBeforeAnythingIsPushed() async throws {
    try await BootstrapCLIWorld.with { world in
      let outside = try TemporaryDirectory(prefix: "tack-outside")
      defer { outside.remove() }
      let before = try world.repository.commit(
        files: ["README.md": "# fleet\n"], symbolicLinks: ["clusters/dev": outside.path], message: "a link")

      let result = await bootstrap(world)
      #expect(result.exitCode == 1, "\(result)")
      #expect(
        result.stderr.contains(
          "✗ refusing to write clusters/dev/flux-system/gotk-components.yaml in the repository: clusters/dev is a symbolic link"),
        "\(result)")
      #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
      #expect(!world.git.receivedPush)
      #expect(world.repository.tip() == before)
    }
  }
}
