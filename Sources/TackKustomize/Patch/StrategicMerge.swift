/// kustomize's strategic merge (kyaml's `merge2` walker with list prepending), ported step by
/// step because its results depend on the exact walk: maps merge key by key, `null` deletes,
/// `$patch: replace|delete|merge` directives on maps and lists, lists with a merge strategy in the
/// schema merge by key (the patch's elements first), every other list is replaced.
struct StrategicMerge {
  struct MergeError: Error { var message: String }

  /// Merges `patch` into `target` (both mutated). Nil when the merge deletes the whole object.
  static func merge(patch: MergeNode, into target: MergeNode) throws(MergeError) -> MergeNode? {
    var walker = Walker(sources: [target, patch], schema: nil)
    return try walker.walk()
  }

  private struct Walker {
    /// [dest, origin]: the object being patched, and the patch.
    var sources: [MergeNode?]
    var schema: MergeSchema?

    var dest: MergeNode? { sources[0] }
    var origin: MergeNode? { sources[1] }

    static func isMissingOrNull(_ node: MergeNode?) -> Bool { node == nil || node!.isTaggedNull }

    mutating func walk() throws(MergeError) -> MergeNode? {
      schema = resolveSchema()
      let kind = sources.first(where: { !Self.isMissingOrNull($0) })??.kind
      switch kind {
      case .mapping?, nil:
        if kind != nil { try checkKinds(.mapping) }
        return try walkMap()
      case .sequence?:
        try checkKinds(.sequence)
        if let keys = schema?.mergeKeys { return try walkAssociativeSequence(keys: keys) }
        return visitListNonAssociative()
      case .scalar?:
        try checkKinds(.scalar)
        return origin ?? dest
      }
    }

    private func checkKinds(_ kind: MergeNode.Kind) throws(MergeError) {
      for source in sources where !Self.isMissingOrNull(source) && source!.kind != kind {
        throw MergeError(message: "wrong node kind: expected \(Self.name(kind)) but got \(Self.name(source!.kind))")
      }
    }

    static func name(_ kind: MergeNode.Kind) -> String {
      switch kind {
      case .scalar: return "ScalarNode"
      case .sequence: return "SequenceNode"
      case .mapping: return "MappingNode"
      }
    }

    /// The given schema, else the built-in one for the first source with apiVersion and kind.
    private func resolveSchema() -> MergeSchema? {
      if let schema { return schema }
      for source in sources where !Self.isMissingOrNull(source) {
        if let meta = source!.typeMeta, let found = MergeSchema.forResource(apiVersion: meta.apiVersion, kind: meta.kind) {
          return found
        }
      }
      return nil
    }

    // MARK: maps

    private mutating func walkMap() throws(MergeError) -> MergeNode? {
      guard let merged = try visitMap() else { return nil }
      sources[0] = merged
      var names = Set<String>()
      for source in sources {
        guard let source, source.kind == .mapping else { continue }
        for entry in source.fields { names.insert(entry.key) }
      }
      for key in names.sorted() {
        var child = Walker(sources: sources.map { $0?.field(key) }, schema: schema?.field(key))
        let value = try child.walk()
        if let value, !value.isTaggedNull || value.keepNull {
          merged.setField(key, value)
        } else {
          merged.removeField(key)
        }
      }
      return merged
    }

    private func visitMap() throws(MergeError) -> MergeNode? {
      if Self.isMissingOrNull(dest) {
        // kustomize ignores an unknown directive here (and leaves it in place).
        if let origin, origin.kind == .mapping, (try? Directive.of(mapping: origin)) == .delete { return nil }
        if origin == nil, let dest, dest.kind == .scalar, !dest.value.isEmpty, dest.isTaggedNull {
          // `key: null` in the object, untouched by the patch, stays.
          let kept = MergeNode(kind: .scalar, scalar: .null)
          kept.keepNull = true
          return kept
        }
        return origin
      }
      if let origin, origin.isTaggedNull { return nil }
      let directive: Directive
      if let origin {
        guard origin.kind == .mapping else { return dest }
        directive = try Directive.of(mapping: origin)
      } else {
        directive = .merge
      }
      switch directive {
      case .delete: return nil
      case .replace: return origin
      case .merge: return dest
      }
    }

    // MARK: lists

    private func visitListNonAssociative() -> MergeNode? { origin ?? dest }

