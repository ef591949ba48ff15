import Foundation
import TackBase
import TackJSON
import TackTestSupport
import Testing

/// `tack logs` in-process against the test API server's pod log API: two controllers' JSON lines,
/// flux's line format and filters, `-o json`, `--follow`, and the errors.
@Suite struct LogsCommandTests {
  static let kustomizeLines = """
    {"level":"info","ts":"2026-03-01T10:00:00.000Z","msg":"server-side apply completed","controller":"kustomization","controllerGroup":"kustomize.toolkit.fluxcd.io","controllerKind":"Kustomization","Kustomization":{"name":"apps","namespace":"flux-system"},"namespace":"flux-system","name":"apps","reconcileID":"1"}
    {"level":"error","ts":"2026-03-01T10:00:05.000Z","msg":"Reconciliation failed","controllerKind":"Kustomization","namespace":"flux-system","name":"infra","error":"kustomize build failed"}
    {"level":"info","ts":"2026-03-01T10:00:06.000Z","msg":"applied","controllerKind":"Kustomization","namespace":"tenants","name":"team-a"}
    not json: a startup banner
    {"level":"info","ts":"2026-03-01T10:00:07.000Z","msg":"starting server","logger":"setup"}

    """
  static let sourceLines = """
    {"level":"info","ts":"2026-03-01T10:00:01.000Z","msg":"stored artifact for commit 'Merge'","controllerKind":"GitRepository","namespace":"flux-system","name":"flux-system"}

    """

  static func controller(_ name: String) -> [JSON] {
    [
      [
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": ["name": .string(name), "namespace": "flux-system", "labels": ["app.kubernetes.io/part-of": "flux", "app.kubernetes.io/component": .string(name)]],
        "spec": ["selector": ["matchLabels": ["app": .string(name)]], "template": ["metadata": ["labels": ["app": .string(name)]], "spec": ["containers": [["name": "manager", "image": "x"]]]]],
      ],
      [
        "apiVersion": "v1", "kind": "Pod",
        "metadata": ["name": .string("\(name)-1"), "namespace": "flux-system", "labels": ["app": .string(name)]],
        "spec": ["containers": [["name": "manager", "image": "x"]]], "status": ["phase": "Running"],
      ],
    ]
  }

