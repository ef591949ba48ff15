/// Shell patterns as Go matches them: `*`, `?`, `[...]` classes (`^` negates, `a-z` ranges, `\`
/// escapes) and `\c`. Two dialects are in use around Flux:
///
/// - `filepath.Match` (ignore patterns): `*` and `?` never match `/`, and a malformed pattern
///   matches nothing.
/// - envsubst's fork of `path.Match` (`${v#pattern}`): `*` and `?` match `/` too.
///
/// Matching is on Unicode scalars, as Go decodes runes; the whole name must match.
struct GoGlob: Sendable {
  private enum Token: Equatable {
    case literal(Unicode.Scalar)
    case any
    case star
    case set(negated: Bool, ranges: [ClosedRange<UInt32>])
  }

  private let tokens: [Token]
  private let crossesSlash: Bool

  /// Nil for a malformed pattern (an unclosed or empty class, a trailing `\`).
  init?(_ pattern: String, crossesSlash: Bool) {
    self.crossesSlash = crossesSlash
    var tokens: [Token] = []
    let scalars = Array(pattern.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      switch scalar {
      case "*":
        if tokens.last != .star { tokens.append(.star) }
        index += 1
      case "?":
        tokens.append(.any)
        index += 1
      case "\\":
        guard index + 1 < scalars.count else { return nil }
        tokens.append(.literal(scalars[index + 1]))
        index += 2
      case "[":
        guard let (set, next) = Self.parseClass(scalars, from: index + 1) else { return nil }
        tokens.append(set)
        index = next
      default:
        tokens.append(.literal(scalar))
        index += 1
      }
    }
    self.tokens = tokens
  }

  /// `[` already consumed; returns the class and the index after `]`.
  private static func parseClass(_ s: [Unicode.Scalar], from start: Int) -> (Token, Int)? {
    var index = start
    var negated = false
    if index < s.count, s[index] == "^" {
      negated = true
      index += 1
    }
    var ranges: [ClosedRange<UInt32>] = []
    var count = 0
    func escaped(_ i: inout Int) -> Unicode.Scalar? {
      guard i < s.count, s[i] != "-", s[i] != "]" else { return nil }
      if s[i] == "\\" {
        i += 1
        guard i < s.count else { return nil }
      }
      let value = s[i]
      i += 1
      return value
    }
    while true {
      if index < s.count, s[index] == "]", count > 0 { return (.set(negated: negated, ranges: ranges), index + 1) }
      guard let low = escaped(&index) else { return nil }
      var high = low
      guard index < s.count else { return nil }
      if s[index] == "-" {
        index += 1
        guard let upper = escaped(&index) else { return nil }
        high = upper
      }
      count += 1
      // Go accepts an inverted range (`[z-a]`); it matches nothing.
      if low.value <= high.value { ranges.append(low.value...high.value) }
    }
  }

  func matches(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars)
    return match(tokenIndex: 0, scalars, 0)
  }

  private func match(tokenIndex start: Int, _ s: [Unicode.Scalar], _ position: Int) -> Bool {
    var t = start
    var p = position
    while t < tokens.count {
      switch tokens[t] {
      case .star:
        if t == tokens.count - 1 {
          return crossesSlash || !s[p...].contains("/")
        }
        var q = p
        while true {
          if match(tokenIndex: t + 1, s, q) { return true }
          guard q < s.count, crossesSlash || s[q] != "/" else { return false }
          q += 1
        }
      case .any:
        guard p < s.count, crossesSlash || s[p] != "/" else { return false }
        p += 1
      case .literal(let scalar):
        guard p < s.count, s[p] == scalar else { return false }
        p += 1
      case .set(let negated, let ranges):
        guard p < s.count else { return false }
        let inSet = ranges.contains { $0.contains(s[p].value) }
        guard inSet != negated else { return false }
        p += 1
      }
      t += 1
    }
    return p == s.count
  }
}
