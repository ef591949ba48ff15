import TackJSON
import TackTestSupport
import Testing

/// `tack create <noun>` against the test API server (real CRDs) and the Flux controller double:
/// the apply-and-wait transcript, failure, stall and timeout exit codes, updates of an existing
/// object, --no-wait, --dry-run=server, --export and usage errors that send nothing.
@Suite(.serialized) struct CreateCommandTests {
  typealias F = ReconcileFixtures

  static let gitURL = "https://github.com/stefanprodan/podinfo"

  func withWorld(
    _ objects: [JSON] = [], script: (FluxControllerDouble) async -> Void = { _ in },
    _ body: (FluxCLIWorld) async throws -> Void
  ) async throws {
    try await FluxCLIWorld.with(objects, script: script) { world in
      try world.cluster.store.ensureNamespace("flux-system")
      try await body(world)
    }
  }

  func gitRepository(_ world: FluxCLIWorld) throws -> JSON {
    try world.object("source.toolkit.fluxcd.io/v1", "GitRepository", "podinfo")
  }

  @Test func sourceGitIsCreatedAndWaitedFor() async throws {
    try await withWorld { world in
      let result = await world.tack([
        "create", "source", "git", "podinfo", "--url", Self.gitURL, "--branch", "main", "--label", "team=a",
      ])
      try CLIGoldens.verify(result, "create/source-git")
      #expect(result.exitCode == 0, "\(result)")
      let stored = try gitRepository(world)
      #expect(stored[path: "spec", "ref", "branch"] == "main")
      #expect(stored[path: "spec", "interval"] == "1m0s")
      #expect(stored[path: "metadata", "labels"] == ["team": "a"])
    }
  }

  @Test(arguments: [
    ("source-helm", ["source", "helm", "podinfo", "--url", "https://stefanprodan.github.io/podinfo"]),
    ("source-helm-oci", ["source", "helm", "charts", "--url", "oci://ghcr.io/stefanprodan/charts"]),
    ("source-oci", ["source", "oci", "podinfo", "--url", "oci://ghcr.io/stefanprodan/manifests/podinfo", "--tag", "6.3.5"]),
    ("source-bucket", ["source", "bucket", "podinfo", "--bucket-name", "podinfo", "--endpoint", "s3.amazonaws.com", "--provider=aws"]),
  ])
  func sources(_ name: String, _ arguments: [String]) async throws {
    try await withWorld { world in
      let result = await world.tack(["create"] + arguments)
      try CLIGoldens.verify(result, "create/\(name)")
      #expect(result.exitCode == 0, "\(result)")
    }
  }

  @Test func chartFromAHelmRepository() async throws {
    try await withWorld([F.helmRepository()]) { world in
      let result = await world.tack([
        "create", "source", "chart", "podinfo", "--source", "HelmRepository/podinfo", "--chart", "podinfo",
      ])
      try CLIGoldens.verify(result, "create/source-chart")
      #expect(result.exitCode == 0, "\(result)")
    }
  }

