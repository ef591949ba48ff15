import Dispatch
import TackBase
import TackSecrets

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// File handling shared by the secrets commands: `-` for stdin, whole-file reads, and atomic
/// writes (temporary file in the same directory, then rename), so a failure never leaves a
/// half-written file or touches the original.
enum SecretsFiles {
  /// Reads a whole input file, or stdin for `-`.
  static func read(_ path: String) throws -> [UInt8] {
    if path == "-" {
      return try FileDescriptorReader(descriptor: 0, name: "stdin").readAll() ?? []
    }
    let descriptor = try openForReading(path)
    defer { close(descriptor) }
    return try FileDescriptorReader(descriptor: descriptor, name: path).readAll() ?? []
  }

  static func readText(_ path: String) throws -> String {
    let bytes = try read(path)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw CommandError("\(displayName(path)): not UTF-8 text")
    }
    return text
  }

  static func displayName(_ path: String) -> String { path == "-" ? "stdin" : path }

  /// Opens a file for reading, with a message that says what to do.
  static func openForReading(_ path: String) throws -> Int32 {
    let descriptor = systemOpen(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT { throw CommandError("\(path): no such file; check the path", exitStatus: .notFound) }
      throw ByteStreamError(name: path, operation: "opening", reason: String(cString: strerror(code)))
    }
    var info = stat()
    if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      throw CommandError("\(path) is a directory; pass a file")
    }
    return descriptor
  }

  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// The permission bits of an existing file.
  static func mode(of path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
  }

  static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// An absolute, `.`/`..`-free form of `path` (relative to the current directory).
  static func absolute(_ path: String) -> String {
    let joined = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
    var parts: [Substring] = []
    for part in joined.split(separator: "/") {
      if part == "." || part.isEmpty { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  static func directory(of path: String) -> String {
    let absolutePath = absolute(path)
    guard let slash = absolutePath.lastIndex(of: "/"), slash != absolutePath.startIndex else { return "/" }
    return String(absolutePath[..<slash])
  }
}

/// open(2) without the name clash with `SecretsFiles`' own helpers.
func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
  #if canImport(Glibc)
    Glibc.open(path, flags, mode)
  #elseif canImport(Musl)
    Musl.open(path, flags, mode)
  #else
    Darwin.open(path, flags, mode)
  #endif
}

/// A file written under a temporary name next to its destination and renamed over it only when
/// everything was written; `abandon()` (or an error) removes the temporary file. A destination
/// that is not a regular file (`/dev/null`, a FIFO, `/dev/stdout`) is written directly, and a
/// symbolic link is followed, so neither is ever replaced by a regular file.
final class AtomicFile {
  let destination: String
  /// nil when writing directly to a non-regular destination.
  let temporaryPath: String?
  let descriptor: Int32
  private var finished = false

  /// - Parameter mode: the new file's permissions (an existing destination's are kept when
  ///   `keepExistingMode`).
  init(destination: String, mode: mode_t, keepExistingMode: Bool = true) throws {
    self.destination = Self.resolvingLinks(destination)
    var info = stat()
    if stat(self.destination, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
      let fd = systemOpen(self.destination, O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else {
        let code = errno
        throw ByteStreamError(name: destination, operation: "opening", reason: String(cString: strerror(code)))
      }
      descriptor = fd
      temporaryPath = nil
      return
    }
    let directory = SecretsFiles.directory(of: self.destination)
    let base = self.destination.split(separator: "/").last.map(String.init) ?? "out"
    var template = Array("\(directory)/.\(base).tack-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else {
      let code = errno
      throw ByteStreamError(name: destination, operation: "creating a temporary file for", reason: String(cString: strerror(code)))
    }
    descriptor = fd
    temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let finalMode = keepExistingMode ? (SecretsFiles.mode(of: self.destination) ?? mode) : mode
    fchmod(fd, finalMode)
  }

  /// The file a symbolic link points to (the path itself when it is no link or does not exist).
  static func resolvingLinks(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  var writer: FileDescriptorWriter { FileDescriptorWriter(descriptor: descriptor, name: destination) }

  func write(_ bytes: [UInt8]) throws { try writer.write(bytes) }

  /// Renames the file into place. `durable` flushes it to disk first, so a crash right after
  /// cannot leave an empty file under the final name: worth it for keys and rewritten manifests,
  /// not for streaming hundreds of megabytes through `age`, which never syncs either.
  func commit(durable: Bool = true) throws {
    guard !finished else { return }
    finished = true
    guard let temporaryPath else {
      guard close(descriptor) == 0 else {
        throw ByteStreamError(name: destination, operation: "writing", reason: String(cString: strerror(errno)))
      }
      return
    }
    if (durable && fsync(descriptor) != 0) || close(descriptor) != 0 {
      let code = errno
      unlink(temporaryPath)
      throw ByteStreamError(name: destination, operation: "writing", reason: String(cString: strerror(code)))
    }
    guard rename(temporaryPath, destination) == 0 else {
      let code = errno
      unlink(temporaryPath)
      throw ByteStreamError(name: destination, operation: "replacing", reason: String(cString: strerror(code)))
    }
  }

  func abandon() {
    guard !finished else { return }
    finished = true
    close(descriptor)
    if let temporaryPath { unlink(temporaryPath) }
  }

  deinit { abandon() }

  /// Writes `bytes` to `destination` atomically.
  static func write(_ bytes: [UInt8], to destination: String, mode: mode_t) throws {
    let file = try AtomicFile(destination: destination, mode: mode)
    do {
      try file.write(bytes)
      try file.commit()
    } catch {
      file.abandon()
      throw error
    }
  }
}

/// Runs CPU- and file-bound work on a Dispatch queue, off Swift's cooperative thread pool.
enum Blocking {
  static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global(qos: .userInitiated).async {
        continuation.resume(with: Result { try work() })
      }
    }
  }
}
