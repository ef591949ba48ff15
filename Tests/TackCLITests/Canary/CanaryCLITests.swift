import Foundation
import TackJSON
import TackTestSupport
import Testing

/// `tack canary …` and `tack promote canary` end to end: the built binary against the test API
/// server, with the Flagger double writing status and events and the loadtester double behind the
/// service proxy.
@Suite(.serialized) struct CanaryCLITests {
  static let tack: String = {
    let root = ProjectPaths.projectRoot()
    for candidate in [".build/debug/tack", ".build/x86_64-unknown-linux-gnu/debug/tack", ".build/aarch64-unknown-linux-gnu/debug/tack"] {
      if FileManager.default.isExecutableFile(atPath: root + "/" + candidate) { return root + "/" + candidate }
    }
    return root + "/.build/debug/tack"
  }()

  struct Env {
    let cluster: TestCluster
    let flagger: FlaggerDouble
    let kubeconfig: String

    func tack(_ arguments: [String], timeout: Duration = .seconds(60)) async throws -> ProcessResult {
      try await ProcessRunner.run(
        CanaryCLITests.tack, arguments + ["-n", "test"],
        environment: ["KUBECONFIG": kubeconfig, "NO_COLOR": "1", "HOME": cluster.directory.path], timeout: timeout)
    }

    var phase: String {
      (try? cluster.store.get(apiVersion: "flagger.app/v1beta1", kind: "Canary", namespace: "test", name: "podinfo"))?[
        path: "status", "phase"]?.stringValue ?? ""
    }

    func tick(until phase: String? = nil, limit: Int = 1) throws {
      for _ in 0..<limit {
        try flagger.tick()
        if let phase, self.phase == phase { return }
      }
    }

    /// `kubectl set image`: an update by another field manager, which moves managedFields time.
    func setImage(_ image: String) throws {
      try cluster.store.patch(
        apiVersion: "apps/v1", kind: "Deployment", namespace: "test", name: "podinfo",
        patch: ["spec": ["template": ["spec": ["containers": [["name": "podinfod", "image": .string(image)]]]]]],
        type: .strategic, fieldManager: "kubectl-set")
    }
  }

  static let analysis = """
    analysis:
      interval: 10s
      threshold: 2
      maxWeight: 30
      stepWeight: 10
      metrics:
      - name: request-success-rate
        thresholdRange:
          min: 99
        interval: 1m
      webhooks:
      - name: promotion-gate
        type: confirm-promotion
        url: http://flagger-loadtester.test/gate/check
      - name: abort
        type: rollback
        url: http://flagger-loadtester.test/rollback/check
    """

