import Foundation
import TackTesting
import Testing
import TackTestSupport

@testable import TackGit

/// Clone, commit and push against a bare repository over file://, checked with the git CLI.
@Suite(.requires(.git))
struct FileTransportTests {
  @Test func cloneEditCommitPush() async throws {
    let bare = try BareGitRepository()
    defer { bare.remove() }
    let first = try bare.commit(files: ["README.md": "hello\n"], message: "initial")
    let remote = try GitRemote(url: bare.fileURL)
    let (workspace, directory) = try await GitWorkspace.cloneForTest(remote)
    defer { directory.remove() }

    #expect(try workspace.workTree.readString("README.md") == "hello\n")
    #expect(await workspace.head?.hex == first)
    let result = try await workspace.commitAndPush(
      message: "Add Flux v2.9.4 component manifests", author: testAuthor
    ) { tree in
      try tree.write("clusters/prod/flux-system/gotk-components.yaml", "kind: List\n")
      try tree.remove("README.md")
    }
    guard case .pushed(let commit) = result else {
      Issue.record("expected a push, got \(result)")
      return
    }
    #expect(bare.tip() == commit.hex)
    #expect(bare.file("clusters/prod/flux-system/gotk-components.yaml") == "kind: List\n")
    #expect(try bare.files() == ["clusters/prod/flux-system/gotk-components.yaml"])
    let log = try bare.log()
    #expect(log.first?.subject == "Add Flux v2.9.4 component manifests")
    #expect(log.first?.authorName == "Flux")
    #expect(log.first?.authorEmail == "flux@example.com")
    #expect(bare.isAncestor(first, of: commit.hex))
  }

  @Test func emptyRemoteGetsTheBranch() async throws {
    let bare = try BareGitRepository()
    defer { bare.remove() }
    let (workspace, directory) = try await GitWorkspace.cloneForTest(try GitRemote(url: bare.path), branch: "fleet")
    defer { directory.remove() }
    #expect(await workspace.head == nil)
    let result = try await workspace.commitAndPush(message: "Add Flux sync manifests", author: testAuthor) {
      try $0.write("gotk-sync.yaml", "---\n")
    }
    guard case .pushed(let commit) = result else {
      Issue.record("expected a push")
      return
    }
    #expect(bare.branches == ["fleet"])
    #expect(bare.tip("fleet") == commit.hex)
    #expect(try bare.log("fleet").count == 1)
  }

  @Test func missingBranchInNonEmptyRepository() async throws {
    let bare = try BareGitRepository()
    defer { bare.remove() }
    try bare.commit(files: ["a": "1"], message: "initial")
    let directory = try TestDirectory()
    defer { directory.remove() }
    let target = directory.path + "/clone"
    let error = await expectGitError(.branchNotFound) {
      _ = try await GitWorkspace.clone(try GitRemote(url: bare.fileURL), branch: "nope", into: target)
    }
    #expect(error?.description.contains("couldn't find remote ref \"refs/heads/nope\"") == true)
    #expect(error?.exitStatus == .notFound)
    #expect(!FileManager.default.fileExists(atPath: target), "a failed clone leaves nothing behind")
  }

  @Test func nothingChangedMakesNoCommit() async throws {
    let bare = try BareGitRepository()
    defer { bare.remove() }
    let first = try bare.commit(files: ["a.yaml": "x: 1\n"], message: "initial")
    let (workspace, directory) = try await GitWorkspace.cloneForTest(try GitRemote(url: bare.fileURL))
    defer { directory.remove() }
    let result = try await workspace.commitAndPush(message: "no-op", author: testAuthor) {
      try $0.write("a.yaml", "x: 1\n")
    }
    #expect(result == .upToDate(GitObjectID(hex: first)))
    #expect(try await workspace.commit(message: "again", author: testAuthor) == nil)
    #expect(bare.tip() == first)
    #expect(try bare.log().count == 1)
  }

