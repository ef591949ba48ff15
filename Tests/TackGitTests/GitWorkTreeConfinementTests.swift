import Foundation
import Testing

@testable import TackGit

/// A clone's work tree holds what the repository committed, symbolic links included; no
/// `GitWorkTree` operation may follow one out of the clone.
@Suite struct GitWorkTreeConfinementTests {
  /// A work tree and a directory outside it that links point to.
  struct Layout {
    let root: String
    let outside: String
    var tree: GitWorkTree { GitWorkTree(root: root) }

    init() throws {
      let base = FileManager.default.temporaryDirectory.path + "/tack-confine-\(UUID().uuidString)"
      root = base + "/clone"
      outside = base + "/outside"
      try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    }

    func link(_ path: String, to target: String) throws {
      let full = root + "/" + path
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    var outsideNames: [String] { (try? FileManager.default.contentsOfDirectory(atPath: outside)) ?? [] }

    func remove() { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
  }

  @Test func aLinkedFileIsNotWrittenThrough() throws {
    let layout = try Layout()
    defer { layout.remove() }
    try "mine\n".write(toFile: layout.outside + "/victim", atomically: true, encoding: .utf8)
    try layout.link("clusters/x/flux-system/gotk-sync.yaml", to: layout.outside + "/victim")

    let error = #expect(throws: GitError.self) {
      try layout.tree.write("clusters/x/flux-system/gotk-sync.yaml", "flux\n")
    }
    #expect(error?.code == .invalidPath)
    let message = error?.description ?? ""
    #expect(message.contains("clusters/x/flux-system/gotk-sync.yaml"), "\(message)")
    #expect(message.contains("symbolic link"), "\(message)")
    #expect(!message.contains("\n"))
    #expect(try String(contentsOfFile: layout.outside + "/victim", encoding: .utf8) == "mine\n")
    #expect(throws: GitError.self) { try layout.tree.checkWritable("clusters/x/flux-system/gotk-sync.yaml") }
    #expect(throws: GitError.self) { try layout.tree.read("clusters/x/flux-system/gotk-sync.yaml") }
  }

  @Test func aLinkedDirectoryIsNotEntered() throws {
    let layout = try Layout()
    defer { layout.remove() }
    try layout.link("clusters/x", to: layout.outside)

    let error = #expect(throws: GitError.self) {
      try layout.tree.write("clusters/x/flux-system/gotk-components.yaml", "flux\n")
    }
    #expect(error?.description.contains("clusters/x is a symbolic link") == true, "\(String(describing: error))")
    #expect(layout.outsideNames.isEmpty)
    #expect(throws: GitError.self) { try layout.tree.checkWritable("clusters/x/flux-system/gotk-sync.yaml") }
    #expect(throws: GitError.self) { try layout.tree.list("clusters/x") }
    #expect(!layout.tree.exists("clusters/x/anything"))

    // Removing below the link is refused; removing the link removes the link only.
    try "keep\n".write(toFile: layout.outside + "/keep", atomically: true, encoding: .utf8)
    #expect(throws: GitError.self) { try layout.tree.remove("clusters/x/keep") }
    try layout.tree.remove("clusters/x")
    #expect(layout.outsideNames == ["keep"])
    #expect(!layout.tree.exists("clusters/x"))
  }

  @Test func ordinaryFilesStillWork() throws {
    let layout = try Layout()
    defer { layout.remove() }
    let tree = layout.tree
    try tree.checkWritable("a/b/c.yaml")
    try tree.write("a/b/c.yaml", "one\n")
    try tree.write("a/b/c.yaml", "two\n")
    #expect(try tree.readString("a/b/c.yaml") == "two\n")
    #expect(try tree.read("a/missing.yaml") == nil)
    #expect(try tree.read("nowhere/missing.yaml") == nil)
    #expect(try tree.list("a/b") == ["c.yaml"])
    #expect(try tree.list() == ["a"])
    #expect(tree.exists("a/b/c.yaml"))
    try tree.remove("a")
    #expect(!tree.exists("a"))
    #expect(try tree.list() == [])
    #expect(throws: GitError.self) { try tree.write("../escape", "x") }
  }
}
