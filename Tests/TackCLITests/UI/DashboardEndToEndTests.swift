import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// `tack ui` in a real terminal (tmux) against the test API server with the Flux controller
/// double: what the screen shows, what keys do to the objects on the server, and the terminal
/// left as it was found.
@Suite(.serialized) struct DashboardEndToEndTests {
  typealias F = ReconcileFixtures

  static func environment(_ world: FluxCLIWorld) -> [String: String] {
    [
      "KUBECONFIG": world.kubeconfig, "HOME": world.home, "XDG_CACHE_HOME": world.home + "/.cache", "NO_COLOR": "1",
      "TERM": "tmux-256color", "TZ": "UTC", "PATH": "/usr/bin:/bin",
      // A crash prints its backtrace instead of waiting at an interactive prompt.
      "SWIFT_BACKTRACE": "interactive=no",
    ]
  }

  func kustomization(_ world: FluxCLIWorld) throws -> JSON {
    try world.cluster.store.get(
      apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", namespace: "flux-system", name: "podinfo")
  }

  @Test(.requires(.tmux))
  func reconcileAndSuspendFromTheKeyboard() async throws {
    try await FluxCLIWorld.with([F.gitRepository(), F.kustomization()]) { world in
      let tmux = try await TmuxSession.start(
        TmuxSession.reportingExit("\(FluxCLIWorld.tackPath) ui -n flux-system", statusFile: world.home + "/status"),
        environment: Self.environment(world))
      do {
        let overview = try await tmux.waitForScreen("the overview with both kinds") {
          $0.contains("Kustomization   1      1") && $0.contains("GitRepository   1      1")
        }
        #expect(overview.contains("tack ui  ctx: "))
        #expect(overview.contains("nothing needs attention: 2 objects watched"))
        #expect(try await tmux.display("#{alternate_on}") == "1")

        // :ks lists the Kustomizations; the one row is selected.
        try await tmux.send(":", "k", "s", "Enter")
        try await tmux.waitForScreen("the Kustomization list") { $0.contains("✔ Ready       Kustomization   flux-system") }

        // r: the reconcile request annotation lands on the server, and the status line says so.
        let before = try kustomization(world)[path: "metadata", "annotations", "reconcile.fluxcd.io/requestedAt"]
        try await tmux.send("r")
        try await tmux.waitForScreen("the reconcile status") { $0.contains("✔ reconcile requested for Kustomization flux-system/podinfo") }
        let annotated = try await tmux.eventually {
          let now = try kustomization(world)[path: "metadata", "annotations", "reconcile.fluxcd.io/requestedAt"]
          return now != nil && now != before
        }
        #expect(annotated, "the requestedAt annotation was set")

        // s asks first; any key but y cancels and nothing changes.
        try await tmux.send("s")
        try await tmux.waitForScreen("the suspend question") { $0.contains("suspend Kustomization flux-system/podinfo in context") }
        try await Task.sleep(for: .milliseconds(300))
        try await tmux.send("n")
        try await tmux.waitForScreen("the cancelled suspend") { $0.contains("suspend cancelled") }
        #expect(try kustomization(world)[path: "spec", "suspend"] == nil)

        // s, then y: the suspend patch reaches the server and the row turns Suspended.
        try await tmux.send("s")
        try await tmux.waitForScreen("the suspend question") { $0.contains("? y = yes") }
        try await Task.sleep(for: .milliseconds(300))
        try await tmux.send("y")
        try await tmux.waitForScreen("the suspended row") { $0.contains("‖ Suspended   Kustomization") }
        #expect(try kustomization(world)[path: "spec", "suspend"]?.boolValue == true)

        // Enter opens the detail with its conditions; q goes back, q again quits.
        try await tmux.send("Enter")
        try await tmux.waitForScreen("the detail pane") { $0.contains("Kustomization flux-system/podinfo") && $0.contains("Conditions") }
        try await tmux.send("q")
        try await tmux.waitForScreen("the list again") { $0.contains("STATE         KIND") }

        // A resize lays the screen out again at the new size.
        try await tmux.run(["resize-window", "-t", "ui", "-x", "80", "-y", "24"])
        try await tmux.waitForScreen("the narrow layout") { $0.contains("  KIND           NAMESPACE") }

        // 5: the tree, the Kustomization under the GitRepository it is built from.
        try await tmux.send("5")
        try await tmux.waitForScreen("the tree") {
          $0.contains("GitRepository/flux-system/podinfo") && $0.contains("└─ Kustomization/flux-system/podinfo")
        }

        try await tmux.send("q")
        #expect(try await tmux.exitStatus(statusFile: world.home + "/status") == "0")
        #expect(try await tmux.display("#{alternate_on}") == "0")
      } catch {
        await tmux.stop()
        throw error
      }
      await tmux.stop()
    }
  }

  /// The terminal is given back on Ctrl-C too: echo and line editing on, the normal screen, the cursor shown.
  @Test(.requires(.tmux))
  func controlCRestoresTheTerminal() async throws {
    try await FluxCLIWorld.with([F.gitRepository()]) { world in
      let tmux = try await TmuxSession.start("bash --norc --noprofile", environment: Self.environment(world))
      do {
        try await tmux.send("-l", "\(FluxCLIWorld.tackPath) ui; echo exit=$?; stty -a | grep -o ' -\\?icanon'")
        try await tmux.send("Enter")
        try await tmux.waitForScreen("the dashboard") { $0.contains("GitRepository   1      1") }
        #expect(try await tmux.display("#{alternate_on} #{cursor_flag}") == "1 0")
        try await tmux.send("C-c")
        let after = try await tmux.waitForScreen("the shell again") { $0.contains("exit=0") && $0.contains(" icanon") }
        #expect(!after.contains("-icanon"))
        #expect(try await tmux.display("#{alternate_on} #{cursor_flag}") == "0 1")
      } catch {
        await tmux.stop()
        throw error
      }
      await tmux.stop()
    }
  }

  /// A crash (here a SIGSEGV) and a SIGTERM give the terminal back as well.
  @Test(.requires(.tmux), arguments: [(SIGSEGV, "exit=139"), (SIGTERM, "exit=130")])
  func signalsRestoreTheTerminal(signal: Int32, exit: String) async throws {
    try await FluxCLIWorld.with([F.gitRepository()]) { world in
      let tmux = try await TmuxSession.start("bash --norc --noprofile", environment: Self.environment(world))
      do {
        try await tmux.send("-l", "\(FluxCLIWorld.tackPath) ui; echo exit=$?; stty -a | grep -o ' -\\?icanon'")
        try await tmux.send("Enter")
        try await tmux.waitForScreen("the dashboard") { $0.contains("GitRepository   1      1") }
        let shell = try await tmux.display("#{pane_pid}")
        let child = try await ProcessRunner.run("/usr/bin/pgrep", ["-P", shell], inheritEnvironment: true, timeout: .seconds(10))
        let pid = try #require(Int32(child.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(child)")
        #expect(kill(pid, signal) == 0)
        let after = try await tmux.waitForScreen("the shell again") { $0.contains(exit) && $0.contains(" icanon") }
        #expect(!after.contains("-icanon"))
        #expect(try await tmux.display("#{alternate_on} #{cursor_flag}") == "0 1")
      } catch {
        await tmux.stop()
        throw error
      }
      await tmux.stop()
    }
  }
}
