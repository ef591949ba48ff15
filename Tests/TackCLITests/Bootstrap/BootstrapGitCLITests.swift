import Foundation
import TackJSON
import TackTestSupport
import Testing

/// `tack bootstrap git` end to end: the built binary against the test API server and a real Git
/// server, checked with the real `git` CLI and the API server's store.
// Needs git's http-backend (Debian package git), which CI installs.
@Suite(.serialized, .enabled(if: BootstrapCLI.gitAvailable, "git-http-backend is not installed"))
struct BootstrapGitCLITests {
  @Test func bootstrapsAnEmptyRepositoryThenReRunsWithoutACommit() async throws {
    let world = try await BootstrapCLIWorld.start()
    defer { Task { await world.stop() } }

    let first = try await world.tack(world.bootstrapArguments())
    #expect(first.exitCode == 0, "\(first)")
    #expect(first.stdout.isEmpty)
    try GoldenFile.verify(world.normalize(first.stderr), at: GoldenFile.path("bootstrap-https-first.stderr"))

    let log = try world.repository.log("main")
    #expect(log.map(\.subject) == ["Add Flux sync manifests", "Add Flux v2.9.4 component manifests"])
    #expect(log.allSatisfy { $0.authorName == "Flux" })
    #expect(try world.repository.files("main").sorted() == [
      "clusters/dev/flux-system/gotk-components.yaml", "clusters/dev/flux-system/gotk-sync.yaml",
      "clusters/dev/flux-system/kustomization.yaml",
    ])
    #expect(
      world.repository.file("clusters/dev/flux-system/gotk-components.yaml")
        == (try BootstrapCLI.expectedDefaultComponents(bundle: world.manifests)))
    let secret = try #require(world.secretData())
    #expect(secret["username"] == BootstrapCLIWorld.username)
    #expect(secret["password"] == BootstrapCLIWorld.password)
    #expect(secret["ca.crt"] == world.git.caPEM)
    let source = try #require(world.object("source.toolkit.fluxcd.io/v1", "GitRepository", "flux-system", "flux-system"))
    #expect(source[path: "spec", "url"]?.stringValue == world.url)
    #expect(source[path: "status", "artifact", "revision"]?.stringValue == "main@sha1:\(log[0].id)")
    // The password never shows up in what tack printed.
    #expect(!first.stderr.contains(BootstrapCLIWorld.password))

    let resourceVersion = world.object("v1", "Secret", "flux-system", "flux-system")?[path: "metadata", "resourceVersion"]
    let second = try await world.tack(world.bootstrapArguments())
    #expect(second.exitCode == 0, "\(second)")
    try GoldenFile.verify(world.normalize(second.stderr), at: GoldenFile.path("bootstrap-https-rerun.stderr"))
    #expect(try world.repository.log("main").count == 2)
    #expect(world.object("v1", "Secret", "flux-system", "flux-system")?[path: "metadata", "resourceVersion"] == resourceVersion)
  }
}
