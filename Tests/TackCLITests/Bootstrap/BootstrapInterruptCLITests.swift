import Foundation
import TackTestSupport
import Testing

/// The built binary against a Git server that accepts and then says nothing: Ctrl-C ends it with
/// 130 at once, and `--timeout` ends it on its own; neither leaves a clone behind.
@Suite struct BootstrapInterruptCLITests {
  struct World {
    let cluster: TestCluster
    let kubeconfig: String
    let home: TemporaryDirectory
    let manifests: String
    let git: StallingGitServer

    static func with(_ body: (World) async throws -> Void) async throws {
      let cluster = try await TestCluster.start()
      let home = try TemporaryDirectory(prefix: "tack-interrupt-home")
      let git = try StallingGitServer()
      let world = World(
        cluster: cluster, kubeconfig: try cluster.writeKubeconfig(), home: home,
        manifests: try BootstrapCLI.bundle(for: cluster, in: home), git: git)
      do {
        try await body(world)
      } catch {
        git.stop()
        await cluster.stop()
        home.remove()
        throw error
      }
      git.stop()
      await cluster.stop()
      home.remove()
    }

    var environment: [String: String] {
      var env = BootstrapCLI.environment(home: home.path)
      env["KUBECONFIG"] = kubeconfig
      return env
    }

    func arguments(timeout: String) -> [String] {
      [
        "bootstrap", "git", "--url", git.httpURL, "--allow-insecure-http", "--token-auth", "-u", "git", "-p", "t0ken",
        "--path", "clusters/dev", "--manifests", manifests, "--timeout", timeout,
      ]
    }

    /// Clone directories (and other tack temporaries) left in TMPDIR, which is HOME here.
    var leftovers: [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: home.path)) ?? []).filter { $0.hasPrefix("tack-") }
    }
  }

  @Test func ctrlCDuringAStalledCloneExits130AtOnce() async throws {
    try await World.with { world in
      let process = try BackgroundProcess(
        BootstrapCLI.tack, world.arguments(timeout: "5m"), environment: world.environment, inheritEnvironment: false)
      let deadline = ContinuousClock.now + .seconds(60)
      while !process.stderr.contains("► cloning branch"), process.isRunning, ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(50))
      }
      #expect(process.stderr.contains("► cloning branch"), "\(process.stderr)")
      try await Task.sleep(for: .milliseconds(500))
      #expect(process.isRunning, "bootstrap should be waiting for the silent server: \(process.stderr)")

      let clock = ContinuousClock()
      let interrupted = clock.now
      process.interrupt()
      let code = await process.exitCode()
      let elapsed = clock.now - interrupted
      #expect(code == 130, "\(process.stderr)")
      // About 0.1 s on its own; the bound leaves room for a full parallel suite on two cores.
      // Without an interruptible clone the process never exits (the stalled read never returns).
      #expect(elapsed < .seconds(5), "took \(elapsed) to exit after SIGINT")
      #expect(!process.stderr.contains("✗"), "an interruption is not reported as a failure: \(process.stderr)")
      #expect(world.leftovers.isEmpty, "\(world.leftovers)")
    }
  }

  @Test func theBootstrapTimeoutCoversTheClone() async throws {
    try await World.with { world in
      let clock = ContinuousClock()
      let start = clock.now
      let result = try await BootstrapCLI.run(
        world.arguments(timeout: "3s"), home: world.home.path, kubeconfig: world.kubeconfig, timeout: .seconds(60))
      let elapsed = clock.now - start
      #expect(result.exitCode == 3, "\(result)")
      #expect(result.stderr.contains("✗ failed to clone repository: cloning branch \"main\" from"), "\(result)")
      #expect(result.stderr.contains("timeouts:"), "\(result)")
      #expect(elapsed < .seconds(20), "took \(elapsed)")
      #expect(world.leftovers.isEmpty, "\(world.leftovers)")
    }
  }
}
