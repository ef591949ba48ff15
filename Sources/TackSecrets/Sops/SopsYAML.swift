import TackJSON
import Yams

/// Reads and writes SOPS trees as YAML through Yams' Node API, which keeps key order and scalar
/// styles. Comments are dropped by libyaml; SOPS never puts them in the MAC, so files stay valid.
enum SopsYAML {
  /// Every document of a YAML stream, and the indentation the file uses (nil when it has no
  /// nested block mapping to tell).
  static func parse(_ text: String) throws(SopsError) -> (documents: [SopsNode], indent: Int?) {
    var documents: [SopsNode] = []
    var indent: Int?
    do {
      let parser = try GuardedYAMLParser(yaml: text)
      while let root = try parser.nextRoot() {
        switch root {
        case .mapping(let mapping):
          documents.append(try node(root))
          if indent == nil { indent = detectIndent(mapping) }
        case .scalar(let scalar) where scalar.style == .plain && (try? SopsYAMLScalar.resolve(scalar.string, plain: true, tag: scalar.tag.rawValue)) == .null:
          // An empty document (`---` alone) is an empty branch, as in sops.
          documents.append(.mapping([]))
        case .sequence:
          throw SopsError(.invalidInput, "YAML documents that are sequences are not supported; SOPS needs a mapping at the top of each document")
        default:
          throw SopsError(.invalidInput, "YAML documents that are single values are not supported; SOPS needs a mapping at the top of each document")
        }
      }
    } catch let error as SopsError {
      throw error
    } catch let error as YamlError {
      throw SopsError(.invalidInput, "invalid YAML: \(firstLine(of: "\(error)"))")
    } catch {
      throw SopsError(.invalidInput, "invalid YAML: \(error)")
    }
    return (documents, indent)
  }

  static func firstLine(of text: String) -> String {
    text.split(separator: "\n").first.map(String.init) ?? text
  }

  static func node(_ node: Node) throws(SopsError) -> SopsNode {
    switch node {
    case .scalar(let scalar):
      let style = SopsStyle(scalar.style)
      do {
        let value = try SopsYAMLScalar.resolve(scalar.string, plain: style == .plain, tag: scalar.tag.rawValue)
        return SopsNode(.scalar(value), style: style, literal: scalar.string)
      } catch {
        throw SopsError(.invalidInput, "\(error.reason) (line \((scalar.mark?.line ?? 0)))")
      }
    case .sequence(let sequence):
      var items: [SopsNode] = []
      items.reserveCapacity(sequence.count)
      for item in sequence { items.append(try self.node(item)) }
      return SopsNode(.sequence(items), style: sequence.style == .flow ? .flow : .block)
    case .mapping(let mapping):
      var members: [SopsMember] = []
      members.reserveCapacity(mapping.count)
      var seen: Set<String> = []
      for (key, value) in mapping {
        guard case .scalar(let keyScalar) = key else {
          throw SopsError(.invalidInput, "mapping keys must be strings (line \(key.mark?.line ?? 0))")
        }
        let keyStyle = SopsStyle(keyScalar.style)
        let resolved = try? SopsYAMLScalar.resolve(keyScalar.string, plain: keyStyle == .plain, tag: keyScalar.tag.rawValue)
        guard case .string(let keyText)? = resolved else {
          throw SopsError(.invalidInput, "key \"\(keyScalar.string)\" on line \(keyScalar.mark?.line ?? 0) is not a string; quote it (SOPS only supports string keys)")
        }
        // YAML tells `!x key` from `key`, SOPS does not: its keys are strings. Written back, both would
        // be `key:` and the file would no longer read (or, to a lenient reader, lose a value).
        guard seen.insert(keyText).inserted else {
          throw SopsError(.invalidInput, "key \"\(keyText)\" on line \(keyScalar.mark?.line ?? 0) is defined twice in its mapping; SOPS keys are strings, so a tag does not tell them apart")
        }
        members.append(SopsMember(keyText, try self.node(value), keyStyle: keyStyle))
      }
      return SopsNode(.mapping(members), style: mapping.style == .flow ? .flow : .block)
    case .alias:
      throw SopsError(.invalidInput, "unresolved YAML alias")
    }
  }

