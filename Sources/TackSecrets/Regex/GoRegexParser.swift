/// The syntax tree of a Go (RE2) regular expression, as far as `.sops.yaml` and SOPS metadata use
/// them: literals, `.`, classes, anchors, word boundaries, groups, alternation and the repetition
/// operators. Captures are parsed but not recorded: tack only asks whether a pattern matches.
indirect enum GoRegexNode: Equatable {
  case empty
  case scalar(ClosedRange<UInt32>, caseFolded: Bool)
  /// A set of scalar ranges, already negated and case-folded as the flags asked.
  case set([ClosedRange<UInt32>])
  /// `.`: any scalar, newline only with the `s` flag.
  case any(dotAll: Bool)
  case assertion(GoRegexAssertion)
  case concatenation([GoRegexNode])
  case alternation([GoRegexNode])
  /// `min` to `max` (nil: unbounded) copies of the node.
  case repetition(GoRegexNode, min: Int, max: Int?)
}

enum GoRegexAssertion: Equatable {
  case textStart, textEnd, lineStart, lineEnd, wordBoundary, notWordBoundary
}

/// A pattern Go's `regexp.Compile` would refuse (or one too big to run in bounded memory). The
/// message quotes the pattern: patterns come from `.sops.yaml` and SOPS metadata, never from values.
public struct GoRegexError: Error, Equatable, CustomStringConvertible {
  public var reason: String
  public var pattern: String
  public var description: String { "invalid regular expression \"\(pattern)\": \(reason)" }
}

/// A recursive-descent parser for Go's regexp syntax (package regexp/syntax, Perl flags).
struct GoRegexParser {
  /// Go refuses `{n,m}` with n or m above 1000.
  static let maxRepeat = 1000
  /// Go refuses deeper nesting than this.
  static let maxDepth = 1000

  private let pattern: String
  private let scalars: [Unicode.Scalar]
  private var index = 0
  private var depth = 0

  struct Flags {
    var caseInsensitive = false
    var multiLine = false
    var dotAll = false
  }

  init(_ pattern: String) {
    self.pattern = pattern
    scalars = Array(pattern.unicodeScalars)
  }

  static func parse(_ pattern: String) throws(GoRegexError) -> GoRegexNode {
    var parser = GoRegexParser(pattern)
    var flags = Flags()
    let node = try parser.alternation(&flags)
    if parser.index < parser.scalars.count {
      throw parser.failure("unexpected )")
    }
    return node
  }

  private func failure(_ reason: String) -> GoRegexError { GoRegexError(reason: reason, pattern: pattern) }

  private var atEnd: Bool { index >= scalars.count }
  private var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

