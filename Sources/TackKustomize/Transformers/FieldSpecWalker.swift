import TackJSON

/// What a field spec's walk found at its end (or why it stopped).
struct FieldSpecError: Error {
  var message: String
}

/// Walks a field spec path (`spec/template/metadata/labels`) through an object and calls `set` on
/// what it finds there, as kustomize's fieldspec filter does: sequences on the way are entered
/// element by element, a `[]` suffix marks a sequence that is never created, `\/` escapes a slash
/// inside a key, and with `create` missing maps (and a missing or null leaf) are created.
enum FieldSpecWalker {
  /// Splits on `/`, gluing segments whose predecessor ends with a backslash.
  static func split(_ path: String) -> [String] {
    var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if parts.count > 1 && parts[0].isEmpty { parts.removeFirst() }
    var result: [String] = []
    for part in parts {
      if let last = result.last, last.hasSuffix("\\") {
        result[result.count - 1] = String(last.dropLast()) + "/" + part
      } else {
        result.append(part)
      }
    }
    return result
  }

  /// Applies `set` at `spec.path` in `object` when the spec's group/version/kind match the object.
  /// `leaf` is what a missing (or null) last field becomes when the spec creates it.
  static func apply(
    _ spec: FieldSpec, to object: inout JSONObject, leaf: JSON?,
    set: (inout JSON) throws(FieldSpecError) -> Void
  ) throws(FieldSpecError) {
    let apiVersion = object["apiVersion"]?.stringValue ?? ""
    let kind = object["kind"]?.stringValue ?? ""
    let (group, version) = ResId.splitAPIVersion(apiVersion)
    guard spec.matches(group: group, version: version, kind: kind) else { return }
    let path = spec.segments
    var root = JSON.object(object)
    object = JSONObject()
    defer { object = root.objectValue ?? JSONObject() }
    try walk(&root, path[...], create: spec.create, leaf: leaf, set: set)
  }

  private static func walk(
    _ node: inout JSON, _ path: ArraySlice<String>, create: Bool, leaf: JSON?,
    set: (inout JSON) throws(FieldSpecError) -> Void
  ) throws(FieldSpecError) {
    guard let segment = path.first else {
      try set(&node)
      return
    }
    switch node {
    case .null:
      return
    case .array(var elements):
      node = .null
      defer { node = .array(elements) }
      for index in elements.indices {
        try walk(&elements[index], path, create: create, leaf: leaf, set: set)
      }
    case .object(var object):
      let isSequence = segment.hasSuffix("[]")
      let name = isSequence ? String(segment.dropLast(2)) : segment
      guard !name.isEmpty else { throw FieldSpecError(message: "cannot set or create an empty field name") }
      let isLast = path.count == 1
      let creating = create && !isSequence && (!isLast || leaf != nil)
      var child: JSON
      if let existing = object[name] {
        child = existing
        if case .null = existing, creating {
          child = isLast ? leaf! : .object([:])
        }
      } else if creating {
        child = isLast ? leaf! : .object([:])
      } else {
        return
      }
      node = .null
      object[name] = nil
      defer {
        object[name] = child
        node = .object(object)
      }
      try walk(&child, path.dropFirst(), create: create, leaf: leaf, set: set)
    default:
      throw FieldSpecError(message: "expected sequence or mapping node")
    }
  }
}
