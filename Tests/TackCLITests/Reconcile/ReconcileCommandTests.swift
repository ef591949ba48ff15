import TackJSON
import TackTestSupport
import Testing

/// `tack reconcile` against the test API server with the Flux controller double, in-process (the
/// usage errors through the built binary). Golden stdout and stderr apart, plus the exit code.
@Suite(.serialized) struct ReconcileCommandTests {
  typealias F = ReconcileFixtures

  static let nouns: [(String, [String], [JSON])] = [
    ("source-git", ["source", "git", "podinfo"], [F.gitRepository()]),
    ("source-oci", ["source", "oci", "podinfo"], [F.ociRepository()]),
    ("source-helm", ["source", "helm", "podinfo"], [F.helmRepository()]),
    ("source-chart", ["source", "chart", "podinfo"], [F.helmRepository(), F.helmChart()]),
    ("source-bucket", ["source", "bucket", "podinfo"], [F.bucket()]),
    ("kustomization", ["kustomization", "podinfo"], [F.gitRepository(), F.kustomization()]),
    ("ks-alias", ["ks", "podinfo"], [F.gitRepository(), F.kustomization()]),
    ("helmrelease", ["hr", "podinfo"], [F.helmRepository(), F.helmRelease()]),
    ("receiver", ["receiver", "github"], [F.receiver()]),
    ("image-repository", ["image", "repository", "podinfo"], [F.imageRepository()]),
    ("image-policy", ["image", "policy", "podinfo"], [F.imageRepository(), F.imagePolicy()]),
    ("image-update", ["image", "update", "podinfo"], [F.gitRepository(), F.imageUpdateAutomation()]),
    ("source-helm-oci-static", ["source", "helm", "charts"], [F.ociHelmRepository()]),
  ]

  @Test(arguments: nouns.map(\.0))
  func eachNoun(_ name: String) async throws {
    let (_, arguments, objects) = Self.nouns.first { $0.0 == name }!
    try await FluxCLIWorld.with(objects) { world in
      let result = await world.tack(["reconcile"] + arguments)
      try CLIGoldens.verify(result, "reconcile/\(name)")
      #expect(result.exitCode == 0, "\(result)")
    }
  }

  @Test func kustomizationWithSource() async throws {
    try await FluxCLIWorld.with([F.gitRepository(), F.kustomization()]) { world in
      let result = await world.tack(["reconcile", "ks", "podinfo", "--with-source"])
      try CLIGoldens.verify(result, "reconcile/ks-with-source")
      #expect(result.exitCode == 0, "\(result)")
    }
  }

  @Test func helmReleaseWithSourceChain() async throws {
    try await FluxCLIWorld.with([F.helmRepository(), F.helmRelease()]) { world in
      try await world.settleHelmChart()
      let result = await world.tack(["reconcile", "helmrelease", "podinfo", "--with-source"])
      try CLIGoldens.verify(result, "reconcile/hr-with-source")
      #expect(result.exitCode == 0, "\(result)")
    }
  }

  @Test func chartWithSource() async throws {
    try await FluxCLIWorld.with([F.helmRepository(), F.helmChart()]) { world in
      let result = await world.tack(["reconcile", "source", "chart", "podinfo", "--with-source"])
      try CLIGoldens.verify(result, "reconcile/chart-with-source")
    }
  }

  @Test func helmReleaseForceAndReset() async throws {
    try await FluxCLIWorld.with([F.helmRepository(), F.helmRelease()]) { world in
      try await world.settleHelmChart()
      let result = await world.tack(["reconcile", "hr", "podinfo", "--force", "--reset"])
      try CLIGoldens.verify(result, "reconcile/hr-force-reset")
      let release = try world.object("helm.toolkit.fluxcd.io/v2", "HelmRelease", "podinfo")
      let token = release[path: "metadata", "annotations", "reconcile.fluxcd.io/requestedAt"]
      #expect(token != nil)
      #expect(release[path: "metadata", "annotations", "reconcile.fluxcd.io/forceAt"] == token)
      #expect(release[path: "metadata", "annotations", "reconcile.fluxcd.io/resetAt"] == token)
      #expect(release[path: "status", "lastHandledForceAt"] == token)
    }
  }

  @Test func suspendedObject() async throws {
    try await FluxCLIWorld.with([F.gitRepository(), F.kustomization(suspended: true)]) { world in
      let result = await world.tack(["reconcile", "ks", "podinfo"])
      try CLIGoldens.verify(result, "reconcile/suspended")
      #expect(result.exitCode == 1)
    }
  }

  @Test func missingObject() async throws {
    try await FluxCLIWorld.with([F.gitRepository()]) { world in
      let result = await world.tack(["reconcile", "ks", "nope"])
      try CLIGoldens.verify(result, "reconcile/missing")
      #expect(result.exitCode == 5)
    }
  }

