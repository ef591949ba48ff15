/// A Go (RE2) regular expression that answers "does it match anywhere in this text" in time linear
/// in the text: the pattern is compiled to a Thompson NFA and run as a Pike VM, so every position is
/// visited once with at most one thread per instruction. SOPS' `encrypted_regex` and friends are read
/// from the file before its MAC can be checked, so a hostile `(a+)+$` must cost no more than a benign
/// pattern; Swift's `Regex` backtracks and would take exponential time on it.
///
/// Semantics follow Go's `regexp.MatchString` as sops calls it: unanchored search, `^`/`$` at the
/// text's ends unless `(?m)`, `.` not matching a newline unless `(?s)`, Perl classes ASCII-only.
public struct GoRegex: Sendable {
  /// Go's default limit on the compiled program is of this order; more is refused, not run.
  static let maxProgramSize = 100_000

  enum Instruction: Sendable {
    case ranges([ClosedRange<UInt32>])
    case any(dotAll: Bool)
    case split(Int, Int)
    case jump(Int)
    case assertion(GoRegexAssertion)
    case match
  }

  public let pattern: String
  let program: [Instruction]

  public init(_ pattern: String) throws(GoRegexError) {
    self.pattern = pattern
    let tree = try GoRegexParser.parse(pattern)
    var compiler = Compiler()
    do {
      try compiler.emit(tree)
    } catch {
      throw GoRegexError(reason: "expression too large", pattern: pattern)
    }
    compiler.program.append(.match)
    program = compiler.program
  }

  /// Whether the pattern matches somewhere in `text`.
  public func matches(_ text: String) -> Bool {
    let input = Array(text.unicodeScalars).map(\.value)
    var current = ThreadList(capacity: program.count)
    var next = ThreadList(capacity: program.count)
    for position in 0...input.count {
      // Unanchored search: a new thread starts at every position.
      if add(0, at: position, in: input, to: &current) { return true }
      guard position < input.count else { break }
      let scalar = input[position]
      for pc in current.members {
        let advances: Bool
        switch program[pc] {
        case .ranges(let ranges): advances = Self.contains(ranges, scalar)
        case .any(let dotAll): advances = dotAll || scalar != 0x0A
        default: advances = false
        }
        if advances, add(pc + 1, at: position + 1, in: input, to: &next) { return true }
      }
      swap(&current, &next)
      next.clear()
    }
    return false
  }

  /// Adds `start` and everything reachable from it without consuming input; true when that reaches
  /// the match instruction.
  private func add(_ start: Int, at position: Int, in input: [UInt32], to list: inout ThreadList) -> Bool {
    var stack = [start]
    while let pc = stack.popLast() {
      guard list.insert(pc) else { continue }
      switch program[pc] {
      case .jump(let target): stack.append(target)
      case .split(let first, let second):
        stack.append(second)
        stack.append(first)
      case .assertion(let assertion):
        if Self.holds(assertion, at: position, in: input) { stack.append(pc + 1) }
      case .match: return true
      case .ranges, .any: break
      }
    }
    return false
  }

  private static func holds(_ assertion: GoRegexAssertion, at position: Int, in input: [UInt32]) -> Bool {
    let before = position > 0 ? input[position - 1] : nil
    let after = position < input.count ? input[position] : nil
    switch assertion {
    case .textStart: return position == 0
    case .textEnd: return position == input.count
    case .lineStart: return before == nil || before == 0x0A
    case .lineEnd: return after == nil || after == 0x0A
    case .wordBoundary: return isWord(before) != isWord(after)
    case .notWordBoundary: return isWord(before) == isWord(after)
    }
  }

  private static func isWord(_ scalar: UInt32?) -> Bool {
    guard let scalar else { return false }
    return contains(GoRegexClasses.word, scalar)
  }

  private static func contains(_ ranges: [ClosedRange<UInt32>], _ scalar: UInt32) -> Bool {
    for range in ranges where range.contains(scalar) { return true }
    return false
  }

  /// A sparse set of instruction indexes, cleared in constant time (Russ Cox's trick): membership
  /// is checked through `dense` so `sparse` never needs resetting.
  struct ThreadList {
    private var sparse: [Int]
    private(set) var members: [Int] = []

    init(capacity: Int) { sparse = Array(repeating: 0, count: capacity) }

    mutating func insert(_ pc: Int) -> Bool {
      let slot = sparse[pc]
      if slot < members.count, members[slot] == pc { return false }
      sparse[pc] = members.count
      members.append(pc)
      return true
    }

    mutating func clear() { members.removeAll(keepingCapacity: true) }
  }

  struct TooLarge: Error {}

  /// Emits the instructions for a tree; repetitions with counts are expanded into copies.
  struct Compiler {
    var program: [Instruction] = []

    mutating func append(_ instruction: Instruction) throws(TooLarge) -> Int {
      guard program.count < GoRegex.maxProgramSize else { throw TooLarge() }
      program.append(instruction)
      return program.count - 1
    }

    mutating func emit(_ node: GoRegexNode) throws(TooLarge) {
      switch node {
      case .empty: break
      case .scalar(let range, let folded):
        _ = try append(.ranges(folded ? GoRegexClasses.caseFolded([range]) : [range]))
      case .set(let ranges): _ = try append(.ranges(ranges))
      case .any(let dotAll): _ = try append(.any(dotAll: dotAll))
      case .assertion(let assertion): _ = try append(.assertion(assertion))
      case .concatenation(let items):
        for item in items { try emit(item) }
      case .alternation(let branches):
        var exits: [Int] = []
        for (number, branch) in branches.enumerated() {
          if number == branches.count - 1 {
            try emit(branch)
          } else {
            let split = try append(.split(0, 0))
            try emit(branch)
            exits.append(try append(.jump(0)))
            program[split] = .split(split + 1, program.count)
          }
        }
        for exit in exits { program[exit] = .jump(program.count) }
      case .repetition(let body, let min, let max):
        for _ in 0..<min { try emit(body) }
        if let max {
          // x{min,max}: (max - min) nested optional copies, each able to skip to the end.
          var skips: [Int] = []
          for _ in min..<max {
            skips.append(try append(.split(0, 0)))
            try emit(body)
          }
          for skip in skips { program[skip] = .split(skip + 1, program.count) }
        } else {
          let loop = try append(.split(0, 0))
          try emit(body)
          _ = try append(.jump(loop))
          program[loop] = .split(loop + 1, program.count)
        }
      }
    }
  }
}
