import Yams

/// Where a scalar's value sits in YAML source text, so a tool can change that value alone and
/// keep every other byte: comments, quoting, indentation, key order, other documents.
public struct YAMLScalarSpan: Sendable, Equatable {
  /// UTF-8 byte offsets of the value in the text (inside the quotes of a quoted scalar).
  public var range: Range<Int>
  public var value: String
  public var quoted: Bool

  public init(range: Range<Int>, value: String, quoted: Bool) {
    self.range = range
    self.value = value
    self.quoted = quoted
  }
}

extension JSON {
  /// Every document of a YAML stream as JSON (as ``parseYAMLDocuments(_:)``), each with the span
  /// of the scalar at `path` (mapping keys) when there is one whose source holds its value
  /// verbatim: a single-line plain scalar, or a quoted one without escapes. Read through
  /// `GuardedYAMLParser`, so the same limits hold.
  public static func yamlDocuments(_ text: String, scalarAt path: [String]) throws(YAMLConversionError)
    -> [(document: JSON, span: YAMLScalarSpan?)]
  {
    do {
      let bytes = Array(text.utf8)
      var lineStarts = [0]
      for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(index + 1) }
      var result: [(document: JSON, span: YAMLScalarSpan?)] = []
      let parser = try GuardedYAMLParser(yaml: text)
      while let root = try parser.nextRoot() {
        let value = try JSON(yamlNode: root)
        if value.isNull { continue }
        var node: Node? = root
        for key in path { node = node?[key] }
        result.append((value, node.flatMap { span(of: $0, in: bytes, lineStarts: lineStarts) }))
      }
      return result
    } catch let error as YAMLConversionError {
      throw error
    } catch let error as YamlError {
      throw YAMLConversionError(reason: Self.describe(error))
    } catch {
      throw YAMLConversionError(reason: "\(error)")
    }
  }

  static func span(of node: Node, in bytes: [UInt8], lineStarts: [Int]) -> YAMLScalarSpan? {
    guard case .scalar(let scalar) = node, let mark = scalar.mark, mark.line >= 1, mark.line <= lineStarts.count
    else { return nil }
    // libyaml counts columns in Unicode scalars: walk them from the line's first byte.
    var offset = lineStarts[mark.line - 1]
    var column = 1
    while column < mark.column, offset < bytes.count {
      let byte = bytes[offset]
      offset += byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
      column += 1
    }
    let value = Array(scalar.string.utf8)
    var start = offset
    var quoted = false
    switch scalar.style {
    case .singleQuoted, .doubleQuoted:
      let quote = scalar.style == .singleQuoted ? UInt8(ascii: "'") : UInt8(ascii: "\"")
      guard start < bytes.count, bytes[start] == quote else { return nil }
      start += 1
      quoted = true
      guard start + value.count < bytes.count, bytes[start + value.count] == quote else { return nil }
    case .plain, .any:
      break
    default:
      return nil
    }
    guard start + value.count <= bytes.count, Array(bytes[start..<(start + value.count)]) == value else { return nil }
    return YAMLScalarSpan(range: start..<(start + value.count), value: scalar.string, quoted: quoted)
  }
}
