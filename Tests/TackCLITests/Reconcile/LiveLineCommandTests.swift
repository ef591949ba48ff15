import Foundation
import TackTesting
import TackTestSupport
import Testing

/// On a terminal the wait shows a spinner and the elapsed time, redrawn in place, and leaves the
/// plain flux line behind; off a terminal there are plain lines only (every golden test).
@Suite(.serialized) struct LiveLineCommandTests {
  typealias F = ReconcileFixtures

  // `script` (util-linux) gives the command a pseudo-terminal; without it the TTY path cannot be run.
  @Test(.requires(.script))
  func aTerminalGetsASpinnerThenThePlainLine() async throws {
    try await FluxCLIWorld.with(
      [F.gitRepository(), F.kustomization()],
      script: { await $0.script(.kustomization, "flux-system", "podinfo", .succeed(after: .milliseconds(800))) }
    ) { world in
      let command = "\(FluxCLIWorld.tackPath) reconcile ks podinfo"
      let result = try await ProcessRunner.run(
        "/usr/bin/script", ["-qfec", command, "/dev/null"],
        environment: [
          "KUBECONFIG": world.kubeconfig, "HOME": world.home, "XDG_CACHE_HOME": world.home + "/.cache",
          "TERM": "xterm-256color", "COLUMNS": "100", "PATH": "/usr/bin:/bin",
        ], inheritEnvironment: false, timeout: .seconds(60))
      #expect(result.exitCode == 0, "\(result)")
      let screen = result.stdout
      #expect(screen.contains("\r\u{1B}[2K"), "the live line is redrawn in place")
      #expect(["⠙", "⠹", "⠸", "⠼"].contains { screen.contains($0) }, "the spinner turns")
      #expect(screen.contains("waiting for Kustomization reconciliation 0."), "elapsed time is shown")
      // What stays on screen: the plain flux lines (coloured symbols).
      #expect(screen.contains("\u{1B}[36m◎\u{1B}[0m waiting for Kustomization reconciliation\r\n"))
      #expect(screen.contains("applied revision master@sha1:"))
    }
  }
}
