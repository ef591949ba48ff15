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

/// File handling shared by the secrets commands: `-` for stdin and whole-file reads. Files are
/// written with `AtomicFile`, so a failure never leaves a half-written file or touches the original.
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
      throw FileError(path: path, operation: "opening", errno: code)
    }
    var info = stat()
    if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      throw CommandError("\(path) is a directory; pass a file")
    }
    return descriptor
  }

  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

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
