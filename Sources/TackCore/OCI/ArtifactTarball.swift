#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The tar stream of a Flux artifact, built as `fluxcd/pkg/tar` does: the root first as `.`, then
/// a depth-first walk in byte-wise order per directory, regular files and directories only
/// (symbolic links and special files are skipped), modes as found, owners and times zeroed.
/// `--ignore-paths` patterns (gitignore syntax, anchored at the root) drop entries and whole
/// directories. A single file is archived as flux stages it: root `.` (mode 0700) and the file.
///
/// ```swift
/// let tarball = try ArtifactTarball(path: "./deploy", ignorePaths: ArtifactTarball.defaultIgnorePaths)
/// try tarball.write { chunk in try gzip.write(chunk) }
/// ```
public struct ArtifactTarball: Sendable {
  /// flux's default `--ignore-paths`.
  public static let defaultIgnorePaths = [
    ".git/", ".gitignore", ".gitmodules", ".gitattributes", "*.jpg", "*.jpeg", "*.gif", "*.png", "*.wmv", "*.flv",
    "*.tar.gz", "*.zip",
  ]

  /// The directory archived (absolute), or the single file's directory.
  public let root: String
  /// For a single-file source, the file's name.
  public let singleFile: String?
  let matcher: IgnoreMatcher
  let domain: [String]

  public init(path: String, ignorePaths: [String]) throws(OCIError) {
    guard !path.isEmpty else { throw .invalidPath(path, reason: "the path is empty") }
    var info = stat()
    guard stat(path, &info) == 0 else { throw .invalidPath(path, reason: String(cString: strerror(errno))) }
    let absolute = Self.absolute(path)
    switch info.st_mode & S_IFMT {
    case S_IFDIR:
      root = absolute
      singleFile = nil
    case S_IFREG:
      let slash = absolute.lastIndex(of: "/")!
      root = slash == absolute.startIndex ? "/" : String(absolute[..<slash])
      singleFile = String(absolute[absolute.index(after: slash)...])
    default:
      throw .invalidPath(path, reason: "not a directory or a regular file")
    }
    domain = SourceIgnore.components(singleFile == nil ? root : "/tack-single-file")
    matcher = IgnoreMatcher(SourceIgnore.read(ignorePaths.joined(separator: "\n"), domain: domain))
  }

  /// Writes the whole archive, footer included, through `sink` in chunks of at most 1 MiB.
  public func write(to sink: ([UInt8]) throws -> Void) throws {
    if let singleFile {
      // flux copies the file into a fresh 0700 temporary directory and archives that.
      try sink(TarHeader(name: ".", kind: .directory, mode: 0o700, size: 0).encoded())
      if !matcher.isIgnored(domain + [singleFile], isDirectory: false) {
        try writeEntry(path: join(root, singleFile), name: singleFile, sink: sink)
      }
    } else {
      var info = stat()
      guard lstat(root, &info) == 0 else { throw OCIError.io(path: root, reason: String(cString: strerror(errno))) }
      try sink(TarHeader(name: ".", kind: .directory, mode: Int(info.st_mode & 0o7777), size: 0).encoded())
      try walk(directory: root, relative: [], sink: sink)
    }
    try sink(TarHeader.footer)
  }

  private func walk(directory: String, relative: [String], sink: ([UInt8]) throws -> Void) throws {
    for name in try Self.entries(of: directory) {
      let path = join(directory, name)
      let components = relative + [name]
      var info = stat()
      guard lstat(path, &info) == 0 else { throw OCIError.io(path: path, reason: String(cString: strerror(errno))) }
      let type = info.st_mode & S_IFMT
      guard type == S_IFDIR || type == S_IFREG else { continue }
      let isDirectory = type == S_IFDIR
      if matcher.isIgnored(domain + components, isDirectory: isDirectory) { continue }
      let entryName = components.joined(separator: "/")
      if isDirectory {
        try sink(TarHeader(name: entryName, kind: .directory, mode: Int(info.st_mode & 0o7777), size: 0).encoded())
        try walk(directory: path, relative: components, sink: sink)
      } else {
        try writeEntry(path: path, name: entryName, sink: sink)
      }
    }
  }

  private func writeEntry(path: String, name: String, sink: ([UInt8]) throws -> Void) throws {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard fd >= 0 else { throw OCIError.io(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw OCIError.io(path: path, reason: String(cString: strerror(errno))) }
    let size = Int(info.st_size)
    try sink(TarHeader(name: name, kind: .file, mode: Int(info.st_mode & 0o7777), size: size).encoded())
    var remaining = size
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while remaining > 0 {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, min($0.count, remaining)) }
      if count < 0 {
        if errno == EINTR { continue }
        throw OCIError.io(path: path, reason: String(cString: strerror(errno)))
      }
      // A file that shrank while archived: the header promised `size` bytes.
      guard count > 0 else { throw OCIError.io(path: path, reason: "file changed while it was archived") }
      try sink(count == buffer.count ? buffer : Array(buffer[..<count]))
      remaining -= count
    }
    try sink(TarHeader.padding(after: size))
  }

  /// Directory entries in byte-wise order (Go's `os.ReadDir`), without `.` and `..`.
  static func entries(of directory: String) throws -> [String] {
    guard let handle = opendir(directory) else {
      throw OCIError.io(path: directory, reason: String(cString: strerror(errno)))
    }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  private func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  static func absolute(_ path: String) -> String {
    var full = path
    if !path.hasPrefix("/") {
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let cwd = getcwd(&buffer, buffer.count).map { String(cString: $0) } ?? "."
      full = cwd + "/" + path
    }
    var parts: [Substring] = []
    for part in full.split(separator: "/") {
      if part == "." { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }
}
