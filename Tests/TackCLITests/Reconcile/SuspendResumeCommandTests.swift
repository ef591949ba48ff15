import TackJSON
import TackTestSupport
import Testing

/// `tack suspend` and `tack resume` end to end, golden output and exit codes.
@Suite(.serialized) struct SuspendResumeCommandTests {
  typealias F = ReconcileFixtures
  static let ks = "kustomize.toolkit.fluxcd.io/v1"

  @Test func suspendOne() async throws {
    try await FluxCLIWorld.with([F.gitRepository(), F.kustomization()]) { world in
      let result = await world.tack(["suspend", "ks", "podinfo"])
      try CLIGoldens.verify(result, "suspend/one")
      #expect(result.exitCode == 0)
      #expect(try world.object(Self.ks, "Kustomization", "podinfo")[path: "spec", "suspend"] == true)
    }
  }

  @Test func suspendManyWithAMissingAndAnAlreadySuspendedName() async throws {
    try await FluxCLIWorld.with([
      F.gitRepository(), F.kustomization("apps"), F.kustomization("infra"), F.kustomization("paused", suspended: true),
    ]) { world in
      let result = await world.tack(["suspend", "ks", "apps", "foo", "paused", "infra"])
      try CLIGoldens.verify(result, "suspend/many")
      #expect(result.exitCode == 5, "a missing name is exit 5: \(result)")
      #expect(try world.object(Self.ks, "Kustomization", "infra")[path: "spec", "suspend"] == true)
    }
  }

  @Test func suspendAll() async throws {
    try await FluxCLIWorld.with([F.gitRepository(), F.gitRepository("other"), F.ociRepository()]) { world in
      let result = await world.tack(["suspend", "source", "git", "--all"])
      try CLIGoldens.verify(result, "suspend/all")
      #expect(result.exitCode == 0)
    }
  }

  @Test func suspendCanary() async throws {
    try await FluxCLIWorld.with([F.canary()]) { world in
      let result = await world.tack(["suspend", "canary", "podinfo", "-n", "test"])
      try CLIGoldens.verify(result, "suspend/canary")
      let canary = try world.object("flagger.app/v1beta1", "Canary", "podinfo", namespace: "test")
      #expect(canary[path: "spec", "suspend"] == true)
    }
  }

  @Test func resumeOneWaitsForAFreshGeneration() async throws {
    try await FluxCLIWorld.with(
      [F.gitRepository(), F.kustomization(suspended: true)],
      script: { await $0.script(.kustomization, "flux-system", "podinfo", .succeed(after: .milliseconds(200))) }
    ) { world in
      let result = await world.tack(["resume", "ks", "podinfo"])
      try CLIGoldens.verify(result, "resume/one")
      #expect(result.exitCode == 0, "\(result)")
      let object = try world.object(Self.ks, "Kustomization", "podinfo")
      #expect(object[path: "spec", "suspend"] == nil)
      #expect(object[path: "status", "observedGeneration"] == object[path: "metadata", "generation"])
    }
  }

  @Test func resumeManyDoesNotWaitByDefault() async throws {
    try await FluxCLIWorld.with(
      [F.gitRepository(), F.kustomization("a", suspended: true), F.kustomization("b", suspended: true)],
      script: { await $0.script(.kustomization, .neverAnswer) }
    ) { world in
      let result = await world.tack(["resume", "ks", "a", "b"])
      try CLIGoldens.verify(result, "resume/many")
      #expect(result.exitCode == 0)
    }
  }

  @Test func resumeAllWithWaitPatchesThenWaitsInParallel() async throws {
    try await FluxCLIWorld.with(
      [
        F.gitRepository(), F.kustomization("a", suspended: true), F.kustomization("b", suspended: true),
        F.kustomization("c", suspended: true), F.kustomization("d"),
      ],
      script: {
        await $0.script(.kustomization, "flux-system", "b", .fail(message: "health check failed after 30s: timeout waiting for: [Deployment/apps/b status: 'InProgress']", after: .milliseconds(50)))
      }
    ) { world in
      let result = await world.tack(["resume", "ks", "--all", "--wait"])
      try CLIGoldens.verify(result, "resume/all-wait")
      #expect(result.exitCode == 4, "\(result)")
    }
  }

  @Test func resumeWaitFalseNeverWaits() async throws {
    try await FluxCLIWorld.with(
      [F.gitRepository(), F.kustomization(suspended: true)],
      script: { await $0.script(.kustomization, .neverAnswer) }
    ) { world in
      let result = await world.tack(["resume", "ks", "podinfo", "--wait=false"])
      try CLIGoldens.verify(result, "resume/wait-false")
      #expect(result.exitCode == 0)
    }
  }

  @Test func resumeMissingIsExit5() async throws {
    try await FluxCLIWorld.with([F.gitRepository()]) { world in
      let result = await world.tack(["resume", "source", "git", "podinfo", "nope"])
      try CLIGoldens.verify(result, "resume/missing")
      #expect(result.exitCode == 5, "\(result)")
    }
  }
}