  @Test func kustomizationFromAGitRepository() async throws {
    try await withWorld([F.gitRepository()]) { world in
      let result = await world.tack([
        "create", "ks", "podinfo", "--source", "podinfo", "--path", "./kustomize", "--prune=true", "--interval", "10m",
      ])
      try CLIGoldens.verify(result, "create/kustomization")
      #expect(result.exitCode == 0, "\(result)")
      let stored = try world.object("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "podinfo")
      #expect(stored[path: "spec", "prune"] == true)
      #expect(stored[path: "spec", "sourceRef"] == ["kind": "GitRepository", "name": "podinfo"])
    }
  }

  @Test func helmReleaseFromAHelmRepository() async throws {
    try await withWorld([F.helmRepository()]) { world in
      let result = await world.tack([
        "create", "hr", "podinfo", "--source", "HelmRepository/podinfo", "--chart", "podinfo", "--chart-version", "6.x",
      ])
      try CLIGoldens.verify(result, "create/helmrelease")
      #expect(result.exitCode == 0, "\(result)")
    }
  }

  @Test func failureExits4() async throws {
    try await withWorld(
      [F.gitRepository()],
      script: {
        await $0.script(
          .kustomization, "flux-system", "podinfo",
          .fail(message: "kustomize build failed: accumulating resources: 'deploy.yaml' not found", after: .milliseconds(50)))
      }
    ) { world in
      let result = await world.tack(["create", "ks", "podinfo", "--source", "podinfo", "--path", "./deploy"])
      try CLIGoldens.verify(result, "create/failure")
      #expect(result.exitCode == 4)
    }
  }

  @Test func stalledExits4() async throws {
    try await withWorld(
      script: { await $0.script(.gitRepository, "flux-system", "podinfo", .stall(message: "invalid URL", after: .milliseconds(20))) }
    ) { world in
      let result = await world.tack(["create", "source", "git", "podinfo", "--url", Self.gitURL, "--branch", "main"])
      try CLIGoldens.verify(result, "create/stalled")
      #expect(result.exitCode == 4)
    }
  }

  @Test func timeoutExits3() async throws {
    try await withWorld(script: { await $0.script(.gitRepository, "flux-system", "podinfo", .neverAnswer) }) { world in
      let result = await world.tack([
        "create", "source", "git", "podinfo", "--url", Self.gitURL, "--branch", "main", "--timeout", "1s",
      ])
      try CLIGoldens.verify(result, "create/timeout")
      #expect(result.exitCode == 3)
    }
  }

  @Test func updateReplacesLabelsAndSpecKeepsAnnotationsAndWaitsForTheNewGeneration() async throws {
    var existing = F.gitRepository()
    existing[path: "metadata", "labels"] = ["kustomize.toolkit.fluxcd.io/name": "flux-system", "team": "a"]
    existing[path: "metadata", "annotations"] = ["note": "kept"]
    existing[path: "spec", "recurseSubmodules"] = true
    try await withWorld([existing]) { world in
      let before = try gitRepository(world)
      let result = await world.tack([
        "create", "source", "git", "podinfo", "--url", Self.gitURL, "--tag", "6.0.0", "--label", "team=b",
      ])
      try CLIGoldens.verify(result, "create/update")
      #expect(result.exitCode == 0, "\(result)")
      let after = try gitRepository(world)
      #expect(after[path: "metadata", "labels"] == ["team": "b"])
      #expect(after[path: "metadata", "annotations", "note"] == "kept")
      #expect(after[path: "spec", "ref"] == ["tag": "6.0.0"])
      #expect(after[path: "spec", "recurseSubmodules"] == nil)
      #expect(after[path: "metadata", "generation"]?.intValue == (before[path: "metadata", "generation"]?.intValue ?? 1) + 1)
      #expect(after[path: "status", "observedGeneration"] == after[path: "metadata", "generation"])
    }
  }

  @Test(arguments: ["--no-wait", "--wait=false"])
  func noWaitReturnsAfterApplying(_ flag: String) async throws {
    try await withWorld(script: { await $0.script(.gitRepository, "flux-system", "podinfo", .neverAnswer) }) { world in
      let result = await world.tack(["create", "source", "git", "podinfo", "--url", Self.gitURL, "--branch", "main", flag])
      #expect(result.exitCode == 0, "\(result)")
      #expect(
        result.stderr
          == "✚ generating GitRepository source\n► applying GitRepository source\n✔ GitRepository source created\n")
      let stored = try gitRepository(world)
      #expect(stored[path: "spec", "url"] == .string(Self.gitURL))
    }
  }

