import TackBase

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The files of a clone. Paths are relative to the repository root, use `/`, and may not leave the
/// work tree or touch `.git`. Plain file I/O: no libgit2 involved, so it is Sendable and usable
/// from any task (e.g. inside `GitWorkspace.commitAndPush`'s edit closure).
public struct GitWorkTree: Sendable {
  /// Absolute path of the work tree, without a trailing slash.
  public let root: String

  public init(root: String) {
    var root = root
    while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
    self.root = root
  }

  /// The file's bytes, or nil when it does not exist.
  public func read(_ path: String) throws(GitError) -> [UInt8]? {
    let full = try absolute(path)
    guard FileManager.default.fileExists(atPath: full) else { return nil }
    do {
      return Array(try Data(contentsOf: URL(fileURLWithPath: full)))
    } catch {
      throw GitError(.localRepository, "cannot read \(path) in \(root): \(error)")
    }
  }

  public func readString(_ path: String) throws(GitError) -> String? {
    try read(path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Writes the file atomically (a temp file renamed over it), creating parent directories.
  public func write(_ path: String, _ contents: [UInt8]) throws(GitError) {
    let full = try absolute(path)
    do {
      try AtomicFile.write(contents, to: full, permissions: .umasked(0o666), durable: false, createDirectories: true)
    } catch {
      throw GitError(.localRepository, "cannot write \(path) in \(root): \(error)")
    }
  }

  public func write(_ path: String, _ contents: String) throws(GitError) {
    try write(path, Array(contents.utf8))
  }

  /// Removes a file or directory; nothing happens when it does not exist.
  public func remove(_ path: String) throws(GitError) {
    let full = try absolute(path)
    guard FileManager.default.fileExists(atPath: full) else { return }
    do {
      try FileManager.default.removeItem(atPath: full)
    } catch {
      throw GitError(.localRepository, "cannot remove \(path) in \(root): \(error)")
    }
  }

  public func exists(_ path: String) -> Bool {
    guard let full = try? absolute(path) else { return false }
    return FileManager.default.fileExists(atPath: full)
  }

  /// Names in a directory (sorted), or [] when it does not exist.
  public func list(_ directory: String = "") throws(GitError) -> [String] {
    let full = directory.isEmpty ? root : try absolute(directory)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []
    return names.filter { !(directory.isEmpty && $0 == ".git") }.sorted()
  }

  /// Checks a repository-relative path and returns it absolute.
  public func absolute(_ path: String) throws(GitError) -> String {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true)
    guard !path.hasPrefix("/"), !parts.isEmpty else {
      throw GitError(.invalidPath, "\"\(path)\" is not a relative path inside the repository")
    }
    for part in parts where part == ".." || part == "." {
      throw GitError(.invalidPath, "\"\(path)\" must not contain . or .. components")
    }
    if parts[0] == ".git" {
      throw GitError(.invalidPath, "\"\(path)\" is inside .git; tack only edits tracked files")
    }
    return root + "/" + parts.joined(separator: "/")
  }
}
