#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// File-scope wrappers: inside `ConfinedDirectory` the names `read` and `write` are its own methods.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
  read(fd, buffer.baseAddress, buffer.count)
}

private func writeBytes(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int {
  write(fd, buffer.baseAddress, buffer.count)
}

/// File operations below a root directory that never leave it: each path component is opened
/// relative to its parent with `O_NOFOLLOW`, so a symbolic link committed to a repository (a file
/// `gotk-sync.yaml -> /home/me/.bashrc`, or a directory `clusters/x -> /etc`) is refused instead of
/// being written through. Paths are checked relative paths (see `GitWorkTree.absolute`).
///
/// Descriptors stay inside this type: every operation opens what it needs and closes it before
/// returning.
struct ConfinedDirectory {
  let root: String

  /// What was found at the last component of a path.
  enum Entry: Equatable {
    case missing
    case file
    case directory
    case symbolicLink
    case other
  }

  /// Why a path cannot be used.
  struct Refusal: Error {
    let message: String
  }

  // MARK: operations

  /// The file's bytes, or nil when it (or a parent directory) does not exist.
  func read(_ components: [String], display: String) throws(Refusal) -> [UInt8]? {
    guard let parent = try openParent(components, create: false, verb: "read", display: display) else { return nil }
    defer { close(parent) }
    let name = components[components.count - 1]
    let fd = openat(parent, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else {
      let code = errno
      if code == ENOENT { return nil }
      if code == ELOOP { throw refusal("read", display, link: display) }
      throw Refusal(message: "cannot read \(display): \(Self.describe(code))")
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      throw Refusal(message: "cannot read \(display): it is not a regular file")
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 << 10)
    while true {
      let count = chunk.withUnsafeMutableBytes { readBytes(fd, $0) }
      if count < 0 {
        if errno == EINTR { continue }
        throw Refusal(message: "cannot read \(display): \(Self.describe(errno))")
      }
      if count == 0 { return bytes }
      bytes += chunk[0..<count]
    }
  }

  /// Writes the file through a temporary file renamed over it, creating missing parent
  /// directories. Refuses when any existing component is a symbolic link.
  func write(_ components: [String], _ contents: [UInt8], display: String) throws(Refusal) {
    guard let parent = try openParent(components, create: true, verb: "write", display: display) else {
      throw Refusal(message: "cannot write \(display): its directory does not exist")
    }
    defer { close(parent) }
    let name = components[components.count - 1]
    switch Self.entry(name, in: parent) {
    case .symbolicLink: throw refusal("write", display, link: display)
    case .directory, .other: throw Refusal(message: "cannot write \(display): it is not a regular file")
    case .missing, .file: break
    }
    let temporary = ".\(name).tack-\(UInt32.random(in: 0...UInt32.max)).tmp"
    let fd = openat(parent, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw Refusal(message: "cannot write \(display): \(Self.describe(errno))") }
    var written = 0
    var failure: Int32?
    while written < contents.count {
      let count = contents.withUnsafeBytes { writeBytes(fd, UnsafeRawBufferPointer(rebasing: $0[written...])) }
      if count < 0 {
        if errno == EINTR { continue }
        failure = errno
        break
      }
      written += count
    }
    if close(fd) != 0, failure == nil { failure = errno }
    if failure == nil, renameat(parent, temporary, parent, name) != 0 { failure = errno }
    if let failure {
      unlinkat(parent, temporary, 0)
      throw Refusal(message: "cannot write \(display): \(Self.describe(failure))")
    }
  }

  /// Removes a file, link or directory tree; nothing happens when it does not exist. A link is
  /// removed itself, never what it points to.
  func remove(_ components: [String], display: String) throws(Refusal) {
    guard let parent = try openParent(components, create: false, verb: "remove", display: display) else { return }
    defer { close(parent) }
    try removeEntry(components[components.count - 1], in: parent, display: display)
  }

  /// What is at the path, without following a link at its end; `verb` words a refusal.
  func entry(_ components: [String], verb: String = "read", display: String) throws(Refusal) -> Entry {
    guard let parent = try openParent(components, create: false, verb: verb, display: display) else {
      return .missing
    }
    defer { close(parent) }
    return Self.entry(components[components.count - 1], in: parent)
  }

  /// Names in the directory (unsorted), or [] when it does not exist.
  func list(_ components: [String], display: String) throws(Refusal) -> [String] {
    let fd: Int32
    if components.isEmpty {
      fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    } else {
      guard let parent = try openParent(components, create: false, verb: "read", display: display) else { return [] }
      defer { close(parent) }
      let name = components[components.count - 1]
      if Self.entry(name, in: parent) == .symbolicLink { throw refusal("read", display, link: display) }
      fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    }
    guard fd >= 0 else { return [] }
    defer { close(fd) }
    return Self.names(in: fd)
  }

  /// The entries of an open directory; the descriptor stays open (readdir works on a duplicate).
  private static func names(in directory: Int32) -> [String] {
    let duplicate = dup(directory)
    guard duplicate >= 0 else { return [] }
    guard let stream = fdopendir(duplicate) else {
      close(duplicate)
      return []
    }
    defer { closedir(stream) }
    rewinddir(stream)
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  // MARK: walking

  /// The directory holding the path's last component, opened without following links. nil when a
  /// directory on the way is missing (and `create` is false).
  private func openParent(_ components: [String], create: Bool, verb: String, display: String) throws(Refusal)
    -> Int32?
  {
    precondition(!components.isEmpty)
    var current = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard current >= 0 else { throw Refusal(message: "cannot open the work tree \(root): \(Self.describe(errno))") }
    for (position, name) in components.dropLast().enumerated() {
      let walked = components[0...position].joined(separator: "/")
      var next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      if next < 0, errno == ENOENT, create {
        if mkdirat(current, name, 0o777) != 0, errno != EEXIST {
          let code = errno
          close(current)
          throw Refusal(message: "cannot write \(display): creating \(walked): \(Self.describe(code))")
        }
        next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      }
      if next < 0 {
        let code = errno
        let found = Self.entry(name, in: current)
        close(current)
        if code == ENOENT { return nil }
        if found == .symbolicLink || code == ELOOP { throw refusal(verb, display, link: walked) }
        if code == ENOTDIR { throw Refusal(message: "cannot use \(display): \(walked) is not a directory") }
        throw Refusal(message: "cannot use \(display): opening \(walked): \(Self.describe(code))")
      }
      close(current)
      current = next
    }
    return current
  }

  private func removeEntry(_ name: String, in directory: Int32, display: String) throws(Refusal) {
    switch Self.entry(name, in: directory) {
    case .missing:
      return
    case .directory:
      let fd = openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard fd >= 0 else { throw Refusal(message: "cannot remove \(display): \(Self.describe(errno))") }
      defer { close(fd) }
      for child in Self.names(in: fd) { try removeEntry(child, in: fd, display: display + "/" + child) }
      if unlinkat(directory, name, AT_REMOVEDIR) != 0 {
        throw Refusal(message: "cannot remove \(display): \(Self.describe(errno))")
      }
    case .file, .symbolicLink, .other:
      if unlinkat(directory, name, 0) != 0 {
        throw Refusal(message: "cannot remove \(display): \(Self.describe(errno))")
      }
    }
  }

  private static func entry(_ name: String, in directory: Int32) -> Entry {
    var info = stat()
    guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    case S_IFLNK: return .symbolicLink
    default: return .other
    }
  }

  private func refusal(_ verb: String, _ display: String, link: String) -> Refusal {
    let what = link == display ? "it is a symbolic link" : "\(link) is a symbolic link"
    return Refusal(
      message: "refusing to \(verb) \(display) in the repository: \(what), and tack never follows links out of a clone")
  }

  private static func describe(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
