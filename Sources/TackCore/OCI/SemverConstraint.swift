/// A semantic version as tags carry it (`v1.2.3`, `1.2`, `1.2.3-rc.1`), for `--filter-semver`.
public struct Semver: Sendable, Equatable, Comparable {
  public var major: Int
  public var minor: Int
  public var patch: Int
  public var prerelease: [String]

  public init?(_ text: String) {
    var rest = Substring(text)
    if rest.hasPrefix("v") || rest.hasPrefix("V") { rest = rest.dropFirst() }
    if let plus = rest.firstIndex(of: "+") { rest = rest[..<plus] }
    var pre: [String] = []
    if let dash = rest.firstIndex(of: "-") {
      pre = rest[rest.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      guard pre.allSatisfy({ !$0.isEmpty }) else { return nil }
      rest = rest[..<dash]
    }
    let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...3).contains(numbers.count) else { return nil }
    var values: [Int] = []
    for number in numbers {
      guard !number.isEmpty, number.allSatisfy(\.isASCII), let value = Int(number), value >= 0 else { return nil }
      values.append(value)
    }
    while values.count < 3 { values.append(0) }
    (major, minor, patch, prerelease) = (values[0], values[1], values[2], pre)
  }

  public static func < (lhs: Semver, rhs: Semver) -> Bool {
    if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
      return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
    // A prerelease sorts before its release.
    if lhs.prerelease.isEmpty || rhs.prerelease.isEmpty { return !lhs.prerelease.isEmpty && rhs.prerelease.isEmpty }
    for (a, b) in zip(lhs.prerelease, rhs.prerelease) where a != b {
      switch (Int(a), Int(b)) {
      case (let x?, let y?): return x < y
      case (_?, nil): return true
      case (nil, _?): return false
      default: return a < b
      }
    }
    return lhs.prerelease.count < rhs.prerelease.count
  }
}

/// The common part of Masterminds' constraint grammar that `flux list artifacts --filter-semver`
/// takes: `||` alternatives of comma- or space-separated comparisons (`>=`, `<=`, `>`, `<`, `=`,
/// `!=`), `~1.2` (patch updates), `^1.2` (minor updates), `1.2.x` / `*` wildcards. As Masterminds
/// does, prereleases match only when a comparison names a prerelease.
public struct SemverConstraint: Sendable {
  enum Operator: String { case eq = "=", ne = "!=", gt = ">", lt = "<", ge = ">=", le = "<=" }
  struct Comparison { var op: Operator; var version: Semver }

  let alternatives: [[Comparison]]

  public init?(_ text: String) {
    var alternatives: [[Comparison]] = []
    for alternative in text.components(separatedBy: "||") {
      var comparisons: [Comparison] = []
      let normalized = alternative.replacingOccurrences(of: ",", with: " ")
      var tokens = normalized.split(separator: " ").map(String.init)
      // `>= 1.2` written with a space.
      var index = 0
      while index < tokens.count {
        if ["=", "!=", ">", "<", ">=", "<=", "~", "^"].contains(tokens[index]), index + 1 < tokens.count {
          tokens[index] += tokens[index + 1]
          tokens.remove(at: index + 1)
        }
        index += 1
      }
      guard !tokens.isEmpty else { return nil }
      for token in tokens {
        guard let expanded = Self.expand(token) else { return nil }
        comparisons += expanded
      }
      alternatives.append(comparisons)
    }
    self.alternatives = alternatives
  }

  public func matches(_ version: Semver) -> Bool {
    alternatives.contains { comparisons in
      if !version.prerelease.isEmpty,
        !comparisons.contains(where: { !$0.version.prerelease.isEmpty && ($0.version.major, $0.version.minor, $0.version.patch) == (version.major, version.minor, version.patch) })
      {
        return false
      }
      return comparisons.allSatisfy { comparison in
        switch comparison.op {
        case .eq: version == comparison.version
        case .ne: version != comparison.version
        case .gt: version > comparison.version
        case .lt: version < comparison.version
        case .ge: version >= comparison.version
        case .le: version <= comparison.version
        }
      }
    }
  }

  private static func expand(_ token: String) -> [Comparison]? {
    if token == "*" || token == "x" || token == "X" { return [Comparison(op: .ge, version: Semver("0.0.0")!)] }
    for op in ["!=", ">=", "<=", ">", "<", "=", "~", "^"] where token.hasPrefix(op) {
      let rest = String(token.dropFirst(op.count))
      guard let (low, parts) = wildcard(rest) else { return nil }
      switch op {
      case "~":
        let high = parts >= 2 ? bump(low, at: 1) : bump(low, at: 0)
        return [Comparison(op: .ge, version: low), Comparison(op: .lt, version: high)]
      case "^":
        let position = low.major > 0 || parts == 1 ? 0 : (low.minor > 0 || parts == 2 ? 1 : 2)
        return [Comparison(op: .ge, version: low), Comparison(op: .lt, version: bump(low, at: position))]
      default:
        guard let op = Operator(rawValue: op) else { return nil }
        if parts < 3, op == .eq { return [Comparison(op: .ge, version: low), Comparison(op: .lt, version: bump(low, at: parts - 1))] }
        if parts < 3, op == .gt { return [Comparison(op: .ge, version: bump(low, at: parts - 1))] }
        if parts < 3, op == .le { return [Comparison(op: .lt, version: bump(low, at: parts - 1))] }
        return [Comparison(op: op, version: low)]
      }
    }
    guard let (low, parts) = wildcard(token) else { return nil }
    if parts < 3 { return [Comparison(op: .ge, version: low), Comparison(op: .lt, version: bump(low, at: parts - 1))] }
    return [Comparison(op: .eq, version: low)]
  }

  /// `1.2.x` → (1.2.0, 2 given parts); `1.2.3` → (1.2.3, 3).
  private static func wildcard(_ text: String) -> (Semver, Int)? {
    var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    if let first = parts.first, first.hasPrefix("v") { parts[0] = String(first.dropFirst()) }
    let given = parts.prefix { !["x", "X", "*"].contains($0) && !$0.isEmpty }
    guard !given.isEmpty, let version = Semver(given.joined(separator: ".")) else { return nil }
    return (version, given.count == parts.count ? (version.prerelease.isEmpty ? min(3, parts.count) : 3) : given.count)
  }

  private static func bump(_ version: Semver, at position: Int) -> Semver {
    var next = version
    next.prerelease = []
    switch position {
    case 0: (next.major, next.minor, next.patch) = (version.major + 1, 0, 0)
    case 1: (next.minor, next.patch) = (version.minor + 1, 0)
    default: next.patch = version.patch + 1
    }
    return next
  }
}
