import TackJSON

/// A mutable YAML-like node for the strategic merge. kustomize's merge (kyaml's walker) mutates
/// nodes in place and relies on their identity (merged list elements are the target's own
/// objects), so the merge runs on this reference tree rather than on JSON values.
final class MergeNode {
  enum Kind { case scalar, sequence, mapping }

  var kind: Kind
  /// The scalar (`.null`, `.bool`, `.number`, `.string`, or ``GoNull/empty``).
  var scalar: JSON
  var fields: [(key: String, value: MergeNode)]
  var elements: [MergeNode]
  /// A `null` the merge keeps although the patch did not mention it.
  var keepNull = false

  init(kind: Kind, scalar: JSON = .null, fields: [(key: String, value: MergeNode)] = [], elements: [MergeNode] = []) {
    self.kind = kind
    self.scalar = scalar
    self.fields = fields
    self.elements = elements
  }

  convenience init(_ json: JSON) {
    switch json {
    case .object(let object):
      self.init(kind: .mapping, fields: object.members.map { ($0.key, MergeNode($0.value)) })
    case .array(let items):
      self.init(kind: .sequence, elements: items.map { MergeNode($0) })
    default:
      self.init(kind: .scalar, scalar: json)
    }
  }

  var json: JSON {
    switch kind {
    case .scalar: return scalar
    case .sequence: return .array(elements.map(\.json))
    case .mapping:
      var object = JSONObject()
      for (key, value) in fields { object[key] = value.json }
      return .object(object)
    }
  }

  /// Copies `other`'s contents into this node (Go's `*node = *other`).
  func assign(from other: MergeNode) {
    guard other !== self else { return }
    kind = other.kind
    scalar = other.scalar
    fields = other.fields
    elements = other.elements
  }

  /// A null scalar (`null`, `~` or nothing at all).
  var isTaggedNull: Bool { kind == .scalar && GoNull.isNull(scalar) }

  /// A YAML scalar's text (`null` for the literal null, "" for an empty value).
  var value: String {
    guard kind == .scalar else { return "" }
    switch scalar {
    case .string(let s): return s
    case .number(let n): return n
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    default: return ""
    }
  }

  func field(_ key: String) -> MergeNode? {
    guard kind == .mapping else { return nil }
    for entry in fields where entry.key == key { return entry.value }
    return nil
  }

  func setField(_ key: String, _ value: MergeNode) {
    if let index = fields.firstIndex(where: { $0.key == key }) {
      fields[index].value.assign(from: value)
    } else {
      fields.append((key, value))
    }
  }

  func removeField(_ key: String) { fields.removeAll { $0.key == key } }

  /// kyaml's IsNilOrEmpty for a field value: null, empty map or empty list.
  var isNilOrEmpty: Bool {
    switch kind {
    case .scalar: return isTaggedNull
    case .mapping: return fields.isEmpty
    case .sequence: return elements.isEmpty
    }
  }

  var isEmptyMap: Bool { kind == .mapping && fields.isEmpty }

  /// The `apiVersion` and `kind` of a mapping, used to look up a schema.
  var typeMeta: (apiVersion: String, kind: String)? {
    guard kind == .mapping, let apiVersion = field("apiVersion"), let kindNode = field("kind"),
      apiVersion.kind == .scalar, kindNode.kind == .scalar, !apiVersion.value.isEmpty, !kindNode.value.isEmpty
    else { return nil }
    return (apiVersion.value, kindNode.value)
  }
}

/// kustomize tells `key:` (empty, dropped by a merge walking past it) from `key: null` (kept).
/// JSON has one null, so the empty one is carried as this marker until output.
enum GoNull {
  static let empty = JSON.number("")

  static func isNull(_ value: JSON) -> Bool {
    switch value {
    case .null: return true
    case .number(let text): return text.isEmpty
    default: return false
    }
  }

  /// The value with every empty-null marker turned into a JSON null.
  static func normalized(_ value: JSON) -> JSON {
    switch value {
    case .number(let text) where text.isEmpty: return .null
    case .array(let elements):
      guard elements.contains(where: needsNormalizing) else { return value }
      return .array(elements.map(normalized))
    case .object(let object):
      guard object.contains(where: { needsNormalizing($0.value) }) else { return value }
      var result = JSONObject()
      for member in object { result.appendUnchecked(member.key, normalized(member.value)) }
      return .object(result)
    default: return value
    }
  }

  private static func needsNormalizing(_ value: JSON) -> Bool {
    switch value {
    case .number(let text): return text.isEmpty
    case .array(let elements): return elements.contains(where: needsNormalizing)
    case .object(let object): return object.contains { needsNormalizing($0.value) }
    default: return false
    }
  }
}
