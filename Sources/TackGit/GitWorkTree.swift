import TackBase

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The files of a clone. Paths are relative to the repository root, use `/`, and may not leave the
/// work tree or touch `.git`; no operation follows a symbolic link (see `ConfinedDirectory`), so what
/// a repository commits cannot redirect a write outside the clone. Plain file I/O: no libgit2
/// involved, so it is Sendable and usable from any task (e.g. inside `GitWorkspace.commitAndPush`'s
/// edit closure).
public struct GitWorkTree: Sendable {
  /// Absolute path of the work tree, without a trailing slash.
  public let root: String

  public init(root: String) {
    var root = root
    while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
    self.root = root
  }

  /// The file's bytes, or nil when it does not exist. A symbolic link on the way is refused.
  public func read(_ path: String) throws(GitError) -> [UInt8]? {
    let parts = try components(path)
    do throws(ConfinedDirectory.Refusal) {
      return try confined.read(parts, display: path)
    } catch {
      throw GitError(.invalidPath, error.message)
    }
  }

  public func readString(_ path: String) throws(GitError) -> String? {
    try read(path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Writes the file atomically (a temp file renamed over it), creating parent directories. Never
  /// writes through a symbolic link: a fleet repository may commit `clusters/x -> /etc`, and
  /// following it would write outside the clone.
  public func write(_ path: String, _ contents: [UInt8]) throws(GitError) {
    let parts = try components(path)
    do throws(ConfinedDirectory.Refusal) {
      try confined.write(parts, contents, display: path)
    } catch {
      throw GitError(.invalidPath, error.message)
    }
  }

  public func write(_ path: String, _ contents: String) throws(GitError) {
    try write(path, Array(contents.utf8))
  }

  /// Checks that `write(path, …)` would stay inside the work tree (no symbolic link among the
  /// existing components), without writing: bootstrap checks every path before its first push.
  public func checkWritable(_ path: String) throws(GitError) {
    let parts = try components(path)
    do throws(ConfinedDirectory.Refusal) {
      switch try confined.entry(parts, verb: "write", display: path) {
      case .symbolicLink:
        throw ConfinedDirectory.Refusal(
          message: "refusing to write \(path) in the repository: it is a symbolic link, and tack never follows links out of a clone")
      case .directory, .other:
        throw ConfinedDirectory.Refusal(message: "cannot write \(path): it is not a regular file")
      case .missing, .file:
        break
      }
    } catch {
      throw GitError(.invalidPath, error.message)
    }
  }

  /// Removes a file or directory; nothing happens when it does not exist. A symbolic link is
  /// removed itself; one among the parent directories is refused.
  public func remove(_ path: String) throws(GitError) {
    let parts = try components(path)
    do throws(ConfinedDirectory.Refusal) {
      try confined.remove(parts, display: path)
    } catch {
      throw GitError(.invalidPath, error.message)
    }
  }

  /// Whether something (a symbolic link included) is at the path, with no link among its parents.
  public func exists(_ path: String) -> Bool {
    guard let parts = try? components(path), let entry = try? confined.entry(parts, display: path) else {
      return false
    }
    return entry != .missing
  }

  /// Names in a directory (sorted), or [] when it does not exist.
  public func list(_ directory: String = "") throws(GitError) -> [String] {
    let parts = try directory.isEmpty ? [] : components(directory)
    let names: [String]
    do throws(ConfinedDirectory.Refusal) {
      names = try confined.list(parts, display: directory)
    } catch {
      throw GitError(.invalidPath, error.message)
    }
    return names.filter { !(directory.isEmpty && $0 == ".git") }.sorted()
  }

  private var confined: ConfinedDirectory { ConfinedDirectory(root: root) }

  private func components(_ path: String) throws(GitError) -> [String] {
    _ = try absolute(path)
    return path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
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
