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

/// What is at a path.
public enum KustomizeFileKind: Sendable, Equatable {
  case file
  case directory
}

/// The files a build reads. Paths are absolute and normalised (see ``KustomizePath``); the engine
/// never writes. Tests use ``InMemoryFileSystem``, the CLI ``DiskFileSystem``, and Flux's layer an
/// ``OverlayFileSystem`` to put a generated kustomization over a checkout.
public protocol KustomizeFileSystem: Sendable {
  /// The kind of entry at `path` (symlinks followed), or nil when there is none.
  func kind(at path: String) -> KustomizeFileKind?
  /// The bytes of the file at `path`.
  func contents(at path: String) throws -> [UInt8]
  /// `path` with symlinks resolved, for the load-restriction check. Identity where there are none.
  func realPath(_ path: String) -> String
}

extension KustomizeFileSystem {
  public func realPath(_ path: String) -> String { path }
}

/// A read failure from a file system, with the operating system's reason.
public struct KustomizeFileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
  public var description: String { "\(path): \(reason)" }
}

/// The real disk.
public struct DiskFileSystem: KustomizeFileSystem {
  public init() {}

  public func kind(at path: String) -> KustomizeFileKind? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
  }

  public func contents(at path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw KustomizeFileSystemError(path: path, reason: kind(at: path) == nil ? "no such file or directory" : "cannot be read")
    }
    return [UInt8](data)
  }

  public func realPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

/// Files held in memory, keyed by absolute path; directories are implied by the files under them.
public struct InMemoryFileSystem: KustomizeFileSystem {
  public private(set) var files: [String: [UInt8]]
  private var directories: Set<String>

  public init(files: [String: String] = [:]) {
    self.files = [:]
    directories = ["/"]
    for (path, text) in files { write(path, text) }
  }

  public mutating func write(_ path: String, _ text: String) { write(path, bytes: Array(text.utf8)) }

  public mutating func write(_ path: String, bytes: [UInt8]) {
    let normalised = KustomizePath.normalize(path)
    files[normalised] = bytes
    var dir = KustomizePath.parent(normalised)
    while !directories.contains(dir) {
      directories.insert(dir)
      dir = KustomizePath.parent(dir)
    }
  }

  /// Declares an empty directory.
  public mutating func makeDirectory(_ path: String) {
    var dir = KustomizePath.normalize(path)
    while !directories.contains(dir) {
      directories.insert(dir)
      dir = KustomizePath.parent(dir)
    }
  }

  public func kind(at path: String) -> KustomizeFileKind? {
    if files[path] != nil { return .file }
    return directories.contains(path) ? .directory : nil
  }

  public func contents(at path: String) throws -> [UInt8] {
    guard let bytes = files[path] else {
      throw KustomizeFileSystemError(path: path, reason: directories.contains(path) ? "is a directory" : "no such file or directory")
    }
    return bytes
  }
}

/// Another file system with some files replaced or added, e.g. a generated `kustomization.yaml`
/// over a directory that has none.
public struct OverlayFileSystem<Base: KustomizeFileSystem>: KustomizeFileSystem {
  public var base: Base
  public var overlay: InMemoryFileSystem

  public init(base: Base, files: [String: String]) {
    self.base = base
    overlay = InMemoryFileSystem(files: files)
  }

  public func kind(at path: String) -> KustomizeFileKind? {
    if overlay.files[path] != nil { return .file }
    return base.kind(at: path) ?? overlay.kind(at: path)
  }

  public func contents(at path: String) throws -> [UInt8] {
    if let bytes = overlay.files[path] { return bytes }
    return try base.contents(at: path)
  }

  public func realPath(_ path: String) -> String {
    overlay.files[path] != nil ? path : base.realPath(path)
  }
}
