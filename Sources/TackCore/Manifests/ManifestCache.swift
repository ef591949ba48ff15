#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Keeps the manifests cache private to the user. What tack applies to a cluster is read from it,
/// so a directory others can write to would let them swap the bundle (and its stored checksum).
enum ManifestCache {
  /// Makes `directory` and every directory from `root` down to it exist as real directories owned
  /// by this user with mode 0700. A pre-existing one open to others is tightened to 0700; one owned
  /// by someone else, or a symbolic link, is refused. Directories above `root` are the user's
  /// (`~/.cache` may well be a link) and are only created when missing.
  static func ensurePrivate(_ directory: String, below root: String) throws(ManifestError) {
    guard directory == root || directory.hasPrefix(root + "/") else {
      throw ManifestError(.invalidBundle, "the manifests cache \(directory) is not inside \(root)")
    }
    let above = root.lastIndex(of: "/").map { String(root[..<$0]) } ?? ""
    if !above.isEmpty, !FileManager.default.fileExists(atPath: above) {
      do {
        try FileManager.default.createDirectory(atPath: above, withIntermediateDirectories: true)
      } catch {
        throw ManifestError(.download, "cannot create the cache directory \(above): \(error)")
      }
    }
    var path = root
    try ensurePrivateDirectory(path)
    for part in directory.dropFirst(root.count).split(separator: "/") {
      path += "/" + part
      try ensurePrivateDirectory(path)
    }
  }

  private static func ensurePrivateDirectory(_ path: String) throws(ManifestError) {
    var info = stat()
    if lstat(path, &info) != 0 {
      guard errno == ENOENT else { throw failure(path, "cannot inspect it", errno) }
      if mkdir(path, 0o700) != 0, errno != EEXIST { throw failure(path, "cannot create it", errno) }
      guard lstat(path, &info) == 0 else { throw failure(path, "cannot inspect it", errno) }
    }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      throw ManifestError(
        .invalidBundle, "the manifests cache \(path) is not a directory (a symbolic link or a file); remove it")
    }
    guard info.st_uid == geteuid() else {
      throw ManifestError(
        .invalidBundle, "the manifests cache \(path) belongs to another user; remove it or set XDG_CACHE_HOME")
    }
    // chmod also clears a fresh directory's bits the umask did not (and an old one's group/other).
    if info.st_mode & 0o777 != 0o700, chmod(path, 0o700) != 0 {
      throw failure(path, "cannot make it private (chmod 0700)", errno)
    }
  }

  private static func failure(_ path: String, _ what: String, _ code: Int32) -> ManifestError {
    ManifestError(.download, "the manifests cache \(path): \(what): \(String(cString: strerror(code)))")
  }
}
