import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

/// `tack ui --contexts`: three test API servers, one of them down. The two that answer are listed
/// and merged with a CLUSTER column; the one that does not is shown unreachable and holds nothing up.
@Suite(.serialized) struct DashboardFleetTests {
  typealias F = ReconcileFixtures

  /// One kubeconfig with a context per cluster (each server's own cluster and user entries, renamed).
  static func mergedKubeconfig(_ clusters: [(name: String, cluster: TestCluster)], at path: String) throws {
    var clusterEntries: [JSON] = []
    var userEntries: [JSON] = []
    var contextEntries: [JSON] = []
    for (name, cluster) in clusters {
      let file = try cluster.writeKubeconfig()
      let config = try JSON.parseYAML(String(contentsOfFile: file, encoding: .utf8))
      var clusterEntry = try #require(config["clusters"]?.arrayValue?.first)
      clusterEntry["name"] = .string(name)
      var userEntry = try #require(config["users"]?.arrayValue?.first)
      userEntry["name"] = .string(name)
      clusterEntries.append(clusterEntry)
      userEntries.append(userEntry)
      contextEntries.append(["name": .string(name), "context": ["cluster": .string(name), "user": .string(name)]])
    }
    let merged: JSON = [
      "apiVersion": "v1", "kind": "Config", "clusters": .array(clusterEntries), "users": .array(userEntries),
      "contexts": .array(contextEntries), "current-context": .string(clusters[0].name),
    ]
    try merged.serialized().write(toFile: path, atomically: true, encoding: .utf8)
  }

  static func start(_ objects: [JSON]) async throws -> TestCluster {
    let cluster = try await TestCluster.start()
    _ = try cluster.installCRDs(.all)
    for namespace in Set(objects.compactMap { $0[path: "metadata", "namespace"]?.stringValue }) {
      try cluster.store.ensureNamespace(namespace)
    }
    for object in objects { try cluster.store.create(object) }
    return cluster
  }

  @Test(.requires(.tmux))
  func threeClustersOneDown() async throws {
    let east = try await Self.start([F.gitRepository(), F.kustomization("apps")])
    let west = try await Self.start([F.gitRepository("infra-repo"), F.kustomization("infra", source: "infra-repo")])
    let gone = try await Self.start([F.gitRepository()])
    let directory = east.directory.path
    let kubeconfig = directory + "/fleet-kubeconfig"
    try Self.mergedKubeconfig([("east", east), ("west", west), ("gone", gone)], at: kubeconfig)
    await gone.stop()

    let environment = [
      "KUBECONFIG": kubeconfig, "HOME": directory + "/home", "XDG_CACHE_HOME": directory + "/home/.cache",
      "NO_COLOR": "1", "TERM": "tmux-256color", "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "interactive=no",
    ]
    let tmux = try await TmuxSession.start(
      TmuxSession.reportingExit(
        "\(FluxCLIWorld.tackPath) ui --contexts east,west,gone -n flux-system", statusFile: directory + "/status"),
      environment: environment)
    do {
      // Keys typed before the dashboard takes the terminal are discarded with the line buffer.
      try await tmux.waitForScreen("the dashboard") { $0.contains("ctx: 3 contexts") }
      try await tmux.send("4")
      let fleet = try await tmux.waitForScreen("the fleet screen") { screen in
        screen.contains("✖ unreachable") && screen.components(separatedBy: "✔ v").count == 3
      }
      let lines = fleet.split(separator: "\n").map(String.init)
      let goneLine = try #require(lines.first { $0.hasPrefix(" gone") })
      #expect(goneLine.contains("✖ unreachable"))
      // Unreachable first, then the clusters that answered.
      #expect(lines.firstIndex(of: goneLine)! < lines.firstIndex { $0.hasPrefix(" east") }!)
      #expect(fleet.contains("ctx: 3 contexts"))

      try await tmux.send("2")
      let merged = try await tmux.waitForScreen("the merged list") { $0.contains("infra") && $0.contains("apps") }
      #expect(merged.contains("CLUSTER"))
      #expect(merged.contains(" east ") && merged.contains(" west "))
      try await tmux.send("q")
      #expect(try await tmux.exitStatus(statusFile: directory + "/status") == "0")
    } catch {
      await tmux.stop()
      await east.stop()
      await west.stop()
      throw error
    }
    await tmux.stop()
    await east.stop()
    await west.stop()
  }
}
