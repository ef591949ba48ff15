#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Crypto
import TackBase

/// Unpacks a gzipped artifact tarball, streamed in chunks, into a fresh staging directory inside
/// the output directory; `commit()` then moves what it holds into place (files renamed over
/// existing ones), so an interrupted or refused pull leaves the output directory as it was.
/// Entries are created with `O_NOFOLLOW | O_EXCL` under directories this extraction made itself, so
/// nothing can be written through a link.
final class ArtifactExtraction {
  let output: String
  let staging: String
  private var reader = TarStreamReader()
  private var decoder: GzipDecoder!
  private var file: Int32 = -1
  private var filePath = ""
  private var directories: [(path: String, mode: Int)] = []
  private var committed = false

  init(output: String) throws {
    self.output = output
    var template = Array((output + "/.tack-pull-XXXXXX").utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw OCIError.io(path: output, reason: String(cString: strerror(errno)))
    }
    staging = String(cString: made)
    decoder = try GzipDecoder { [unowned self] chunk in
      try self.reader.feed(chunk) { event in try self.apply(event) }
    }
  }

  deinit {
    if file >= 0 { close(file) }
    if !committed { Self.removeTree(staging) }
  }

  func write(_ compressed: [UInt8]) throws { try decoder.write(compressed) }

  /// Checks the stream was complete and moves the content into the output directory.
  func commit() throws {
    do {
      try decoder.finish()
    } catch {
      throw OCIError.unsafeArchive(reason: "the layer is not a complete gzip stream")
    }
    guard reader.isFinished || file < 0 else { throw OCIError.unsafeArchive(reason: "the tar stream ends inside an entry") }
    // Directory modes last, so a read-only directory does not stop its own extraction.
    for directory in directories.reversed() { chmod(directory.path, mode_t(directory.mode & 0o7777) | 0o700) }
    try Self.merge(from: staging, into: output)
    committed = true
    Self.removeTree(staging)
  }

  private func apply(_ event: TarStreamReader.Event) throws {
    switch event {
    case .directory(let name, let mode):
      let path = staging + "/" + name
      try makeParents(of: name)
      if mkdir(path, 0o700) != 0 && errno != EEXIST { throw OCIError.io(path: name, reason: String(cString: strerror(errno))) }
      directories.append((path, mode))
    case .fileStart(let name, let mode, _):
      try makeParents(of: name)
      filePath = staging + "/" + name
      unlink(filePath)
      file = open(filePath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode & 0o777))
      guard file >= 0 else { throw OCIError.io(path: name, reason: String(cString: strerror(errno))) }
    case .fileData(let bytes):
      var written = 0
      while written < bytes.count {
        let count = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress! + written, bytes.count - written) }
        if count < 0 {
          if errno == EINTR { continue }
          throw OCIError.io(path: filePath, reason: String(cString: strerror(errno)))
        }
        written += count
      }
    case .fileEnd:
      close(file)
      file = -1
    }
  }

  private func makeParents(of name: String) throws {
    var path = staging
    let parts = name.split(separator: "/").dropLast()
    for part in parts {
      path += "/" + part
      var info = stat()
      if lstat(path, &info) == 0 {
        guard info.st_mode & S_IFMT == S_IFDIR else {
          throw OCIError.unsafeArchive(reason: "entry \"\(TerminalSafe.line(name))\" goes through a file")
        }
        continue
      }
      guard mkdir(path, 0o755) == 0 else { throw OCIError.io(path: path, reason: String(cString: strerror(errno))) }
    }
  }

  /// Moves every entry of `source` into `destination`: directories merge, files replace.
  static func merge(from source: String, into destination: String) throws {
    for name in try ArtifactTarball.entries(of: source) {
      let from = source + "/" + name
      let to = destination + "/" + name
      var fromInfo = stat()
      var toInfo = stat()
      lstat(from, &fromInfo)
      let exists = lstat(to, &toInfo) == 0
      if fromInfo.st_mode & S_IFMT == S_IFDIR, exists, toInfo.st_mode & S_IFMT == S_IFDIR {
        try merge(from: from, into: to)
        chmod(to, fromInfo.st_mode & 0o7777)
        continue
      }
      if exists, toInfo.st_mode & S_IFMT == S_IFDIR { removeTree(to) }
      guard rename(from, to) == 0 else { throw OCIError.io(path: to, reason: String(cString: strerror(errno))) }
    }
  }

  static func removeTree(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if info.st_mode & S_IFMT == S_IFDIR {
      chmod(path, 0o700)
      for name in (try? ArtifactTarball.entries(of: path)) ?? [] { removeTree(path + "/" + name) }
      rmdir(path)
    } else {
      unlink(path)
    }
  }
}

/// What a tar holds, for comparing contents: each entry's kind, mode and sha256.
struct TarContents {
  struct Entry: Equatable {
    var isDirectory: Bool
    var mode: Int
    var digest: String
  }

  private(set) var entries: [String: Entry] = [:]
  private var reader = TarStreamReader()
  private var current: (name: String, mode: Int, hash: SHA256)?

  mutating func feed(_ tar: [UInt8]) throws {
    var events: [TarStreamReader.Event] = []
    try reader.feed(tar) { events.append($0) }
    for event in events {
      switch event {
      case .directory(let name, let mode): entries[name] = Entry(isDirectory: true, mode: mode, digest: "")
      case .fileStart(let name, let mode, _): current = (name, mode, SHA256())
      case .fileData(let bytes): current?.hash.update(data: bytes)
      case .fileEnd:
        if let current {
          entries[current.name] = Entry(isDirectory: false, mode: current.mode, digest: Digest.string(current.hash.finalize()))
        }
        current = nil
      }
    }
  }

  /// Paths that differ, prefixed `+` (only here), `-` (only in `other`) or `~` (content or mode).
  func changes(comparedTo other: TarContents) -> [String] {
    var result: [String] = []
    for name in Set(entries.keys).union(other.entries.keys).sorted() {
      switch (entries[name], other.entries[name]) {
      case (let mine?, let theirs?) where mine != theirs: result.append("~ " + name)
      case (_?, nil): result.append("+ " + name)
      case (nil, _?): result.append("- " + name)
      default: break
      }
    }
    return result
  }
}