  @Test func failureExits4() async throws {
    try await FluxCLIWorld.with(
      [F.gitRepository(), F.kustomization()],
      script: {
        await $0.script(
          .kustomization, "flux-system", "podinfo",
          .fail(message: "kustomize build failed: accumulating resources: 'deploy.yaml' not found", after: .milliseconds(50)))
      }
    ) { world in
      let result = await world.tack(["reconcile", "ks", "podinfo", "--timeout", "1m"])
      try CLIGoldens.verify(result, "reconcile/failure")
      #expect(result.exitCode == 4)
    }
  }

  @Test func timeoutExits3() async throws {
    try await FluxCLIWorld.with(
      [F.gitRepository(), F.kustomization()],
      script: { await $0.script(.kustomization, "flux-system", "podinfo", .neverAnswer) }
    ) { world in
      let result = await world.tack(["reconcile", "ks", "podinfo", "--timeout", "1s"])
      try CLIGoldens.verify(result, "reconcile/timeout")
      #expect(result.exitCode == 3)
    }
  }

  @Test func waitFalseOnlyAnnotates() async throws {
    try await FluxCLIWorld.with(
      [F.gitRepository(), F.kustomization()],
      script: { await $0.script(.kustomization, "flux-system", "podinfo", .neverAnswer) }
    ) { world in
      let result = await world.tack(["reconcile", "ks", "podinfo", "--wait=false"])
      try CLIGoldens.verify(result, "reconcile/wait-false")
      #expect(result.exitCode == 0)
    }
  }

  @Test func bulkWithMixedOutcomes() async throws {
    let objects = [
      F.gitRepository(), F.kustomization("apps"), F.kustomization("broken"), F.kustomization("infra"),
      F.kustomization("slow"), F.kustomization("paused", suspended: true),
    ]
    try await FluxCLIWorld.with(
      objects,
      script: { flux in
        await flux.script(.kustomization, "flux-system", "broken", .stall(message: "invalid CEL expression: healthCheckExprs[0]", after: .milliseconds(20)))
        await flux.script(.kustomization, "flux-system", "slow", .neverAnswer)
      }
    ) { world in
      let result = await world.tack(
        ["reconcile", "ks", "slow", "apps", "broken", "missing", "infra", "paused", "--timeout", "2s"])
      try CLIGoldens.verify(result, "reconcile/bulk-mixed")
      // The worst outcome decides: naming a suspended object is an error (1), which ExitStatus ranks
      // above a timeout (3), a reported failure (4) and not found (5).
      #expect(result.exitCode == 1, "\(result)")
    }
  }

  @Test func allNamespaces() async throws {
    let objects = [
      F.gitRepository(), F.gitRepository(namespace: "team-a"), F.kustomization("apps"),
      F.kustomization("apps", namespace: "team-a"), F.kustomization("paused", namespace: "team-a", suspended: true),
    ]
    try await FluxCLIWorld.with(objects) { world in
      let result = await world.tack(["reconcile", "ks", "-A"])
      try CLIGoldens.verify(result, "reconcile/all-namespaces")
      #expect(result.exitCode == 0, "\(result)")
    }
  }

  @Test func aDroppedWatchDuringTheWaitStillCompletes() async throws {
    try await FluxCLIWorld.with(
      [F.gitRepository(), F.kustomization()],
      script: { await $0.script(.kustomization, "flux-system", "podinfo", .succeed(after: .milliseconds(300))) }
    ) { world in
      // Every watch of Kustomizations ends abruptly after its first event (the Reconciling write).
      world.cluster.server.inject(Fault(.dropWatch(afterEvents: 1), path: "*/kustomizations*", watch: true))
      let result = await world.tack(["reconcile", "ks", "podinfo", "--timeout", "30s"])
      try CLIGoldens.verify(result, "reconcile/dropped-watch")
      #expect(result.exitCode == 0, "\(result)")
    }
  }

  @Test func usageErrorsExit64() async throws {
    try await FluxCLIWorld.with([]) { world in
      // The built binary: the exit code as the shell sees it.
      let noName = try await world.binary(["reconcile", "ks"])
      try CLIGoldens.verify(noName, "reconcile/usage-no-name")
      #expect(noName.exitCode == 64)
      let badTimeout = try await world.binary(["reconcile", "ks", "x", "--timeout", "soon"])
      #expect(badTimeout.exitCode == 64, "\(badTimeout)")
    }
  }
}

extension FluxCLIWorld {
  /// helm-controller creates the HelmChart of a chart template; wait until it is reconciled too.
  func settleHelmChart() async throws {
    let deadline = ContinuousClock.now + .seconds(20)
    while ContinuousClock.now < deadline {
      if let chart = try? object("source.toolkit.fluxcd.io/v1", "HelmChart", "flux-system-podinfo"),
        chart[path: "status", "artifact"] != nil
      {
        return
      }
      try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("the HelmChart of the HelmRelease was not reconciled")
  }
}