  @Test func kustomizationWaitFlagIsSpecWaitAndWaitReadyIsTheCommandsWait() async throws {
    try await withWorld([F.gitRepository()], script: { await $0.script(.kustomization, .neverAnswer) }) { world in
      let result = await world.tack([
        "create", "ks", "podinfo", "--source", "podinfo", "--wait=true", "--wait-ready=false",
      ])
      #expect(result.exitCode == 0, "\(result)")
      #expect(!result.stderr.contains("waiting"))
      let stored = try world.object("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "podinfo")
      #expect(stored[path: "spec", "wait"] == true)
      #expect(stored[path: "spec", "timeout"] == "2m0s")
    }
  }

  @Test func serverDryRunStoresNothing() async throws {
    try await withWorld { world in
      let result = await world.tack([
        "create", "source", "git", "podinfo", "--url", Self.gitURL, "--branch", "main", "--dry-run=server",
      ])
      try CLIGoldens.verify(result, "create/dry-run-server")
      #expect(result.exitCode == 0, "\(result)")
      #expect(throws: (any Error).self) { try gitRepository(world) }
      let writes = world.cluster.server.requests(method: "PATCH", path: "*gitrepositories*")
      #expect(!writes.isEmpty && writes.allSatisfy { $0.query.contains("dryRun=All") })
    }
  }

  @Test func serverDryRunReportsTheSchemasRefusal() async throws {
    try await withWorld { world in
      // flux does not check the scheme; the CRD's pattern (^oci://.*$) does.
      let result = await world.tack([
        "create", "source", "oci", "podinfo", "--url", "https://ghcr.io/org/app", "--tag", "1.0.0",
        "--dry-run=server",
      ])
      #expect(result.exitCode == 1, "\(result)")
      #expect(result.stderr.contains("the server rejected OCIRepository flux-system/podinfo"))
    }
  }

  @Test func exportPrintsFluxYAMLAndSendsNothing() async throws {
    try await withWorld { world in
      let before = world.cluster.server.requests().count
      let result = await world.tack([
        "create", "source", "git", "podinfo", "--url", Self.gitURL, "--commit", "c88a2f41", "--export",
      ])
      #expect(result.exitCode == 0, "\(result)")
      #expect(
        result.stdout == """
          ---
          apiVersion: source.toolkit.fluxcd.io/v1
          kind: GitRepository
          metadata:
            name: podinfo
            namespace: flux-system
          spec:
            interval: 1m0s
            ref:
              commit: c88a2f41
            url: https://github.com/stefanprodan/podinfo

          """)
      #expect(result.stderr == "")
      let json = await world.tack([
        "create", "hr", "podinfo", "--chart-ref", "OCIRepository/podinfo", "--export", "-o", "json",
      ])
      #expect(json.exitCode == 0, "\(json)")
      let parsed = try JSON.parse(json.stdout)
      #expect(parsed[path: "spec", "chartRef", "kind"] == "OCIRepository")
      #expect(world.cluster.server.requests().count == before)
    }
  }

  @Test(arguments: [
    (["source", "git", "p"], "✗ name 'p' is invalid"),
    (["source", "git", "podinfo", "--branch", "main"], "✗ --url is required"),
    (["source", "git", "podinfo", "--url", "https://x.example/r"], "✗ a Git ref is required"),
    (["source", "git", "podinfo", "--url", "https://x.example/r", "--branch", "m", "--label", "bad"], "✗ --label: invalid label format 'bad'"),
    (["source", "git", "podinfo", "--url", "https://x.example/r", "--branch", "m", "--interval", "soon"], "✗ invalid argument \"soon\" for \"--interval\" flag"),
    (["ks", "podinfo"], "✗ --source is required"),
    (["hr", "podinfo", "--chart", "podinfo", "--chart-ref", "HelmChart/podinfo"], "✗ cannot use --chart in combination with --chart-ref"),
    (["source", "git", "podinfo", "--url", "https://x.example/r", "--branch", "m", "-o", "json"], "✗ -o/--output only applies with --export"),
  ])
  func usageErrorsExit64AndSendNothing(_ arguments: [String], _ prefix: String) async throws {
    try await withWorld { world in
      let before = world.cluster.server.requests().count
      let result = await world.tack(["create"] + arguments)
      #expect(result.exitCode == 64, "\(result)")
      #expect(result.stderr.hasPrefix(prefix), "\(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
      #expect(world.cluster.server.requests().count == before)
    }
  }
}
