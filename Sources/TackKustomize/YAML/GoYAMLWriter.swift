import TackJSON

/// Writes JSON as YAML byte for byte as `kubectl kustomize` prints it: each resource goes through
/// Go's JSON encoder and back into goyaml.v2's encoder, whose emitter (a port of libyaml) decides
/// styles, folding and indentation. This reproduces that emitter's state machine for the events the
/// encoder produces (block mappings in natural key order, block sequences, `{}`/`[]` for empty
/// collections, plain/single/double/literal scalars), with its width of 80 and indent of 2.
struct GoYAMLWriter {
  private(set) var bytes: [UInt8] = []
  private var column = 0
  private var whitespace = true
  private var indention = true
  private var indent = -1
  private var indents: [Int] = []
  private var flowLevel = 0
  private var simpleKeyContext = false
  private var mappingContext = false
  private static let bestIndent = 2
  private static let bestWidth = 80

  private enum Style { case plain, singleQuoted, doubleQuoted, literal }

  init() { bytes.reserveCapacity(4096) }

  /// One YAML document for `value`, ending with a newline.
  static func document(_ value: JSON) -> String {
    var writer = GoYAMLWriter()
    writer.append(value)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// A stream: documents joined by `---` lines, as kustomize's resource map prints them.
  static func stream(_ values: [JSON]) -> String {
    var writer = GoYAMLWriter()
    for (index, value) in values.enumerated() {
      if index > 0 { writer.bytes.append(contentsOf: Array("---\n".utf8)) }
      writer.append(value)
    }
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// Appends one document (stream start, implicit document start, the node, document end).
  mutating func append(_ value: JSON) {
    column = 0
    whitespace = true
    indention = true
    indent = -1
    indents.removeAll(keepingCapacity: true)
    flowLevel = 0
    emitNode(value, mapping: false, simpleKey: false)
    writeIndent()
  }

  // MARK: nodes

  private mutating func emitNode(_ value: JSON, mapping: Bool, simpleKey: Bool) {
    mappingContext = mapping
    simpleKeyContext = simpleKey
    switch value {
    case .object(let object):
      if object.isEmpty || flowLevel > 0 {
        emitEmptyFlow(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
      } else {
        emitBlockMapping(NaturalKeyOrder.sorted(object.members))
      }
    case .array(let elements):
      if elements.isEmpty || flowLevel > 0 {
        emitEmptyFlow(open: UInt8(ascii: "["), close: UInt8(ascii: "]"))
      } else {
        emitBlockSequence(elements)
      }
    case .string(let text):
      let style: Style
      if text.utf8.contains(UInt8(ascii: "\n")) {
        style = .literal
      } else if GoScalarResolver.needsQuotesForType(text) {
        style = .doubleQuoted
      } else {
        style = .plain
      }
      emitScalar(text, requested: style)
    case .number(let text):
      emitScalar(text.isEmpty ? "null" : GoNumber.canonical(text), requested: .plain)
    case .bool(let b):
      emitScalar(b ? "true" : "false", requested: .plain)
    case .null:
      emitScalar("null", requested: .plain)
    }
  }

  private mutating func emitEmptyFlow(open: UInt8, close: UInt8) {
    writeIndicator([open], needWhitespace: true, isWhitespace: true, isIndention: false)
    increaseIndent(flow: true, indentless: false)
    indent = indents.removeLast()
    writeIndicator([close], needWhitespace: false, isWhitespace: false, isIndention: false)
  }

  private mutating func emitBlockMapping(_ members: [JSONObject.Member]) {
    increaseIndent(flow: false, indentless: false)
    for member in members {
      writeIndent()
      let key = member.key
      if isSimpleKey(key) {
        emitNode(.string(key), mapping: true, simpleKey: true)
        writeIndicator([UInt8(ascii: ":")], needWhitespace: false, isWhitespace: false, isIndention: false)
      } else {
        writeIndicator([UInt8(ascii: "?")], needWhitespace: true, isWhitespace: false, isIndention: true)
        emitNode(.string(key), mapping: true, simpleKey: false)
        writeIndent()
        writeIndicator([UInt8(ascii: ":")], needWhitespace: true, isWhitespace: false, isIndention: true)
      }
      emitNode(member.value, mapping: true, simpleKey: false)
    }
    indent = indents.removeLast()
  }

  private mutating func emitBlockSequence(_ elements: [JSON]) {
    increaseIndent(flow: false, indentless: mappingContext && !indention)
    for element in elements {
      writeIndent()
      writeIndicator([UInt8(ascii: "-")], needWhitespace: true, isWhitespace: false, isIndention: true)
      emitNode(element, mapping: false, simpleKey: false)
    }
    indent = indents.removeLast()
  }

  /// A key is written in place (`key: value`) when it has no line break and is at most 128 bytes.
  private func isSimpleKey(_ key: String) -> Bool {
    guard key.utf8.count <= 128 else { return false }
    return !GoYAMLScalarAnalysis(key).multiline
  }

  private mutating func emitScalar(_ text: String, requested: Style) {
    let value = Array(text.utf8)
    let analysis = GoYAMLScalarAnalysis(text)
    var style = requested
    if simpleKeyContext && analysis.multiline { style = .doubleQuoted }
    if style == .plain {
      if (flowLevel > 0 && !analysis.flowPlainAllowed) || (flowLevel == 0 && !analysis.blockPlainAllowed) {
        style = .singleQuoted
      }
      if value.isEmpty && (flowLevel > 0 || simpleKeyContext) { style = .singleQuoted }
    }
    if style == .singleQuoted && !analysis.singleQuotedAllowed { style = .doubleQuoted }
    if style == .literal && (!analysis.blockAllowed || flowLevel > 0 || simpleKeyContext) {
      style = .doubleQuoted
    }
    increaseIndent(flow: true, indentless: false)
    let allowBreaks = !simpleKeyContext
    switch style {
    case .plain: writePlain(value, allowBreaks: allowBreaks)
    case .singleQuoted: writeSingleQuoted(value, allowBreaks: allowBreaks)
    case .doubleQuoted: writeDoubleQuoted(value, allowBreaks: allowBreaks)
    case .literal: writeLiteral(value)
    }
    indent = indents.removeLast()
  }

  // MARK: emitter primitives

  private mutating func increaseIndent(flow: Bool, indentless: Bool) {
    indents.append(indent)
    if indent < 0 {
      indent = flow ? Self.bestIndent : 0
    } else if !indentless {
      indent += Self.bestIndent
    }
  }

  private mutating func put(_ byte: UInt8) {
    bytes.append(byte)
    column += 1
  }

  private mutating func putBreak() {
    bytes.append(UInt8(ascii: "\n"))
    column = 0
  }

  /// Copies one UTF-8 character; the column counts characters, not bytes.
  private mutating func write(_ value: [UInt8], _ i: inout Int) {
    let w = GoYAMLBytes.width(value[i])
    let end = min(i + w, value.count)
    bytes.append(contentsOf: value[i..<end])
    column += 1
    i = end
  }

  private mutating func writeBreak(_ value: [UInt8], _ i: inout Int) {
    if value[i] == UInt8(ascii: "\n") {
      putBreak()
      i += 1
    } else {
      write(value, &i)
      column = 0
    }
  }

  private mutating func writeIndent() {
    let target = max(indent, 0)
    if !indention || column > target || (column == target && !whitespace) { putBreak() }
    while column < target { put(UInt8(ascii: " ")) }
    whitespace = true
    indention = true
  }

  private mutating func writeIndicator(_ indicator: [UInt8], needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
    if needWhitespace && !whitespace { put(UInt8(ascii: " ")) }
    bytes.append(contentsOf: indicator)
    column += indicator.count
    whitespace = isWhitespace
    indention = indention && isIndention
  }

  private mutating func writePlain(_ value: [UInt8], allowBreaks: Bool) {
    if !whitespace { put(UInt8(ascii: " ")) }
    var spaces = false
    var breaks = false
    var i = 0
    while i < value.count {
      if value[i] == UInt8(ascii: " ") {
        if allowBreaks && !spaces && column > Self.bestWidth && GoYAMLBytes.at(value, i + 1) != UInt8(ascii: " ") {
          writeIndent()
          i += 1
        } else {
          write(value, &i)
        }
        spaces = true
      } else if GoYAMLBytes.isBreak(value, i) {
        if !breaks && value[i] == UInt8(ascii: "\n") { putBreak() }
        writeBreak(value, &i)
        indention = true
        breaks = true
      } else {
        if breaks { writeIndent() }
        write(value, &i)
        indention = false
        spaces = false
        breaks = false
      }
    }
    whitespace = false
    indention = false
  }

  private mutating func writeSingleQuoted(_ value: [UInt8], allowBreaks: Bool) {
    writeIndicator([UInt8(ascii: "'")], needWhitespace: true, isWhitespace: false, isIndention: false)
    var spaces = false
    var breaks = false
    var i = 0
    while i < value.count {
      if value[i] == UInt8(ascii: " ") {
        if allowBreaks && !spaces && column > Self.bestWidth && i > 0 && i < value.count - 1
          && GoYAMLBytes.at(value, i + 1) != UInt8(ascii: " ")
        {
          writeIndent()
          i += 1
        } else {
          write(value, &i)
        }
        spaces = true
      } else if GoYAMLBytes.isBreak(value, i) {
        if !breaks && value[i] == UInt8(ascii: "\n") { putBreak() }
        writeBreak(value, &i)
        indention = true
        breaks = true
      } else {
        if breaks { writeIndent() }
        if value[i] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
        write(value, &i)
        indention = false
        spaces = false
        breaks = false
      }
    }
    writeIndicator([UInt8(ascii: "'")], needWhitespace: false, isWhitespace: false, isIndention: false)
    whitespace = false
    indention = false
  }

  private mutating func writeDoubleQuoted(_ value: [UInt8], allowBreaks: Bool) {
    writeIndicator([UInt8(ascii: "\"")], needWhitespace: true, isWhitespace: false, isIndention: false)
    var spaces = false
    // libyaml's is_bom looks at the first three bytes whatever the position.
    let startsWithBOM = value.count >= 3 && value[0] == 0xEF && value[1] == 0xBB && value[2] == 0xBF
    var i = 0
    while i < value.count {
      let c = value[i]
      if !GoYAMLBytes.isPrintable(value, i) || startsWithBOM || GoYAMLBytes.isBreak(value, i)
        || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\")
      {
        let w = GoYAMLBytes.width(c)
        var v: UInt32
        switch w {
        case 2: v = UInt32(c & 0x1F)
        case 3: v = UInt32(c & 0x0F)
        case 4: v = UInt32(c & 0x07)
        default: v = UInt32(c & 0x7F)
        }
        for k in 1..<max(w, 1) where i + k < value.count { v = (v << 6) + UInt32(value[i + k] & 0x3F) }
        i += w
        put(UInt8(ascii: "\\"))
        writeEscape(v)
        spaces = false
      } else if c == UInt8(ascii: " ") {
        if allowBreaks && !spaces && column > Self.bestWidth && i > 0 && i < value.count - 1 {
          writeIndent()
          if GoYAMLBytes.at(value, i + 1) == UInt8(ascii: " ") { put(UInt8(ascii: "\\")) }
          i += 1
        } else {
          write(value, &i)
        }
        spaces = true
      } else {
        write(value, &i)
        spaces = false
      }
    }
    writeIndicator([UInt8(ascii: "\"")], needWhitespace: false, isWhitespace: false, isIndention: false)
    whitespace = false
    indention = false
  }

  private mutating func writeEscape(_ v: UInt32) {
    let short: Character? =
      switch v {
      case 0x00: "0"
      case 0x07: "a"
      case 0x08: "b"
      case 0x09: "t"
      case 0x0A: "n"
      case 0x0B: "v"
      case 0x0C: "f"
      case 0x0D: "r"
      case 0x1B: "e"
      case 0x22: "\""
      case 0x5C: "\\"
      case 0x85: "N"
      case 0xA0: "_"
      case 0x2028: "L"
      case 0x2029: "P"
      default: nil
      }
    if let short {
      put(short.asciiValue!)
      return
    }
    let (letter, digits): (UInt8, Int) = v <= 0xFF ? (UInt8(ascii: "x"), 2) : v <= 0xFFFF ? (UInt8(ascii: "u"), 4) : (UInt8(ascii: "U"), 8)
    put(letter)
    let hex = Array("0123456789ABCDEF".utf8)
    for k in stride(from: (digits - 1) * 4, through: 0, by: -4) {
      put(hex[Int((v >> UInt32(k)) & 0x0F)])
    }
  }

  private mutating func writeLiteral(_ value: [UInt8]) {
    writeIndicator([UInt8(ascii: "|")], needWhitespace: true, isWhitespace: false, isIndention: false)
    if value.first == UInt8(ascii: " ") || GoYAMLBytes.isBreak(value, 0) {
      writeIndicator([UInt8(ascii: "0") + UInt8(Self.bestIndent)], needWhitespace: false, isWhitespace: false, isIndention: false)
    }
    if let chomp = Self.chompHint(value) {
      writeIndicator([chomp], needWhitespace: false, isWhitespace: false, isIndention: false)
    }
    putBreak()
    indention = true
    whitespace = true
    var breaks = true
    var i = 0
    while i < value.count {
      if GoYAMLBytes.isBreak(value, i) {
        writeBreak(value, &i)
        indention = true
        breaks = true
      } else {
        if breaks { writeIndent() }
        write(value, &i)
        indention = false
        breaks = false
      }
    }
  }

  /// `-` without a final line break, `+` when the text is only a break or ends with two, else none.
  private static func chompHint(_ value: [UInt8]) -> UInt8? {
    guard !value.isEmpty else { return UInt8(ascii: "-") }
    var i = value.count - 1
    while i > 0 && value[i] & 0xC0 == 0x80 { i -= 1 }
    if !GoYAMLBytes.isBreak(value, i) { return UInt8(ascii: "-") }
    if i == 0 { return UInt8(ascii: "+") }
    i -= 1
    while i > 0 && value[i] & 0xC0 == 0x80 { i -= 1 }
    return GoYAMLBytes.isBreak(value, i) ? UInt8(ascii: "+") : nil
  }
}
