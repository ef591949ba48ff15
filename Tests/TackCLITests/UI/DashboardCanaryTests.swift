import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// `tack ui` and a Canary held at a confirm-promotion gate, against the Flagger double and its
/// loadtester: the canaries screen shows the gate, and `p`, `y` opens it through the same use case
/// as `tack promote canary`.
@Suite(.serialized) struct DashboardCanaryTests {
  typealias Env = CanaryCLIEnvironment

  @Test(.requires(.tmux))
  func promoteOpensTheGate() async throws {
    try await Env.with { env in
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      try env.tick(until: "WaitingPromotion", limit: 8)
      let directory = env.cluster.directory.path
      let environment = [
        "KUBECONFIG": env.kubeconfig, "HOME": directory + "/home", "XDG_CACHE_HOME": directory + "/home/.cache",
        "NO_COLOR": "1", "TERM": "tmux-256color", "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "interactive=no",
      ]
      let status = directory + "/ui-status"
      let tmux = try await TmuxSession.start(
        TmuxSession.reportingExit("\(FluxCLIWorld.tackPath) ui -n test", statusFile: status), environment: environment)
      do {
        // Only Flagger's CRDs are installed: the Flux kinds are hidden, not errors.
        // (until discovery has answered they show as connecting).
        let overview = try await tmux.waitForScreen("the overview without Flux kinds") {
          $0.contains("Canary          1") && !$0.contains("Kustomization")
        }
        #expect(overview.contains("◷ test/podinfo  WaitingPromotion"))

        try await tmux.send("3")
        let canaries = try await tmux.waitForScreen("the canary held at the gate") {
          $0.contains("held at gate confirm-promotion promotion-gate (p promotes)")
        }
        #expect(canaries.contains("◷ Waiting  test/podinfo → Deployment/podinfo  WaitingPromotion"))

        try await tmux.send("p")
        try await tmux.waitForScreen("the promote question") { $0.contains("promote Canary test/podinfo in context") }
        try await Task.sleep(for: .milliseconds(300))
        try await tmux.send("y")
        try await env.eventually("the dashboard opened the gate") {
          env.flagger.loadtester.isGateOpen(name: "podinfo", namespace: "test")
        }
        try env.flagger.tick()  // Flagger's next tick passes the open gate
        try await tmux.waitForScreen("the promotion reported") { $0.contains("✔ gate opened · canary test/podinfo passed the gate: Promoting") }
        try await env.eventually("the gate closed again") {
          !env.flagger.loadtester.isGateOpen(name: "podinfo", namespace: "test")
        }
        try await tmux.waitForScreen("the canary promoting") { $0.contains("Promoting") }

        try await tmux.send("q")
        #expect(try await tmux.exitStatus(statusFile: status) == "0")
      } catch {
        await tmux.stop()
        throw error
      }
      await tmux.stop()
    }
  }
}
