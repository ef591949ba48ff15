import TackBase
import TackCore
import TackJSON
import TackTestSupport
import Testing

@Suite struct ReconcilerTests {
  let namespace = "flux-system"

  func reconciler(_ world: FluxWorld, recheck: Duration = .seconds(3)) -> Reconciler {
    Reconciler(
      cluster: world.cluster, progress: world.progress, waiter: ObjectWaiter(recheckInterval: recheck))
  }

  @Test func oneKustomizationReadsLikeFlux() async throws {
    try await FluxWorld.with([FluxObjects.gitRepository("flux-system"), FluxObjects.kustomization("apps")]) { world in
      try await reconciler(world).run(.kustomization, .named(["apps"], namespace: namespace), options: ReconcileOptions())
      #expect(
        world.progress.lines == [
          "► annotating Kustomization apps in flux-system namespace",
          "✔ Kustomization annotated",
          "◎ waiting for Kustomization reconciliation",
          "✔ applied revision \(FluxWorld.gitRevision("flux-system"))",
        ])
      let object = try #require(world.object(.kustomization, "apps"))
      let token = object[path: "metadata", "annotations", "reconcile.fluxcd.io/requestedAt"]?.stringValue
      #expect(token != nil && object[path: "status", "lastHandledReconcileAt"]?.stringValue == token)
    }
  }

  @Test func aFailureEndsWithExit4AtOnce() async throws {
    try await FluxWorld.with(
      [FluxObjects.gitRepository("flux-system"), FluxObjects.kustomization("apps")],
      script: { await $0.script(.kustomization, "flux-system", "apps", .fail(message: "kustomize build failed: boom", after: .milliseconds(10))) }
    ) { world in
      let start = ContinuousClock.now
      let error = await #expect(throws: ReconcileError.self) {
        try await reconciler(world).run(
          .kustomization, .named(["apps"], namespace: namespace), options: ReconcileOptions(timeout: FluxWorld.patience))
      }
      #expect(error == .failed(.kustomization, message: "kustomize build failed: boom"))
      #expect(error?.exitStatus == .resourceFailed)
      #expect(ContinuousClock.now - start < FluxWorld.patience / 2, "a failed attempt must not wait for the timeout")
    }
  }

  @Test func suspendedAndMissingObjectsFailAsFluxDoes() async throws {
    try await FluxWorld.with([FluxObjects.kustomization("paused", suspended: true)]) { world in
      let suspended = await #expect(throws: ReconcileError.self) {
        try await reconciler(world).run(.kustomization, .named(["paused"], namespace: namespace), options: ReconcileOptions())
      }
      #expect(suspended == .suspended)
      #expect(suspended?.description == "resource is suspended")
      let missing = await #expect(throws: ObjectNotFoundError.self) {
        try await reconciler(world).run(.kustomization, .named(["nope"], namespace: namespace), options: ReconcileOptions())
      }
      #expect(missing?.description == "kustomizations.kustomize.toolkit.fluxcd.io \"nope\" not found")
      #expect(missing?.exitStatus == .notFound)
      #expect(world.progress.lines.isEmpty)
    }
  }

  @Test func aControllerThatNeverAnswersTimesOutWithExit3() async throws {
    try await FluxWorld.with(
      [FluxObjects.gitRepository("flux-system"), FluxObjects.kustomization("apps")],
      script: { await $0.script(.kustomization, "flux-system", "apps", .neverAnswer) }
    ) { world in
      let error = await #expect(throws: WaitTimeoutError.self) {
        try await reconciler(world).run(
          .kustomization, .named(["apps"], namespace: namespace), options: ReconcileOptions(timeout: .milliseconds(300)))
      }
      #expect(error?.exitStatus == .timedOut)
      #expect(
        error?.description
          == "timed out after 300ms waiting for Kustomization flux-system/apps (the controller has not picked up the request yet)")
    }
  }

  @Test func waitFalseOnlyAnnotates() async throws {
    try await FluxWorld.with(
      [FluxObjects.gitRepository("flux-system"), FluxObjects.kustomization("apps")],
      script: { await $0.script(.kustomization, "flux-system", "apps", .neverAnswer) }
    ) { world in
      try await reconciler(world).run(
        .kustomization, .named(["apps"], namespace: namespace), options: ReconcileOptions(wait: false))
      #expect(
        world.progress.lines == [
          "► annotating Kustomization apps in flux-system namespace", "✔ Kustomization annotated",
        ])
      let object = try #require(world.object(.kustomization, "apps"))
      #expect(object[path: "metadata", "annotations", "reconcile.fluxcd.io/requestedAt"] != nil)
    }
  }

  @Test func withSourceReconcilesTheChainInOrder() async throws {
    try await FluxWorld.with([FluxObjects.helmRepository("podinfo"), FluxObjects.helmRelease("podinfo")]) { world in
      // helm-controller created the HelmChart; wait for it to be reconciled too.
      try await world.settle(count: 3)
      try await reconciler(world).run(
        .helmRelease, .named(["podinfo"], namespace: namespace), options: ReconcileOptions(withSource: true))
      let repositoryRevision = "sha256:" + FluxStatusModel.hex(sha256: "flux-system/podinfo")
      #expect(
        world.progress.lines == [
          "► annotating HelmRepository podinfo in flux-system namespace",
          "✔ HelmRepository annotated",
          "◎ waiting for HelmRepository reconciliation",
          "✔ fetched revision \(repositoryRevision)",
          "► annotating HelmChart flux-system-podinfo in flux-system namespace",
          "✔ HelmChart annotated",
          "◎ waiting for HelmChart reconciliation",
          "✔ fetched revision 6.5.4",
          "► annotating HelmRelease podinfo in flux-system namespace",
          "✔ HelmRelease annotated",
          "◎ waiting for HelmRelease reconciliation",
          "✔ applied revision 6.5.4",
        ])
    }
  }

  @Test func helmReleaseForceAndResetUseTheSameToken() async throws {
    try await FluxWorld.with([FluxObjects.helmRepository("podinfo"), FluxObjects.helmRelease("podinfo")]) { world in
      try await world.settle(count: 3)
      try await reconciler(world).run(
        .helmRelease, .named(["podinfo"], namespace: namespace), options: ReconcileOptions(force: true, reset: true))
      let object = try #require(world.object(.helmRelease, "podinfo"))
      let annotations = try #require(object[path: "metadata", "annotations"])
      let token = try #require(annotations["reconcile.fluxcd.io/requestedAt"]?.stringValue)
      #expect(annotations["reconcile.fluxcd.io/forceAt"]?.stringValue == token)
      #expect(annotations["reconcile.fluxcd.io/resetAt"]?.stringValue == token)
      #expect(object[path: "status", "lastHandledForceAt"]?.stringValue == token)
      #expect(object[path: "status", "lastHandledResetAt"]?.stringValue == token)
    }
  }

  @Test func staticHelmRepositoryIsNotSupported() async throws {
    try await FluxWorld.with([FluxObjects.helmRepository("charts", oci: true)]) { world in
      try await reconciler(world).run(.helmRepository, .named(["charts"], namespace: namespace), options: ReconcileOptions())
      #expect(world.progress.lines == ["✔ reconciliation not supported by the object"])
    }
  }

  @Test func bulkAnnotatesAllThenWaitsAndSummarises() async throws {
    let objects = [
      FluxObjects.gitRepository("flux-system"), FluxObjects.kustomization("apps"),
      FluxObjects.kustomization("broken"), FluxObjects.kustomization("slow"), FluxObjects.kustomization("infra"),
    ]
    try await FluxWorld.with(
      objects,
      script: { flux in
        await flux.script(.kustomization, "flux-system", "broken", .fail(message: "health check failed", after: .milliseconds(10)))
        await flux.script(.kustomization, "flux-system", "slow", .neverAnswer)
      }
    ) { world in
      let error = await #expect(throws: AggregateError.self) {
        try await reconciler(world).run(
          .kustomization, .named(["slow", "apps", "broken", "missing", "infra", "apps"], namespace: namespace),
          // Long enough for the others to finish on a starved machine; "slow" never answers.
          options: ReconcileOptions(timeout: .seconds(120)))
      }
      let revision = FluxWorld.gitRevision("flux-system")
      #expect(
        world.progress.lines == [
          "► annotating Kustomization apps in flux-system namespace", "✔ Kustomization annotated",
          "► annotating Kustomization broken in flux-system namespace", "✔ Kustomization annotated",
          "► annotating Kustomization infra in flux-system namespace", "✔ Kustomization annotated",
          "► annotating Kustomization slow in flux-system namespace", "✔ Kustomization annotated",
          "◎ waiting for 4 objects to reconcile",
          "✔ Kustomization flux-system/apps: applied revision \(revision)",
          "✗ Kustomization flux-system/broken: reconciliation failed: health check failed (exit 4)",
          "✔ Kustomization flux-system/infra: applied revision \(revision)",
          "✗ Kustomization flux-system/missing: kustomizations.kustomize.toolkit.fluxcd.io \"missing\" not found (exit 5)",
          "✗ Kustomization flux-system/slow: timed out after 2m0s (the controller has not picked up the request yet) (exit 3)",
        ])
      #expect(error?.exitStatus == .timedOut)
      #expect(
        error?.description
          == "reconciliation failed for 3 of 5 objects: 1 timed out (exit 3), 1 reported failure (exit 4), 1 not found (exit 5)")
      // One list and one watch for the four objects, not four watches.
      #expect(world.watches(.kustomization, collection: true).count == 1)
    }
  }

  @Test func allNamespacesSkipsSuspendedObjects() async throws {
    let objects = [
      FluxObjects.gitRepository("flux-system"), FluxObjects.gitRepository("flux-system", namespace: "team-a"),
      FluxObjects.kustomization("apps"), FluxObjects.kustomization("apps", namespace: "team-a"),
      FluxObjects.kustomization("paused", namespace: "team-a", suspended: true),
    ]
    try await FluxWorld.with(objects) { world in
      try await reconciler(world).run(.kustomization, .all(namespace: nil), options: ReconcileOptions())
      #expect(
        world.progress.lines.suffix(3) == [
          "✔ Kustomization flux-system/apps: applied revision \(FluxWorld.gitRevision("flux-system"))",
          "✔ Kustomization team-a/apps: applied revision \(FluxWorld.gitRevision("flux-system", namespace: "team-a"))",
          "⚠️ Kustomization team-a/paused: skipped: resource is suspended",
        ])
    }
  }

  @Test func aDroppedWatchStillCompletes() async throws {
    try await FluxWorld.with([FluxObjects.gitRepository("flux-system"), FluxObjects.kustomization("apps")]) { world in
      // The first watch is cut after one event, and that event is not the success: an unrelated
      // change made once the watch is open. Only a new watch can then see the success.
      world.server.inject(Fault(.dropWatch(afterEvents: 1), path: "*/kustomizations", watch: true, times: 1))
      await world.flux.script(.kustomization, "flux-system", "apps", .succeed(after: .seconds(5)))
      let run = Task {
        // A re-GET interval far beyond the test: only reconnecting the watch can finish it.
        try await reconciler(world, recheck: .seconds(3600)).run(
          .kustomization, .named(["apps"], namespace: namespace), options: ReconcileOptions(timeout: FluxWorld.patience))
      }
      while world.watches(.kustomization).isEmpty { try await Task.sleep(for: .milliseconds(20)) }
      _ = try world.server.store.apply(
        [
          "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
          "metadata": ["name": "apps", "namespace": "flux-system", "labels": ["touched": "yes"]],
        ], fieldManager: "a-bystander", force: true)
      try await run.value
      #expect(world.progress.lines.last == "✔ applied revision \(FluxWorld.gitRevision("flux-system"))")
      let watches = world.watches(.kustomization)
      #expect(watches.count >= 2, "the dropped watch must have been replaced: \(watches)")
    }
  }

}
