/// A path into a tree in sops' `--extract` syntax: `["data"]["password"]`, `["list"][0]`.
public struct SopsTreePath: Sendable, Equatable {
  public enum Component: Sendable, Equatable {
    case key(String)
    case index(Int)
  }

  public var components: [Component]

  public init(components: [Component]) { self.components = components }

  /// Parses sops' syntax: components in brackets, quoted strings are keys, bare numbers indices.
  public init(parsing text: String) throws(SopsError) {
    var components: [Component] = []
    for part in text.split(separator: "[", omittingEmptySubsequences: true) {
      guard part.hasSuffix("]") else {
        throw SopsError(.extract, "--extract \(text): component \"\(part)\" does not end with ]; write it as [\"key\"] or [0]")
      }
      let inner = part.dropLast()
      if let quote = inner.first, quote == "\"" || quote == "'" {
        guard inner.count >= 2, inner.last == quote else {
          throw SopsError(.extract, "--extract \(text): unterminated quote in [\(inner)]")
        }
        components.append(.key(String(inner.dropFirst().dropLast())))
      } else if let index = Int(inner) {
        components.append(.index(index))
      } else {
        throw SopsError(.extract, "--extract \(text): [\(inner)] is neither a quoted key nor an index")
      }
    }
    self.components = components
  }

  /// A key path as `["a"]["b"]`, for messages.
  static func display(_ keys: [String]) -> String {
    keys.isEmpty ? "the top level" : keys.map { "[\"\($0)\"]" }.joined()
  }

  var display: String {
    components.map {
      switch $0 {
      case .key(let k): "[\"\(k)\"]"
      case .index(let i): "[\(i)]"
      }
    }.joined()
  }

  /// The node at this path.
  public func lookup(in node: SopsNode) throws(SopsError) -> SopsNode {
    var current = node
    for component in components {
      switch component {
      case .key(let key):
        guard let members = current.members else {
          throw SopsError(.extract, "\(display): \"\(key)\" is looked up in something that is not a mapping")
        }
        guard let next = members.first(where: { $0.key == key }) else {
          throw SopsError(.extract, "\(display): key \"\(key)\" not found")
        }
        current = next.value
      case .index(let index):
        guard let items = current.items else {
          throw SopsError(.extract, "\(display): [\(index)] is looked up in something that is not a list")
        }
        guard items.indices.contains(index) else {
          throw SopsError(.extract, "\(display): index \(index) is out of bounds (the list has \(items.count) items)")
        }
        current = items[index]
      }
    }
    return current
  }
}

extension SopsFile {
  /// What `sops decrypt --extract` prints: a string's raw text, a mapping as a file of the same
  /// format, any other value as a one-value document.
  public func extract(_ path: SopsTreePath) throws(SopsError) -> String {
    guard let first = documents.first else { throw SopsError(.extract, "the file has no documents") }
    let node = try path.lookup(in: first)
    switch node.kind {
    case .scalar(.string(let s)):
      return s
    case .mapping:
      var copy = self
      copy.documents = [node]
      return copy.serialized()
    default:
      switch format {
      case .json: return SopsJSON.json(node).serialized(.init(indent: jsonIndent)) + "\n"
      case .yaml: return SopsYAML.emit([node], indent: yamlIndent)
      }
    }
  }
}
