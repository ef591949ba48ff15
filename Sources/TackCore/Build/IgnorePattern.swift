/// One gitignore-syntax pattern as Flux's `sourceignore` reads it (a fork of go-git's matcher),
/// scoped to the directory it was found in (its domain).
///
/// Paths are absolute and given as components (`["", "repo", "apps", "a.yaml"]`). The matcher
/// looks at a file's own path only, never at its parents' verdicts, so `!file` can re-include a
/// file inside an excluded directory: Flux behaves so and tack keeps it.
public struct IgnorePattern: Sendable, Equatable {
  public enum Verdict: Sendable, Equatable {
    case noMatch
    case exclude
    case include
  }

  let domain: [String]
  let segments: [String]
  let inclusion: Bool
  let directoryOnly: Bool
  /// A pattern with a `/` matches from the domain down; one without matches any path component.
  let anchored: Bool

  /// `text` is one pattern line (no comment or blank handling here); `domain` the components of
  /// the directory it applies under.
  public init(_ text: String, domain: [String]) {
    self.domain = domain
    var pattern = Substring(text)
    var inclusion = false
    if pattern.hasPrefix("!") {
      inclusion = true
      pattern = pattern.dropFirst()
    }
    if !pattern.hasSuffix("\\ ") {
      while pattern.hasSuffix(" ") { pattern = pattern.dropLast() }
    }
    var directoryOnly = false
    if pattern.hasSuffix("/") {
      directoryOnly = true
      pattern = pattern.dropLast()
    }
    self.inclusion = inclusion
    self.directoryOnly = directoryOnly
    anchored = pattern.contains("/")
    segments = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
  }

  public func verdict(_ path: [String], isDirectory: Bool) -> Verdict {
    guard path.count > domain.count, Array(path[..<domain.count]) == domain else { return .noMatch }
    let relative = Array(path[domain.count...])
    let matched = anchored ? globMatch(relative, isDirectory: isDirectory) : nameMatch(relative, isDirectory: isDirectory)
    guard matched else { return .noMatch }
    return inclusion ? .include : .exclude
  }

  /// Any component matching the single segment; a directory-only pattern skips the file itself.
  private func nameMatch(_ path: [String], isDirectory: Bool) -> Bool {
    guard let glob = GoGlob(segments[0], crossesSlash: false) else { return false }
    for (index, name) in path.enumerated() where glob.matches(name) {
      if directoryOnly && !isDirectory && index == path.count - 1 { return false }
      return true
    }
    return false
  }

  /// Segment by segment from the domain; `**` skips any number of components. A match of every
  /// segment also covers whatever lies below (`dir/sub` matches `dir/sub/file`).
  private func globMatch(_ fullPath: [String], isDirectory: Bool) -> Bool {
    var path = fullPath[...]
    var matched = false
    var canTraverse = false
    for (index, segment) in segments.enumerated() {
      if segment.isEmpty {
        canTraverse = false
        continue
      }
      if segment == "**" {
        if index == segments.count - 1 { break }
        canTraverse = true
        continue
      }
      if segment.contains("**") { return false }
      if path.isEmpty { return false }
      guard let glob = GoGlob(segment, crossesSlash: false) else { return false }
      if canTraverse {
        canTraverse = false
        while let first = path.first {
          path = path.dropFirst()
          if glob.matches(first) {
            matched = true
            break
          }
          if path.isEmpty { matched = false }
        }
      } else {
        guard glob.matches(path.first!) else { return false }
        matched = true
        path = path.dropFirst()
      }
    }
    if matched && directoryOnly && !isDirectory && path.isEmpty { return false }
    return matched
  }
}

/// Patterns in increasing priority; the last pattern that matches decides.
public struct IgnoreMatcher: Sendable {
  public var patterns: [IgnorePattern]

  public init(_ patterns: [IgnorePattern]) { self.patterns = patterns }

  public func isIgnored(_ path: [String], isDirectory: Bool) -> Bool {
    for pattern in patterns.reversed() {
      switch pattern.verdict(path, isDirectory: isDirectory) {
      case .noMatch: continue
      case .exclude: return true
      case .include: return false
      }
    }
    return false
  }
}
