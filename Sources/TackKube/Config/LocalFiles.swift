#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few file operations the kubeconfig loader needs, over POSIX calls (no Foundation on the
/// startup path).
enum LocalFiles {
  enum ReadError: Error, Equatable {
    case notFound
    case failed(String)

    var reason: String {
      switch self {
      case .notFound: "no such file or directory"
      case .failed(let message): message
      }
    }
  }

  /// What identifies a version of a file cheaply, for "re-read when it changes".
  struct Stamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
  }

  static func read(_ path: String) throws(ReadError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .notFound }
      throw .failed(String(cString: strerror(code)))
    }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw .failed(String(cString: strerror(errno)))
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
  }

  static func readText(_ path: String) throws(ReadError) -> String {
    String(decoding: try read(path), as: UTF8.self)
  }

  static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  static func isExecutableFile(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
    return access(path, X_OK) == 0
  }

  static func stamp(_ path: String) -> Stamp? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Stamp(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
      modifiedSeconds: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec))
  }

  static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }

  static func join(_ directory: String, _ path: String) -> String {
    if isAbsolute(path) { return path }
    var rest = Substring(path)
    while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
    if directory.hasSuffix("/") { return directory + rest }
    return directory + "/" + rest
  }

  /// Makes a path absolute against the working directory, so origins in messages are unambiguous.
  static func absolute(_ path: String) -> String {
    if isAbsolute(path) { return path }
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return path }
    let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var rest = Substring(path)
    while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
    return join(cwd, String(rest))
  }

  static func remove(_ path: String) { unlink(path) }
}
