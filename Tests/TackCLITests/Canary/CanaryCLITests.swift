import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// `tack canary …` and `tack promote canary` end to end: the built binary against the test API
/// server, with the Flagger double writing status and events and the loadtester double behind the
/// service proxy. Flagger is moved by the tests, never by a timer: a change is made only after
/// tack has shown (output, request log, loadtester) that it saw the state before.
@Suite(.serialized) struct CanaryCLITests {
  typealias Env = CanaryCLIEnvironment

  /// Wall-clock times and the cluster's port vary between runs.
  static func normalize(_ text: String) -> String {
    text.replacing(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/, with: "<time>")
      .replacing(/\d\d:\d\d:\d\d/, with: "hh:mm:ss")
      .replacing(/\ \(x\d+ since hh:mm:ss\)/, with: " (xN)")
  }

  /// One release of the default analysis with the promotion gate open, as `--wait` reports it.
  static let release = [
    "Initialized weight=0% step 0/3 failed=0/2",
    "Progressing weight=0% step 0/3 failed=0/2",
    "Progressing weight=10% step 1/3 failed=0/2",
    "Progressing weight=20% step 2/3 failed=0/2",
    "Progressing weight=30% step 3/3 failed=0/2",
    "Promoting weight=30% step 3/3 failed=0/2",
    "Finalising weight=0% step 3/3 failed=0/2",
    "Succeeded weight=0% step 3/3 failed=0/2",
  ]

  @Test func statusOfEachPhaseAndJSON() async throws {
    try await Env.with { env in
      var r = try await env.tack(["canary", "status", "podinfo"])
      #expect(r.exitCode == 0, "\(r)")
      CLIGolden.expect(Self.normalize(r.stdout), file: "canary/status-initialized.stdout")
      #expect(r.stderr.isEmpty, "\(r)")

      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      try env.tick(until: "WaitingPromotion", limit: 8)
      #expect(env.phase == "WaitingPromotion")
      r = try await env.tack(["canary", "status", "podinfo"])
      #expect(r.exitCode == 0, "\(r)")
      CLIGolden.expect(Self.normalize(r.stdout), file: "canary/status-waiting-promotion.stdout")
      #expect(r.stdout.contains("Weight:        30% intended · status reads 0%"))
      #expect(r.stdout.contains("podinfo-primary  podinfod  ghcr.io/stefanprodan/podinfo:6.0.0"))

      r = try await env.tack(["canary", "status", "podinfo", "-o", "json"])
      let doc = try JSON.parse(r.stdout)
      #expect(doc["kind"] == "CanaryStatus")
      #expect(doc[path: "gate", "type"] == "confirm-promotion")
      #expect(doc[path: "weight", "intended"] == 30)
      #expect(doc[path: "images", "canary"]?[0]?["image"] == "ghcr.io/stefanprodan/podinfo:6.0.1")

      r = try await env.tack(["canary", "status", "podinfo", "-o", "yaml"])
      let yaml = try JSON.parseYAML(r.stdout)
      #expect(yaml == doc)

      r = try await env.tack(["canary", "status"])
      #expect(r.exitCode == 0, "\(r)")
      #expect(r.stdout.hasPrefix("NAME   \tSTATUS          \tWEIGHT\tFAILED\tSTEP\tGATE             \tLAST TRANSITION"))

      r = try await env.tack(["canary", "status", "nope"])
      #expect(r.exitCode == 5, "\(r)")
      #expect(r.stderr == "✗ canaries.flagger.app \"nope\" not found in namespace \"test\"\n")
    }
  }

  @Test func waitExitCodes() async throws {
    // timed out: the promotion gate stays closed
    try await Env.with { env in
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      try env.tick(until: "WaitingPromotion", limit: 8)
      #expect(env.phase == "WaitingPromotion")
      let r = try await env.tack(["canary", "status", "podinfo", "--wait", "--timeout", "3s"])
      #expect(r.exitCode == 3, "\(r)")
      #expect(r.stderr.contains("✗ timed out waiting for canary test/podinfo to finish (phase WaitingPromotion)"), "\(r)")
      // --success-on-gate returns as soon as the gate holds it
      let g = try await env.tack(["canary", "status", "podinfo", "--wait", "--success-on-gate", "--timeout", "5m"])
      #expect(g.exitCode == 0, "\(g)")
      #expect(g.stderr.contains("✔ canary test/podinfo is held at the confirm-promotion gate"))
    }
    // failed: 4, after following the run through both failed checks
    try await Env.with(checks: FlaggerSimulator { _ in .metricFailed("success rate 42.00% < 99%") }) { env in
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      let tack = try env.background(["canary", "status", "podinfo", "--wait", "--timeout", "5m"])
      let expected = [
        "Initialized weight=0% step 0/3 failed=0/2",
        "Progressing weight=0% step 0/3 failed=0/2",
        "Progressing weight=0% step 0/3 failed=1/2",
        "Progressing weight=0% step 0/3 failed=2/2",
        "Failed weight=0% step 0/3 failed=2/2",
      ]
      let (lines, exitCode) = try await env.lockstep(tack, through: expected)
      #expect(exitCode == 4, "\(lines)\n\(tack.stderr)")
      #expect(lines == expected)
      let stderr = await env.stderr(of: tack, containing: "✗ canary test/podinfo Failed")
      #expect(stderr.contains("✗ canary test/podinfo Failed: Canary analysis failed, Deployment scaled to zero."), "\(stderr)")
    }
  }

