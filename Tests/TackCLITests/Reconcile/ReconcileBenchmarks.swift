import Foundation
import TackJSON
import TackTestSupport
import Testing

/// The reconcile benchmark's harness, run by `Benchmarks/reconcile/run.sh`; NOT a test. It needs
/// the in-process test API server and Flux controller double, so it lives with the CLI tests, but it
/// only prints figures and asserts nothing about time. Skipped unless TACK_BENCHMARK=1 (a normal
/// `swift test` must stay fast).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["TACK_BENCHMARK"] == "1"))
struct ReconcileBenchmarks {
  typealias F = ReconcileFixtures
  static let environment = ProcessInfo.processInfo.environment
  static let runs = Int(environment["TACK_BENCH_RUNS"] ?? "") ?? 20
  static let bulkCount = Int(environment["TACK_BENCH_OBJECTS"] ?? "") ?? 500
  static let tack = environment["TACK_BIN"] ?? FluxCLIWorld.tackPath

  static func wallClock() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
  }

  static func report(_ line: String) {
    print("BENCH " + line)
  }

  static func summary(_ name: String, _ milliseconds: [Double]) -> String {
    let sorted = milliseconds.sorted()
    func pct(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))] }
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    return "\(name): n=\(sorted.count) median=\(f(pct(0.5))) ms p90=\(f(pct(0.9))) ms min=\(f(sorted.first ?? 0)) ms max=\(f(sorted.last ?? 0)) ms"
  }

  /// From the double writing Ready to the command exiting: tack (watch) vs a 2 s poller.
  @Test func readyToExitLatency() async throws {
    try await FluxCLIWorld.with([F.gitRepository(), F.kustomization()]) { world in
      let ca = try world.cluster.directory.write("bench-ca.crt", contents: world.cluster.caPEM)
      _ = try world.cluster.writeKubeconfig(user: .token("bench-token", user: "bench", groups: ["system:masters"]))
      let baseline = ProjectPaths.projectRoot(from: #filePath) + "/Benchmarks/reconcile/poll-baseline.py"
      let ref = FluxDoubleRef(.kustomization, "flux-system", "podinfo")
      var tackLatency: [Double] = []
      var pollLatency: [Double] = []
      for run in 0..<Self.runs {
        // Spread the controller's answer over a poll period, so the poller's phase does not matter.
        let delay = Duration.milliseconds(300 + run * 2000 / max(1, Self.runs))
        await world.flux.script(.kustomization, "flux-system", "podinfo", .succeed(after: delay))

        let result = try await ProcessRunner.run(
          Self.tack, ["reconcile", "ks", "podinfo"],
          environment: [
            "KUBECONFIG": world.kubeconfig, "HOME": world.home, "XDG_CACHE_HOME": world.home + "/.cache", "NO_COLOR": "1",
          ], inheritEnvironment: false)
        let tackExit = Self.wallClock()
        guard result.exitCode == 0, let ready = await world.flux.writes.last(where: { $0.ref == ref }) else {
          Issue.record("tack failed: \(result)")
          return
        }
        tackLatency.append(Double(tackExit - ready.wallClockNanoseconds) / 1e6)

        let poll = try await ProcessRunner.run(
          "/usr/bin/env",
          [
            "python3", baseline, "--server", world.cluster.url, "--ca", ca, "--token", "bench-token",
            "--path", "/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/podinfo",
          ])
        let pollExit = Self.wallClock()
        guard poll.exitCode == 0, let pollReady = await world.flux.writes.last(where: { $0.ref == ref }) else {
          Issue.record("baseline failed: \(poll)")
          return
        }
        pollLatency.append(Double(pollExit - pollReady.wallClockNanoseconds) / 1e6)
      }
      Self.report(Self.summary("ready-to-exit tack reconcile ks (watch)", tackLatency))
      Self.report(Self.summary("ready-to-exit 2s-poll baseline (flux-like)", pollLatency))
    }
  }

  /// `resume --all` of many Kustomizations (patch all, then one watch) vs resuming them one by one.
  @Test func bulkResume() async throws {
    let count = Self.bulkCount
    let names = (0..<count).map { "app-\($0)" }
    let objects = [F.gitRepository()] + names.map { F.kustomization($0, suspended: true) }
    try await FluxCLIWorld.with(objects) { world in
      let env = [
        "KUBECONFIG": world.kubeconfig, "HOME": world.home, "XDG_CACHE_HOME": world.home + "/.cache", "NO_COLOR": "1",
      ]
      var start = ContinuousClock.now
      let all = try await ProcessRunner.run(
        Self.tack, ["resume", "ks", "--all", "--wait", "--timeout", "10m"], environment: env, inheritEnvironment: false,
        timeout: .seconds(900))
      let bulk = ContinuousClock.now - start
      guard all.exitCode == 0 else {
        Issue.record("resume --all failed: \(all.stderr.suffix(2000))")
        return
      }
      Self.report("resume ks --all --wait, \(count) Kustomizations: \(bulk)")

      let suspend = try await ProcessRunner.run(
        Self.tack, ["suspend", "ks", "--all"], environment: env, inheritEnvironment: false, timeout: .seconds(900))
      guard suspend.exitCode == 0 else {
        Issue.record("suspend --all failed: \(suspend.stderr.suffix(2000))")
        return
      }
      start = ContinuousClock.now
      for name in names {
        let one = try await ProcessRunner.run(
          Self.tack, ["resume", "ks", name], environment: env, inheritEnvironment: false)
        guard one.exitCode == 0 else {
          Issue.record("resume \(name) failed: \(one)")
          return
        }
      }
      let sequential = ContinuousClock.now - start
      Self.report("resume ks <name> one by one (each waits), \(count) Kustomizations: \(sequential)")
    }
  }
}
