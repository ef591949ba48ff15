/// Parses text with `${…}` expressions the way fluxcd/pkg `envsubst` (a fork of drone/envsubst)
/// does, quirks included: only braced forms are expressions, `$$` is a literal `$`, and inside
/// `${v/…/…}` a backslash escapes `/` and `\`. Which operators exist and how their arguments end is
/// decided by a small mode-driven scanner, mirrored here so that odd inputs fail (or pass) as they
/// do in Flux.
struct EnvSubstParser {
  indirect enum Node: Sendable, Equatable {
    case text(String)
    /// `${param<op>args}`; `op` is empty for a plain `${param}`.
    case function(parameter: String, op: String, arguments: [Node])
  }

  struct ParseError: Error, Equatable {
    var message: String
    static let badSubstitution = ParseError(message: "bad substitution")
    static let missingClosingBrace = ParseError(message: "missing closing brace")
    static let variableName = ParseError(message: "unable to parse variable name")
    static let functionArgument = ParseError(message: "unable to parse substitution within function")
    static let defaultFunction = ParseError(message: "unable to parse default function")
  }

  private enum Token { case illegal, end, identifier, open, close }

  private struct Mode: OptionSet {
    let rawValue: UInt8
    static let identifier = Mode(rawValue: 1)
    static let open = Mode(rawValue: 2)
    static let close = Mode(rawValue: 4)
    static let escape = Mode(rawValue: 8)
  }

  private typealias Accept = @Sendable (Unicode.Scalar, Int) -> Bool

  private var buffer: [Unicode.Scalar]
  private var position = 0
  private var start = 0
  /// 1 after reading a character, 0 after reading past the end (so unreading then is a no-op).
  private var width = 0
  private var mode: Mode = []
  private var escapeBackslash = false
  private var accept: Accept = { _, _ in true }

  static func parse(_ text: String) throws(ParseError) -> [Node] {
    var parser = EnvSubstParser(buffer: Array(text.unicodeScalars))
    return try parser.parseAll()
  }

  private init(buffer: [Unicode.Scalar]) { self.buffer = buffer }

  // MARK: scanner

  private mutating func read() -> Unicode.Scalar? {
    guard position < buffer.count else {
      width = 0
      return nil
    }
    width = 1
    position += 1
    return buffer[position - 1]
  }

  private mutating func unread() { position -= width }

  private mutating func peek() -> Unicode.Scalar? {
    let next = read()
    unread()
    return next
  }

  /// Drops the character just read (the first of an escape pair); the one after it is then part
  /// of the token without being checked.
  private mutating func skip() { buffer.remove(at: position - 1) }

  private var token: String {
    var text = String.UnicodeScalarView()
    text.append(contentsOf: buffer[start..<position])
    return String(text)
  }

  private mutating func scan() -> Token {
    start = position
    guard let scalar = read() else { return .end }
    if scanOpen(scalar) { return .open }
    if mode.contains(.close) && scalar == "}" { return .close }
    if scanIdentifier(scalar) { return .identifier }
    return .illegal
  }

  private mutating func scanOpen(_ scalar: Unicode.Scalar) -> Bool {
    guard mode.contains(.open), scalar == "$" else { return false }
    if read() == "{" { return true }
    unread()
    return false
  }

  private mutating func isEscape(_ scalar: Unicode.Scalar) -> Bool {
    guard mode.contains(.escape) else { return false }
    if scalar == "$" { return peek() == "$" }
    if scalar == "\\" && escapeBackslash {
      let next = peek()
      return next == "/" || next == "\\"
    }
    return false
  }

  private mutating func scanIdentifier(_ first: Unicode.Scalar) -> Bool {
    guard mode.contains(.identifier) else { return false }
    if isEscape(first) {
      skip()
    } else if !accept(first, position - start) {
      return false
    }
    while true {
      guard let scalar = read() else {
        unread()
        break
      }
      if scanOpen(scalar) {
        unread()
        unread()
        break
      }
      if isEscape(scalar) {
        skip()
        continue
      }
      if !accept(scalar, position - start) {
        unread()
        break
      }
    }
    return true
  }

  // MARK: parser

  private mutating func parseAll() throws(ParseError) -> [Node] {
    var nodes: [Node] = []
    while true {
      accept = { _, _ in true }
      mode = [.identifier, .open, .escape]
      escapeBackslash = false
      switch scan() {
      case .identifier: nodes.append(.text(token))
      case .end: return nodes
      case .open: nodes.append(try parseFunction())
      default: throw .badSubstitution
      }
    }
  }

