import Foundation
import TackJSON
import TackTestSupport
import Testing

/// `tack events` and `tack logs` against what the Flux controller double says while it reconciles
/// (its Events and log lines), not seeded data; and the events.k8s.io/v1 API, asked for or as the
/// fallback when core/v1 Events are not served.
@Suite struct ReconcileObservedTests {
  static let objects = [
    ReconcileFixtures.gitRepository(), ReconcileFixtures.kustomization(),
    ReconcileFixtures.kustomization("broken"),
  ]

  static func rows(_ stdout: String) -> [String] {
    stdout.split(separator: "\n").dropFirst().map { String($0) }
  }

  /// The rows without LAST SEEN, which moves on between two runs.
  static func ageless(_ stdout: String) -> [String] {
    rows(stdout).map { String($0.drop { $0 != "\t" }) }
  }

  @Test func eventsAndLogsOfAReconcile() async throws {
    try await FluxCLIWorld.with(Self.objects) { world in
      try FluxControllerDouble.seedControllerPods(in: world.cluster.store)
      await world.flux.script(.kustomization, "flux-system", "broken", .fail(message: "kustomize build failed", after: .zero))
      let failed = await world.tack(["reconcile", "ks", "broken"])
      #expect(failed.exitCode != 0, "\(failed)")

      let events = await world.tack(["events", "--for", "Kustomization/podinfo"])
      #expect(events.exitCode == 0, "\(events)")
      let rows = Self.rows(events.stdout)
      #expect(rows.count == 2, "\(events.stdout)")
      #expect(rows.contains { $0.contains("NewArtifact") && $0.contains("GitRepository/podinfo") && $0.contains("stored artifact") })
      #expect(rows.contains {
        $0.contains("Normal") && $0.contains("ReconciliationSucceeded") && $0.contains("Kustomization/podinfo")
          && $0.contains("next run in 10m0s")
      }, "\(events.stdout)")
      // The same failure again is the same Event, counted (client-go's correlator).
      _ = await world.tack(["reconcile", "ks", "broken"])
      let warnings = await world.tack(["events", "--types", "Warning"])
      #expect(Self.rows(warnings.stdout).count == 1, "\(warnings)")
      #expect(warnings.stdout.contains("(x2 over "), "\(warnings)")
      #expect(warnings.stdout.contains("Kustomization/broken") && warnings.stdout.contains("kustomize build failed"), "\(warnings)")

