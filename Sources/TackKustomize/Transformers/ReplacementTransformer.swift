import TackJSON

/// `replacements:` — copies a value from one resource's field into fields of others. Source and
/// targets are selected by exact ResId fields against any current or earlier ID; paths are
/// `.`-separated with `[field=regex]` element matches, indices and `*`.
struct ReplacementTransformer {
  let entries: [ReplacementEntry]
  let loader: DirectoryLoader
  let file: String

  private func fail(_ reason: String) -> KustomizeError { .transformer(file: file, field: "replacements", reason: reason) }

  func apply(to list: inout ResourceList) throws(KustomizeError) {
    for entry in try expandedEntries() {
      guard let source = entry.source, !entry.targets.isEmpty else {
        throw fail("replacements must specify a source and at least one target")
      }
      let value = try sourceValue(source, in: list.items)
      try list.update { (items: inout [Resource]) throws(KustomizeError) in
        for target in entry.targets {
          try apply(value, to: target, items: &items)
        }
      }
    }
  }

  /// Inline entries, and `path:` entries read from their file (one replacement or a list).
  private func expandedEntries() throws(KustomizeError) -> [ReplacementEntry] {
    var result: [ReplacementEntry] = []
    for entry in entries {
      if entry.path.isEmpty {
        result.append(entry)
        continue
      }
      if entry.source != nil || !entry.targets.isEmpty { throw fail("cannot specify both path and inline replacement") }
      let bytes = try loader.readFile(entry.path, field: "replacements", kustomizationFile: file)
      do {
        let json = try GoYAMLReader(flavour: .v2).single(String(decoding: bytes, as: UTF8.self)) ?? .null
        let list = json.arrayValue ?? [json]
        for element in list {
          var object = try StrictObject(element, path: entry.path)
          result.append(try KustomizationDecoder.replacementEntry(&object))
          try object.finish()
        }
      } catch let error as GoYAMLError {
        throw fail("\(entry.path): \(error.message)")
      } catch let error as StrictObject.DecodeError {
        throw fail("\(entry.path): \(error.message)")
      } catch {
        throw fail("\(entry.path): \(error)")
      }
    }
    return result
  }

  // MARK: source

  private func sourceValue(_ source: ReplacementSource, in items: [Resource]) throws(KustomizeError) -> JSON {
    let selector = Selector(group: source.group, version: source.version, kind: source.kind, name: source.name, namespace: source.namespace)
    let description = "\(source.kind.isEmpty ? "[noKind]" : source.kind).\(source.version.isEmpty ? "[noVer]" : source.version).\(source.group.isEmpty ? "[noGrp]" : source.group)/\(source.name.isEmpty ? "[noName]" : source.name).\(source.namespace.isEmpty ? "[noNs]" : source.namespace)"
    var match: Resource?
    for item in items where Self.ids(of: item).contains(where: { Self.selected($0, by: selector) }) {
      if match != nil { throw fail("multiple matches for selector \(description)") }
      match = item
    }
    guard let match else { throw fail("nothing selected by \(description)") }
    let fieldPath = source.fieldPath.isEmpty ? "metadata.name" : source.fieldPath
    let path = Self.splitPath(fieldPath)
    guard let found = try lookup(.object(match.object), path[...], fieldPath: fieldPath), !Self.isNilOrEmpty(found) else {
      throw fail("fieldPath `\(fieldPath)` is missing for replacement source \(description)")
    }
    guard let options = source.options, !options.delimiter.isEmpty else { return found }
    guard let text = Self.scalarText(found) else { throw fail("delimiter option can only be used with scalar nodes") }
    let parts = text.splitExact(options.delimiter)
    guard options.index >= 0, options.index < parts.count else {
      throw fail("options.index \(options.index) is out of bounds for value \(text)")
    }
    return Self.retyped(found, text: parts[options.index])
  }

  /// kyaml's PathGetter: fields, `[k=v]` (exact), numeric indices; no wildcard.
  private func lookup(_ node: JSON, _ path: ArraySlice<String>, fieldPath: String) throws(KustomizeError) -> JSON? {
    guard let part = path.first else { return node }
    let rest = path.dropFirst()
    if let index = Int(part) {
      guard index >= 0 else { throw fail("array index \(index) cannot be negative") }
      guard case .array(let elements) = node, index < elements.count else { return nil }
      return try lookup(elements[index], rest, fieldPath: fieldPath)
    }
    if part == "*" { throw fail("wildcard is not supported in source fieldPath \(fieldPath)") }
    if part.hasPrefix("[") && part.hasSuffix("]") {
      guard let (key, value) = Self.splitIndex(part) else {
        throw fail("list path element must contain fieldName=fieldValue for element to match")
      }
      guard case .array(let elements) = node else { return nil }
      for element in elements {
        if key.isEmpty {
          if Self.scalarText(element) == value { return try lookup(element, rest, fieldPath: fieldPath) }
        } else if let field = element[key], Self.scalarText(field) == value {
          return try lookup(element, rest, fieldPath: fieldPath)
        }
      }
      return nil
    }
    guard case .object(let object) = node, let child = object[part] else { return nil }
    return try lookup(child, rest, fieldPath: fieldPath)
  }

