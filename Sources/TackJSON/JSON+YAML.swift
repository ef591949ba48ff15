import Yams

/// A YAML input that cannot become JSON, with the document and reason.
public struct YAMLConversionError: Error, Sendable, Equatable, CustomStringConvertible {
  public var reason: String
  public var description: String { reason }
}

extension JSON {
  /// Parses every document of a YAML stream into JSON, resolving scalars as the Kubernetes YAML
  /// library does (YAML 1.1 booleans, ints, floats, null; timestamps stay strings). Empty
  /// documents (`---` with nothing after it) are skipped.
  public static func parseYAMLDocuments(_ text: String) throws(YAMLConversionError) -> [JSON] {
    do {
      var documents: [JSON] = []
      // Parser.nextRoot throws on malformed input; Yams.compose_all's lazy sequence swallows errors.
      let parser = try GuardedYAMLParser(yaml: text)
      while let node = try parser.nextRoot() {
        let value = try JSON(yamlNode: node)
        if value.isNull { continue }
        documents.append(value)
      }
      return documents
    } catch let error as YAMLConversionError {
      throw error
    } catch let error as YamlError {
      throw YAMLConversionError(reason: Self.describe(error))
    } catch {
      throw YAMLConversionError(reason: "\(error)")
    }
  }

  /// Parses a single-document YAML text (also accepts JSON, which is YAML).
  public static func parseYAML(_ text: String) throws(YAMLConversionError) -> JSON {
    let documents = try parseYAMLDocuments(text)
    guard documents.count <= 1 else {
      throw YAMLConversionError(reason: "expected one YAML document, found \(documents.count)")
    }
    return documents.first ?? .null
  }

  static func describe(_ error: YamlError) -> String {
    // Yams' description repeats the whole input; keep only the first line with the position.
    let text = "\(error)"
    return text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
  }

  init(yamlNode node: Node) throws(YAMLConversionError) {
    switch node {
    case .scalar(let scalar):
      self = JSON.resolve(scalar)
    case .sequence(let sequence):
      var elements: [JSON] = []
      elements.reserveCapacity(sequence.count)
      for element in sequence { elements.append(try JSON(yamlNode: element)) }
      self = .array(elements)
    case .mapping(let mapping):
      var object = JSONObject()
      for (key, value) in mapping {
        let keyText: String
        switch key {
        case .scalar(let scalar): keyText = scalar.string
        default: throw YAMLConversionError(reason: "mapping keys must be scalars")
        }
        if keyText == "<<", scalar(key)?.style == .plain || scalar(key)?.style == .any {
          // Merge keys: copy members that are not already set.
          let merged = try JSON(yamlNode: value)
          for source in merged.arrayValue ?? [merged] {
            for member in source.objectValue ?? [:] where object[member.key] == nil {
              object[member.key] = member.value
            }
          }
          continue
        }
        object[keyText] = try JSON(yamlNode: value)
      }
      self = .object(object)
    case .alias:
      throw YAMLConversionError(reason: "unresolved YAML alias")
    }
  }

