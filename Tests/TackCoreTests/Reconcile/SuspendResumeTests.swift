import TackBase
import TackCore
import TackJSON
import TackTestSupport
import Testing

@Suite struct SuspendResumeTests {
  let namespace = "flux-system"

  @Test func suspendOnePatchesSpecSuspend() async throws {
    try await FluxWorld.with([FluxObjects.kustomization("apps")]) { world in
      try await Suspender(cluster: world.cluster, progress: world.progress).run(
        .kustomization, .named(["apps"], namespace: namespace))
      #expect(
        world.progress.lines == [
          "► suspending kustomization apps in flux-system namespace", "✔ kustomization suspended",
        ])
      #expect(world.object(.kustomization, "apps")?[path: "spec", "suspend"] == true)
    }
  }

  @Test func suspendSaysWhenAlreadySuspendedAndFailsOnMissingNames() async throws {
    try await FluxWorld.with([
      FluxObjects.kustomization("apps"), FluxObjects.kustomization("paused", suspended: true),
    ]) { world in
      let error = await #expect(throws: AggregateError.self) {
        try await Suspender(cluster: world.cluster, progress: world.progress).run(
          .kustomization, .named(["paused", "foo", "apps"], namespace: namespace))
      }
      #expect(
        world.progress.lines == [
          "✔ kustomization paused is already suspended",
          "✗ Kustomization foo not found in flux-system namespace",
          "► suspending kustomization apps in flux-system namespace",
          "✔ kustomization suspended",
        ])
      #expect(error?.exitStatus == .notFound)
      #expect(error?.description == "suspend failed for 1 of 3 objects: 1 not found (exit 5)")
      #expect(world.object(.kustomization, "apps")?[path: "spec", "suspend"] == true)
      let patches = world.patches(.kustomization)
      #expect(patches.count == 1, "an already suspended object is not patched again")
    }
  }

  @Test func suspendOneMissingNameIsExit5() async throws {
    try await FluxWorld.with([FluxObjects.kustomization("apps")]) { world in
      let error = await #expect(throws: ObjectNotFoundError.self) {
        try await Suspender(cluster: world.cluster, progress: world.progress).run(
          .kustomization, .named(["nope"], namespace: namespace))
      }
      #expect(error?.description == "Kustomization nope not found in flux-system namespace")
      #expect(world.progress.lines.isEmpty)
    }
  }

  @Test func suspendAllAndResumeAllWithoutWaiting() async throws {
    try await FluxWorld.with([
      FluxObjects.kustomization("a"), FluxObjects.kustomization("b"), FluxObjects.kustomization("c", namespace: "other"),
    ]) { world in
      try await Suspender(cluster: world.cluster, progress: world.progress).run(.kustomization, .all(namespace: namespace))
      #expect(world.object(.kustomization, "a")?[path: "spec", "suspend"] == true)
      #expect(world.object(.kustomization, "b")?[path: "spec", "suspend"] == true)
      #expect(world.object(.kustomization, "c", namespace: "other")?[path: "spec", "suspend"] == nil)
      let resume = RecordingProgress()
      try await Resumer(cluster: world.cluster, progress: resume).run(
        .kustomization, .all(namespace: namespace), wait: nil, timeout: FluxWorld.patience)
      #expect(
        resume.lines == [
          "► resuming kustomization a in flux-system namespace", "✔ kustomization resumed",
          "► resuming kustomization b in flux-system namespace", "✔ kustomization resumed",
        ])
      #expect(world.object(.kustomization, "a")?[path: "spec", "suspend"] == nil)
    }
  }

  @Test func resumeOneWaitsForAFreshGeneration() async throws {
    try await FluxWorld.with([
      FluxObjects.gitRepository("flux-system"), FluxObjects.kustomization("apps", suspended: true),
    ]) { world in
      await world.flux.script(.kustomization, "flux-system", "apps", .succeed(after: .milliseconds(200)))
      try await Resumer(cluster: world.cluster, progress: world.progress).run(
        .kustomization, .named(["apps"], namespace: namespace), wait: nil, timeout: FluxWorld.patience)
      #expect(
        world.progress.lines == [
          "► resuming kustomization apps in flux-system namespace",
          "✔ kustomization resumed",
          "◎ waiting for Kustomization reconciliation",
          "✔ Kustomization apps reconciliation completed",
          "✔ applied revision \(FluxWorld.gitRevision("flux-system"))",
        ])
      let object = try #require(world.object(.kustomization, "apps"))
      #expect(object[path: "metadata", "generation"] == 2)
      #expect(object[path: "status", "observedGeneration"] == 2)
    }
  }

  @Test func resumeManyWithWaitPatchesAllThenWaitsInParallel() async throws {
    try await FluxWorld.with([
      FluxObjects.gitRepository("flux-system"), FluxObjects.kustomization("a", suspended: true),
      FluxObjects.kustomization("b", suspended: true), FluxObjects.kustomization("c", suspended: true),
    ]) { world in
      await world.flux.script(.kustomization, "flux-system", "b", .fail(message: "dependency 'flux-system/x' is not ready", after: .zero))
      let error = await #expect(throws: AggregateError.self) {
        try await Resumer(cluster: world.cluster, progress: world.progress).run(
          .kustomization, .named(["c", "b", "a"], namespace: namespace), wait: true, timeout: FluxWorld.patience)
      }
      let revision = FluxWorld.gitRevision("flux-system")
      #expect(
        world.progress.lines == [
          "► resuming kustomization c in flux-system namespace", "✔ kustomization resumed",
          "► resuming kustomization b in flux-system namespace", "✔ kustomization resumed",
          "► resuming kustomization a in flux-system namespace", "✔ kustomization resumed",
          "◎ waiting for 3 objects to reconcile",
          "✔ Kustomization a reconciliation completed", "✔ applied revision \(revision)",
          "✗ Kustomization b reconciliation failed: dependency 'flux-system/x' is not ready (exit 4)",
          "✔ Kustomization c reconciliation completed", "✔ applied revision \(revision)",
        ])
      #expect(error?.description == "reconciliation failed for 1 Kustomization(s)")
      #expect(error?.exitStatus == .resourceFailed)
    }
  }

  @Test func resumeOfANotSuspendedObjectSaysSoAndSucceeds() async throws {
    try await FluxWorld.with([FluxObjects.gitRepository("flux-system"), FluxObjects.kustomization("apps")]) { world in
      try await Resumer(cluster: world.cluster, progress: world.progress).run(
        .kustomization, .named(["apps"], namespace: namespace), wait: nil, timeout: FluxWorld.patience)
      #expect(world.progress.lines.first == "✔ kustomization apps is not suspended")
      #expect(world.progress.lines.last == "✔ applied revision \(FluxWorld.gitRevision("flux-system"))")
    }
  }

  @Test func resumeWaitFalseNeverWaits() async throws {
    try await FluxWorld.with([FluxObjects.kustomization("apps", suspended: true)]) { world in
      await world.flux.script(.kustomization, "flux-system", "apps", .neverAnswer)
      try await Resumer(cluster: world.cluster, progress: world.progress).run(
        .kustomization, .named(["apps"], namespace: namespace), wait: false, timeout: FluxWorld.patience)
      #expect(world.progress.lines == ["► resuming kustomization apps in flux-system namespace", "✔ kustomization resumed"])
    }
  }
}
