import Foundation
import TackBase
import TackJSON
import TackTesting
import Testing
@testable import TackTestSupport

/// The `pods/log` subresource as kube-apiserver answers it: `PodLogOptions` validated with its
/// messages, `sinceSeconds` against the server's clock, and kubectl's own flags read as it sends them.
@Suite struct PodLogTests {
  static func pod(_ name: String, namespace: String) -> JSON {
    [
      "apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "spec": ["containers": [["name": "manager", "image": "x"]]],
    ]
  }

  static func seeded(_ cluster: TestCluster, prefix: String) throws -> String {
    let ns = try SharedCluster.namespace(prefix, in: cluster)
    try cluster.store.create(pod("controller", namespace: ns))
    let old = RFC3339Time(epochSeconds: RFC3339Time.now().epochSeconds - 3_600)
    cluster.server.podLogs.append("an hour ago\n", at: old, namespace: ns, pod: "controller", container: "manager")
    cluster.server.podLogs.append("just now\n", namespace: ns, pod: "controller", container: "manager")
    return ns
  }

  @Test(.requires(.curl)) func optionsValidatedAsKubeAPIServerDoes() async throws {
    let cluster = try await SharedCluster.get()
    let ns = try Self.seeded(cluster, prefix: "logs")
    let curl = Curl(cluster: cluster)
    let path = "/api/v1/namespaces/\(ns)/pods/controller/log"
    let both = try await curl.request("GET", path + "?sinceSeconds=10&sinceTime=2026-01-01T00:00:00Z")
    #expect(both.status == 422)
    #expect(both.json?["message"] == "PodLogOptions \"controller\" is invalid: : Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified")
    let negative = try await curl.request("GET", path + "?tailLines=-1")
    #expect(negative.status == 422)
    #expect(negative.json?["message"] == "PodLogOptions \"controller\" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0")
    let zero = try await curl.request("GET", path + "?sinceSeconds=0")
    #expect(zero.json?["message"] == "PodLogOptions \"controller\" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0")
    let recent = try await curl.request("GET", path + "?sinceSeconds=60")
    #expect(recent.status == 200)
    #expect(recent.body == "just now\n")
    let stamped = try await curl.request("GET", path + "?timestamps=true&tailLines=1")
    let line = stamped.body.split(separator: " ", maxSplits: 1)
    #expect(line.count == 2 && line[1] == "just now\n", "\(stamped.body)")
    // Fixed width: nine digits of fraction, whatever the nanoseconds.
    #expect(line.first.map { $0.count == "2026-03-01T10:00:00.000000000Z".count && RFC3339Time(String($0)) != nil } == true)
  }

  @Test(.requires(.kubectl)) func kubectlFlagsReadAsItSendsThem() async throws {
    let kubectl = try await Kubectl.shared()
    let ns = try Self.seeded(kubectl.cluster, prefix: "kubectl-logs")
    let recent = try await kubectl.run(["logs", "controller", "-n", ns, "--since", "10m"])
    #expect(recent.exitCode == 0, "\(recent)")
    #expect(recent.stdout == "just now\n")
    let since = RFC3339Time(epochSeconds: RFC3339Time.now().epochSeconds - 600).rfc3339
    let stamped = try await kubectl.run(["logs", "controller", "-n", ns, "--since-time", since, "--timestamps"])
    #expect(stamped.stdout.hasSuffix("Z just now\n"), "\(stamped)")
    #expect(stamped.stdout.split(separator: "\n").count == 1)
    let tail = try await kubectl.run(["logs", "controller", "-n", ns, "--tail", "2"])
    #expect(tail.stdout == "an hour ago\njust now\n")
  }

  /// The benchmark's writer: no faster than the asked rate, round-robin over the six pods, each
  /// line JSON. (How fast it catches up on a starved machine is not asserted.)
  @Test func controllerLogStreamWritesAtItsRate() async throws {
    let logs = PodLogs()
    let keys = ControllerLogStream.controllerNames.map {
      PodLogs.Key(namespace: "flux-system", pod: ControllerLogStream.podName($0), container: "manager")
    }
    func lines(_ key: PodLogs.Key) -> [Substring] {
      String(decoding: logs.read(key, query: PodLogs.Query()), as: UTF8.self).split(separator: "\n")
    }
    let stream = ControllerLogStream(logs: logs, linesPerSecond: 600)
    let started = ContinuousClock.now
    let writer = Task { await stream.run() }
    let deadline = started + .seconds(60)
    while keys.map({ lines($0).count }).reduce(0, +) < 60 && ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(50))
    }
    writer.cancel()
    await writer.value
    let elapsed = ContinuousClock.now - started
    let counts = keys.map { lines($0).count }
    let total = counts.reduce(0, +)
    #expect(total >= 60)
    #expect(counts.max()! - counts.min()! <= 1, "round-robin: \(counts)")
    #expect(Double(total) <= 600 * (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) + 6)
    for line in lines(keys[0]).prefix(3) {
      let json = try JSON.parse(String(line))
      #expect(json["controllerKind"] != nil && json["ts"]?.stringValue?.count == 24, "\(line)")
    }
  }
}
