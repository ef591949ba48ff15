// The reconcile benchmark (Benchmarks/reconcile/run.sh): a test API server with the Flux CRDs and
// the Flux controller double in this process, the `tack` binary under test against it. Prints
// figures; asserts nothing about time.
//
//   reconcile-bench TACK RUNS OBJECTS
import Foundation
import TackJSON
import TackTestSupport

let arguments = CommandLine.arguments
guard arguments.count == 4, let runs = Int(arguments[2]), let bulkCount = Int(arguments[3]) else {
  FileHandle.standardError.write(Data("usage: reconcile-bench TACK RUNS OBJECTS\n".utf8))
  exit(64)
}
let tack = arguments[1]
let baseline = ProjectPaths.projectRoot(from: #filePath) + "/Benchmarks/reconcile/poll-baseline.py"

func gitRepository() -> JSON {
  [
    "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
    "metadata": ["name": "podinfo", "namespace": "flux-system"],
    "spec": ["interval": "1m0s", "url": "https://github.com/stefanprodan/podinfo", "ref": ["branch": "master"]],
  ]
}

func kustomization(_ name: String, suspended: Bool = false) -> JSON {
  var spec: JSON = [
    "interval": "10m0s", "path": "./kustomize", "prune": true, "sourceRef": ["kind": "GitRepository", "name": "podinfo"],
  ]
  if suspended { spec["suspend"] = true }
  return [
    "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
    "metadata": ["name": .string(name), "namespace": "flux-system"], "spec": spec,
  ]
}

/// A server holding `objects`, the double having reconciled every one that is not suspended.
func withWorld(
  _ objects: [JSON], _ body: (TestCluster, FluxControllerDouble, [String: String]) async throws -> Void
) async throws {
  let cluster = try await TestCluster.start()
  try cluster.installCRDs(.all)
  try cluster.store.ensureNamespace("flux-system")
  for object in objects { try cluster.store.create(object) }
  let flux = await FluxControllerDouble.start(on: cluster.server)
  let expected = objects.filter { $0[path: "spec", "suspend"]?.boolValue != true }.count
  while await flux.writes.count < expected { try await Task.sleep(for: .milliseconds(10)) }
  let home = cluster.directory.path + "/home"
  let environment = [
    "KUBECONFIG": try cluster.writeKubeconfig(), "HOME": home, "XDG_CACHE_HOME": home + "/.cache", "NO_COLOR": "1",
  ]
  do {
    try await body(cluster, flux, environment)
  } catch {
    await flux.stop()
    await cluster.stop()
    throw error
  }
  await flux.stop()
  await cluster.stop()
}

func wallClock() -> Int64 {
  var spec = timespec()
  clock_gettime(CLOCK_REALTIME, &spec)
  return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
}

func summary(_ name: String, _ milliseconds: [Double]) -> String {
  let sorted = milliseconds.sorted()
  func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))] }
  func format(_ value: Double) -> String { String(format: "%.1f", value) }
  return "\(name): n=\(sorted.count) median=\(format(percentile(0.5))) ms p90=\(format(percentile(0.9))) ms "
    + "min=\(format(sorted.first ?? 0)) ms max=\(format(sorted.last ?? 0)) ms"
}

struct Failed: Error, CustomStringConvertible {
  var description: String
}

/// From the double writing Ready to the command exiting: tack (watch) vs a 2 s poller.
func readyToExitLatency() async throws {
  try await withWorld([gitRepository(), kustomization("podinfo")]) { cluster, flux, environment in
    let ca = try cluster.directory.write("bench-ca.crt", contents: cluster.caPEM)
    _ = try cluster.writeKubeconfig(user: .token("bench-token", user: "bench", groups: ["system:masters"]))
    let ref = FluxDoubleRef(.kustomization, "flux-system", "podinfo")
    var tackLatency: [Double] = []
    var pollLatency: [Double] = []
    for run in 0..<runs {
      // Spread the controller's answer over a poll period, so the poller's phase does not matter.
      let delay = Duration.milliseconds(300 + run * 2000 / max(1, runs))
      await flux.script(.kustomization, "flux-system", "podinfo", .succeed(after: delay))

      let result = try await ProcessRunner.run(
        tack, ["reconcile", "ks", "podinfo"], environment: environment, inheritEnvironment: false)
      let tackExit = wallClock()
      guard result.exitCode == 0, let ready = await flux.writes.last(where: { $0.ref == ref }) else {
        throw Failed(description: "tack failed: \(result)")
      }
      tackLatency.append(Double(tackExit - ready.wallClockNanoseconds) / 1e6)

      let poll = try await ProcessRunner.run(
        "python3",
        [
          baseline, "--server", cluster.url, "--ca", ca, "--token", "bench-token",
          "--path", "/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/podinfo",
        ])
      let pollExit = wallClock()
      guard poll.exitCode == 0, let pollReady = await flux.writes.last(where: { $0.ref == ref }) else {
        throw Failed(description: "baseline failed: \(poll)")
      }
      pollLatency.append(Double(pollExit - pollReady.wallClockNanoseconds) / 1e6)
    }
    print(summary("ready-to-exit tack reconcile ks (watch)", tackLatency))
    print(summary("ready-to-exit 2s-poll baseline (flux-like)", pollLatency))
  }
}

/// `resume --all` of many Kustomizations (patch all, then one watch) vs resuming them one by one.
func bulkResume() async throws {
  let names = (0..<bulkCount).map { "app-\($0)" }
  try await withWorld([gitRepository()] + names.map { kustomization($0, suspended: true) }) { _, _, environment in
    var start = ContinuousClock.now
    let all = try await ProcessRunner.run(
      tack, ["resume", "ks", "--all", "--wait", "--timeout", "10m"], environment: environment,
      inheritEnvironment: false, timeout: .seconds(900))
    let bulk = ContinuousClock.now - start
    guard all.exitCode == 0 else { throw Failed(description: "resume --all failed: \(all.stderr.suffix(2000))") }
    print("resume ks --all --wait, \(bulkCount) Kustomizations: \(bulk)")

    let suspend = try await ProcessRunner.run(
      tack, ["suspend", "ks", "--all"], environment: environment, inheritEnvironment: false, timeout: .seconds(900))
    guard suspend.exitCode == 0 else {
      throw Failed(description: "suspend --all failed: \(suspend.stderr.suffix(2000))")
    }
    start = ContinuousClock.now
    for name in names {
      let one = try await ProcessRunner.run(tack, ["resume", "ks", name], environment: environment, inheritEnvironment: false)
      guard one.exitCode == 0 else { throw Failed(description: "resume \(name) failed: \(one)") }
    }
    print("resume ks <name> one by one (each waits), \(bulkCount) Kustomizations: \(ContinuousClock.now - start)")
  }
}

do {
  try await readyToExitLatency()
  try await bulkResume()
} catch {
  FileHandle.standardError.write(Data("reconcile-bench: \(error)\n".utf8))
  exit(1)
}