  private mutating func alternation(_ flags: inout Flags) throws(GoRegexError) -> GoRegexNode {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maxDepth else { throw failure("expression nests too deeply") }
    var branches = [try concatenation(&flags)]
    while current == "|" {
      index += 1
      branches.append(try concatenation(&flags))
    }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  private mutating func concatenation(_ flags: inout Flags) throws(GoRegexError) -> GoRegexNode {
    var items: [GoRegexNode] = []
    while let c = current, c != "|", c != ")" {
      if c == "(", let changed = try flagGroup(&flags) {
        if let changed { items.append(changed) }
        continue
      }
      let atom = try self.atom(flags)
      items.append(try repetitions(of: atom))
    }
    switch items.count {
    case 0: return .empty
    case 1: return items[0]
    default: return .concatenation(items)
    }
  }

  /// `(?flags)` changes the flags for the rest of the group and yields `.some(nil)`; `(?flags:re)`
  /// yields the group. Anything else starting with `(` is not handled here (nil).
  private mutating func flagGroup(_ flags: inout Flags) throws(GoRegexError) -> GoRegexNode?? {
    guard index + 1 < scalars.count, scalars[index + 1] == "?" else { return nil }
    let start = index
    index += 2
    if current == "P" || current == "<" {
      index = start
      return nil
    }
    var changed = flags
    var negated = false
    var sawFlag = false
    while let c = current {
      index += 1
      switch c {
      case "i": changed.caseInsensitive = !negated; sawFlag = true
      case "m": changed.multiLine = !negated; sawFlag = true
      case "s": changed.dotAll = !negated; sawFlag = true
      case "U": sawFlag = true  // non-greedy by default: irrelevant to whether a pattern matches
      case "-":
        guard !negated else { throw failure("invalid or unsupported Perl syntax") }
        negated = true
        sawFlag = false
      case ")":
        guard !(negated && !sawFlag) else { throw failure("invalid or unsupported Perl syntax") }
        flags = changed
        return .some(nil)
      case ":":
        guard !(negated && !sawFlag) else { throw failure("invalid or unsupported Perl syntax") }
        var inner = changed
        let body = try alternation(&inner)
        guard current == ")" else { throw failure("missing closing )") }
        index += 1
        return .some(try repetitions(of: body))
      default:
        throw failure("invalid or unsupported Perl syntax")
      }
    }
    throw failure("missing closing )")
  }

  private mutating func atom(_ flags: Flags) throws(GoRegexError) -> GoRegexNode {
    guard let c = current else { throw failure("unexpected end") }
    index += 1
    switch c {
    case "(":
      if current == "?" {
        // Named captures: (?P<name>re) and (?<name>re).
        index += 1
        if current == "P" { index += 1 }
        guard current == "<" else { throw failure("invalid or unsupported Perl syntax") }
        index += 1
        var name = ""
        while let n = current, n != ">" {
          guard n == "_" || n.properties.isAlphabetic || n.properties.numericType != nil else {
            throw failure("invalid named capture")
          }
          name.unicodeScalars.append(n)
          index += 1
        }
        guard current == ">", !name.isEmpty else { throw failure("invalid named capture") }
        index += 1
      }
      var inner = flags
      let body = try alternation(&inner)
      guard current == ")" else { throw failure("missing closing )") }
      index += 1
      return body
    case "[": return try characterClass(flags)
    case ".": return .any(dotAll: flags.dotAll)
    case "^": return .assertion(flags.multiLine ? .lineStart : .textStart)
    case "$": return .assertion(flags.multiLine ? .lineEnd : .textEnd)
    case "*", "+", "?": throw failure("missing argument to repetition operator: \(c)")
    case "{":
      // `{` not starting a valid repeat is a literal in Go.
      index -= 1
      if repeatBounds() != nil { throw failure("missing argument to repetition operator") }
      index += 1
      return literal(c.value, flags)
    case "\\": return try escape(flags)
    default: return literal(c.value, flags)
    }
  }

  private func literal(_ value: UInt32, _ flags: Flags) -> GoRegexNode {
    .scalar(value...value, caseFolded: flags.caseInsensitive)
  }

  private mutating func repetitions(of atom: GoRegexNode) throws(GoRegexError) -> GoRegexNode {
    var node = atom
    var repeated = false
    while let c = current {
      let bounds: (Int, Int?)
      switch c {
      case "*": bounds = (0, nil); index += 1
      case "+": bounds = (1, nil); index += 1
      case "?": bounds = (0, 1); index += 1
      case "{":
        guard let parsed = repeatBounds() else { return node }
        bounds = parsed
      default: return node
      }
      if repeated { throw failure("invalid nested repetition operator") }
      if bounds.0 > Self.maxRepeat || (bounds.1 ?? 0) > Self.maxRepeat {
        throw failure("invalid repeat count")
      }
      if let upper = bounds.1, upper < bounds.0 { throw failure("invalid repeat count") }
      node = .repetition(node, min: bounds.0, max: bounds.1)
      repeated = true
      if current == "?" { index += 1 }  // non-greedy: same answer to "does it match"
    }
    return node
  }

  /// Parses `{n}`, `{n,}` or `{n,m}` at the cursor and moves past it; nil (cursor unmoved) when the
  /// text there is not a repeat.
  private mutating func repeatBounds() -> (Int, Int?)? {
    let start = index
    guard current == "{" else { return nil }
    index += 1
    func number() -> Int? {
      var digits = 0
      var value = 0
      while let c = current, ("0"..."9").contains(c) {
        value = min(value * 10 + Int(c.value - 0x30), 100_000)
        digits += 1
        index += 1
      }
      return digits == 0 ? nil : value
    }
    guard let lower = number() else { index = start; return nil }
    var upper: Int? = lower
    if current == "," {
      index += 1
      upper = current == "}" ? nil : number()
      if upper == nil, current != "}" { index = start; return nil }
    }
    guard current == "}" else { index = start; return nil }
    index += 1
    return (lower, upper)
  }

  private mutating func escape(_ flags: Flags) throws(GoRegexError) -> GoRegexNode {
    guard let c = current else { throw failure("trailing backslash at end of expression") }
    switch c {
    case "A": index += 1; return .assertion(.textStart)
    case "z": index += 1; return .assertion(.textEnd)
    case "b": index += 1; return .assertion(.wordBoundary)
    case "B": index += 1; return .assertion(.notWordBoundary)
    case "Q":
      index += 1
      var items: [GoRegexNode] = []
      while let q = current {
        if q == "\\", index + 1 < scalars.count, scalars[index + 1] == "E" {
          index += 2
          break
        }
        items.append(literal(q.value, flags))
        index += 1
      }
      return items.count == 1 ? items[0] : .concatenation(items)
    default:
      let ranges = try escapedRanges(flags)
      if ranges.count == 1, ranges[0].count == 1 { return literal(ranges[0].lowerBound, flags) }
      return .set(ranges)
    }
  }

  /// An escape that stands for scalars (`\d`, `\n`, `\x41`, `\.`), inside or outside a class.
  private mutating func escapedRanges(_ flags: Flags) throws(GoRegexError) -> [ClosedRange<UInt32>] {
    guard let c = current else { throw failure("trailing backslash at end of expression") }
    index += 1
    switch c {
    case "d": return GoRegexClasses.digit
    case "D": return GoRegexClasses.negate(GoRegexClasses.digit)
    case "w": return GoRegexClasses.word
    case "W": return GoRegexClasses.negate(GoRegexClasses.word)
    case "s": return GoRegexClasses.space
    case "S": return GoRegexClasses.negate(GoRegexClasses.space)
    case "n": return [0x0A...0x0A]
    case "t": return [0x09...0x09]
    case "r": return [0x0D...0x0D]
    case "f": return [0x0C...0x0C]
    case "v": return [0x0B...0x0B]
    case "a": return [0x07...0x07]
    case "x":
      var hex = ""
      if current == "{" {
        index += 1
        while let h = current, h != "}" { hex.unicodeScalars.append(h); index += 1 }
        guard current == "}" else { throw failure("invalid escape sequence") }
        index += 1
      } else {
        for _ in 0..<2 {
          guard let h = current else { throw failure("invalid escape sequence") }
          hex.unicodeScalars.append(h)
          index += 1
        }
      }
      guard let value = UInt32(hex, radix: 16), value <= 0x10FFFF else { throw failure("invalid escape sequence") }
      return [value...value]
    case "0"..."7":
      // Go accepts \0 and octal \1-\7 only as up to three octal digits starting with 0… (\0, \012).
      guard c == "0" else { throw failure("invalid escape sequence") }
      var value: UInt32 = 0
      var count = 0
      while count < 2, let o = current, ("0"..."7").contains(o) {
        value = value * 8 + (o.value - 0x30)
        index += 1
        count += 1
      }
      return [value...value]
    case "p", "P":
      throw failure("Unicode classes (\\p) are not supported by tack")
    default:
      // Go allows escaping punctuation only.
      guard c.isASCII, !c.properties.isAlphabetic, !("0"..."9").contains(c) else {
        throw failure("invalid escape sequence")
      }
      return [c.value...c.value]
    }
  }

  private mutating func characterClass(_ flags: Flags) throws(GoRegexError) -> GoRegexNode {
    var negated = false
    if current == "^" { negated = true; index += 1 }
    var ranges: [ClosedRange<UInt32>] = []
    var first = true
    while true {
      guard let c = current else { throw failure("missing closing ]") }
      if c == "]", !first { index += 1; break }
      first = false
      if c == "[", index + 1 < scalars.count, scalars[index + 1] == ":" {
        if let named = posixClass() {
          ranges += named
          continue
        }
      }
      let low: [ClosedRange<UInt32>]
      if c == "\\" {
        index += 1
        low = try escapedRanges(flags)
      } else {
        index += 1
        low = [c.value...c.value]
      }
      // A range `a-z`: only between single scalars, and `-` before `]` is a literal.
      if low.count == 1, low[0].count == 1, current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
        index += 1
        let high: [ClosedRange<UInt32>]
        guard let h = current else { throw failure("missing closing ]") }
        if h == "\\" {
          index += 1
          high = try escapedRanges(flags)
        } else {
          index += 1
          high = [h.value...h.value]
        }
        guard high.count == 1, high[0].count == 1, high[0].lowerBound >= low[0].lowerBound else {
          throw failure("invalid character class range")
        }
        ranges.append(low[0].lowerBound...high[0].lowerBound)
      } else {
        ranges += low
      }
    }
    if flags.caseInsensitive { ranges = GoRegexClasses.caseFolded(ranges) }
    return .set(negated ? GoRegexClasses.negate(ranges) : GoRegexClasses.normalized(ranges))
  }

