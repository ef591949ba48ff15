#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written under a temporary name next to its destination and renamed over it only once
/// everything is written, so a reader sees the old file or the whole new one, never half of one.
/// Any error, `abandon()` and deinit remove the temporary file. A destination that is not a regular
/// file (`/dev/null`, a FIFO, `/dev/stdout`) is written directly, and a symbolic link is followed, so
/// neither is ever replaced by a regular file.
///
/// ```swift
/// try AtomicFile.write(bytes, to: "secret.enc.yaml", permissions: .preserving(default: 0o600))
///
/// let file = try AtomicFile(destination: path, permissions: .preserving(default: 0o644))
/// try file.write(chunk)                 // as often as needed, or through `descriptor`
/// try file.commit(durable: false)       // renames; abandon() instead removes the temporary file
/// ```
public final class AtomicFile {
  /// The permission bits the written file gets.
  public enum Permissions: Sendable, Equatable {
    /// An existing destination's bits, else these (exactly, whatever the umask): files a user owns,
    /// such as rewritten manifests and keys.
    case preserving(default: mode_t)
    /// These bits less the process umask, as `open(2)` creates a new file: caches and work trees.
    case umasked(mode_t)
    /// Exactly these bits, whatever an existing destination had: files holding secrets or keys,
    /// which must not inherit a world-readable mode from the file they replace.
    case exactly(mode_t)
  }

  /// The file the content lands in, symbolic links resolved.
  public let destination: String
  /// The descriptor to write to (the temporary file's, or the destination's when written directly).
  public let descriptor: Int32
  /// nil when writing directly to a destination that is not a regular file.
  private let temporaryPath: String?
  private let registry: TemporaryFiles?
  private var finished = false

  /// Opens the temporary file. `createDirectories` first makes the destination's missing parents.
  /// `registry` learns the temporary file's name until it is committed or abandoned, so an exit
  /// that skips both can still remove it.
  public init(
    destination path: String, permissions: Permissions, createDirectories: Bool = false,
    registry: TemporaryFiles? = nil
  ) throws(FileError) {
    self.registry = registry
    let resolved = Self.resolvingLinks(path)
    var info = stat()
    let exists = stat(resolved, &info) == 0
    if exists, (info.st_mode & S_IFMT) != S_IFREG {
      let fd = open(resolved, O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else { throw FileError(path: path, operation: "opening", errno: errno) }
      destination = resolved
      descriptor = fd
      temporaryPath = nil
      return
    }
    let directory = Self.directory(of: resolved)
    if createDirectories { Self.makeDirectories(directory) }
    let creationMode: mode_t
    var finalMode: mode_t?
    switch permissions {
    case .preserving(let fallback):
      creationMode = 0o600
      finalMode = exists ? info.st_mode & 0o7777 : fallback
    case .umasked(let mode):
      creationMode = mode
    case .exactly(let mode):
      creationMode = 0o600
      finalMode = mode
    }
    let base = resolved.split(separator: "/").last.map(String.init) ?? "out"
    while true {
      let candidate = "\(directory)/.\(base).tack-\(Self.randomSuffix())"
      let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, creationMode)
      if fd >= 0 {
        destination = resolved
        descriptor = fd
        temporaryPath = candidate
        registry?.register(candidate)
        break
      }
      guard errno == EEXIST else {
        throw FileError(path: path, operation: "creating a temporary file for", errno: errno)
      }
    }
    // fchmod, unlike open, ignores the umask: the bits asked for are the bits the file gets.
    if let finalMode { fchmod(descriptor, finalMode) }
  }

  /// Appends `bytes`, retrying short writes.
  public func write(_ bytes: [UInt8]) throws(FileError) {
    var offset = 0
    var failure: Int32 = 0
    bytes.withUnsafeBytes { raw in
      while offset < raw.count {
        let n = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += n
      }
    }
    if failure != 0 { throw FileError(path: destination, operation: "writing", errno: failure) }
  }

  /// Renames the file into place. `durable` flushes it to disk first, so a crash right after cannot
  /// leave an empty file under the final name: worth it for keys and rewritten manifests, not for
  /// caches or for streaming hundreds of megabytes through `age` (which never syncs either).
  public func commit(durable: Bool = true) throws(FileError) {
    guard !finished else { return }
    finished = true
    guard let temporaryPath else {
      guard close(descriptor) == 0 else { throw FileError(path: destination, operation: "writing", errno: errno) }
      return
    }
    defer { registry?.unregister(temporaryPath) }
    if (durable && fsync(descriptor) != 0) || close(descriptor) != 0 {
      let code = errno
      unlink(temporaryPath)
      throw FileError(path: destination, operation: "writing", errno: code)
    }
    guard rename(temporaryPath, destination) == 0 else {
      let code = errno
      unlink(temporaryPath)
      throw FileError(path: destination, operation: "replacing", errno: code)
    }
  }

  /// Closes and removes the temporary file; the destination stays as it was.
  public func abandon() {
    guard !finished else { return }
    finished = true
    close(descriptor)
    if let temporaryPath {
      unlink(temporaryPath)
      registry?.unregister(temporaryPath)
    }
  }

  deinit { abandon() }

  /// Writes `bytes` to `destination` in one go.
  public static func write(
    _ bytes: [UInt8], to destination: String, permissions: Permissions, durable: Bool = true,
    createDirectories: Bool = false, registry: TemporaryFiles? = nil
  ) throws(FileError) {
    let file = try AtomicFile(
      destination: destination, permissions: permissions, createDirectories: createDirectories, registry: registry)
    do {
      try file.write(bytes)
      try file.commit(durable: durable)
    } catch {
      file.abandon()
      throw error
    }
  }

  /// The file a symbolic link points to (the path itself when it is no link or does not exist).
  static func resolvingLinks(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `mkdir -p`, 0755 less the umask; a failure shows when the file is created.
  static func makeDirectories(_ path: String) {
    var info = stat()
    guard !path.isEmpty, path != "/", stat(path, &info) != 0 else { return }
    makeDirectories(directory(of: path))
    mkdir(path, 0o755)
  }

  private static let suffixAlphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

  static func randomSuffix() -> String {
    String((0..<6).map { _ in suffixAlphabet.randomElement()! })
  }
}

/// write(2), out of reach of `AtomicFile.write` inside the class.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
  #elseif canImport(Musl)
    Musl.write(descriptor, buffer, count)
  #else
    Darwin.write(descriptor, buffer, count)
  #endif
}