  // MARK: targets

  private func apply(_ value: JSON, to target: ReplacementTarget, items: inout [Resource]) throws(KustomizeError) {
    guard let select = target.select else { throw fail("target must specify resources to select") }
    let fieldPaths = target.fieldPaths.isEmpty ? ["metadata.name"] : target.fieldPaths
    for index in items.indices {
      let item = items[index]
      guard try TargetSelection.matchesSelectors(item, select, file: file) else { continue }
      var rejected = false
      for reject in target.reject where !reject.labelSelector.isEmpty || !reject.annotationSelector.isEmpty {
        if try TargetSelection.matchesSelectors(item, reject, file: file) { rejected = true }
      }
      if rejected { continue }
      let ids = Self.ids(of: item)
      guard ids.contains(where: { Self.selected($0, by: select) }) else { continue }
      let rejectedByID = target.reject.contains { reject in
        let hasID = !(reject.group.isEmpty && reject.version.isEmpty && reject.kind.isEmpty && reject.name.isEmpty && reject.namespace.isEmpty)
        return hasID && ids.contains { Self.selected($0, by: reject) }
      }
      if rejectedByID { continue }
      for fieldPath in fieldPaths {
        var root = JSON.object(items[index].object)
        let create = target.options?.create ?? false
        var count = 0
        try set(value, in: &root, Self.splitPath(fieldPath)[...], create: create, options: target.options, count: &count)
        if count == 0 {
          throw fail(create ? "unable to find or create field \"\(fieldPath)\" in replacement target" : "unable to find field \"\(fieldPath)\" in replacement target")
        }
        items[index].object = root.objectValue ?? JSONObject()
      }
    }
  }

  /// kyaml's PathMatcher: like the source path, plus `*`, unanchored regular expressions in
  /// `[k=regex]`, and creation of missing fields with `create`.
  private func set(
    _ value: JSON, in node: inout JSON, _ path: ArraySlice<String>, create: Bool, options: FieldOptions?,
    count: inout Int
  ) throws(KustomizeError) {
    guard let part = path.first else {
      try assign(value, to: &node, options: options)
      count += 1
      return
    }
    let rest = path.dropFirst()
    if let index = Int(part), index >= 0 {
      guard case .array(var elements) = node else { throw fail("wrong node kind: expected a sequence for index \(index)") }
      if index == elements.count && create { elements.append(Self.emptyNode(next: rest.first, leaf: value)) }
      guard index < elements.count else { throw fail("index \(index) specified but only \(elements.count) elements found") }
      node = .null
      defer { node = .array(elements) }
      try set(value, in: &elements[index], rest, create: create, options: options, count: &count)
      return
    }
    if part == "*" {
      guard case .array(var elements) = node else { return }
      node = .null
      defer { node = .array(elements) }
      for i in elements.indices { try set(value, in: &elements[i], rest, create: create, options: options, count: &count) }
      return
    }
    if part.hasPrefix("[") && part.hasSuffix("]") {
      guard let (key, pattern) = Self.splitIndex(part) else {
        throw fail("list path element must contain fieldName=fieldValue for element to match")
      }
      guard case .array(var elements) = node else { return }
      let regex: Regex<AnyRegexOutput>
      do { regex = try Regex(pattern) } catch { throw fail("invalid regular expression '\(pattern)' in \(part)") }
      var matched = false
      node = .null
      defer { node = .array(elements) }
      for i in elements.indices {
        let candidate = key.isEmpty ? elements[i] : elements[i][key]
        guard let candidate, let text = Self.scalarText(candidate), (try? regex.firstMatch(in: text)) != nil else { continue }
        matched = true
        try set(value, in: &elements[i], rest, create: create, options: options, count: &count)
      }
      if !matched && create {
        let created: JSON = key.isEmpty ? .string(pattern) : .object([key: .string(pattern)])
        elements.append(created)
        try set(value, in: &elements[elements.count - 1], rest, create: create, options: options, count: &count)
      }
      return
    }
    guard case .object(var object) = node else { return }
    var child: JSON
    if let existing = object[part] {
      child = existing
    } else if create {
      child = Self.emptyNode(next: rest.first, leaf: value)
    } else {
      return
    }
    node = .null
    object[part] = nil
    defer {
      object[part] = child
      node = .object(object)
    }
    try set(value, in: &child, rest, create: create, options: options, count: &count)
  }