  private mutating func parseFunction() throws(ParseError) -> Node {
    escapeBackslash = true
    if peek() == "#" { return try parseLength() }
    accept = Self.identifierCharacter
    mode = [.identifier]
    guard scan() == .identifier else { throw .variableName }
    let name = token
    switch peek() {
    case ":": return try parseDefaultOrSubstring(name)
    case "=": return try parseDefault(name)
    case ",", "^": return try parseCasing(name)
    case "/": return try parseReplace(name)
    case "#": return try parseRemove(name, marker: "#")
    case "%": return try parseRemove(name, marker: "%")
    default: break
    }
    accept = Self.identifierCharacter
    mode = [.close]
    guard scan() == .close else { throw .missingClosingBrace }
    return .function(parameter: name, op: "", arguments: [])
  }

  private mutating func parseArgument(_ accept: @escaping Accept, _ mode: Mode) throws(ParseError) -> Node {
    self.accept = accept
    self.mode = mode.union(.open)
    switch scan() {
    case .open: return try parseFunction()
    case .identifier, .close: return .text(token)
    default: throw .functionArgument
    }
  }

  private mutating func scanOperator(_ accept: @escaping Accept, error: ParseError) throws(ParseError) -> String {
    self.accept = accept
    mode = [.identifier]
    guard scan() == .identifier else { throw error }
    return token
  }

  private mutating func parseDefaultOrSubstring(_ name: String) throws(ParseError) -> Node {
    _ = read()
    let next = peek()
    unread()
    if let next, "=-?+".unicodeScalars.contains(next) { return try parseDefault(name) }
    return try parseSubstring(name)
  }

  private mutating func parseSubstring(_ name: String) throws(ParseError) -> Node {
    let op = try scanOperator({ $0 == ":" && $1 == 1 }, error: .badSubstitution)
    var arguments = [try parseArgument({ c, _ in c != ":" && c != "}" }, [.identifier])]
    accept = { c, _ in c == ":" }
    mode = [.identifier, .close]
    switch scan() {
    case .close: return .function(parameter: name, op: op, arguments: arguments)
    case .identifier: break
    default: throw .badSubstitution
    }
    arguments.append(try parseArgument({ c, _ in c != "}" }, [.identifier]))
    try consumeClose()
    return .function(parameter: name, op: op, arguments: arguments)
  }

  private mutating func parseRemove(_ name: String, marker: Unicode.Scalar) throws(ParseError) -> Node {
    let op = try scanOperator({ c, i in c == marker && i < 3 }, error: .badSubstitution)
    let argument = try parseArgument({ c, _ in c != "}" }, [.identifier])
    try consumeClose()
    return .function(parameter: name, op: op, arguments: [argument])
  }

  private mutating func parseReplace(_ name: String) throws(ParseError) -> Node {
    let op = try scanOperator(
      { c, i in (i == 1 && c == "/") || (i == 2 && (c == "/" || c == "#" || c == "%")) }, error: .badSubstitution)
    var arguments = [try parseArgument({ c, _ in c != "/" }, [.identifier, .escape])]
    _ = try scanOperator({ c, _ in c == "/" }, error: .badSubstitution)
    if peek() == "}" {
      try consumeClose()
      return .function(parameter: name, op: op, arguments: arguments)
    }
    arguments.append(try parseArgument({ c, _ in c != "}" }, [.identifier, .escape]))
    try consumeClose()
    return .function(parameter: name, op: op, arguments: arguments)
  }

  private mutating func parseDefault(_ name: String) throws(ParseError) -> Node {
    let op: String
    if peek() == "=" {
      op = try scanOperator({ c, i in i == 1 && c == "=" }, error: .defaultFunction)
    } else {
      op = try scanOperator(
        { c, i in (i == 1 && c == ":") || (i == 2 && (c == "=" || c == "-" || c == "?" || c == "+")) },
        error: .defaultFunction)
    }
    var arguments: [Node] = []
    while peek() != "}" {
      arguments.append(try parseArgument({ c, _ in c != "}" }, [.identifier]))
    }
    try consumeClose()
    return .function(parameter: name, op: op, arguments: arguments)
  }

  private mutating func parseCasing(_ name: String) throws(ParseError) -> Node {
    let op = try scanOperator({ c, i in (c == "," || c == "^") && i < 3 }, error: .badSubstitution)
    try consumeClose()
    return .function(parameter: name, op: op, arguments: [])
  }

  private mutating func parseLength() throws(ParseError) -> Node {
    let op = try scanOperator({ c, i in c == "#" && i == 1 }, error: .badSubstitution)
    let name = try scanOperator(Self.identifierCharacter, error: .badSubstitution)
    try consumeClose()
    return .function(parameter: name, op: op, arguments: [])
  }

  private mutating func consumeClose() throws(ParseError) {
    mode = [.close]
    guard scan() == .close else { throw .badSubstitution }
  }

  /// Go's `unicode.IsLetter || unicode.IsDigit || '_'`.
  private static let identifierCharacter: Accept = { c, _ in
    switch c.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: true
    default: c == "_"
    }
  }
}
