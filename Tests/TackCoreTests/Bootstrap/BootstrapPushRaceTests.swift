import Foundation
import Synchronization
import TackJSON
import TackOutput
import TackTesting
import TackTestSupport
import Testing
@testable import TackCore

/// Another commit lands on the branch between bootstrap's clone and its push: the real git layer
/// reports a non-fast-forward push, bootstrap starts again from the new tip, and both commits end
/// up on the branch. Nothing is forced.
// Needs git's http-backend (Debian package git), which CI installs.
@Suite(.requires(.git, .gitHTTPBackend))
struct BootstrapPushRaceTests {
  /// Pushes someone else's commit to the remote right before the first push of bootstrap.
  final class Flag: Sendable {
    let value = Mutex(false)
  }

  struct RacingRepository: FleetRepository {
    let inner: any FleetRepository
    let raced: Flag
    let race: @Sendable () throws -> Void

    var workTreePath: String { inner.workTreePath }
    func head() async -> String? { await inner.head() }
    func commit(message: String, author: CommitAuthor) async throws -> String? {
      try await inner.commit(message: message, author: author)
    }
    func push() async throws -> PushOutcome {
      let first = raced.value.withLock { raced in
        defer { raced = true }
        return !raced
      }
      if first { try race() }
      return try await inner.push()
    }
    func resetToRemote() async throws { try await inner.resetToRemote() }
    func moveCommits(toNewBranch name: String) async throws { try await inner.moveCommits(toNewBranch: name) }
  }

  struct RacingCloner: FleetRepositoryCloner {
    let inner: LiveFleetRepositoryCloner
    let race: @Sendable () throws -> Void
    func clone(into directory: String) async throws -> any FleetRepository {
      RacingRepository(inner: try await inner.clone(into: directory), raced: Flag(), race: race)
    }
  }

  @Test func anotherCommitLandingBeforeThePushIsKept() async throws {
    let root = try TemporaryDirectory(prefix: "tack-race")
    defer { root.remove() }
    let bare = try BareGitRepository(name: "fleet", in: root.path)
    let initial = try bare.commit(files: ["README.md": "fleet\n"], message: "Initial commit")
    let server = try await HTTPGitServer.start(projectRoot: root.path, authentication: .basic(username: "git", password: "pw"))
    defer { Task { await server.stop() } }

    let options = BootstrapOptions(
      url: try RepositoryURL.parse(server.url(for: bare)), path: try RepositoryPath("clusters/dev"),
      auth: .basic(username: "git", password: "pw"), caCertificate: server.caPEM, authorEmail: "flux@example.com")
    let cloner = RacingCloner(inner: try LiveFleetRepositoryCloner(options: options, environment: ["HOME": root.path])) {
      try bare.commit(files: ["apps/podinfo.yaml": "kind: ConfigMap\n"], message: "Someone else's change")
    }
    let manifests = try ComponentBundle(
      text: ServedManifests.text(BootstrapTestPaths.manifests + "/install.yaml"), source: "install.yaml"
    ).select(components: FluxComponents.defaults, version: "v2.9.4", namespace: "flux-system")
    let stderr = MemorySink()
    try await BootstrapWorld.with(sync: { bare.tip("main") }) { world in
      let engine = BootstrapGit(
        options: options, manifests: manifests, cloner: cloner, cluster: world.cluster, ssh: FakeSSH(), confirmer: nil,
        progress: ConsoleProgress(console: Console(out: MemorySink(), err: stderr, style: TerminalStyle())), cloneDirectory: root.path + "/clone")
      let outcome = try await engine.run()
      #expect(outcome == .applied)
    }

    #expect(stderr.text.contains("◎ git conflict detected, retrying with a fresh clone\n"))
    let log = try bare.log("main")
    #expect(log.map(\.subject) == [
      "Add Flux sync manifests", "Add Flux v2.9.4 component manifests", "Someone else's change", "Initial commit",
    ])
    #expect(bare.isAncestor(initial, of: log[0].id))
    #expect(bare.file("apps/podinfo.yaml") == "kind: ConfigMap\n")
    #expect(bare.file("clusters/dev/flux-system/gotk-sync.yaml") != nil)
  }
}
