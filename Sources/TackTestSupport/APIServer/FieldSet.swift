import TackJSON

/// A set of field paths in the `FieldsV1` shape of `metadata.managedFields`: `f:<name>` for
/// fields, `k:{"name":"x"}` for items of keyed lists, `v:<json>` for items of set lists. A node is
/// a member when it is a leaf or carries `.`.
struct FieldSet: Sendable, Equatable {
  var isMember = false
  var children: [String: FieldSet] = [:]

  var isEmpty: Bool { !isMember && children.isEmpty }

  mutating func insert(_ path: ArraySlice<String>) {
    guard let first = path.first else {
      isMember = true
      return
    }
    children[first, default: FieldSet()].insert(path.dropFirst())
  }

  /// Puts `child` under `key`, merging with what is there (keyed-list items may repeat); empty
  /// children are not kept, as inserting no path keeps nothing.
  mutating func adopt(_ key: String, _ child: FieldSet) {
    guard !child.isEmpty else { return }
    if var existing = children[key] {
      existing.merge(child)
      children[key] = existing
    } else {
      children[key] = child
    }
  }

  mutating func merge(_ other: FieldSet) {
    if other.isMember { isMember = true }
    for (key, child) in other.children { adopt(key, child) }
  }

  func contains(_ path: ArraySlice<String>) -> Bool {
    guard let first = path.first else { return isMember }
    return children[first]?.contains(path.dropFirst()) ?? false
  }

  /// Every member path.
  func paths(prefix: [String] = []) -> [[String]] {
    var result: [[String]] = isMember ? [prefix] : []
    for key in children.keys.sorted() { result += children[key]!.paths(prefix: prefix + [key]) }
    return result
  }

  mutating func remove(_ path: ArraySlice<String>) {
    guard let first = path.first else {
      isMember = false
      return
    }
    guard var child = children[first] else { return }
    child.remove(path.dropFirst())
    children[first] = child.isEmpty ? nil : child
  }

  func subtracting(_ other: FieldSet) -> FieldSet {
    if isEmpty || other.isEmpty { return self }
    var result = self
    for path in other.paths() { result.remove(path[...]) }
    return result
  }

  func union(_ other: FieldSet) -> FieldSet {
    if isEmpty { return other }
    if other.isEmpty { return self }
    var result = self
    for path in other.paths() { result.insert(path[...]) }
    return result
  }

  // MARK: FieldsV1 JSON

  var json: JSON {
    var object = JSONObject()
    if isMember && !children.isEmpty { object.appendUnchecked(".", .object([:])) }
    for key in children.keys.sorted() { object.appendUnchecked(key, children[key]!.json) }
    return .object(object)
  }

  init() {}

  init(json: JSON) {
    let object = json.objectValue ?? [:]
    if object.isEmpty { isMember = true }
    for member in object {
      if member.key == "." { isMember = true } else { children[member.key] = FieldSet(json: member.value) }
    }
  }

  /// Go's `fieldpath.Path.String()`: `.spec.containers[name="web"].image`.
  static func describe(_ path: [String]) -> String {
    var text = ""
    for element in path {
      if element.hasPrefix("f:") {
        text += "." + element.dropFirst(2)
      } else if element.hasPrefix("k:") {
        let keys = (try? JSON.parse(String(element.dropFirst(2))))?.objectValue ?? [:]
        text += "[" + keys.sortedMembers.map { "\($0.key)=\($0.value.serialized())" }.joined(separator: ",") + "]"
      } else if element.hasPrefix("v:") {
        text += "[=" + element.dropFirst(2) + "]"
      } else if element.hasPrefix("i:") {
        text += "[" + element.dropFirst(2) + "]"
      }
    }
    return text
  }
}

/// How a value is merged and tracked: the structural type SMD derives from a schema.
enum FieldShape: Equatable {
  case structure
  case map
  case atomic
  case keyedList([String])
  case setList

  /// The shape of `value` at `path` (field names only), from the CRD schema or built-in knowledge.
  static func of(_ value: JSON, schema: Schema?, path: [String], custom: Bool) -> FieldShape {
    switch value {
    case .object:
      if let schema {
        if schema.mapType == "atomic" { return .atomic }
        if schema.properties.isEmpty && (schema.additionalProperties != nil || schema.preserveUnknownFields) {
          return .map
        }
        return schema.properties.isEmpty && schema.type == nil ? .map : .structure
      }
      if custom { return .map }
      return BuiltinShapes.mapFields.contains(path.joined(separator: ".")) || path.last == "labels"
        || path.last == "annotations" ? .map : .structure
    case .array:
      if let schema {
        switch schema.listType {
        case "map": return .keyedList(schema.listMapKeys)
        case "set": return .setList
        default: return .atomic
        }
      }
      if custom { return .atomic }
      if let keys = BuiltinShapes.keyedLists[path.last ?? ""] { return .keyedList(keys) }
      if path == ["metadata", "finalizers"] { return .setList }
      return .atomic
    default:
      return .atomic
    }
  }
}

