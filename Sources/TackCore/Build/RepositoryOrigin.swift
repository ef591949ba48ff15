#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Which repository a local checkout is a clone of, and whether a GitRepository's `spec.url` names
/// the same one: the host and path of both, compared without scheme, user, port, a trailing `.git`
/// or slash, and with the host's case folded, so `git@github.com:acme/fleet.git` and
/// `https://github.com/acme/fleet` match.
///
/// ```swift
/// let origin = try RepositoryOrigin.of(checkout: "/src/fleet")   // reads .git/config's remote "origin"
/// origin.matches("ssh://git@github.com/acme/fleet")               // true
/// ```
public struct RepositoryOrigin: Sendable, Equatable, CustomStringConvertible {
  /// The URL as the checkout's config writes it.
  public var url: String
  /// `host/path`, normalised.
  public var identity: String

  public init?(url: String) {
    guard let identity = Self.identity(of: url) else { return nil }
    self.url = url
    self.identity = identity
  }

  public var description: String { RepositoryURL.redacted(url) }

  public func matches(_ url: String) -> Bool { Self.identity(of: url) == identity }

  /// `host/path` of a Git URL (`https://`, `ssh://`, `git@host:path`); nil for anything else.
  static func identity(of url: String) -> String? {
    guard let parsed = try? RepositoryURL.parse(url.trimmingCharacters(in: .whitespaces)) else { return nil }
    guard parsed.scheme == "file" || !parsed.host.isEmpty else { return nil }
    var path = Substring(parsed.path)
    while path.hasPrefix("/") { path = path.dropFirst() }
    while path.hasSuffix("/") { path = path.dropLast() }
    if path.hasSuffix(".git") { path = path.dropLast(4) }
    if parsed.scheme == "file" { return "file:///" + path }
    return parsed.host.lowercased() + "/" + path
  }

  /// The `origin` remote of the checkout at or above `directory`: `.git` may be a directory or, in a
  /// worktree or submodule, a file pointing at one.
  public static func of(checkout directory: String) throws(RepositoryDiffError) -> RepositoryOrigin {
    guard let config = configFile(above: directory) else { throw .notACheckout(directory) }
    guard let text = try? String(contentsOfFile: config, encoding: .utf8), let url = originURL(inConfig: text) else {
      throw .noOrigin(directory)
    }
    guard let origin = RepositoryOrigin(url: url) else { throw .noOrigin(directory) }
    return origin
  }

  private static func configFile(above directory: String) -> String? {
    var current = URL(fileURLWithPath: directory).standardizedFileURL.path
    while true {
      let dotGit = current + "/.git"
      if LocalPath.isDirectory(dotGit) { return dotGit + "/config" }
      if LocalPath.isFile(dotGit) {
        guard let pointer = try? String(contentsOfFile: dotGit, encoding: .utf8),
          let line = pointer.split(separator: "\n").first(where: { $0.hasPrefix("gitdir:") })
        else { return nil }
        var gitDirectory = line.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
        if !gitDirectory.hasPrefix("/") { gitDirectory = current + "/" + gitDirectory }
        // A linked worktree keeps its config in the common directory.
        if let common = try? String(contentsOfFile: gitDirectory + "/commondir", encoding: .utf8) {
          let relative = common.trimmingCharacters(in: .whitespacesAndNewlines)
          return (relative.hasPrefix("/") ? relative : gitDirectory + "/" + relative) + "/config"
        }
        return gitDirectory + "/config"
      }
      guard current != "/", !current.isEmpty else { return nil }
      let parent = current[..<(current.lastIndex(of: "/") ?? current.startIndex)]
      current = parent.isEmpty ? "/" : String(parent)
    }
  }

  /// `url` of `[remote "origin"]` in git-config syntax (the subset a clone writes).
  static func originURL(inConfig text: String) -> String? {
    var inOrigin = false
    for raw in text.split(whereSeparator: \.isNewline) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("[") {
        let header = line.filter { !$0.isWhitespace }
        inOrigin = header == "[remote\"origin\"]"
        continue
      }
      guard inOrigin, let equals = line.firstIndex(of: "=") else { continue }
      let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      guard key == "url" else { continue }
      var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
      return value
    }
    return nil
  }
}