      let logs = await world.tack(["logs", "--kind", "Kustomization", "--name", "podinfo"])
      #expect(logs.exitCode == 0, "\(logs)")
      #expect(logs.stdout.contains(" info Kustomization/podinfo.flux-system - Reconciliation finished in "), "\(logs)")
      let errors = await world.tack(["logs", "--level", "error"])
      #expect(errors.stdout.contains(" error Kustomization/broken.flux-system - Reconciliation failed after "), "\(errors)")
      #expect(errors.stdout.hasSuffix("next try in 10m0s kustomize build failed\n"), "\(errors)")
    }
  }

  @Test func eventsThroughEventsV1AskedForOrAsTheFallback() async throws {
    try await FluxCLIWorld.with(Array(Self.objects.prefix(2))) { world in
      let core = await world.tack(["events", "--for", "Kustomization/podinfo"])
      let asked = await world.tack(["events", "--for", "Kustomization/podinfo", "--events-api", "events.k8s.io/v1"])
      #expect(asked.exitCode == 0, "\(asked)")
      #expect(Self.ageless(asked.stdout) == Self.ageless(core.stdout) && Self.rows(core.stdout).count == 2, "\(asked)")
      #expect(world.cluster.server.requests(path: "/apis/events.k8s.io/v1/namespaces/flux-system/events").count == 2)
      let jsonl = await world.tack(["events", "--events-api", "events.k8s.io/v1", "-o", "jsonl"])
      let first = try JSON.parse(jsonl.stdout.split(separator: "\n").first.map(String.init) ?? "")
      #expect(first[path: "regarding", "kind"] != nil && first["involvedObject"] == nil, "\(first)")

      // A recorder writing events.k8s.io/v1: stored once, read through either API.
      await world.flux.recordEvents(as: .eventsV1)
      _ = await world.tack(["reconcile", "ks", "podinfo"])
      let written = try world.cluster.store.list(apiVersion: "events.k8s.io/v1", kind: "Event", namespace: "flux-system")
        .filter { $0["action"] != nil }
      #expect(written.count == 1)
      #expect(written.first?["reportingController"] == "kustomize-controller")
      #expect(written.first?[path: "regarding", "name"] == "podinfo")
      let both = await world.tack(["events", "--for", "Kustomization/podinfo"])
      #expect(Self.rows(both.stdout).count == 3, "\(both)")

      // A server without core/v1 Events: kubectl's fallback.
      world.cluster.store.unserve(group: "", version: "v1", plural: "events")
      world.cluster.server.clearRequests()
      let fallback = await world.tack(["events", "--for", "Kustomization/podinfo"])
      #expect(fallback.exitCode == 0, "\(fallback)")
      #expect(Self.ageless(fallback.stdout) == Self.ageless(both.stdout), "\(fallback)")
      #expect(!world.cluster.server.requests(path: "/apis/events.k8s.io/v1/*").isEmpty)
      let bad = await world.tack(["events", "--events-api", "v2"])
      #expect(bad.exitCode == 64, "\(bad)")
    }
  }

  @Test func eventsWatchAndLogsFollowSeeAReconcile() async throws {
    try await FluxCLIWorld.with(Array(Self.objects.prefix(2))) { world in
      try FluxControllerDouble.seedControllerPods(in: world.cluster.store)
      let watch = Task { await world.tack(["events", "--watch", "--for", "Kustomization/podinfo", "--timeout", "15s"]) }
      let follow = Task { await world.tack(["logs", "--follow", "--kind", "Kustomization", "--tail", "0"]) }
      let pod = FluxControllerDouble.podName(.kustomize)
      for _ in 0..<3_000 {
        let watching = world.cluster.server.requests(path: "/api/v1/namespaces/flux-system/events").filter { $0.query.hasPrefix("watch=1") }.count == 2
        if watching && world.cluster.server.podLogs.followerCount(namespace: "flux-system", pod: pod, container: "manager") > 0 { break }
        try await Task.sleep(for: .milliseconds(20))
      }
      // A new commit: both the source and the Kustomization report again.
      await world.flux.setRevision(.gitRepository, "flux-system", "podinfo", "master@sha1:0123456789abcdef0123456789abcdef01234567")
      let reconciled = await world.tack(["reconcile", "ks", "podinfo", "--with-source"])
      #expect(reconciled.exitCode == 0, "\(reconciled)")
      for controller in FluxController.allCases {
        world.cluster.server.podLogs.finish(namespace: "flux-system", pod: FluxControllerDouble.podName(controller), container: "manager")
      }
      let followed = await follow.value
      #expect(followed.exitCode == 0, "\(followed)")
      #expect(followed.stdout.split(separator: "\n").count == 1, "\(followed)")
      #expect(followed.stdout.contains("Kustomization/podinfo.flux-system - Reconciliation finished in "))
      let watched = await watch.value
      #expect(watched.exitCode == 0, "\(watched)")
      let lines = watched.stdout.split(separator: "\n")
      // The two listed rows, then the new artifact and the new reconcile as they happened.
      #expect(lines.count == 5, "\(watched.stdout)")
      #expect(lines.suffix(2).contains { $0.contains("NewArtifact") && $0.contains("0123456789ab") }, "\(watched.stdout)")
      #expect(lines.suffix(2).contains { $0.contains("ReconciliationSucceeded") }, "\(watched.stdout)")
    }
  }
}
