import Foundation
import TackBase
import TackJSON
import TackTestSupport
import Testing

/// `tack stats` and `tack events` in-process against the test API server: flux's columns and
/// counts, related objects' events, ordering, filters, and the usage errors.
@Suite struct EventsStatsCommandTests {
  static func object(_ kind: String, _ apiVersion: String, _ name: String, namespace: String = "flux-system", spec: JSON = [:], status: JSON = [:]) -> JSON {
    ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": ["name": .string(name), "namespace": .string(namespace)], "spec": spec, "status": status]
  }

  static func ready(_ status: String) -> JSON { ["conditions": [["type": "Ready", "status": .string(status), "reason": "x", "message": "m", "lastTransitionTime": "2026-01-01T00:00:00Z"]]] }

  /// A source's status: Ready, and an artifact of `size` bytes.
  static func stored(_ size: Int, ready status: String) -> JSON {
    var result = ready(status)
    result["artifact"] = [
      "size": .int(size), "path": "a", "url": "u", "revision": "main@sha1:1", "lastUpdateTime": "2026-01-01T00:00:00Z",
      "digest": "sha256:1",
    ]
    return result
  }

  static let source = "source.toolkit.fluxcd.io/v1"
  static let kustomize = "kustomize.toolkit.fluxcd.io/v1"

  static var fleet: [JSON] {
    [
      object("GitRepository", source, "fleet", spec: ["url": "https://example.com/fleet", "interval": "1m", "ref": ["branch": "main"]],
        status: stored(1536, ready: "True")),
      object("GitRepository", source, "infra", namespace: "infra", spec: ["url": "https://example.com/infra", "interval": "1m", "ref": ["branch": "main"], "suspend": true],
        status: stored(3 * 1024 * 1024, ready: "False")),
      object("Kustomization", kustomize, "apps", spec: ["interval": "10m", "path": "./apps", "prune": true, "sourceRef": ["kind": "GitRepository", "name": "fleet"]], status: ready("False")),
      object("Kustomization", kustomize, "infra", namespace: "infra", spec: ["interval": "10m", "path": "./", "prune": true, "suspend": true, "sourceRef": ["kind": "GitRepository", "name": "infra"]], status: ready("True")),
    ]
  }

  static func event(_ name: String, namespace: String = "flux-system", kind: String, object: String, type: String = "Normal", reason: String, message: String, ago: Int64, count: Int = 1, firstAgo: Int64? = nil) -> JSON {
    let now = RFC3339Time.now().epochSeconds
    return [
      "apiVersion": "v1", "kind": "Event",
      "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "involvedObject": ["kind": .string(kind), "name": .string(object), "namespace": .string(namespace)],
      "type": .string(type), "reason": .string(reason), "message": .string(message), "count": .int(count),
      "firstTimestamp": .string(RFC3339Time(epochSeconds: now - (firstAgo ?? ago)).rfc3339),
      "lastTimestamp": .string(RFC3339Time(epochSeconds: now - ago).rfc3339),
      "source": ["component": "kustomize-controller"],
    ]
  }

  static let day: Int64 = 86_400

  static var events: [JSON] {
    [
      // Ages in whole days: the LAST SEEN text stays the same however long the suite takes to get here.
      event("apps.1", kind: "Kustomization", object: "apps", type: "Warning", reason: "ReconciliationFailed", message: "kustomize build failed", ago: 5 * day, count: 3, firstAgo: 9 * day),
      event("fleet.1", kind: "GitRepository", object: "fleet", reason: "NewArtifact", message: "stored artifact for commit 'Merge'", ago: 6 * day),
      event("other.1", kind: "GitRepository", object: "other", reason: "NewArtifact", message: "not related", ago: 4 * day),
      event("pod.1", kind: "Pod", object: "web-1", reason: "Pulled", message: "not a Flux kind", ago: 3 * day),
      event("infra.1", namespace: "infra", kind: "Kustomization", object: "infra", reason: "ReconciliationSucceeded", message: "applied", ago: 2 * day),
    ]
  }

