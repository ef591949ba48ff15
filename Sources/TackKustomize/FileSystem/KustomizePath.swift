/// `/`-separated absolute paths without `.` or `..` segments: the only form the engine passes to a
/// ``KustomizeFileSystem``.
public enum KustomizePath {
  /// Removes `.`, empty and `..` segments (`..` at the root stays at the root).
  public static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
      if segment == "." { continue }
      if segment == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(segment)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// `relative` resolved against the directory `base` (an absolute `relative` replaces it).
  public static func join(_ base: String, _ relative: String) -> String {
    if relative.hasPrefix("/") { return normalize(relative) }
    return normalize(base + "/" + relative)
  }

  public static func parent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/"), path != "/" else { return "/" }
    let parent = String(path[..<slash])
    return parent.isEmpty ? "/" : parent
  }

  public static func lastComponent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// Whether `path` is `directory` or inside it.
  public static func isWithin(_ path: String, _ directory: String) -> Bool {
    if directory == "/" || path == directory { return true }
    return path.hasPrefix(directory + "/")
  }

  /// `path` relative to `base` (`..` where needed; `.` for the same directory).
  public static func relative(_ path: String, to base: String) -> String {
    let a = path.split(separator: "/")
    let b = base.split(separator: "/")
    var common = 0
    while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
    let ups = Array(repeating: "..", count: b.count - common)
    let rest = a[common...].map(String.init)
    let joined = (ups + rest).joined(separator: "/")
    return joined.isEmpty ? "." : joined
  }
}