  /// Right after `kubectl set image`, the Canary still says Initialized/Succeeded until Flagger's
  /// next tick. --wait must follow the new release, not return on the stale phase.
  @Test func waitDoesNotReturnOnStalePhase() async throws {
    try await Env.with { env in
      env.flagger.loadtester.setGate(name: "podinfo", namespace: "test", open: true)
      // In the same second as the canary's Initialized, on purpose: managedFields have second
      // precision, and an equal second must count as a change after the phase.
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      let tack = try env.background(["canary", "status", "podinfo", "--wait", "--timeout", "5m"])
      let first = await tack.waitForLines(1)
      try #require(first == [Self.release[0]], "\(first)\n\(tack.stderr)")
      // Flagger has not noticed the change yet: tack explains why it keeps waiting, and keeps
      // reading the canary instead of returning.
      let held = await env.stderr(of: tack, containing: "◎ Initialized is stale", timeout: .seconds(180))
      #expect(held.contains("◎ Initialized is stale: the target's pod template changed at"), "\(held)")
      let reads = env.canaryReads
      try await env.eventually("tack read the canary twice more") { env.canaryReads >= reads + 2 }
      #expect(tack.lines == [Self.release[0]])

      let (lines, exitCode) = try await env.lockstep(tack, through: Self.release)
      #expect(exitCode == 0, "\(lines)\n\(tack.stderr)")
      #expect(lines == Self.release)
      #expect(Set(lines).count == lines.count)
      let stderr = await env.stderr(of: tack, containing: "✔ canary test/podinfo Succeeded")
      #expect(stderr.contains("✔ canary test/podinfo Succeeded: Canary analysis completed successfully, promotion finished."), "\(stderr)")
    }
  }