  /// The indentation step of the first nested block mapping.
  static func detectIndent(_ mapping: Node.Mapping) -> Int? {
    for (key, value) in mapping {
      guard case .mapping(let child) = value, child.style != .flow, let childKey = child.first?.key,
        let parentColumn = key.mark?.column, let childColumn = childKey.mark?.column,
        childColumn > parentColumn
      else { continue }
      return childColumn - parentColumn
    }
    return nil
  }

  // MARK: writing

  /// The documents as a YAML stream (`---` between documents), each ending in a newline.
  static func emit(_ documents: [SopsNode], indent: Int) -> String {
    let nodes = documents.map { yamlNode($0) }
    do {
      return try Yams.serialize(nodes: nodes, indent: min(max(indent, 2), 9), width: -1, allowUnicode: true)
    } catch {
      // Serializing a tree built here cannot fail short of a libyaml bug; show it, never hide it.
      return "# YAML serialization failed: \(error)\n"
    }
  }

  static func yamlNode(_ node: SopsNode) -> Node {
    switch node.kind {
    case .mapping(let members):
      let pairs = members.map { member in
        (keyNode(member.key, style: member.keyStyle), yamlNode(member.value))
      }
      return .mapping(Node.Mapping(pairs, Tag(.map), node.style == .flow && !members.isEmpty ? .flow : .block))
    case .sequence(let items):
      return .sequence(Node.Sequence(items.map(yamlNode), Tag(.seq), node.style == .flow && !items.isEmpty ? .flow : .block))
    case .scalar(let value):
      if let literal = node.literal, let style = node.style {
        return .scalar(Node.Scalar(literal, Tag(.str), style.scalarStyle))
      }
      let (text, style) = scalarText(value)
      return .scalar(Node.Scalar(text, Tag(.str), style))
    }
  }

  static func keyNode(_ key: String, style: SopsStyle?) -> Node {
    var chosen = style?.scalarStyle ?? .any
    // A key read plain under a tag (`!!str 8: x`, `! 8: x`) is the string "8"; written plain again
    // it would read as a number, which the reader refuses. Quote it, as a key without a style.
    if chosen == .plain || chosen == .any, SopsYAMLScalar.needsQuoting(key) { chosen = .doubleQuoted }
    return .scalar(Node.Scalar(key, Tag(.str), chosen))
  }

  /// The text and style for a value the writer chooses the presentation of.
  static func scalarText(_ value: SopsValue) -> (String, Node.Scalar.Style) {
    switch value {
    case .null: return ("null", .plain)
    case .bool(let b): return (b ? "true" : "false", .plain)
    case .int(let i): return (String(i), .plain)
    case .time(let t): return (t, .plain)
    case .float(let d):
      if d.isNaN { return (".nan", .plain) }
      if d.isInfinite { return (d < 0 ? "-.inf" : ".inf", .plain) }
      let text = SopsValue.goFixed(d)
      return (text.contains(".") ? text : text + ".0", .plain)
    case .string(let s):
      if s.contains("\n") { return (s, .literal) }
      return (s, SopsYAMLScalar.needsQuoting(s) ? .doubleQuoted : .any)
    }
  }
}

extension SopsStyle {
  init(_ style: Node.Scalar.Style) {
    switch style {
    case .singleQuoted: self = .singleQuoted
    case .doubleQuoted: self = .doubleQuoted
    case .literal: self = .literal
    case .folded: self = .folded
    default: self = .plain
    }
  }

  var scalarStyle: Node.Scalar.Style {
    switch self {
    case .singleQuoted: .singleQuoted
    case .doubleQuoted: .doubleQuoted
    case .literal: .literal
    case .folded: .folded
    default: .plain
    }
  }
}
