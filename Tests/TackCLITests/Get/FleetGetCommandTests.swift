import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// `tack get … --contexts` and `tack canary status --contexts`: three test API servers, one of them
/// down. The two that answer are merged into one table with CLUSTER first (goldens, stdout and
/// stderr apart); the one that does not is one stderr line naming its context, and the exit code is 1.
@Suite(.serialized) struct FleetGetCommandTests {
  /// east serves every get fixture; west only its Kustomizations and Canaries; gone is stopped.
  static func withFleet(_ body: ([String: String]) async throws -> Void) async throws {
    let objects = GetCommandTests.fixtureObjects
    let east = try await start(objects)
    let west = try await start(objects.filter { ["Kustomization", "Canary"].contains($0["kind"]?.stringValue) })
    let gone = try await start([])
    do {
      let kubeconfig = east.directory.path + "/fleet-kubeconfig"
      try DashboardFleetTests.mergedKubeconfig([("east", east), ("west", west), ("gone", gone)], at: kubeconfig)
      // Only the server stops: its client certificate stays readable, so the context is down,
      // not misconfigured.
      await gone.server.stop()
      try await body(["KUBECONFIG": kubeconfig])
    } catch {
      await east.stop()
      await west.stop()
      gone.directory.remove()
      throw error
    }
    await east.stop()
    await west.stop()
    gone.directory.remove()
  }

