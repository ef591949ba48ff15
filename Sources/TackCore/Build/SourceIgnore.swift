import TackKustomize

/// The ignore rules `flux build` and `flux diff` apply to a path: every `.sourceignore` below it,
/// the `--ignore-paths` patterns, and (whenever a file is tested) source-controller's defaults.
public struct SourceIgnore: Sendable {
  /// `.sourceignore` and `--ignore-paths` patterns, in increasing priority.
  public var patterns: [IgnorePattern]
  /// The components of the directory the rules were loaded for (`["", "repo", "apps"]`).
  public var domain: [String]

  public static let fileName = ".sourceignore"

  /// source-controller's built-in exclusions, lowest priority.
  static let vcsDefaults = [".git/", ".gitignore", ".gitmodules", ".gitattributes"]
  static let otherDefaults = [
    "*.jpg", "*.jpeg", "*.gif", "*.png", "*.wmv", "*.flv", "*.tar.gz", "*.zip",
    ".github/", ".circleci/", ".travis.yml", ".gitlab-ci.yml", "appveyor.yml", ".drone.yml", "cloudbuild.yaml",
    "codeship-services.yml", "codeship-steps.yml",
    "**/.goreleaser.yml", "**/.sops.yaml", "**/.flux.yaml",
  ]

  public init(patterns: [IgnorePattern], domain: [String]) {
    self.patterns = patterns
    self.domain = domain
  }

  /// The rules for `directory` (absolute): `.sourceignore` files found recursively (each scoped to
  /// its own directory; `.git` is not searched), then `ignorePaths`.
  public static func load(tree: any SourceTree, directory: String, ignorePaths: [String]) throws(FluxBuildError)
    -> SourceIgnore
  {
    let domain = components(directory)
    var patterns: [IgnorePattern] = []
    try collect(tree: tree, directory: directory, domain: domain, into: &patterns)
    // flux joins the flag's values with newlines and reads them as one ignore file.
    patterns += read(ignorePaths.joined(separator: "\n"), domain: domain)
    return SourceIgnore(patterns: patterns, domain: domain)
  }

  private static func collect(tree: any SourceTree, directory: String, domain: [String], into patterns: inout [IgnorePattern])
    throws(FluxBuildError)
  {
    let file = KustomizePath.join(directory, fileName)
    if tree.kind(at: file) == .file {
      do {
        patterns += read(String(decoding: try tree.contents(at: file), as: UTF8.self), domain: domain)
      } catch {
        throw .unreadable(path: file, reason: "\(error)")
      }
    }
    let names: [String]
    do {
      names = try tree.entries(in: directory)
    } catch {
      throw .unreadable(path: directory, reason: "\(error)")
    }
    for name in names where name != ".git" {
      let child = KustomizePath.join(directory, name)
      if tree.entryKind(at: child) == .directory {
        try collect(tree: tree, directory: child, domain: domain + [name], into: &patterns)
      }
    }
  }

  /// Lines of an ignore file: blank lines and `#` comments skipped.
  public static func read(_ text: String, domain: [String]) -> [IgnorePattern] {
    var result: [IgnorePattern] = []
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = Substring(rawLine)
      if line.hasSuffix("\r") { line = line.dropLast() }
      if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
      result.append(IgnorePattern(String(line), domain: domain))
    }
    return result
  }

  /// The matcher with source-controller's defaults below the loaded patterns.
  public var matcher: IgnoreMatcher {
    let defaults = (Self.vcsDefaults + Self.otherDefaults).map { IgnorePattern($0, domain: domain) }
    return IgnoreMatcher(defaults + patterns)
  }

  public func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
    matcher.isIgnored(Self.components(path), isDirectory: isDirectory)
  }

  /// `"/a/b"` → `["", "a", "b"]`, as Go splits an absolute path.
  static func components(_ path: String) -> [String] {
    path == "/" ? ["", ""] : path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
  }
}
