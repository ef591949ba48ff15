/// The part of the Kubernetes 1.21.2 OpenAPI schema a strategic merge needs: which lists merge by
/// key (and which keys) rather than being replaced. Kinds not in it (every CRD) merge maps and
/// replace lists.
indirect enum MergeSchema: Sendable {
  /// A schema exists, but nothing below merges by key.
  case opaque
  /// A named object type.
  case type(String)
  /// A list; `keys` is nil for an atomic list, `[]` for a set of scalars, else the merge keys.
  case list(items: MergeSchema?, keys: [String]?)
  /// A map whose values all have one schema.
  case map(MergeSchema)

  private static let types: [String: [String: MergeSchema]] = {
    var result: [String: [String: MergeSchema]] = [:]
    for line in typeTable.split(separator: "\n") {
      let parts = line.split(separator: " ")
      guard let name = parts.first else { continue }
      var fields: [String: MergeSchema] = [:]
      for part in parts.dropFirst() {
        guard let equals = part.firstIndex(of: "=") else { continue }
        var text = part[part.index(after: equals)...]
        fields[String(part[..<equals])] = parse(&text)
      }
      result[String(name)] = fields
    }
    return result
  }()

  private static let roots: [String: MergeSchema] = {
    var result: [String: MergeSchema] = [:]
    for line in rootTable.split(separator: "\n") {
      let parts = line.split(separator: " ")
      guard parts.count == 3 else { continue }
      result[parts[0] + " " + parts[1]] = parts[2] == "." ? .opaque : .type(String(parts[2]))
    }
    return result
  }()

  private static func parse(_ text: inout Substring) -> MergeSchema? {
    guard let first = text.first else { return nil }
    switch first {
    case "@":
      text = text.dropFirst()
      return .type(String(text))
    case "{":
      text = text.dropFirst()
      return .map(parse(&text) ?? .opaque)
    case "[":
      text = text.dropFirst()
      return .list(items: parse(&text), keys: nil)
    case "M":
      guard let close = text.firstIndex(of: ")") else { return .opaque }
      let inner = text[text.index(text.startIndex, offsetBy: 2)..<close]
      let keys = inner.isEmpty ? [] : inner.split(separator: ",").map(String.init)
      text = text[text.index(after: close)...]
      guard text.first == "[" else { return .opaque }
      text = text.dropFirst()
      return .list(items: parse(&text), keys: keys)
    case "-":
      return nil
    default:
      return .opaque
    }
  }

  /// The schema of a resource type, by exact apiVersion and kind.
  static func forResource(apiVersion: String, kind: String) -> MergeSchema? {
    roots[apiVersion + " " + kind]
  }

  /// The schema of field `key` of an object with this schema.
  func field(_ key: String) -> MergeSchema? {
    switch self {
    case .opaque: return .opaque
    case .type(let name): return Self.types[name]?[key] ?? .opaque
    case .map(let value): return value
    case .list: return nil
    }
  }

  /// The schema of the elements of a list with this schema.
  var elements: MergeSchema? {
    if case .list(let items, _) = self { return items }
    return nil
  }

  /// The merge keys when this is a list that merges by key (`[]` for a set of scalars).
  var mergeKeys: [String]? {
    if case .list(_, let keys) = self { return keys }
    return nil
  }
}