  private func assign(_ value: JSON, to target: inout JSON, options: FieldOptions?) throws(KustomizeError) {
    var value = value
    if let options, !options.delimiter.isEmpty {
      guard let targetText = Self.scalarText(target) else { throw fail("delimiter option can only be used with scalar nodes") }
      var parts = targetText.splitExact(options.delimiter)
      let piece = Self.scalarText(value) ?? ""
      if options.index < 0 {
        parts.insert(piece, at: 0)
      } else if options.index >= parts.count {
        parts.append(piece)
      } else {
        parts[options.index] = piece
      }
      value = Self.retyped(value, text: parts.joined(separator: options.delimiter))
    }
    switch target {
    case .object, .array:
      target = value
    case .null:
      // A field created just now (or null): the text is typed again as a plain YAML scalar.
      if let text = Self.scalarText(value), !Self.isCollection(value) {
        target = GoScalarResolver.json(text, flavour: .v3)
      } else {
        target = value
      }
    default:
      guard let text = Self.scalarText(value), !Self.isCollection(value) else {
        target = value
        return
      }
      target = try keepType(of: target, text: text)
    }
  }

  /// A scalar target keeps its type; only the text changes (a text that cannot be that type fails,
  /// as decoding it does in kustomize).
  private func keepType(of target: JSON, text: String) throws(KustomizeError) -> JSON {
    switch target {
    case .string: return .string(text)
    default:
      let resolved = GoScalarResolver.json(text, flavour: .v3)
      switch (target, resolved) {
      case (.number, .number), (.bool, .bool): return resolved
      default: throw fail("cannot use '\(text)' as the value of a non-string field")
      }
    }
  }

  // MARK: helpers

  static func ids(of item: Resource) -> [ResId] {
    let current = item.currentID
    let plain = ResId(group: current.group, version: current.version, kind: current.kind, name: current.name,
                      namespace: current.namespace, clusterScoped: false)
    return [plain] + item.previousIDs
  }

  /// kustomize's `IsSelectedBy`: exact name, effective namespace, and the selector's non-empty GVK.
  static func selected(_ id: ResId, by s: Selector) -> Bool {
    if !s.name.isEmpty && s.name != id.name { return false }
    if !s.namespace.isEmpty {
      let selectorNamespace = s.namespace == "default" ? "default" : s.namespace
      if selectorNamespace != id.effectiveNamespace { return false }
    }
    return id.gvkSelected(group: s.group, version: s.version, kind: s.kind)
  }

  static func splitIndex(_ part: String) -> (String, String)? {
    let inner = part.dropFirst().dropLast()
    guard let equals = inner.firstIndex(of: "=") else { return nil }
    return (String(inner[..<equals]), String(inner[inner.index(after: equals)...]))
  }

  /// kustomize's SmarterPathSplitter on `.`: `\.` escapes, bracketed segments keep their dots.
  static func splitPath(_ path: String) -> [String] {
    var raw: [String] = []
    for piece in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
      if let last = raw.last, last.hasSuffix("\\") {
        raw[raw.count - 1] = String(last.dropLast()) + "." + piece
      } else {
        raw.append(piece)
      }
    }
    var result: [String] = []
    var i = 0
    while i < raw.count {
      let element = raw[i]
      if element.hasPrefix("[") && !element.hasSuffix("]") {
        var bracketed = [element]
        while i < raw.count - 1 {
          i += 1
          bracketed.append(raw[i])
          if raw[i].hasSuffix("]") { break }
        }
        let joined = bracketed.joined(separator: ".")
        if joined.contains("=") {
          result.append(joined)
        } else {
          result.append(String(joined.trimmingBrackets))
        }
      } else {
        result.append(element)
      }
      i += 1
    }
    return result
  }

  static func emptyNode(next: String?, leaf: JSON) -> JSON {
    guard let next else { return isCollection(leaf) ? (leaf.arrayValue != nil ? .array([]) : .object([:])) : .null }
    if Int(next) != nil || (next.hasPrefix("[") && next.hasSuffix("]")) { return .array([]) }
    return .object([:])
  }

  static func isCollection(_ value: JSON) -> Bool {
    switch value {
    case .object, .array: return true
    default: return false
    }
  }

  static func isNilOrEmpty(_ value: JSON) -> Bool {
    switch value {
    case .null: return true
    case .object(let o): return o.isEmpty
    case .array(let a): return a.isEmpty
    default: return false
    }
  }

  /// The text of a scalar, as YAML holds it.
  static func scalarText(_ value: JSON) -> String? {
    switch value {
    case .string(let s): return s
    case .number(let n): return GoNumber.canonical(n)
    case .bool(let b): return b ? "true" : "false"
    case .null: return nil
    default: return nil
    }
  }

  /// `value` with its text replaced, keeping its kind of scalar where the text allows.
  static func retyped(_ value: JSON, text: String) -> JSON {
    switch value {
    case .string: return .string(text)
    default:
      let resolved = GoScalarResolver.json(text, flavour: .v3)
      if case .string = resolved { return .string(text) }
      return resolved
    }
  }
}

extension String {
  fileprivate var trimmingBrackets: Substring {
    var s = Substring(self)
    while s.first == "[" { s = s.dropFirst() }
    while s.last == "]" { s = s.dropLast() }
    return s
  }
}