  static func withEnv(
    checks: FlaggerSimulator = FlaggerSimulator(), analysis: String = analysis,
    _ body: (Env) async throws -> Void
  ) async throws {
    let cluster = try await TestCluster.start()
    do {
      _ = try cluster.installCRDs(.flagger)
      try cluster.store.ensureNamespace("test")
      try cluster.store.create(
        JSON.parseYAML(
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: podinfo
            namespace: test
          spec:
            replicas: 2
            selector:
              matchLabels:
                app: podinfo
            template:
              metadata:
                labels:
                  app: podinfo
              spec:
                containers:
                - name: podinfod
                  image: ghcr.io/stefanprodan/podinfo:6.0.0
          """), fieldManager: "kustomize-controller")
      try cluster.store.create(
        JSON.parseYAML(
          """
          apiVersion: flagger.app/v1beta1
          kind: Canary
          metadata:
            name: podinfo
            namespace: test
          spec:
            targetRef:
              apiVersion: apps/v1
              kind: Deployment
              name: podinfo
            service:
              port: 9898
          """ + "\n" + analysis.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")),
        fieldManager: "kustomize-controller")
      let env = Env(
        cluster: cluster, flagger: FlaggerDouble(cluster: cluster, simulator: checks),
        kubeconfig: try cluster.writeKubeconfig())
      try env.tick(until: "Initialized", limit: 3)
      try await body(env)
      await env.flagger.stop()
    } catch {
      await cluster.stop()
      throw error
    }
    await cluster.stop()
  }

  /// Wall-clock times and the cluster's port vary between runs.
  static func normalize(_ text: String) -> String {
    text.replacing(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/, with: "<time>")
      .replacing(/\d\d:\d\d:\d\d/, with: "hh:mm:ss")
      .replacing(/\ \(x\d+ since hh:mm:ss\)/, with: " (xN)")
  }

  static func golden(_ text: String, _ name: String) throws {
    try GoldenFile.verify(normalize(text), at: GoldenFile.path(name))
  }

  @Test func statusOfEachPhaseAndJSON() async throws {
    try await Self.withEnv { env in
      var r = try await env.tack(["canary", "status", "podinfo"])
      #expect(r.exitCode == 0, "\(r)")
      try Self.golden(r.stdout, "cli-status-initialized.txt")

      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      try env.tick(until: "WaitingPromotion", limit: 8)
      #expect(env.phase == "WaitingPromotion")
      r = try await env.tack(["canary", "status", "podinfo"])
      #expect(r.exitCode == 0, "\(r)")
      try Self.golden(r.stdout, "cli-status-waiting-promotion.txt")
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
    try await Self.withEnv { env in
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      env.flagger.start(every: .milliseconds(100))
      let r = try await env.tack(["canary", "status", "podinfo", "--wait", "--timeout", "3s"])
      #expect(r.exitCode == 3, "\(r)")
      #expect(r.stderr.contains("✗ timed out waiting for canary test/podinfo to finish (phase WaitingPromotion)"))
      // --success-on-gate returns as soon as the gate holds it
      let g = try await env.tack(["canary", "status", "podinfo", "--wait", "--success-on-gate", "--timeout", "30s"])
      #expect(g.exitCode == 0, "\(g)")
      #expect(g.stderr.contains("✔ canary test/podinfo is held at the confirm-promotion gate"))
    }
    // failed: 4
    try await Self.withEnv(checks: FlaggerSimulator { _ in .metricFailed("success rate 42.00% < 99%") }) { env in
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      env.flagger.start(every: .milliseconds(100))
      let r = try await env.tack(["canary", "status", "podinfo", "--wait", "--timeout", "30s"])
      #expect(r.exitCode == 4, "\(r)")
      #expect(r.stdout.contains("Failed weight=0% step 0/3 failed=2/2"))
    }
  }

  /// Right after `kubectl set image`, the Canary still says Initialized/Succeeded until Flagger's
  /// next tick. --wait must follow the new release, not return on the stale phase.
  @Test func waitDoesNotReturnOnStalePhase() async throws {
    try await Self.withEnv { env in
      env.flagger.loadtester.setGate(name: "podinfo", namespace: "test", open: true)
      try await Task.sleep(for: .milliseconds(1100))  // managedFields have second precision
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      // Flagger notices the change only after a while
      let ticker = Task {
        try await Task.sleep(for: .milliseconds(1500))
        env.flagger.start(every: .milliseconds(100))
      }
      let r = try await env.tack(["canary", "status", "podinfo", "--wait", "--timeout", "60s"])
      _ = await ticker.result
      #expect(r.exitCode == 0, "\(r)")
      // which intermediate states are seen depends on timing; the ends and the order do not
      let lines = r.stdout.split(separator: "\n").map(String.init)
      #expect(lines.first == "Initialized weight=0% step 0/3 failed=0/2", "\(lines)")
      #expect(lines.contains { $0.hasPrefix("Progressing ") }, "\(lines)")
      #expect(lines.last == "Succeeded weight=0% step 3/3 failed=0/2", "\(lines)")
      #expect(Set(lines).count == lines.count)
      #expect(r.stderr.contains("◎ Initialized is stale: the target's pod template changed at"))
      #expect(r.stderr.contains("✔ canary test/podinfo Succeeded: Canary analysis completed successfully, promotion finished."))
    }
  }

  @Test func promoteOpensAndClosesTheGate() async throws {
    try await Self.withEnv { env in
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      try env.tick(until: "WaitingPromotion", limit: 8)
      env.flagger.start(every: .milliseconds(100))
      let r = try await env.tack(["promote", "canary", "podinfo", "--timeout", "30s"])
      #expect(r.exitCode == 0, "\(r)")
      // the state right after the gate depends on how fast the double ticks
      try Self.golden(r.stderr.replacing(#/passed the gate: .*/#, with: "passed the gate: <state>"), "cli-promote.stderr")
      #expect(r.stderr.contains(#/passed the gate: (Promoting|Finalising|Succeeded) /#))
      #expect(!env.flagger.loadtester.isGateOpen(name: "podinfo", namespace: "test"))
      #expect(env.flagger.loadtester.requests.map(\.path).filter { $0 != "/gate/check" && $0 != "/rollback/check" } == ["/gate/open", "/gate/close"])
      await env.flagger.stop()
      // the next release is gated again
      try env.tick(until: "Succeeded", limit: 4)
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.2")
      try env.tick(until: "WaitingPromotion", limit: 8)
      #expect(env.phase == "WaitingPromotion")
    }
  }

  @Test func promoteFullAbortAndRetry() async throws {
    try await Self.withEnv { env in
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      try env.tick(limit: 3)
      env.flagger.start(every: .milliseconds(100))
      var r = try await env.tack(["promote", "canary", "podinfo", "--full", "--timeout", "30s"])
      #expect(r.exitCode == 0, "\(r)")
      #expect(env.phase == "Succeeded")
      let canary = try env.cluster.store.get(apiVersion: "flagger.app/v1beta1", kind: "Canary", namespace: "test", name: "podinfo")
      #expect(canary[path: "spec", "skipAnalysis"] == nil || canary[path: "spec", "skipAnalysis"] == false)

      // abort a new release through the rollback gate
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.2")
      r = try await env.tack(["canary", "abort", "podinfo", "--timeout", "30s"])
      #expect(r.exitCode == 0, "\(r)")
      #expect(env.phase == "Failed")
      #expect(!env.flagger.loadtester.isRollbackOpen(name: "podinfo", namespace: "test"))
      try Self.golden(r.stderr, "cli-abort.stderr")

      // retry starts a new analysis of the same revision
      r = try await env.tack(["canary", "retry", "podinfo"])
      #expect(r.exitCode == 0, "\(r)")
      let target = try env.cluster.store.get(apiVersion: "apps/v1", kind: "Deployment", namespace: "test", name: "podinfo")
      #expect(target[path: "spec", "template", "metadata", "annotations", "kubectl.kubernetes.io/restartedAt"] != nil)
      try await Task.sleep(for: .milliseconds(400))
      #expect(env.phase != "Failed")
    }
  }

  @Test func promoteWithoutGateExplains() async throws {
    try await Self.withEnv(analysis: "analysis:\n  interval: 10s\n  threshold: 2\n  iterations: 3") { env in
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
    try await Self.withEnv { env in
      env.flagger.loadtester.setGate(name: "podinfo", namespace: "test", open: true)
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      env.flagger.start(every: .milliseconds(400))
      let r = try await env.tack(["canary", "status", "podinfo", "--watch", "--wait", "--timeout", "60s"])
      #expect(r.exitCode == 0, "\(r)")
      let lines = r.stdout.split(separator: "\n").map(String.init)
      #expect(Set(lines).count == lines.count, "no repeated state lines: \(lines)")
      #expect(lines.contains("Promoting weight=30% step 3/3 failed=0/2"), "\(lines)")
      #expect(lines.contains("Finalising weight=0% step 3/3 failed=0/2"), "\(lines)")
      #expect(lines.last == "Succeeded weight=0% step 3/3 failed=0/2")
      #expect(lines.count >= 4)
    }
  }

  /// On a terminal (a pseudo-terminal from util-linux `script`), `--watch` redraws in place: cursor
  /// up + clear-to-end-of-line per line, never a blank screen, and no stale lines left behind.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux `script` for a pseudo-terminal"))
  func watchRedrawsInPlaceOnATerminal() async throws {
    try await Self.withEnv { env in
      try env.setImage("ghcr.io/stefanprodan/podinfo:6.0.1")
      env.flagger.start(every: .milliseconds(250))
      let command = "\(Self.tack) canary status podinfo -n test --watch"
      let r = try await ProcessRunner.run(
        "/usr/bin/timeout", ["-s", "INT", "4", "/usr/bin/script", "-qfec", command, "/dev/null"],
        environment: [
          "KUBECONFIG": env.kubeconfig, "TERM": "xterm", "NO_COLOR": "", "COLUMNS": "200",
          "HOME": env.cluster.directory.path,
        ],
        timeout: .seconds(30))
      let output = r.stdout
      #expect(output.contains("\u{1B}[K"), "\(r)")
      #expect(output.contains(/\u{1B}\[\d+F/), "redrawn at least once")
      #expect(!output.contains("\u{1B}[2J"))
      var screen = Screen()
      screen.feed(output)
      let text = screen.lines
      #expect(text.filter { $0.hasPrefix("Name:") }.count == 1, "\(text.joined(separator: "\n"))")
      #expect(text.filter { $0.hasPrefix("Status:") }.count == 1)
      #expect(text.filter { $0.hasPrefix("History") }.count == 1)
      // the bottom of the screen is the last frame's history, not a leftover of an older frame
      #expect(text.last?.contains("canary weight") == true || text.last?.contains("waiting at") == true || text.last?.contains("⚠") == true, "\(text.suffix(3))")
    }
  }

  /// A terminal model for the sequences tack writes (`ESC[nF`, `ESC[K`, `ESC[J`, CR, LF) plus
  /// colour codes, which it ignores.
  struct Screen {
    var rows: [[Character]] = [[]]
    var row = 0
    var col = 0

    mutating func feed(_ text: String) {
      let chars = Array(text)
      var i = 0
      while i < chars.count {
        let c = chars[i]
        if c == "\u{1B}", i + 1 < chars.count, chars[i + 1] == "[" {
          var j = i + 2
          var digits = ""
          while j < chars.count, chars[j].isNumber || chars[j] == ";" || chars[j] == "?" {
            digits.append(chars[j])
            j += 1
          }
          guard j < chars.count else { break }
          let n = Int(digits) ?? 1
          switch chars[j] {
          case "F":
            row = max(0, row - n)
            col = 0
          case "K": rows[row] = Array(rows[row].prefix(col))
          case "J":
            rows[row] = Array(rows[row].prefix(col))
            if row + 1 < rows.count { rows.removeSubrange((row + 1)...) }
          default: break
          }
          i = j + 1
          continue
        }
        switch c {
        case "\r": col = 0
        case "\n", "\r\n":
          if c == "\r\n" { col = 0 }
          row += 1
          if c == "\n" { col = 0 }
          while rows.count <= row { rows.append([]) }
        default:
          if col < rows[row].count { rows[row][col] = c } else { rows[row].append(c) }
          col += 1
        }
        i += 1
      }
    }

    var lines: [String] { rows.map { String($0) }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
  }
}
