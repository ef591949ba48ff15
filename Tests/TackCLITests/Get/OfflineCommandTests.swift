import Foundation
import TackJSON
import Testing

/// Commands that never reach a cluster: version --client (the built binary), completion and usage
/// errors (in-process).
@Suite struct OfflineCommandTests {
  @Test func versionClientNeedsNoCluster() async throws {
    // An unreachable kubeconfig proves --client never touches the network.
    let env = ["KUBECONFIG": "/nonexistent/kubeconfig"]
    let yaml = try await TackProcess.run(["version", "--client"], environment: env)
    #expect(yaml.exitCode == 0, "\(yaml)")
    #expect(yaml.stdout.hasPrefix("tack: v"))
    let json = try await TackProcess.run(["version", "--client", "-o", "json"], environment: env)
    #expect(try JSON.parse(json.stdout)["tack"]?.stringValue?.hasPrefix("v") == true)
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func completionPrintsTheCommittedScript(_ shell: String) async throws {
    let result = await InProcessTack.run(["completion", shell])
    #expect(result.exitCode == 0, "\(result)")
    let file = ["bash": "tack.bash", "zsh": "_tack", "fish": "tack.fish"][shell]!
    let committed = FileManager.default.contents(atPath: CLIPaths.projectRoot + "/completions/" + file)
    #expect(committed.map { String(decoding: $0, as: UTF8.self) } == result.stdout, "run `make docs`")
  }

  @Test func malformedStatusSelectorIsAUsageError() async throws {
    let result = await InProcessTack.run(["get", "sources", "git", "--status-selector", "Ready"])
    #expect(result.exitCode == 64, "\(result)")
    #expect(result.stderr.contains("expected status selector in type=status or type!=status format, but found: Ready"))
  }

  @Test func unknownOutputFormatIsAUsageError() async throws {
    let result = await InProcessTack.run(["get", "ks", "-o", "xml"])
    #expect(result.exitCode == 64, "\(result)")
  }

  @Test func serverHasNoShortFlag() async throws {
    let result = await InProcessTack.run(["get", "ks", "-s", "https://x"])
    #expect(result.exitCode == 64, "\(result)")
  }

  @Test func exportNeedsANameOrAll() async throws {
    let result = await InProcessTack.run(["export", "ks"])
    #expect(result.exitCode == 64, "\(result)")
    #expect(result.stderr.contains("name is required"))
  }
}
