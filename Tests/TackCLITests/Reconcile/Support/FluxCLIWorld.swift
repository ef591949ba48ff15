import Foundation
import TackJSON
import TackTestSupport
import Testing

/// A test API server with the Flux CRDs and the Flux controller double, for running `tack`
/// commands against (in-process, or the built binary): what the reconcile/suspend/resume CLI
/// tests use.
struct FluxCLIWorld {
  let cluster: TestCluster
  let flux: FluxControllerDouble
  let kubeconfig: String
  let home: String

  /// Starts a server, creates `objects` (namespaces as needed), lets the double reconcile them once,
  /// applies `script`, runs `body`, and tears everything down.
  static func with<T>(
    _ objects: [JSON], script: (FluxControllerDouble) async -> Void = { _ in },
    _ body: (FluxCLIWorld) async throws -> T
  ) async throws -> T {
    let cluster = try await TestCluster.start()
    let flux: FluxControllerDouble
    do {
      _ = try cluster.installCRDs(.all)
      for namespace in Set(objects.compactMap { $0[path: "metadata", "namespace"]?.stringValue }) {
        try cluster.store.ensureNamespace(namespace)
      }
      for object in objects { try cluster.store.create(object) }
      flux = await FluxControllerDouble.start(on: cluster.server)
    } catch {
      await cluster.stop()
      throw error
    }
    let world = FluxCLIWorld(
      cluster: cluster, flux: flux, kubeconfig: try cluster.writeKubeconfig(),
      home: cluster.directory.path + "/home")
    do {
      try await world.settle(objects)
      await script(flux)
      let result = try await body(world)
      await flux.stop()
      await cluster.stop()
      return result
    } catch {
      await flux.stop()
      await cluster.stop()
      throw error
    }
  }

  /// Waits until the double wrote a status for every object it reconciles.
  func settle(_ objects: [JSON]) async throws {
    let expected = objects.filter {
      $0[path: "spec", "suspend"]?.boolValue != true && $0[path: "spec", "type"]?.stringValue != "oci"
        && $0["kind"]?.stringValue != "Canary"
    }
    // Generous: the whole test bundle shares two cores when `swift test` runs everything.
    let deadline = ContinuousClock.now + .seconds(300)
    while await flux.writes.count < expected.count {
      guard ContinuousClock.now < deadline else {
        Issue.record("the controller double did not settle: \(await flux.writes.count) of \(expected.count)")
        return
      }
      try await Task.sleep(for: .milliseconds(10))
    }
  }

  /// What `tack` sees: this cluster's kubeconfig, plain output (no TTY, NO_COLOR, TZ=UTC).
  var environment: [String: String] {
    [
      "KUBECONFIG": kubeconfig, "HOME": home, "XDG_CACHE_HOME": home + "/.cache", "NO_COLOR": "1", "TERM": "dumb",
      "TZ": "UTC", "PATH": "/usr/bin:/bin",
    ]
  }

  /// Runs a `tack` command line in-process against this cluster.
  func tack(_ arguments: [String]) async -> TackResult {
    await InProcessTack.run(arguments, exactEnvironment: environment)
  }

  /// Runs the built `tack` binary against this cluster (exit codes as the shell sees them).
  func binary(_ arguments: [String], timeout: Duration = .seconds(60)) async throws -> TackResult {
    let result = try await ProcessRunner.run(
      Self.tackPath, arguments, environment: environment, inheritEnvironment: false, timeout: timeout)
    return TackResult(exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr)
  }

  func object(_ apiVersion: String, _ kind: String, _ name: String, namespace: String = "flux-system") throws -> JSON {
    try cluster.store.get(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)
  }

  static var tackPath: String { ProjectPaths.builtProduct("tack") }
}

/// Golden files for a command's output: `<name>.stdout`, `<name>.stderr` and `<name>.exit` under
/// `Tests/TackCLITests/Reconcile/Fixtures/`. Timestamps and elapsed times are normalised first.
enum CLIGoldens {
  static func verify(_ result: TackResult, _ name: String, testFile: String = #filePath) throws {
    try GoldenFile.verify(normalise(result.stdout), at: GoldenFile.path(name + ".stdout", testFile: testFile))
    try GoldenFile.verify(normalise(result.stderr), at: GoldenFile.path(name + ".stderr", testFile: testFile))
    try GoldenFile.verify("\(result.exitCode)\n", at: GoldenFile.path(name + ".exit", testFile: testFile))
  }

  /// RFC 3339 timestamps become `<TIME>`; `12.3s`-style elapsed times `<ELAPSED>`.
  static func normalise(_ text: String) -> String {
    var text = text
    let patterns = [
      (#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})"#, "<TIME>"),
      (#"\b\d+\.\d+s\b"#, "<ELAPSED>"),
    ]
    for (pattern, replacement) in patterns {
      text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
    }
    return text
  }
}
