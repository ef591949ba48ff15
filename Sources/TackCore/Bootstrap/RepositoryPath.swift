import TackBase

/// `--path`: a directory inside the repository, relative to its root. flux cleans it with a secure
/// join; tack refuses what would leave the repository instead of silently clamping it.
public struct RepositoryPath: Sendable, Equatable, CustomStringConvertible {
  /// Clean components (`clusters/my-cluster` → ["clusters", "my-cluster"]); empty for the root.
  public let components: [String]

  public init(_ text: String) throws(BootstrapError) {
    let trimmed = text.trimming(" \t")
    if trimmed.hasPrefix("/") {
      throw .usage("--path \"\(text)\" must be relative to the repository root (e.g. clusters/my-cluster)")
    }
    var parts: [String] = []
    for part in trimmed.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        guard !parts.isEmpty else {
          throw .usage("--path \"\(text)\" leaves the repository root; use a path inside it (e.g. clusters/my-cluster)")
        }
        parts.removeLast()
      default:
        if part.contains(where: { $0 == "\\" || $0.asciiValue.map { $0 < 0x20 } == true }) {
          throw .usage("--path \"\(text)\" contains characters Git paths cannot hold")
        }
        parts.append(String(part))
      }
    }
    if parts.first == ".git" {
      throw .usage("--path \"\(text)\" points into the .git directory")
    }
    components = parts
  }

  /// `clusters/my-cluster` (empty for the root).
  public var relative: String { components.joined(separator: "/") }
  /// `./clusters/my-cluster`, the form flux writes into the Kustomization's `spec.path` (`./` for the root).
  public var dotted: String { "./" + relative }
  public var description: String { dotted }

  /// A path below this one: `appending("flux-system", "gotk-sync.yaml")`.
  public func appending(_ more: String...) -> String {
    (components + more).joined(separator: "/")
  }
}