  @Test func pushRaceRetriesWithoutLosingEitherCommit() async throws {
    let bare = try BareGitRepository()
    defer { bare.remove() }
    let first = try bare.commit(files: ["base.yaml": "1\n"], message: "initial")
    let (workspace, directory) = try await GitWorkspace.cloneForTest(try GitRemote(url: bare.fileURL))
    defer { directory.remove() }
    // Someone else pushes between our clone and our push.
    let theirs = try bare.commit(files: ["theirs.yaml": "them\n"], message: "their change")
    let conflicts = Counter()
    let result = try await workspace.commitAndPush(
      message: "Add Flux sync manifests", author: testAuthor, onConflict: { _ in conflicts.increment() }
    ) { tree in
      try tree.write("ours.yaml", "us\n")
    }
    guard case .pushed(let ours) = result else {
      Issue.record("expected a push")
      return
    }
    #expect(conflicts.value == 1)
    #expect(bare.tip() == ours.hex)
    #expect(bare.isAncestor(theirs, of: ours.hex), "their commit is kept: no force push")
    #expect(bare.isAncestor(first, of: ours.hex))
    #expect(bare.file("theirs.yaml") == "them\n")
    #expect(bare.file("ours.yaml") == "us\n")
  }

  @Test func plainPushOfAStaleCloneIsNonFastForward() async throws {
    let bare = try BareGitRepository()
    defer { bare.remove() }
    try bare.commit(files: ["a": "1"], message: "initial")
    let (workspace, directory) = try await GitWorkspace.cloneForTest(try GitRemote(url: bare.fileURL))
    defer { directory.remove() }
    let theirs = try bare.commit(files: ["b": "2"], message: "theirs")
    try workspace.workTree.write("c", "3")
    _ = try await workspace.commit(message: "ours", author: testAuthor)
    await expectGitError(.nonFastForward) { try await workspace.push() }
    #expect(bare.tip() == theirs, "the remote is untouched")
  }

  @Test func givesUpAfterMaxAttempts() async throws {
    let bare = try BareGitRepository()
    defer { bare.remove() }
    try bare.commit(files: ["a": "1"], message: "initial")
    let (workspace, directory) = try await GitWorkspace.cloneForTest(try GitRemote(url: bare.fileURL))
    defer { directory.remove() }
    let counter = Counter()
    let error = await expectGitError(.nonFastForward) {
      _ = try await workspace.commitAndPush(message: "ours", author: testAuthor, maxAttempts: 2) { tree in
        // Another writer wins every time.
        try bare.commit(files: ["race-\(counter.increment())": "x"], message: "theirs")
        try tree.write("ours", "y")
      }
    }
    #expect(error?.description.contains("gave up after 2 attempts") == true)
    #expect(bare.file("ours") == nil)
  }

  @Test func openExistingCloneAndFetch() async throws {
    let bare = try BareGitRepository()
    defer { bare.remove() }
    try bare.commit(files: ["a": "1"], message: "initial")
    let remote = try GitRemote(url: bare.fileURL)
    let (_, directory) = try await GitWorkspace.cloneForTest(remote)
    defer { directory.remove() }
    let reopened = try await GitWorkspace.open(directory.path + "/repo", remote: remote, branch: "main")
    let newer = try bare.commit(files: ["b": "2"], message: "newer")
    #expect(try await reopened.fetch()?.hex == newer)
    try await reopened.resetToRemote()
    #expect(try reopened.workTree.readString("b") == "2")
    #expect(await reopened.head?.hex == newer)
  }

  @Test func pathsMayNotEscapeTheWorkTree() async throws {
    let tree = GitWorkTree(root: "/tmp/somewhere")
    for bad in ["/etc/passwd", "../x", "a/../../x", ".git/config", ""] {
      #expect(throws: GitError.self) { try tree.absolute(bad) }
    }
    #expect(try tree.absolute("clusters/prod/x.yaml") == "/tmp/somewhere/clusters/prod/x.yaml")
  }

  @Test func missingRepository() async throws {
    let directory = try TestDirectory()
    defer { directory.remove() }
    await expectGitError(.repositoryNotFound) {
      _ = try await GitWorkspace.clone(
        try GitRemote(url: "file://" + directory.path + "/absent.git"), branch: "main", into: directory.path + "/c")
    }
  }
}

/// A thread-safe counter for callbacks in tests.
final class Counter: Sendable {
  private let storage = Mutex<Int>(0)
  @discardableResult func increment() -> Int { storage.withLock { $0 += 1; return $0 } }
  var value: Int { storage.withLock { $0 } }
}

import Synchronization