    private func visitListAssociative() throws(MergeError) -> (node: MergeNode?, stop: Bool) {
      if Self.isMissingOrNull(dest) { return (origin, false) }
      if let origin, origin.isTaggedNull { return (nil, true) }
      guard let origin else { return (dest, false) }
      switch try Directive.of(sequence: origin) {
      case .delete: return (nil, true)
      case .replace: return (origin, false)
      case .merge: return (dest, false)
      }
    }

    private mutating func walkAssociativeSequence(keys schemaKeys: [String]) throws(MergeError) -> MergeNode? {
      let (visited, _) = try visitListAssociative()
      guard let list = visited else { return nil }
      sources[0] = list
      let values = elementValues(schemaKeys)
      if !values.isEmpty || !schemaKeys.isEmpty {
        return try setElements(values, keys: schemaKeys, dest: list)
      }
      return try setElements(primitiveValues(), keys: [""], dest: list)
    }

    /// Key values of every element, the patch's first (prepend), each tuple once.
    private func elementValues(_ keys: [String]) -> [[String]] {
      var result: [[String]] = []
      var seen = Set<[String]>()
      for source in [origin, dest] {
        guard let source, source.kind == .sequence else { continue }
        for element in source.elements {
          guard !keys.isEmpty else { continue }
          let tuple = keys.map { key -> String in
            guard let field = element.field(key), !field.isNilOrEmpty else { return "" }
            return field.value
          }
          if seen.insert(tuple).inserted { result.append(tuple) }
        }
      }
      return result
    }

    private func primitiveValues() -> [[String]] {
      var result: [[String]] = []
      var seen = Set<String>()
      for source in [origin, dest] {
        guard let source, source.kind == .sequence else { continue }
        for item in source.elements where seen.insert(item.value).inserted {
          result.append([item.value])
        }
      }
      return result
    }

    private mutating func setElements(_ inputValues: [[String]], keys: [String], dest list: MergeNode) throws(MergeError) -> MergeNode? {
      let toAdd = MergeNode(kind: .sequence)
      let elementSchema = schema?.elements
      var valuesList = inputValues
      if keys.count > 1 { valuesList = Self.mergeValues(valuesList) }
      var validKeys = keys
      for values in valuesList where !values.isEmpty {
        let (vk, vv) = Self.validateKeys(valuesList, values, keys)
        validKeys = vk
        var child = Walker(sources: sources.map { $0.flatMap { Self.elementList($0, vk, vv) } }, schema: elementSchema)
        let merged = try child.walk()
        var exit = false
        for (i, key) in vk.enumerated() {
          if Self.isMissingOrNull(merged) || merged!.isEmptyMap {
            Self.setElement(in: list, element: nil, keys: vk, values: vv)
            exit = true
          } else if merged!.field(key) == nil && vv[i] != "" {
            merged!.setField(key, MergeNode(kind: .scalar, scalar: GoScalarResolver.json(vv[i], flavour: .v3)))
          }
        }
        if exit { continue }
        Self.setElement(in: toAdd, element: merged, keys: vk, values: vv)
      }
      var result = list
      if !valuesList.isEmpty {
        result = Self.appendList(list, onto: toAdd, keys: validKeys)
      }
      return Self.isMissingOrNull(result) ? nil : result
    }

    /// Two-key lists: tuples that agree on every set key (one side may leave a key empty) merge.
    static func mergeValues(_ input: [[String]]) -> [[String]] {
      var list = input
      for i in list.indices {
        for j in list.indices {
          if let merged = match(list[i], list[j]) {
            list[i] = merged
            list[j] = merged
          }
        }
      }
      return list
    }

    private static func match(_ a: [String], _ b: [String]) -> [String]? {
      guard a.count == b.count else { return nil }
      var common = false
      var result: [String] = []
      for i in a.indices {
        if a[i] == b[i] {
          common = true
          result.append(a[i])
          continue
        }
        if !a[i].isEmpty && !b[i].isEmpty { return nil }
        result.append(a[i].isEmpty ? b[i] : a[i])
      }
      return common ? result : nil
    }

    /// Drops keys that no element sets (falling back to all keys when none is set anywhere).
    static func validateKeys(_ valuesList: [[String]], _ values: [String], _ keys: [String]) -> ([String], [String]) {
      var valid = Set<String>()
      for tuple in valuesList {
        for (i, v) in tuple.enumerated() where !v.isEmpty && i < keys.count { valid.insert(keys[i]) }
      }
      if valid.isEmpty { return (keys, values) }
      let validKeys = keys.filter { valid.contains($0) }
      var validValues: [String] = []
      for (i, v) in values.enumerated() where !v.isEmpty || (i < keys.count && valid.contains(keys[i])) {
        validValues.append(v)
      }
      return (validKeys, validValues)
    }