  /// `[:alpha:]` and friends inside a class; nil (cursor unmoved) when the text is no such name.
  private mutating func posixClass() -> [ClosedRange<UInt32>]? {
    let start = index
    index += 2
    var negated = false
    if current == "^" { negated = true; index += 1 }
    var name = ""
    while let c = current, c != ":" { name.unicodeScalars.append(c); index += 1 }
    guard index + 1 < scalars.count, scalars[index] == ":", scalars[index + 1] == "]",
      let ranges = GoRegexClasses.posix[name]
    else {
      index = start
      return nil
    }
    index += 2
    return negated ? GoRegexClasses.negate(ranges) : ranges
  }
}

/// The scalar ranges of Go's Perl and POSIX classes (ASCII, as Go defines them).
enum GoRegexClasses {
  static let digit: [ClosedRange<UInt32>] = [0x30...0x39]
  static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
  static let space: [ClosedRange<UInt32>] = [0x09...0x0A, 0x0C...0x0D, 0x20...0x20]
  static let posix: [String: [ClosedRange<UInt32>]] = [
    "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A], "alpha": [0x41...0x5A, 0x61...0x7A],
    "ascii": [0x00...0x7F], "blank": [0x09...0x09, 0x20...0x20], "cntrl": [0x00...0x1F, 0x7F...0x7F],
    "digit": digit, "graph": [0x21...0x7E], "lower": [0x61...0x7A], "print": [0x20...0x7E],
    "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E], "space": [0x09...0x0D, 0x20...0x20],
    "upper": [0x41...0x5A], "word": word, "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66],
  ]

  static func normalized(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
    var result: [ClosedRange<UInt32>] = []
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = result.last, range.lowerBound <= last.upperBound &+ 1 {
        result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      } else {
        result.append(range)
      }
    }
    return result
  }

  static func negate(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
    var result: [ClosedRange<UInt32>] = []
    var next: UInt32 = 0
    for range in normalized(ranges) {
      if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
      next = range.upperBound + 1
    }
    if next <= 0x10FFFF { result.append(next...0x10FFFF) }
    return result
  }

  /// Adds the other case of every ASCII letter in `ranges` (tack folds ASCII only; sops keys are
  /// ASCII in practice).
  static func caseFolded(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
    var result = ranges
    for range in ranges {
      if range.overlaps(0x41...0x5A) {
        let upper = range.clamped(to: 0x41...0x5A)
        result.append((upper.lowerBound + 32)...(upper.upperBound + 32))
      }
      if range.overlaps(0x61...0x7A) {
        let lower = range.clamped(to: 0x61...0x7A)
        result.append((lower.lowerBound - 32)...(lower.upperBound - 32))
      }
    }
    return normalized(result)
  }
}
