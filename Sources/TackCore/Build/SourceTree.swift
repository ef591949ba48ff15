#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TackKustomize

/// A file system the Flux layer can also list: generating a kustomization walks the directory
/// tree, and `.sourceignore` files are found the same way.
public protocol SourceTree: KustomizeFileSystem {
  /// The names in `directory`, in Go's `os.ReadDir` order (byte-wise); throws when it cannot be read.
  func entries(in directory: String) throws -> [String]
  /// What is at `path` without following a final symbolic link (Go's `Lstat`): a link is a file.
  func entryKind(at path: String) -> KustomizeFileKind?
}

extension SourceTree {
  public func entryKind(at path: String) -> KustomizeFileKind? { kind(at: path) }
}

enum ByteOrder {
  static func sorted(_ names: [String]) -> [String] {
    names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}

extension DiskFileSystem: SourceTree {
  public func entries(in directory: String) throws -> [String] {
    do {
      return ByteOrder.sorted(try FileManager.default.contentsOfDirectory(atPath: directory))
    } catch {
      throw KustomizeFileSystemError(path: directory, reason: "cannot be listed")
    }
  }

  public func entryKind(at path: String) -> KustomizeFileKind? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
  }
}

extension InMemoryFileSystem: SourceTree {
  /// Directories are implied by the files under them, so an empty directory lists nothing.
  public func entries(in directory: String) throws -> [String] {
    guard kind(at: directory) == .directory else {
      throw KustomizeFileSystemError(path: directory, reason: "no such file or directory")
    }
    let prefix = directory == "/" ? "/" : directory + "/"
    var names = Set<String>()
    for path in files.keys where path.hasPrefix(prefix) {
      let rest = path.dropFirst(prefix.count)
      if let name = rest.split(separator: "/", maxSplits: 1).first { names.insert(String(name)) }
    }
    return ByteOrder.sorted(Array(names))
  }
}

extension OverlayFileSystem: SourceTree where Base: SourceTree {
  public func entries(in directory: String) throws -> [String] {
    var names = Set((try? base.entries(in: directory)) ?? [])
    names.formUnion((try? overlay.entries(in: directory)) ?? [])
    if names.isEmpty, kind(at: directory) != .directory {
      throw KustomizeFileSystemError(path: directory, reason: "no such file or directory")
    }
    return ByteOrder.sorted(Array(names))
  }

  public func entryKind(at path: String) -> KustomizeFileKind? {
    if overlay.files[path] != nil { return .file }
    return base.entryKind(at: path) ?? overlay.kind(at: path)
  }
}