    /// The first element of `list` matching the key values (kyaml's ElementMatcher).
    static func elementList(_ list: MergeNode, _ keys: [String], _ values: [String]) -> MergeNode? {
      let (keys, values) = validateKeys([values], values, keys)
      guard list.kind == .sequence else { return nil }
      if keys.isEmpty || keys[0].isEmpty {
        let wanted = values.first ?? ""
        return list.elements.first { $0.value == wanted }
      }
      guard keys.count == values.count else { return nil }
      for element in list.elements where element.kind == .mapping {
        // Exact text, even for an empty value (unlike ElementSetter's matching below).
        let matches = zip(keys, values).allSatisfy { key, value in
          guard let field = element.field(key) else { return false }
          return field.value == value
        }
        if matches { return element }
      }
      return nil
    }

    /// kyaml's ElementSetter: replaces the elements matching the keys with `element` (or removes
    /// them when it is nil), drops null and empty-map elements, and appends when nothing matched.
    static func setElement(in list: MergeNode, element: MergeNode?, keys inputKeys: [String], values: [String]) {
      let keys = inputKeys.isEmpty ? [""] : inputKeys
      let mappingSetter = !keys[0].isEmpty && !values.isEmpty && !values[0].isEmpty
      var content: [MergeNode] = []
      var matched = false
      for existing in list.elements {
        if isMissingOrNull(existing) || existing.isEmptyMap { continue }
        if existing.kind != .mapping && mappingSetter {
          content.append(existing)
          continue
        }
        var found = true
        var last: MergeNode?
        for (j, key) in keys.enumerated() {
          if j < values.count { last = fieldMatch(existing, name: key, value: values[j]) }
          if last == nil {
            found = false
            break
          }
        }
        if !found {
          if !values.isEmpty { content.append(existing) }
          continue
        }
        matched = true
        if let element { content.append(element) }
      }
      list.elements = content
      guard let element, !isMissingOrNull(element) else { return }
      if !matched { list.elements.append(element) }
    }

    /// kyaml's FieldMatcher with a string value: the named field if its text equals `value` (any
    /// value when `value` is empty); with an empty name, the scalar itself.
    private static func fieldMatch(_ node: MergeNode, name: String, value: String) -> MergeNode? {
      if isMissingOrNull(node) { return nil }
      if name.isEmpty {
        guard node.kind == .scalar else { return nil }
        return node.value == value ? node : nil
      }
      guard node.kind == .mapping, let field = node.field(name) else { return nil }
      if !value.isEmpty && field.value != value { return nil }
      return field
    }

    /// Puts the object's own (now merged) elements into the patch-ordered list (prepend).
    static func appendList(_ source: MergeNode, onto target: MergeNode, keys: [String]) -> MergeNode {
      for element in source.elements {
        if keys.first?.isEmpty ?? true {
          setElement(in: target, element: element, keys: [""], values: [element.value])
          continue
        }
        var values: [String] = []
        for key in keys {
          guard let field = element.field(key) else {
            target.elements.append(element)
            continue
          }
          values.append(field.value)
        }
        if keys.count > 1 { setElement(in: target, element: nil, keys: keys, values: values) }
        setElement(in: target, element: element, keys: keys, values: values)
      }
      return target
    }
  }

  /// `$patch` on a map or in a list.
  enum Directive {
    case merge, replace, delete

    /// A map's own `$patch` (removed from the patch once read; an unknown one stays and fails).
    static func of(mapping patch: MergeNode) throws(MergeError) -> Directive {
      guard let node = patch.field("$patch") else { return .merge }
      let directive = try parse(node.value)
      patch.removeField("$patch")
      return directive
    }

    /// A list's `{$patch: …}` element (one holding nothing else); removed once read.
    static func of(sequence patch: MergeNode) throws(MergeError) -> Directive {
      guard let element = patch.elements.first(where: { $0.kind == .mapping && $0.field("$patch") != nil }),
        element.fields.count <= 1, let value = element.field("$patch")
      else { return .merge }
      let directive = try parse(value.value)
      Walker.setElement(in: patch, element: nil, keys: ["$patch"], values: [value.value])
      return directive
    }

    private static func parse(_ value: String) throws(MergeError) -> Directive {
      switch value {
      case "delete": return .delete
      case "replace": return .replace
      case "merge": return .merge
      default: throw MergeError(message: "unknown patch strategy '\(value)'")
      }
    }
  }
}