  static func resolve(_ scalar: Node.Scalar) -> JSON {
    let text = scalar.string
    if scalar.style != .plain && scalar.style != .any {
      return .string(text)
    }
    switch Tag.Name(rawValue: scalar.tag.rawValue) {
    case .str: return .string(text)
    case .null: return .null
    case .bool: return .bool(["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"].contains(text))
    case .int: return integer(text).map { .number($0) } ?? .string(text)
    case .float: return float(text).map { .number($0) } ?? .string(text)
    default: break
    }
    // Implicit resolution for untagged plain scalars.
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
    case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
    default: break
    }
    if let integer = integer(text) { return .number(integer) }
    if let float = float(text) { return .number(float) }
    return .string(text)
  }

  /// Decimal, `0x`, `0o` and leading-zero octal integers, written back in decimal.
  static func integer(_ text: String) -> String? {
    var body = Substring(text.replacingOccurrences(of: "_", with: ""))
    var negative = false
    if body.first == "-" || body.first == "+" {
      negative = body.first == "-"
      body = body.dropFirst()
    }
    guard !body.isEmpty else { return nil }
    let value: Int64?
    if body.hasPrefix("0x") {
      value = Int64(body.dropFirst(2), radix: 16)
    } else if body.hasPrefix("0o") {
      value = Int64(body.dropFirst(2), radix: 8)
    } else if body.hasPrefix("0b") {
      value = Int64(body.dropFirst(2), radix: 2)
    } else if body.count > 1, body.first == "0", body.allSatisfy({ $0 >= "0" && $0 <= "7" }) {
      value = Int64(body.dropFirst(), radix: 8)
    } else if body.allSatisfy({ $0.isASCII && $0.isNumber }) {
      if let v = Int64(body) { value = v } else { return negative ? "-" + body : String(body) }
    } else {
      return nil
    }
    guard let value else { return nil }
    return String(negative ? -value : value)
  }

  static func float(_ text: String) -> String? {
    let body = text.replacingOccurrences(of: "_", with: "")
    let pattern = body.unicodeScalars.allSatisfy { "0123456789.eE+-".unicodeScalars.contains($0) }
    guard pattern, body.contains(where: { $0.isNumber }), let value = Double(body), value.isFinite else {
      return nil
    }
    // Keep a literal that is already valid JSON; otherwise (".5", "1.", "+1.0") rewrite it.
    if (try? JSON.parse(body)) != nil { return body }
    return JSON.double(value).serialized()
  }
}

private func scalar(_ node: Node) -> Node.Scalar? {
  if case .scalar(let s) = node { return s }
  return nil
}

/// How JSON is written as YAML.
public struct YAMLWriteOptions: Sendable, Equatable {
  /// Keys in byte order, as kubectl prints objects.
  public var sortKeys: Bool
  public var indent: Int
  /// Line width for folding long plain scalars; -1 disables folding.
  public var width: Int

  public init(sortKeys: Bool = false, indent: Int = 2, width: Int = -1) {
    self.sortKeys = sortKeys
    self.indent = indent
    self.width = width
  }

  /// What `kubectl get -o yaml` prints: sorted keys, and long scalars folded at 80 columns as Go's
  /// YAML emitter (a libyaml port, like the one Yams wraps) folds them by default.
  public static let kubectl = YAMLWriteOptions(sortKeys: true, width: 80)
  /// Key order kept: manifests written for people (export, bootstrap files).
  public static let ordered = YAMLWriteOptions(sortKeys: false)
}

extension JSON {
  /// One YAML document (no `---`), ending in a newline.
  public func yaml(_ options: YAMLWriteOptions = .ordered) -> String {
    let node = yamlNode(options)
    do {
      return try Yams.serialize(node: node, indent: options.indent, width: options.width, allowUnicode: true)
    } catch {
      // Serializing a tree we built cannot fail short of a libyaml bug; show it rather than hide it.
      return "# YAML serialization failed: \(error)\n"
    }
  }

  func yamlNode(_ options: YAMLWriteOptions) -> Node {
    switch self {
    case .null: return Node("null", Tag(.null), .plain)
    case .bool(let b): return Node(b ? "true" : "false", Tag(.bool), .plain)
    case .number(let text): return Node(text, Tag(text.contains(where: { ".eE".contains($0) }) ? .float : .int), .plain)
    case .string(let s): return Node(s, Tag(.str), JSON.yamlStyle(for: s))
    case .array(let elements):
      return Node(elements.map { $0.yamlNode(options) }, Tag(.seq), .block)
    case .object(let object):
      let members = options.sortKeys ? object.sortedMembers : object.members
      return Node(
        members.map { (Node($0.key, Tag(.str), JSON.yamlStyle(for: $0.key)), $0.value.yamlNode(options)) },
        Tag(.map), .block)
    }
  }