/// The list keys and maps of built-in kinds that strategic merge and apply need (`patchMergeKey`
/// and `listType=map` in the Go types), by field name.
enum BuiltinShapes {
  static let keyedLists: [String: [String]] = [
    "containers": ["name"], "initContainers": ["name"], "ephemeralContainers": ["name"], "env": ["name"],
    "volumes": ["name"], "volumeMounts": ["mountPath"], "volumeDevices": ["devicePath"],
    "imagePullSecrets": ["name"], "ownerReferences": ["uid"], "conditions": ["type"],
    "hostAliases": ["ip"], "topologySpreadConstraints": ["topologyKey", "whenUnsatisfiable"],
    "ports": ["containerPort", "protocol"],
  ]
  static let mapFields: Set<String> = [
    "data", "stringData", "binaryData", "spec.selector", "spec.nodeSelector", "spec.selector.matchLabels",
    "spec.template.spec.nodeSelector", "spec.podSelector.matchLabels", "metadata.labels", "metadata.annotations",
  ]
}

/// Walks an object and its schema together to build field sets and find values at paths.
struct FieldWalker {
  var schema: Schema?
  var custom: Bool

  /// Every field `object` sets, as SMD's `ToFieldSet` would (metadata limited to what apply owns).
  func fieldSet(of object: JSON) -> FieldSet {
    var set = FieldSet()
    guard case .object(let root) = object else { return set }
    for member in root {
      switch member.key {
      case "apiVersion", "kind": continue
      case "metadata":
        var metadata = FieldSet()
        for field in member.value.objectValue ?? [:] {
          guard ["labels", "annotations", "finalizers", "ownerReferences"].contains(field.key) else { continue }
          metadata.adopt("f:\(field.key)", subtree(field.value, schema: nil, fieldPath: ["metadata", field.key]))
        }
        set.adopt("f:metadata", metadata)
      default:
        set.adopt("f:\(member.key)", subtree(member.value, schema: schema?.property(member.key), fieldPath: [member.key]))
      }
    }
    return set
  }

  /// The field set of one value, built bottom-up (no path is re-walked from the root). Built-in
  /// kinds need the dotted field path to know their maps and keyed lists; custom ones go by schema.
  func subtree(_ value: JSON, schema: Schema?, fieldPath: [String]) -> FieldSet {
    let shape = FieldShape.of(value, schema: schema, path: fieldPath, custom: custom)
    var node = FieldSet()
    switch (shape, value) {
    case (.structure, .object(let object)), (.map, .object(let object)):
      if shape == .map || object.isEmpty { node.isMember = true }
      for member in object {
        node.adopt("f:\(member.key)", subtree(member.value, schema: schema?.child(member.key),
          fieldPath: custom ? [] : fieldPath + [member.key]))
      }
    case (.keyedList(let keys), .array(let items)):
      for item in items {
        var element = FieldSet()
        element.isMember = true
        for member in item.objectValue ?? [:] {
          element.adopt("f:\(member.key)", subtree(member.value, schema: schema?.items?.child(member.key),
            fieldPath: custom ? [] : fieldPath + [member.key]))
        }
        node.adopt(FieldWalker.keyElement(item, keys: keys), element)
      }
    case (.setList, .array(let items)):
      var leaf = FieldSet()
      leaf.isMember = true
      for item in items { node.adopt("v:" + item.serialized(), leaf) }
    default:
      node.isMember = true
    }
    return node
  }

  static func keyElement(_ item: JSON, keys: [String]) -> String {
    var object = JSONObject()
    for key in keys.sorted() { if let value = item[key] { object.appendUnchecked(key, value) } }
    return "k:" + JSON.object(object).serialized()
  }

  /// The value at a field-set path, if present.
  static func value(at path: [String], in object: JSON) -> JSON? {
    var current: JSON? = object
    for element in path {
      guard let node = current else { return nil }
      if element.hasPrefix("f:") {
        current = node[String(element.dropFirst(2))]
      } else if element.hasPrefix("k:") {
        let keys = (try? JSON.parse(String(element.dropFirst(2))))?.objectValue ?? [:]
        current = node.arrayValue?.first { item in keys.allSatisfy { item[$0.key] == $0.value } }
      } else if element.hasPrefix("v:") {
        let wanted = try? JSON.parse(String(element.dropFirst(2)))
        current = node.arrayValue?.first { $0 == wanted }
      } else {
        return nil
      }
    }
    return current
  }
}