  @Test func promoteOpensAndClosesTheGate() async throws {
    try await Env.with { env in
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      try env.tick(until: "WaitingPromotion", limit: 8)
      async let promoted = env.tack(["promote", "canary", "podinfo", "--timeout", "5m"])
      try await env.eventually("tack opened the gate") {
        env.flagger.loadtester.isGateOpen(name: "podinfo", namespace: "test")
      }
      try env.flagger.tick()  // Flagger's next tick passes the open gate
      let r = try await promoted
      #expect(r.exitCode == 0, "\(r)")
      CLIGolden.expect(r.stderr.replacing(#/passed the gate: .*/#, with: "passed the gate: <state>"), file: "canary/promote.stderr")
      #expect(r.stderr.contains("✔ canary test/podinfo passed the gate: Promoting weight=30% step 3/3 failed=0/2\n"), "\(r)")
      #expect(!env.flagger.loadtester.isGateOpen(name: "podinfo", namespace: "test"))
      #expect(env.flagger.loadtester.requests.map(\.path).filter { $0 != "/gate/check" && $0 != "/rollback/check" } == ["/gate/open", "/gate/close"])
      // the next release is gated again
      try env.tick(until: "Succeeded", limit: 4)
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.2")
      try env.tick(until: "WaitingPromotion", limit: 8)
      #expect(env.phase == "WaitingPromotion")
    }
  }

  @Test func promoteFullAbortAndRetry() async throws {
    try await Env.with { env in
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      try env.tick(limit: 3)
      #expect(env.phase == "Progressing")
      async let full = env.tack(["promote", "canary", "podinfo", "--full", "--timeout", "5m"])
      try await env.eventually("tack set spec.skipAnalysis") { env.canary[path: "spec", "skipAnalysis"] == true }
      try env.flagger.tick()  // Flagger promotes without analysis
      var r = try await full
      #expect(r.exitCode == 0, "\(r)")
      #expect(env.phase == "Succeeded")
      #expect(r.stderr.contains("✔ canary test/podinfo Succeeded: "), "\(r)")
      #expect(env.canary[path: "spec", "skipAnalysis"] == nil || env.canary[path: "spec", "skipAnalysis"] == false)

      // abort a new release through the rollback gate
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.2")
      try env.tick()
      #expect(env.phase == "Progressing")
      async let aborted = env.tack(["canary", "abort", "podinfo", "--timeout", "5m"])
      try await env.eventually("tack opened the rollback gate") {
        env.flagger.loadtester.isRollbackOpen(name: "podinfo", namespace: "test")
      }
      try env.flagger.tick()  // the rollback webhook now signals a rollback
      r = try await aborted
      #expect(r.exitCode == 0, "\(r)")
      #expect(env.phase == "Failed")
      #expect(!env.flagger.loadtester.isRollbackOpen(name: "podinfo", namespace: "test"))
      CLIGolden.expect(r, "canary/abort")

      // retry starts a new analysis of the same revision
      r = try await env.tack(["canary", "retry", "podinfo"])
      #expect(r.exitCode == 0, "\(r)")
      let target = try env.cluster.store.get(apiVersion: "apps/v1", kind: "Deployment", namespace: "test", name: "podinfo")
      #expect(target[path: "spec", "template", "metadata", "annotations", "kubectl.kubernetes.io/restartedAt"] != nil)
      try env.tick()
      #expect(env.phase == "Progressing")
    }
  }

  @Test func promoteWithoutGateExplains() async throws {
    try await Env.with(analysis: "analysis:\n  interval: 10s\n  threshold: 2\n  iterations: 3") { env in
      let r = try await env.tack(["promote", "canary", "podinfo"])
      #expect(r.exitCode == 1, "\(r)")
      #expect(
        r.stderr
          == "✗ canary test/podinfo is not held at a manual gate: it is Initialized and has no confirm-rollout, confirm-traffic-increase or confirm-promotion webhook; use --full to promote it now (sets spec.skipAnalysis until it succeeds)\n"
      )
    }
  }

  /// `--watch` off a terminal: one line per state change, ending with the release (--wait).
  @Test func watchPrintsOneLinePerChangeOffATerminal() async throws {
    try await Env.with { env in
      env.flagger.loadtester.setGate(name: "podinfo", namespace: "test", open: true)
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      let tack = try env.background(["canary", "status", "podinfo", "--watch", "--wait", "--timeout", "5m"])
      let (lines, exitCode) = try await env.lockstep(tack, through: Self.release)
      #expect(exitCode == 0, "\(lines)\n\(tack.stderr)")
      #expect(Set(lines).count == lines.count, "no repeated state lines: \(lines)")
      #expect(lines.contains("Promoting weight=30% step 3/3 failed=0/2"), "\(lines)")
      #expect(lines.contains("Finalising weight=0% step 3/3 failed=0/2"), "\(lines)")
      #expect(lines.last == "Succeeded weight=0% step 3/3 failed=0/2")
      #expect(lines == Self.release)
    }
  }

  /// On a terminal (a pseudo-terminal from util-linux `script`), `--watch` redraws in place: cursor
  /// up + clear-to-end-of-line per line, never a blank screen, and no stale lines left behind.
  @Test(.requires(.script))
  func watchRedrawsInPlaceOnATerminal() async throws {
    try await Env.with { env in
      env.flagger.loadtester.setGate(name: "podinfo", namespace: "test", open: true)
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      let command = "\(TackProcess.tackPath) canary status podinfo -n test --watch --wait --timeout 5m"
      async let run = TackProcess.run(
        executable: "/usr/bin/script", ["-qfec", command, "/dev/null"],
        environment: ["KUBECONFIG": env.kubeconfig, "TERM": "xterm", "NO_COLOR": "", "COLUMNS": "200"],
        timeout: .seconds(600))
      // tack has drawn its first frame once it reads the canary a second time
      try await env.eventually("tack drew its first frame") { env.canaryReads >= 2 }
      for _ in 1..<(Self.release.count - 1) {
        try env.flagger.tick()
        let reads = env.canaryReads
        try await env.eventually("tack redrew after the tick") { env.canaryReads >= reads + 2 }
      }
      try env.flagger.tick()  // Succeeded: --wait ends the watch
      let r = try await run
      #expect(r.exitCode == 0, "\(r)")
      let output = r.stdout
      #expect(output.contains("\u{1B}[K"), "\(r)")
      #expect(output.contains(/\u{1B}\[\d+F/), "redrawn at least once")
      #expect(!output.contains("\u{1B}[2J"))
      var screen = TerminalScreen()
      screen.feed(output)
      let text = screen.lines
      #expect(text.filter { $0.hasPrefix("Name:") }.count == 1, "\(text.joined(separator: "\n"))")
      #expect(text.filter { $0.hasPrefix("Status:") }.count == 1)
      #expect(text.filter { $0.hasPrefix("History") }.count == 1)
      #expect(text.contains { $0.hasPrefix("Status:") && $0.contains("Succeeded") }, "the last frame is the final state")
      // the bottom of the screen is the last frame's history, then the result line, not a leftover
      // of an older frame
      #expect(text.last?.hasPrefix("✔ canary test/podinfo Succeeded") == true, "\(text.suffix(3))")
      #expect(text.dropLast().last?.contains("promotion completed, canary scaled down") == true, "\(text.suffix(3))")
    }
  }
}
