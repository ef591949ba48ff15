#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackBase
import TackJSON
import TackOutput
import TackTestSupport
import Testing
@testable import TackCore

/// The engine's sequencing and messages, against an in-memory repository and the test API server.
@Suite struct BootstrapEngineTests {
  let defaults = ServedManifests.text(BootstrapTestPaths.manifests + "/default-components.yaml")

  func manifests() throws -> ComponentManifests {
    try ComponentBundle(text: defaults, source: "default-components.yaml").select(
      components: FluxComponents.defaults, version: "v2.9.4", namespace: "flux-system")
  }

  func options(
    mode: BootstrapMode = .apply, auth: BootstrapAuth? = nil, timeout: GoDuration = GoDuration(nanoseconds: 300_000_000_000)
  ) throws -> BootstrapOptions {
    BootstrapOptions(
      url: try RepositoryURL.parse("https://git.example.com/fleet.git"), path: try RepositoryPath("clusters/dev"),
      auth: auth ?? .basic(username: "git", password: "pw"), mode: mode, timeout: timeout)
  }

  func engine(
    _ options: BootstrapOptions, repository: FakeRepository, cluster: (any Cluster)?, sink: MemorySink,
    confirmer: (any Confirming)? = nil
  ) throws -> BootstrapGit {
    BootstrapGit(
      options: options, manifests: try manifests(), cloner: FakeCloner(repository: repository), cluster: cluster,
      ssh: FakeSSH(), confirmer: confirmer, progress: ConsoleProgress(console: Console(out: MemorySink(), err: sink, style: TerminalStyle())),
      cloneDirectory: repository.workTreePath)
  }

