import TackJSON
import TackKustomize

/// The structural comparison `flux diff` prints, after homeport/dyff (v1.10, the library flux
/// uses with Kubernetes entity detection on and order changes reported).
///
/// Both sides are first written as sigs.k8s.io/yaml would write them (keys sorted), so the node
/// order, scalar texts and YAML types here are those dyff sees when it reads flux's temporary files.
public enum Dyff {
  /// A YAML node as dyff sees it.
  indirect enum Node: Sendable, Equatable {
    /// `value` is the scalar's text, `tag` its resolved type (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`).
    case scalar(value: String, tag: String)
    case mapping([(key: String, value: Node)])
    case sequence([Node])

    static func == (a: Node, b: Node) -> Bool {
      switch (a, b) {
      case (.scalar(let x, let s), .scalar(let y, let t)): return x == y && s == t
      case (.sequence(let x), .sequence(let y)): return x == y
      case (.mapping(let x), .mapping(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
      default: return false
      }
    }

    init(_ json: JSON) {
      switch json {
      case .null: self = .scalar(value: "null", tag: "!!null")
      case .bool(let flag): self = .scalar(value: flag ? "true" : "false", tag: "!!bool")
      case .number:
        let text = KustomizeYAML.document(json).trimmingTrailingNewlines()
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let isInteger = !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
        self = .scalar(value: text, tag: isInteger ? "!!int" : "!!float")
      case .string(let text): self = .scalar(value: text, tag: "!!str")
      case .array(let elements): self = .sequence(elements.map(Node.init))
      case .object(let object):
        let values = Dictionary(object.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        self = .mapping(KustomizeYAML.sortedKeys(Array(values.keys)).map { ($0, Node(values[$0]!)) })
      }
    }

    var kindName: String {
      switch self {
      case .scalar: "scalar"
      case .mapping: "map"
      case .sequence: "list"
      }
    }

    /// dyff's `humanReadableType`.
    var typeName: String {
      switch self {
      case .mapping: return "map"
      case .sequence: return "list"
      case .scalar(_, let tag):
        switch tag {
        case "!!str": return "string"
        case "!!null": return "<nil>"
        default: return String(tag.dropFirst(2))
        }
      }
    }

    func value(forKey key: String) -> Node? {
      guard case .mapping(let pairs) = self else { return nil }
      return pairs.first { $0.key == key }?.value
    }

    var scalarText: String {
      if case .scalar(let value, _) = self { return value }
      return ""
    }

    /// dyff hashes lists and maps by their scalar texts (types ignored, map order ignored).
    var identity: String {
      switch self {
      case .scalar(let value, _): return "s" + String(value.utf8.count) + ":" + value
      case .sequence(let elements): return "[" + elements.map(\.identity).joined(separator: ",") + "]"
      case .mapping(let pairs):
        return "{" + pairs.map { "s\($0.key.utf8.count):\($0.key)=\($0.value.identity)" }.sorted().joined(separator: ",") + "}"
      }
    }
  }

  /// One element of a path: a map key, a named list entry, or a list index.
  enum PathElement: Sendable, Equatable {
    case key(String)
    case named(identifier: String, name: String)
    case index(Int)
  }

  enum DetailKind: Character, Sendable {
    case addition = "+"
    case removal = "-"
    case modification = "±"
    case orderChange = "⇆"
  }

  struct Detail: Sendable {
    var kind: DetailKind
    var from: Node?
    var to: Node?
  }

  struct Difference: Sendable {
    /// nil: the document root.
    var path: [PathElement]?
    var details: [Detail]
  }

  // MARK: comparison

  static func compare(_ from: JSON, _ to: JSON) -> [Difference] {
    objects(path: nil, Node(from), Node(to))
  }

  private static func appending(_ path: [PathElement]?, _ element: PathElement) -> [PathElement] {
    (path ?? []) + [element]
  }

  private static func objects(path: [PathElement]?, _ from: Node, _ to: Node) -> [Difference] {
    switch (from, to) {
    case (.mapping(let a), .mapping(let b)):
      return mappings(path: path, a, b)
    case (.sequence(let a), .sequence(let b)):
      return sequences(path: path, a, b)
    case (.scalar(let x, let s), .scalar(let y, let t)):
      guard s == t else { return [Difference(path: path, details: [Detail(kind: .modification, from: from, to: to)])] }
      switch s {
      case "!!null": return []
      case "!!bool":
        guard truthValue(x) != truthValue(y) else { return [] }
      default:
        guard x != y else { return [] }
      }
      return [Difference(path: path, details: [Detail(kind: .modification, from: from, to: to)])]
    default:
      return [Difference(path: path, details: [Detail(kind: .modification, from: from, to: to)])]
    }
  }

  private static func truthValue(_ text: String) -> Bool? {
    if ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"].contains(text) { return true }
    if ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"].contains(text) { return false }
    return nil
  }

  private static func mappings(path: [PathElement]?, _ from: [(key: String, value: Node)], _ to: [(key: String, value: Node)])
    -> [Difference]
  {
    var result: [Difference] = []
    var removals: [(key: String, value: Node)] = []
    var additions: [(key: String, value: Node)] = []
    for pair in from {
      if let other = to.first(where: { $0.key == pair.key }) {
        result += objects(path: appending(path, .key(pair.key)), pair.value, other.value)
      } else {
        removals.append(pair)
      }
    }
    for pair in to where !from.contains(where: { $0.key == pair.key }) { additions.append(pair) }
    var details: [Detail] = []
    if !removals.isEmpty { details.append(Detail(kind: .removal, from: .mapping(removals))) }
    if !additions.isEmpty { details.append(Detail(kind: .addition, to: .mapping(additions))) }
    if !details.isEmpty { result.insert(Difference(path: path, details: details), at: 0) }
    return result
  }

  private static func sequences(path: [PathElement]?, _ from: [Node], _ to: [Node]) -> [Difference] {
    if from.isEmpty && to.isEmpty { return [] }
    if let identifier = standardIdentifier(from, to) ?? nonStandardIdentifier(from, to) {
      return namedEntries(path: path, identifier: identifier, from, to)
    }
    if allKubernetesObjects(from) && allKubernetesObjects(to) {
      return namedEntries(path: path, identifier: nil, from, to)
    }
    return simpleList(path: path, from, to)
  }

  /// `name`, `key`, `id` or `manager` when every entry of both lists has a distinct value for it.
  private static func standardIdentifier(_ a: [Node], _ b: [Node]) -> String? {
    func distinctValues(_ list: [Node]) -> [String: Set<String>] {
      var result: [String: Set<String>] = [:]
      for case .mapping(let pairs) in list {
        for pair in pairs where ["name", "key", "id", "manager"].contains(pair.key) {
          result[pair.key, default: []].insert(pair.value.scalarText)
        }
      }
      return result
    }
    let counterA = distinctValues(a)
    let counterB = distinctValues(b)
    for candidate in ["name", "key", "id", "manager"] {
      if counterA[candidate]?.count == a.count, counterB[candidate]?.count == b.count { return candidate }
    }
    return nil
  }

  /// Any string-valued key with distinct values in every entry, for lists of more than three.
  private static func nonStandardIdentifier(_ a: [Node], _ b: [Node]) -> String? {
    func counts(_ list: [Node]) -> [String: Int] {
      var values: [String: Set<String>] = [:]
      for entry in list {
        guard case .mapping(let pairs) = entry else { return [:] }
        for pair in pairs {
          if case .scalar(let text, "!!str") = pair.value { values[pair.key, default: []].insert(text) }
        }
      }
      return values.mapValues(\.count)
    }
    let counterA = counts(a)
    let counterB = counts(b)
    for key in counterA.keys.sorted() {
      if let countB = counterB[key], counterA[key] == a.count, countB == b.count, a.count > 3 { return key }
    }
    return nil
  }

  static func kubernetesName(_ node: Node) -> String? {
    guard case .mapping = node, let apiVersion = node.value(forKey: "apiVersion"), let kind = node.value(forKey: "kind"),
      let name = node.value(forKey: "metadata")?.value(forKey: "name")
    else { return nil }
    var parts = [apiVersion.scalarText, kind.scalarText]
    if let namespace = node.value(forKey: "metadata")?.value(forKey: "namespace") { parts.append(namespace.scalarText) }
    parts.append(name.scalarText)
    return parts.joined(separator: "/")
  }

  private static func allKubernetesObjects(_ list: [Node]) -> Bool { list.allSatisfy { kubernetesName($0) != nil } }

  /// Entries matched by identifier (nil: Kubernetes object identity).
  private static func namedEntries(path: [PathElement]?, identifier: String?, _ from: [Node], _ to: [Node]) -> [Difference] {
    func name(_ node: Node) -> String {
      if let identifier { return node.value(forKey: identifier)?.scalarText ?? "" }
      return kubernetesName(node) ?? ""
    }
    var result: [Difference] = []
    var removals: [Node] = []
    var additions: [Node] = []
    var fromNames: [String] = []
    var toNames: [String] = []
    for entry in from {
      let entryName = name(entry)
      if let match = to.first(where: { name($0) == entryName }) {
        result += objects(
          path: appending(path, .named(identifier: identifier ?? "resource", name: entryName)), entry, match)
        fromNames.append(entryName)
      } else {
        removals.append(entry)
      }
    }
    for entry in to {
      let entryName = name(entry)
      if from.contains(where: { name($0) == entryName }) { toNames.append(entryName) } else { additions.append(entry) }
    }
    var order: [Detail] = []
    let positions = Dictionary(toNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    for (index, entryName) in fromNames.enumerated() where (positions[entryName] ?? 0) != index {
      order.append(Detail(kind: .orderChange, from: names(fromNames), to: names(toNames)))
      break
    }
    return packed(result, path: path, order: order, additions: additions, removals: removals)
  }

  private static func names(_ list: [String]) -> Node { .sequence(list.map { .scalar(value: $0, tag: "!!str") }) }

  private static func simpleList(path: [PathElement]?, _ from: [Node], _ to: [Node]) -> [Difference] {
    if from.count == 1 && to.count == 1 { return objects(path: appending(path, .index(0)), from[0], to[0]) }
    func lookup(_ list: [Node]) -> [String: Int] {
      var counts: [String: Int] = [:]
      for node in list { counts[node.identity, default: 0] += 1 }
      return counts
    }
    let fromCounts = lookup(from)
    let toCounts = lookup(to)
    let (removals, fromCommon) = surplus(from, counts: fromCounts, other: toCounts)
    let (additions, toCommon) = surplus(to, counts: toCounts, other: fromCounts)
    var order: [Detail] = []
    if fromCommon.count == toCommon.count, zip(fromCommon, toCommon).contains(where: { $0.identity != $1.identity }) {
      order.append(Detail(kind: .orderChange, from: .sequence(fromCommon), to: .sequence(toCommon)))
    }
    return packed([], path: path, order: order, additions: additions, removals: removals)
  }

  /// Entries of `list` the other side lacks (as often as they are missing there) and the entries
  /// both sides have, in order.
  private static func surplus(_ list: [Node], counts: [String: Int], other: [String: Int]) -> (extra: [Node], common: [Node]) {
    var extra: [Node] = []
    var common: [Node] = []
    for node in list {
      let key = node.identity
      guard let otherCount = other[key] else {
        extra.append(node)
        continue
      }
      common.append(node)
      let count = counts[key]!
      if count > otherCount, !extra.contains(where: { $0.identity == key }) {
        extra += Array(repeating: node, count: count - otherCount)
      }
    }
    return (extra, common)
  }

  private static func packed(_ list: [Difference], path: [PathElement]?, order: [Detail], additions: [Node], removals: [Node])
    -> [Difference]
  {
    var details = order
    if !removals.isEmpty { details.append(Detail(kind: .removal, from: .sequence(removals))) }
    if !additions.isEmpty { details.append(Detail(kind: .addition, to: .sequence(additions))) }
    guard !details.isEmpty else { return list }
    return [Difference(path: path, details: details)] + list
  }

  /// The dot-style path dyff prints (`spec.ports.http.port`); the root is `(root level)`.
  static func pathText(_ path: [PathElement]?) -> String {
    guard let path else { return "(root level)" }
    return path.map { element -> String in
      switch element {
      case .key(let name): name
      case .named(_, let name): name
      case .index(let index): String(index)
      }
    }.joined(separator: ".")
  }
}