  static func start(_ objects: [JSON]) async throws -> TestCluster {
    let cluster = try await TestCluster.start()
    _ = try cluster.installCRDs(.all)
    let namespaces: [JSON] = ["flux-system", "apps"].map {
      ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string($0)]]
    }
    try cluster.store.seed(namespaces + objects)
    return cluster
  }

  /// The stopped server's address changes from run to run.
  static func normalised(_ result: TackResult) -> TackResult {
    let stderr = result.stderr
      .replacingOccurrences(of: #"(127\.0\.0\.1|localhost|\[::1\]):\d+"#, with: "<SERVER>", options: .regularExpression)
      .replacingOccurrences(of: #"127\.0\.0\.1 port \d+"#, with: "<SERVER>", options: .regularExpression)
      .replacingOccurrences(of: #"after \d+ ms"#, with: "after <N> ms", options: .regularExpression)
    return TackResult(exitCode: result.exitCode, stdout: result.stdout, stderr: stderr)
  }

  @Test func mergedTablesWithOneClusterDown() async throws {
    try await Self.withFleet { env in
      let contexts = ["--contexts", "east,west,gone"]
      let ks = await InProcessTack.run(["get", "ks"] + contexts, environment: env)
      #expect(ks.exitCode == 1, "\(ks)")
      #expect(ks.stdout.hasPrefix("CLUSTER"))
      let stderrLines = ks.stderr.split(separator: "\n")
      #expect(stderrLines.count == 1 && stderrLines[0].hasPrefix("✗ context gone: "), "\(ks.stderr)")
      CLIGolden.expect(Self.normalised(ks), "get/fleet-ks")

      CLIGolden.expect(
        Self.normalised(await InProcessTack.run(["get", "all"] + contexts, environment: env)), "get/fleet-all")
      CLIGolden.expect(
        Self.normalised(await InProcessTack.run(["get", "canaries", "-A"] + contexts, environment: env)),
        "get/fleet-canaries-A")
      CLIGolden.expect(
        Self.normalised(await InProcessTack.run(["canary", "status"] + contexts, environment: env)),
        "canary/fleet-status")
      CLIGolden.expect(
        Self.normalised(await InProcessTack.run(["canary", "status", "podinfo"] + contexts, environment: env)),
        "canary/fleet-status-podinfo")
    }
  }

  @Test func everyClusterAnsweringExitsZeroAndNothingFoundIsFive() async throws {
    try await Self.withFleet { env in
      let ok = await InProcessTack.run(["get", "ks", "--contexts", "west,east"], environment: env)
      #expect(ok.exitCode == 0, "\(ok)")
      #expect(ok.stderr.isEmpty)
      // The contexts' order is the rows' order, whichever cluster answered first.
      let clusters = ok.stdout.split(separator: "\n").dropFirst().map { $0.prefix { $0 != " " && $0 != "\t" } }
      #expect(clusters == ["west", "west", "east", "east"], "\(ok.stdout)")

      let none = await InProcessTack.run(["get", "hr", "--contexts", "west"], environment: env)
      #expect(none.exitCode == 5, "\(none)")
      #expect(none.stdout.isEmpty)

      let canaries = await InProcessTack.run(["canary", "status", "--contexts", "east,west"], environment: env)
      #expect(canaries.exitCode == 0, "\(canaries)")
    }
  }

  @Test func jsonAndYAMLItemsCarryTheirContext() async throws {
    try await Self.withFleet { env in
      let json = await InProcessTack.run(["get", "ks", "--contexts", "east,west,gone", "-o", "json"], environment: env)
      #expect(json.exitCode == 1)
      let list = try JSON.parse(json.stdout)
      let items = try #require(list["items"]?.arrayValue)
      #expect(items.compactMap { $0["context"]?.stringValue } == ["east", "east", "west", "west"])
      #expect(items.allSatisfy { $0["kind"]?.stringValue == "Kustomization" })

      let yaml = await InProcessTack.run(["get", "ks", "--all-contexts", "-o", "yaml"], environment: env)
      #expect(yaml.exitCode == 1)
      let yamlItems = try #require(try JSON.parseYAML(yaml.stdout)["items"]?.arrayValue)
      // --all-contexts takes the kubeconfig's contexts sorted by name.
      #expect(yamlItems.compactMap { $0["context"]?.stringValue } == ["east", "east", "west", "west"])
      #expect(yaml.stderr.contains("✗ context gone: "))

      let lines = await InProcessTack.run(["get", "ks", "--contexts", "west", "-o", "jsonl"], environment: env)
      let first = try JSON.parse(String(lines.stdout.split(separator: "\n")[0]))
      #expect(first["context"]?.stringValue == "west")

      let canaries = await InProcessTack.run(
        ["canary", "status", "--contexts", "east,gone", "-o", "json"], environment: env)
      #expect(canaries.exitCode == 1)
      let documents = try #require(try JSON.parse(canaries.stdout)["items"]?.arrayValue)
      #expect(documents.count == 2 && documents.allSatisfy { $0["context"]?.stringValue == "east" })
    }
  }

  /// A cluster that accepts connections but does not answer costs the others --timeout (the
  /// client's request deadline), no more.
  @Test func aSilentClusterCostsAtMostTheTimeout() async throws {
    let kustomizations = GetCommandTests.fixtureObjects.filter { $0["kind"]?.stringValue == "Kustomization" }
    let fast = try await Self.start(kustomizations)
    let slow = try await Self.start(kustomizations)
    slow.server.inject(Fault(.latency(.seconds(120))))
    do {
      let kubeconfig = fast.directory.path + "/fleet-kubeconfig"
      try DashboardFleetTests.mergedKubeconfig([("fast", fast), ("slow", slow)], at: kubeconfig)
      let started = ContinuousClock.now
      let result = await InProcessTack.run(
        ["get", "ks", "--contexts", "fast,slow", "--timeout", "2s"], environment: ["KUBECONFIG": kubeconfig])
      #expect(ContinuousClock.now - started < .seconds(30))
      #expect(result.exitCode == 1, "\(result)")
      #expect(result.stdout.split(separator: "\n").count == 3, "\(result.stdout)")
      #expect(result.stderr.hasPrefix("✗ context slow: "), "\(result.stderr)")
    } catch {
      await fast.stop()
      await slow.stop()
      throw error
    }
    await fast.stop()
    await slow.stop()
  }

  @Test func flagsThatTakeOneCluster() async throws {
    let watch = await InProcessTack.run(["get", "ks", "--contexts", "a,b", "--watch"])
    #expect(watch.exitCode == 64, "\(watch)")
    let both = await InProcessTack.run(["get", "ks", "--contexts", "a", "--all-contexts"])
    #expect(both.exitCode == 64, "\(both)")
    let context = await InProcessTack.run(["get", "ks", "--contexts", "a", "--context", "b"])
    #expect(context.exitCode == 64, "\(context)")
    let canaryWatch = await InProcessTack.run(["canary", "status", "podinfo", "--contexts", "a", "--watch"])
    #expect(canaryWatch.exitCode == 64, "\(canaryWatch)")
  }
}