  static func withControllers(finished: Bool = true, _ body: (TestCluster, [String: String]) async throws -> Void) async throws {
    try await withTestCluster { cluster in
      try cluster.store.seed([["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "flux-system"]]] + controller("kustomize-controller") + controller("source-controller"))
      cluster.server.podLogs.append(kustomizeLines, namespace: "flux-system", pod: "kustomize-controller-1", container: "manager")
      cluster.server.podLogs.append(sourceLines, namespace: "flux-system", pod: "source-controller-1", container: "manager")
      if finished {
        for pod in ["kustomize-controller-1", "source-controller-1"] {
          cluster.server.podLogs.finish(namespace: "flux-system", pod: pod, container: "manager")
        }
      }
      try await body(cluster, ["KUBECONFIG": try cluster.writeKubeconfig()])
    }
  }

  @Test func linesAsFluxPrintsThem() async throws {
    try await Self.withControllers { _, env in
      let result = await InProcessTack.run(["logs"], environment: env)
      #expect(result.exitCode == 0, "\(result)")
      CLIGolden.expect(result, "observe/logs")
      #expect(!result.stdout.contains("team-a"), "another namespace's lines need -A")
      #expect(!result.stdout.contains("starting server"), "lines about no object have no namespace")
    }
  }

  @Test func filters() async throws {
    try await Self.withControllers { _, env in
      let errors = await InProcessTack.run(["logs", "--level", "error"], environment: env)
      #expect(errors.stdout == "2026-03-01T10:00:05.000Z error Kustomization/infra.flux-system - Reconciliation failed kustomize build failed\n", "\(errors)")
      let named = await InProcessTack.run(["logs", "--kind", "kustomization", "--name", "APPS"], environment: env)
      #expect(named.stdout == "2026-03-01T10:00:00.000Z info Kustomization/apps.flux-system - server-side apply completed \n", "\(named)")
      let all = await InProcessTack.run(["logs", "-A", "--since-time", "2026-03-01T10:00:02Z"], environment: env)
      // With -A, a line about no object (the setup logger) is kept too, as flux keeps it.
      #expect(all.stdout.split(separator: "\n").count == 3, "\(all)")
      #expect(all.stdout.contains("Kustomization/team-a.tenants"))
      #expect(all.stdout.contains("2026-03-01T10:00:07.000Z info  - starting server \n"), "\(all.stdout)")
      let json = await InProcessTack.run(["logs", "-o", "json", "--kind", "GitRepository"], environment: env)
      let line = try JSON.parse(json.stdout.trimmingCharacters(in: .newlines))
      #expect(line["msg"] == "stored artifact for commit 'Merge'")
    }
  }

  @Test func followReadsEveryControllerAsItWrites() async throws {
    try await Self.withControllers(finished: false) { cluster, env in
      let run = Task { await InProcessTack.run(["logs", "--follow", "--kind", "Kustomization", "--name", "late"], environment: env) }
      try await Task.sleep(for: .seconds(1))
      cluster.server.podLogs.append(
        #"{"level":"info","ts":"2026-03-01T11:00:00.000Z","msg":"late line","controllerKind":"Kustomization","namespace":"flux-system","name":"late"}"# + "\n",
        namespace: "flux-system", pod: "kustomize-controller-1", container: "manager")
      for pod in ["kustomize-controller-1", "source-controller-1"] {
        cluster.server.podLogs.finish(namespace: "flux-system", pod: pod, container: "manager")
      }
      let result = await run.value
      #expect(result.exitCode == 0, "\(result)")
      #expect(result.stdout == "2026-03-01T11:00:00.000Z info Kustomization/late.flux-system - late line \n", "\(result)")
    }
  }

  static func kustomizationLine(_ name: String) -> String {
    #"{"level":"info","ts":"2026-03-01T11:00:00.000Z","msg":"line \#(name)","controllerKind":"Kustomization","namespace":"flux-system","name":"apps"}"# + "\n"
  }

  static func waitForFollower(_ cluster: TestCluster, pod: String) async throws {
    // Generous: the whole test bundle shares two cores when `swift test` runs everything.
    for _ in 0..<6_000 where cluster.server.podLogs.followerCount(namespace: "flux-system", pod: pod, container: "manager") == 0 {
      try await Task.sleep(for: .milliseconds(10))
    }
  }

  /// A stream dropped mid-burst is read again from the last line's second; the lines it repeats
  /// are skipped, the ones written during the break are not lost, and the run still ends 0.
  @Test func followResumesAfterADropWithoutDuplicatesOrGaps() async throws {
    try await Self.withControllers(finished: false) { cluster, env in
      let logs = cluster.server.podLogs
      let pod = "kustomize-controller-1"
      let run = Task { await InProcessTack.run(["logs", "--follow", "--kind", "Kustomization", "--name", "apps", "--tail", "0"], environment: env) }
      try await Self.waitForFollower(cluster, pod: pod)
      let burst = RFC3339Time.now()
      for name in ["1", "2", "3"] {
        logs.append(Self.kustomizationLine(name), at: burst, namespace: "flux-system", pod: pod, container: "manager")
      }
      // Let the client read the burst before the break.
      try await Task.sleep(for: .milliseconds(300))
      logs.drop(namespace: "flux-system", pod: pod, container: "manager")
      // Written while no one follows: one more at the very same time, one later.
      logs.append(Self.kustomizationLine("4"), at: burst, namespace: "flux-system", pod: pod, container: "manager")
      logs.append(Self.kustomizationLine("5"), namespace: "flux-system", pod: pod, container: "manager")
      try await Self.waitForFollower(cluster, pod: pod)
      logs.append(Self.kustomizationLine("6"), namespace: "flux-system", pod: pod, container: "manager")
      for pod in ["kustomize-controller-1", "source-controller-1"] {
        logs.finish(namespace: "flux-system", pod: pod, container: "manager")
      }
      let result = await run.value
      #expect(result.exitCode == 0, "\(result)")
      let messages = result.stdout.split(separator: "\n").map { $0.components(separatedBy: " - ").last ?? "" }
      #expect(messages == ["line 1 ", "line 2 ", "line 3 ", "line 4 ", "line 5 ", "line 6 "], "\(result)")
      let requests = cluster.server.requests(path: "/api/v1/namespaces/flux-system/pods/\(pod)/log")
      #expect(requests.count == 2)
      #expect(requests.last?.query.contains("sinceTime=") == true, "\(requests)")
    }
  }

  /// A pod that went away during the break ends its stream with an error: exit 1, as a failed read.
  @Test func followAfterADropToAPodThatIsGoneFails() async throws {
    try await Self.withControllers(finished: false) { cluster, env in
      let pod = "kustomize-controller-1"
      let run = Task { await InProcessTack.run(["logs", "--follow"], environment: env) }
      try await Self.waitForFollower(cluster, pod: pod)
      try await Self.waitForFollower(cluster, pod: "source-controller-1")
      try cluster.store.delete(apiVersion: "v1", kind: "Pod", namespace: "flux-system", name: pod)
      cluster.server.podLogs.drop(namespace: "flux-system", pod: pod, container: "manager")
      cluster.server.podLogs.finish(namespace: "flux-system", pod: "source-controller-1", container: "manager")
      let result = await run.value
      #expect(result.exitCode == 1, "\(result)")
      #expect(result.stderr.contains("failed getting logs"), "\(result.stderr)")
      #expect(result.stderr.contains("failed to collect logs from all Flux pods"))
    }
  }

  @Test func errors() async throws {
    try await withTestCluster { cluster in
      let env = ["KUBECONFIG": try cluster.writeKubeconfig()]
      let none = await InProcessTack.run(["logs", "--flux-namespace", "elsewhere"], environment: env)
      #expect(none.exitCode == 5, "\(none)")
      #expect(none.stderr.contains("no Flux pods found in namespace \"elsewhere\""))
    }
    for (arguments, message) in [
      (["logs", "--since", "1h", "--since-time", "2026-01-01T00:00:00Z"], "at most one of `sinceTime` or `sinceDuration` may be specified"),
      (["logs", "--since-time", "yesterday"], "yesterday is not a valid (RFC3339) time"),
      (["logs", "--level", "warn"], "--level \"warn\""),
    ] {
      let result = await InProcessTack.run(arguments)
      #expect(result.exitCode == 64, "\(result)")
      #expect(result.stderr.contains(message), "\(result.stderr)")
    }
  }
}