  /// Plain when the text reads back as the same string; otherwise quoted, double quotes for text that
  /// would resolve to another type, literal blocks for multi-line text (as kubectl prints them).
  static func yamlStyle(for text: String) -> Node.Scalar.Style {
    if text.contains("\n") {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let trailingSpace = lines.contains { $0.last == " " || $0.last == "\t" }
      return trailingSpace ? .doubleQuoted : .literal
    }
    if text.isEmpty { return .doubleQuoted }
    let resolved = resolve(Node.Scalar(text, Tag(.implicit), .plain))
    if resolved != .string(text) { return .doubleQuoted }
    // Go's YAML encoder also quotes what YAML 1.1 would read as a timestamp or a base-60 number,
    // so `creationTimestamp: "2026-08-07T16:50:15Z"` prints quoted, as kubectl prints it.
    if looksLikeTimestamp(text) || looksLikeBase60(text) { return .doubleQuoted }
    if needsQuotes(text) { return .singleQuoted }
    return .plain
  }

  /// go-yaml's timestamp forms: `2006-1-2`, then optionally `T`/`t`/space, `15:4:5`, a fraction
  /// and `Z` or an offset.
  static func looksLikeTimestamp(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    var i = 0
    func digits(_ min: Int, _ max: Int) -> Bool {
      let start = i
      while i < bytes.count, i - start < max, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
      return i - start >= min
    }
    func take(_ byte: UInt8) -> Bool {
      guard i < bytes.count, bytes[i] == byte else { return false }
      i += 1
      return true
    }
    guard digits(4, 4), take(UInt8(ascii: "-")), digits(1, 2), take(UInt8(ascii: "-")), digits(1, 2) else { return false }
    if i == bytes.count { return true }
    guard i < bytes.count, [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(bytes[i]) else { return false }
    i += 1
    guard digits(1, 2), take(UInt8(ascii: ":")), digits(1, 2), take(UInt8(ascii: ":")), digits(1, 2) else { return false }
    if take(UInt8(ascii: ".")) { guard digits(1, 9) else { return false } }
    if i == bytes.count { return true }
    if take(UInt8(ascii: "Z")) { return i == bytes.count }
    guard i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") else { return false }
    i += 1
    guard digits(1, 2) else { return false }
    if take(UInt8(ascii: ":")) { guard digits(2, 2) else { return false } }
    return i == bytes.count
  }

  /// YAML 1.1 sexagesimal numbers (`1:30`, `-2:10:05.5`), which go-yaml quotes.
  static func looksLikeBase60(_ text: String) -> Bool {
    var body = Substring(text)
    if body.first == "-" || body.first == "+" { body = body.dropFirst() }
    let parts = body.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 2, let first = parts.first, let firstChar = first.first, firstChar.isASCII, firstChar.isNumber,
      first.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" })
    else { return false }
    for (index, part) in parts.dropFirst().enumerated() {
      let isLast = index == parts.count - 2
      var digitsPart = Substring(part)
      if isLast, let dot = part.firstIndex(of: ".") {
        guard part[part.index(after: dot)...].allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" }) else { return false }
        digitsPart = part[..<dot]
      }
      guard (1...2).contains(digitsPart.count), digitsPart.allSatisfy({ $0.isASCII && $0.isNumber }),
        let value = Int(digitsPart), value < 60
      else { return false }
    }
    return true
  }

  static func needsQuotes(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
    if " \t".unicodeScalars.contains(last) || " \t".unicodeScalars.contains(first) { return true }
    if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
      // "-x" and ":x" style prefixes are plain-safe only when not followed by a space; keep it simple.
      if first == "-" || first == "?" || first == ":" {
        let rest = text.unicodeScalars.dropFirst()
        if let next = rest.first, next != " " && next != "\t" && first != "?" { return containsIndicators(text) }
      }
      return true
    }
    if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
      return true
    }
    return containsIndicators(text)
  }

  static func containsIndicators(_ text: String) -> Bool {
    text.contains(": ") || text.contains(" #") || text.hasSuffix(":")
  }
}
