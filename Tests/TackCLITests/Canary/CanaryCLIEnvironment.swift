import Foundation
import TackJSON
import TackTestSupport
import Testing

/// A test API server with the Flagger CRDs, a `podinfo` Deployment and its Canary in namespace
/// `test` (Initialized), and the Flagger double — which never ticks on its own: each test moves
/// Flagger itself, and only once `tack` has shown that it saw the state before, so what tack
/// reports does not depend on how long a debug `tack` takes to start on a loaded machine.
struct CanaryCLIEnvironment {
  let cluster: TestCluster
  let flagger: FlaggerDouble
  let kubeconfig: String

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

  static func with(
    checks: FlaggerSimulator = FlaggerSimulator(), analysis: String = analysis,
    _ body: (CanaryCLIEnvironment) async throws -> Void
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
      let env = CanaryCLIEnvironment(
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

  var environment: [String: String] { ["KUBECONFIG": kubeconfig] }

  /// Runs `tack <arguments> -n test` to the end.
  func tack(_ arguments: [String], timeout: Duration = .seconds(300)) async throws -> TackResult {
    try await TackProcess.run(arguments + ["-n", "test"], environment: environment, timeout: timeout)
  }

  /// Starts `tack <arguments> -n test` in the background.
  func background(_ arguments: [String]) throws -> BackgroundProcess {
    try TackProcess.background(arguments + ["-n", "test"], environment: environment)
  }

  var canary: JSON {
    (try? cluster.store.get(apiVersion: "flagger.app/v1beta1", kind: "Canary", namespace: "test", name: "podinfo")) ?? .null
  }

  var phase: String { canary[path: "status", "phase"]?.stringValue ?? "" }

  /// Flagger's scheduler ticks, until the canary reaches `phase` (at most `limit` ticks).
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

  /// GETs of the Canary by name that reached the API server: tack's status reads (its watch is a
  /// list request and does not count). tack's follow loop reads, shows what it read, and only then
  /// reads again — so a read that started after a change, followed by one more read, means tack
  /// has shown the change.
  var canaryReads: Int {
    cluster.server.requests(method: "GET", path: "/apis/flagger.app/v1beta1/namespaces/test/canaries/podinfo").count
  }

  /// Polls `condition` (every 50 ms) until it holds; fails the test after `timeout`.
  func eventually(
    _ what: String, timeout: Duration = .seconds(180), sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () throws -> Bool
  ) async throws {
    let deadline = ContinuousClock.now + timeout
    while try !condition() {
      guard ContinuousClock.now < deadline else {
        Issue.record("timed out waiting until \(what)", sourceLocation: sourceLocation)
        throw CancellationError()
      }
      try await Task.sleep(for: .milliseconds(50))
    }
  }

  /// Plays Flagger in lockstep with a running `tack … --wait` that prints one line per state:
  /// waits for tack's first line, then ticks once per further expected line, each time only after
  /// tack printed the line before. tack therefore sees every state however slowly it runs; the
  /// lines it printed are returned (all of them, once it has exited).
  func lockstep(_ tack: BackgroundProcess, through expected: [String]) async throws -> (lines: [String], exitCode: Int32) {
    var lines = await tack.waitForLines(1)
    try #require(lines.count == 1, "tack printed no first state line: \(tack.stderr)")
    for count in stride(from: 2, through: expected.count, by: 1) {
      try flagger.tick()
      lines = await tack.waitForLines(count)
      try #require(lines.count >= count, "tack printed nothing after tick \(count - 1): \(lines)\n\(tack.stderr)")
    }
    let exitCode = await tack.exitCode()
    // The pipe may still hold output when the process has been reaped.
    lines = await tack.waitForLines(expected.count, timeout: .seconds(10))
    return (lines, exitCode)
  }

  /// tack's stderr once it contains `text` (output can arrive after the process was reaped), or as
  /// it stands after `timeout`.
  func stderr(of tack: BackgroundProcess, containing text: String, timeout: Duration = .seconds(10)) async -> String {
    let deadline = ContinuousClock.now + timeout
    while !tack.stderr.contains(text), ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(50))
    }
    return tack.stderr
  }
}
