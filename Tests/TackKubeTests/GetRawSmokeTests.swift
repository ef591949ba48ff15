import Foundation
import Synchronization
import TackJSON
import TackTestSupport
import Testing

@testable import TackKube

/// Runs the built `tack` binary against the test server (`tack get --raw /version`), checking output
/// and exit codes end to end.
@Suite(.serialized) struct GetRawSmokeTests {
  static func run(_ arguments: [String], environment: [String: String]) async throws -> (Int32, String, String) {
    let result = try await ProcessRunner.run(
      ProjectPaths.builtProduct("tack"), arguments, environment: environment, inheritEnvironment: false, timeout: .seconds(300))
    return (result.exitCode, result.stdout, result.stderr)
  }

  // The binary is built by `swift build` (the Makefile's `--build-tests` builds everything).
  @Test func getRawVersion() async throws {
    try await withTestCluster { cluster in
      let kubeconfig = try cluster.writeKubeconfig()
      let home = cluster.directory.path
      let env = ["KUBECONFIG": kubeconfig, "HOME": home, "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": home + "/cache"]
      let (code, stdout, stderr) = try await Self.run(["get", "--raw", "/version"], environment: env)
      #expect(code == 0, "\(stderr)")
      #expect(try JSON.parse(stdout)["gitVersion"] != nil)
      #expect(stderr.isEmpty)

      let (missing, _, missingErr) = try await Self.run(["get", "--raw", "/apis/nope.example/v1"], environment: env)
      #expect(missing == 5)
      #expect(missingErr == "✗ Error from server (NotFound): the server could not find the requested resource\n")

      let (badContext, _, badErr) = try await Self.run(["get", "--raw", "/version", "--context", "nope"], environment: env)
      #expect(badContext == 1)
      #expect(badErr.hasPrefix("✗ context \"nope\" does not exist"))

      let (verbose, _, verboseErr) = try await Self.run(["get", "--raw", "/version", "--verbose"], environment: env)
      #expect(verbose == 0)
      #expect(verboseErr.contains("GET \(cluster.url)/version 200 OK in "))

      let (usage, _, _) = try await Self.run(["get", "--raw", "version"], environment: env)
      #expect(usage == 64)
    }
  }

  @Test func interruptExits130Promptly() async throws {
    try await withTestCluster { cluster in
      let kubeconfig = try cluster.writeKubeconfig()
      cluster.server.inject(Fault(.latency(.seconds(120)), method: "GET", path: "/version"))
      let process = try BackgroundProcess(
        ProjectPaths.builtProduct("tack"), ["get", "--raw", "/version"],
        environment: ["KUBECONFIG": kubeconfig, "HOME": cluster.directory.path, "PATH": "/usr/bin:/bin"],
        inheritEnvironment: false)
      // Let the binary start and send the request (the server records it only once answered).
      try await Task.sleep(for: .seconds(3))
      let start = ContinuousClock.now
      process.interrupt()
      while process.isRunning, ContinuousClock.now - start < .seconds(60) {
        try await Task.sleep(for: .milliseconds(20))
      }
      let stopped = !process.isRunning
      #expect(stopped)
      // Far below the 2-minute answer: the request was cancelled, not waited out (with margin for a
      // loaded machine, where even a prompt exit can take seconds).
      #expect(ContinuousClock.now - start < .seconds(20))
      if stopped { #expect(await process.exitCode() == 130) } else { process.terminate() }
    }
  }
}