  static func withFleet(_ body: (TestCluster, [String: String]) async throws -> Void) async throws {
    try await withTestCluster { cluster in
      try cluster.installCRDs(.all)
      let namespaces: [JSON] = ["flux-system", "infra"].map { ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string($0)]] }
      try cluster.store.seed(namespaces + fleet + events)
      try await body(cluster, ["KUBECONFIG": try cluster.writeKubeconfig()])
    }
  }

  @Test func statsCountsEveryReconcilerKind() async throws {
    try await Self.withFleet { _, env in
      let all = await InProcessTack.run(["stats", "-A"], environment: env)
      #expect(all.exitCode == 0, "\(all)")
      CLIGolden.expect(all, "observe/stats-all")
      let one = await InProcessTack.run(["stats"], environment: env)
      #expect(one.stdout.contains("GitRepository        \t1      \t0      \t0        \t1.5 KiB") || one.stdout.contains("1.5 KiB"), "\(one)")
      #expect(!one.stdout.contains("3.0 MiB"), "another namespace was counted: \(one.stdout)")
      let json = await InProcessTack.run(["stats", "-A", "-o", "json"], environment: env)
      let document = try JSON.parse(json.stdout)
      let git = document["reconcilers"]?.arrayValue?.first { $0["kind"] == "GitRepository" }
      #expect(git?["running"] == 1 && git?["failing"] == 1 && git?["suspended"] == 1, "\(json.stdout)")
      #expect(git?["storageBytes"] == .int(1536 + 3 * 1024 * 1024))
    }
  }

  @Test func eventsOfAKustomizationIncludeItsSource() async throws {
    try await Self.withFleet { _, env in
      let result = await InProcessTack.run(["events", "--for", "kustomization/apps"], environment: env)
      #expect(result.exitCode == 0, "\(result)")
      CLIGolden.expect(result, "observe/events-for-ks")
      let lines = result.stdout.split(separator: "\n")
      #expect(lines.count == 3, "\(result.stdout)")
      // Oldest first: the source's event came six days ago, the Kustomization's last one five.
      #expect(lines[1].contains("GitRepository/fleet") && lines[2].contains("Kustomization/apps"))
      #expect(lines[2].contains("5d (x3 over 9d)"), "\(lines[2])")
    }
  }

  @Test func eventsInANamespaceAndEverywhere() async throws {
    try await Self.withFleet { _, env in
      let namespace = await InProcessTack.run(["events"], environment: env)
      #expect(namespace.stdout.contains("GitRepository/other"), "\(namespace)")
      #expect(!namespace.stdout.contains("Pod/"), "only Flux kinds")
      #expect(!namespace.stdout.contains("Kustomization/infra"))
      let all = await InProcessTack.run(["events", "-A", "--types", "warning"], environment: env)
      #expect(all.stdout.hasPrefix("NAMESPACE"), "\(all)")
      #expect(all.stdout.split(separator: "\n").count == 2, "\(all.stdout)")
      let jsonl = await InProcessTack.run(["events", "-A", "-o", "jsonl"], environment: env)
      #expect(jsonl.stdout.split(separator: "\n").count == 4, "\(jsonl.stdout)")
      let none = await InProcessTack.run(["events", "-n", "infra", "--for", "HelmRelease"], environment: env)
      #expect(none.exitCode == 0 && none.stdout.isEmpty)
      #expect(none.stderr.contains("No events found in infra namespace."), "\(none)")
    }
  }

  @Test(arguments: [
    (["events", "--for", "Deployment/web"], "'Deployment' is not a recognized Flux kind"),
    (["events", "--for", "/web"], "--for selector must be of format <kind>[/<name>]"),
    (["events", "--types", "Fatal"], "type 'Fatal' not supported. Supported types are Normal, Warning"),
    (["events", "--watch", "-o", "json"], "-o jsonl"),
  ])
  func usageErrors(_ arguments: [String], _ message: String) async {
    let result = await InProcessTack.run(arguments)
    #expect(result.exitCode == 64, "\(result)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func aDroppedWatchResumesWithoutDuplicatesOrGaps() async throws {
    try await Self.withFleet { cluster, env in
      // Every events watch is cut after its first event: each new event arrives on a new connection.
      _ = cluster.server.inject(Fault(.dropWatch(afterEvents: 1), path: "*/events", watch: true))
      let watch = Task {
        await InProcessTack.run(["events", "--for", "Kustomization/apps", "--watch", "-o", "jsonl", "--timeout", "25s"], environment: env)
      }
      try await Task.sleep(for: .seconds(3))
      for index in 1...3 {
        try cluster.store.seed([Self.event("apps.new\(index)", kind: "Kustomization", object: "apps", reason: "Progressing", message: "step \(index)", ago: 0)])
        try await Task.sleep(for: .milliseconds(500))
      }
      let result = await watch.value
      #expect(result.exitCode == 0, "\(result)")
      let messages = result.stdout.split(separator: "\n").compactMap { try? JSON.parse(String($0)) }.compactMap { $0["message"]?.stringValue }
      for index in 1...3 {
        #expect(messages.filter { $0 == "step \(index)" }.count == 1, "\(messages)")
      }
      #expect(messages.filter { $0 == "kustomize build failed" }.count == 1, "the listed event again: \(messages)")
    }
  }

  @Test func watchPrintsNewEventsUnderTheSameColumns() async throws {
    try await Self.withFleet { cluster, env in
      let watch = Task { await InProcessTack.run(["events", "--for", "Kustomization/apps", "--watch", "--timeout", "20s"], environment: env) }
      try await Task.sleep(for: .seconds(2))
      try cluster.store.seed([Self.event("apps.2", kind: "Kustomization", object: "apps", reason: "Progressing", message: "new event arrived", ago: 0)])
      let result = await watch.value
      #expect(result.exitCode == 0, "\(result)")
      let lines = result.stdout.split(separator: "\n")
      #expect(lines.last?.contains("new event arrived") == true, "\(result.stdout)")
      let header = try #require(lines.first)
      let column = try #require(header.range(of: "MESSAGE")).lowerBound.utf16Offset(in: header)
      let row = String(try #require(lines.last))
      #expect(row.range(of: "new event arrived")?.lowerBound.utf16Offset(in: row) == column, "\(result.stdout)")
    }
  }
}