  @Test func firstRunThenReRun() async throws {
    let directory = try BootstrapTestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let repository = try FakeRepository(directory: directory, initialFiles: ["README.md": "# fleet\n"])
    try await BootstrapWorld.with(sync: { await repository.head() }) { world in
      let cluster = world.cluster
      let sink = MemorySink()
      let outcome = try await engine(try options(), repository: repository, cluster: cluster, sink: sink).run()
      #expect(outcome == .applied)
      #expect(sink.text == """
        ► cloning branch "main" from Git repository "https://git.example.com/fleet.git"
        ✔ cloned repository
        ► generating component manifests
        ✔ generated component manifests
        ✔ committed component manifests to "main" ("1111111111111111111111111111111111111111")
        ► pushing component manifests to "https://git.example.com/fleet.git"
        ► installing components in "flux-system" namespace
        ✔ installed components
        ✔ reconciled components
        ► determining if source secret "flux-system/flux-system" exists
        ► generating source secret
        ► applying source secret "flux-system/flux-system"
        ✔ reconciled source secret
        ► generating sync manifests
        ✔ generated sync manifests
        ✔ committed sync manifests to "main" ("2222222222222222222222222222222222222222")
        ► pushing sync manifests to "https://git.example.com/fleet.git"
        ► applying sync manifests
        ✔ reconciled sync configuration
        ◎ waiting for GitRepository "flux-system/flux-system" to be reconciled
        ✔ GitRepository reconciled successfully
        ◎ waiting for Kustomization "flux-system/flux-system" to be reconciled
        ✔ Kustomization reconciled successfully
        ► confirming components are healthy
        ✔ helm-controller: deployment ready
        ✔ kustomize-controller: deployment ready
        ✔ notification-controller: deployment ready
        ✔ source-controller: deployment ready
        ✔ all components are healthy

        """)
      let files = FakeRepository.snapshot(directory)
      #expect(files["clusters/dev/flux-system/gotk-components.yaml"] == defaults)
      #expect(files["clusters/dev/flux-system/kustomization.yaml"] == """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
        - gotk-components.yaml
        - gotk-sync.yaml

        """)
      let secret = try #require(world.secret("flux-system", "flux-system"))
      #expect(secret["data"]?["username"] == "Z2l0")
      // CRDs and the namespace went first.
      let paths = world.applied
      let lastDefinition = paths.lastIndex(where: BootstrapWorld.isDefinition)!
      let firstOther = paths.firstIndex { !BootstrapWorld.isDefinition($0) }!
      #expect(lastDefinition < firstOther)

      // Re-run: nothing to commit, the components are not re-applied, the secret is unchanged.
      let rerun = MemorySink()
      let appliedBefore = world.applied.count
      _ = try await engine(try options(), repository: repository, cluster: cluster, sink: rerun).run()
      #expect(repository.commitCount == 2)
      #expect(rerun.text.contains("✔ component manifests are up to date\n"))
      #expect(rerun.text.contains("✔ sync manifests are up to date\n"))
      #expect(!rerun.text.contains("installing components"))
      #expect(world.applied.count == appliedBefore + 2)
    }
  }

  @Test func aPushRaceRetriesWithFluxsMessage() async throws {
    let directory = try BootstrapTestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let repository = try FakeRepository(directory: directory, pushOutcomes: [.pushed, .nonFastForward, .pushed])
    try await BootstrapWorld.with(sync: { await repository.head() }) { world in
      let sink = MemorySink()
      _ = try await engine(try options(), repository: repository, cluster: world.cluster, sink: sink).run()
      #expect(sink.text.contains("◎ git conflict detected, retrying with a fresh clone\n"))
      #expect(repository.pushedHeads.count == 2)
    }
  }

  @Test func dryRunTouchesNothing() async throws {
    let directory = try BootstrapTestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let repository = try FakeRepository(directory: directory)
    let sink = MemorySink()
    let outcome = try await engine(try options(mode: .dryRun), repository: repository, cluster: nil, sink: sink).run()
    guard case .dryRun(let plan) = outcome else {
      Issue.record("expected a dry run")
      return
    }
    #expect(repository.commitCount == 0)
    #expect(repository.pushedHeads.isEmpty)
    #expect(plan.commits.map(\.subject) == ["Add Flux v2.9.4 component manifests", "Add Flux sync manifests"])
    #expect(plan.commits[1].files.map(\.path) == [
      "clusters/dev/flux-system/gotk-sync.yaml", "clusters/dev/flux-system/kustomization.yaml",
    ])
    let rendered = plan.render(fullContent: false, clusterNote: "not touched")
    #expect(rendered.contains("# commit 1 on branch \"main\": Add Flux v2.9.4 component manifests\n"))
    #expect(rendered.contains("url: https://git.example.com/fleet.git\n"))
    #expect(!rendered.contains("kind: CustomResourceDefinition"))
    #expect(sink.text.contains("◎ dry run: would commit component manifests to \"main\"\n"))
  }

  @Test func fileURLNeedsDryRunOrNoPush() throws {
    var options = try options()
    options.url = try RepositoryURL.parse("file:///srv/git/fleet.git")
    #expect(throws: BootstrapError.self) { try options.validate() }
    options.mode = .dryRun
    try options.validate()
  }

  @Test func aGeneratedDeployKeyOffATerminalNeedsSilent() async throws {
    let directory = try BootstrapTestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let repository = try FakeRepository(directory: directory)
    try await BootstrapWorld.with(sync: { await repository.head() }) { world in
      let cluster = world.cluster
      let sink = MemorySink()
      var opts = try options(auth: .sshKey(SSHKeyOptions()))
      opts.url = try RepositoryURL.parse("ssh://git@git.example.com/fleet.git")
      do {
        _ = try await engine(opts, repository: repository, cluster: cluster, sink: sink).run()
        Issue.record("expected an error")
      } catch let error as BootstrapError {
        #expect(error.reason == .needsAnswer)
        #expect(error.description.contains("--silent"))
      }
      // Nothing happened: no clone output, no commit, nothing applied.
      #expect(sink.text.isEmpty)
      #expect(repository.commitCount == 0)
      #expect(world.applied.isEmpty)

      opts.silent = true
      let silentSink = MemorySink()
      _ = try await engine(opts, repository: repository, cluster: cluster, sink: silentSink).run()
      #expect(silentSink.text.contains("✔ public key: ecdsa-sha2-nistp384 AAAAfake\n"))
      let secret = try #require(world.secret("flux-system", "flux-system"))
      #expect(secret["data"]?.objectValue?.keys.sorted() == ["identity", "identity.pub", "known_hosts"])
      let sync = FakeRepository.snapshot(directory)["clusters/dev/flux-system/gotk-sync.yaml"] ?? ""
      #expect(sync.contains("url: ssh://git@git.example.com/fleet.git\n"))
    }
  }

  @Test func anExistingKustomizationWithAnotherPathIsNotOverwritten() async throws {
    let directory = try BootstrapTestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let repository = try FakeRepository(directory: directory)
    try await BootstrapWorld.with { world in
      try world.fixture.test.installCRDs(.flux)
      try world.fixture.store.ensureNamespace("flux-system")
      try world.fixture.store.create([
        "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
        "metadata": ["name": "flux-system", "namespace": "flux-system"],
        "spec": [
          "interval": "10m0s", "path": "./clusters/prod", "prune": true,
          "sourceRef": ["kind": "GitRepository", "name": "flux-system"],
        ],
      ])
      await #expect(throws: BootstrapError.self) {
        _ = try await engine(try options(), repository: repository, cluster: world.cluster, sink: MemorySink()).run()
      }
    }
    #expect(repository.commitCount == 0)
  }

  @Test func healthFailuresAreCollected() async throws {
    let directory = try BootstrapTestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let repository = try FakeRepository(directory: directory)
    let sink = MemorySink()
    // No source or kustomize controller: the sync never happens; the Deployments do become available.
    try await BootstrapWorld.with { world in
      do {
        let options = try options(timeout: GoDuration(nanoseconds: 5_000_000_000))
        _ = try await engine(options, repository: repository, cluster: world.cluster, sink: sink).run()
        Issue.record("expected an error")
      } catch let error as BootstrapError {
        #expect(error.exitStatus == .timedOut)
        #expect(error.description.hasPrefix("bootstrap failed with 2 health check failure(s): [error while waiting for GitRepository to be ready:"))
      }
    }
    #expect(sink.text.contains("✔ all components are healthy\n"))
  }
}

@Suite struct FluxCheckVersionTests {
  func preCheck(_ version: String) async throws -> (passed: Bool, text: String) {
    try await ClusterFixture.with(crds: false) { fixture in
      fixture.server.gitVersion = version
      let sink = MemorySink()
      let check = FluxCheck(
        cluster: fixture.cluster, progress: ConsoleProgress(console: Console(out: MemorySink(), err: sink, style: TerminalStyle())),
        namespace: "flux-system", expectedComponents: [], timeout: GoDuration(nanoseconds: 1_000_000_000))
      do {
        try await check.run(pre: true)
        return (true, sink.text)
      } catch {
        return (false, sink.text)
      }
    }
  }

  @Test func kubernetesOlderThanFluxsMinimumFailsThePreCheck() async throws {
    let old = try await preCheck("v1.29.9")
    #expect(!old.passed)
    #expect(old.text.contains("✗ Kubernetes version v1.29.9 does not match >=1.30.0-0\n"), "\(old.text)")
    let managed = try await preCheck("v1.30.2-eks-1234+abc")
    #expect(managed.passed, "\(managed.text)")
    #expect(managed.text.contains("✔ Kubernetes 1.30.2 >=1.30.0-0\n"))
    let garbage = try await preCheck("unknown")
    #expect(!garbage.passed)
  }
}

@Suite struct UTCTimestampTests {
  @Test func formats() {
    struct At: DateConvertible { var secondsSince1970: Double }
    #expect(UTCTimestamp.compact(At(secondsSince1970: 0)) == "19700101-000000")
    #expect(UTCTimestamp.compact(At(secondsSince1970: 1_786_121_415)) == "20260807-165015")
  }
}
