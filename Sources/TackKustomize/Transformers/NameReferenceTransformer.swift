import TackJSON

/// After all renames (prefixes, suffixes, namespaces, hashes), rewrites every field that refers to
/// a renamed object by an earlier name: kustomize's name-reference fix-up. Candidates are narrowed
/// by the referrer's namespace and by matching prefix/suffix history; more than one distinct
/// survivor is an error.
struct NameReferenceTransformer {
  let file: String

  /// What the fix-up needs to know of each possible target; names do not change during it.
  private struct Candidate {
    var index: Int
    var name: String
    var namespace: String
    var kind: String
    var current: ResId
    var original: ResId
    var previous: [ResId]
    var prefixes: [String]
    var suffixes: [String]
  }

  func apply(to list: inout ResourceList) throws(KustomizeError) {
    let candidates: [Candidate] = list.items.enumerated().map { index, item in
      Candidate(
        index: index, name: item.name, namespace: item.namespace, kind: item.kind, current: item.currentID,
        original: item.originalID, previous: item.previousIDs, prefixes: item.prefixes, suffixes: item.suffixes)
    }
    // Only renamed objects can be referral targets: index them by every earlier name.
    var byPreviousName: [String: [Int]] = [:]
    for candidate in candidates {
      for name in Set(candidate.previous.map(\.name)) { byPreviousName[name, default: []].append(candidate.index) }
    }
    if byPreviousName.isEmpty { return }
    try list.update { (items: inout [Resource]) throws(KustomizeError) in
      for index in items.indices {
        let referrer = candidates[index]
        let roleBindingNamespaces = Self.roleBindingNamespaces(items[index])
        for backReference in NameReferenceConfig.backReferences {
          for spec in backReference.referrers
          where referrer.original.gvkSelected(group: spec.group, version: spec.version, kind: spec.kind) {
            var effective = spec
            effective.group = ""
            effective.version = ""
            effective.kind = ""
            let context = Context(
              referrer: referrer, referrerObject: items[index].object, target: backReference, spec: spec,
              candidates: candidates, byPreviousName: byPreviousName, roleBindingNamespaces: roleBindingNamespaces)
            do throws(FieldSpecError) {
              try FieldSpecWalker.apply(effective, to: &items[index].object, leaf: nil) { (node: inout JSON) throws(FieldSpecError) in
                try context.set(&node)
              }
            } catch {
              throw .transformer(
                file: file, field: "name references",
                reason: "updating name reference in '\(spec.path)' field of '\(referrer.current)': \(error.message)")
            }
          }
        }
      }
    }
  }

  /// Namespaces of the ServiceAccount subjects of a RoleBinding: targets there are reachable too.
  private static func roleBindingNamespaces(_ resource: Resource) -> Set<String> {
    guard resource.kind == "RoleBinding", case .array(let subjects) = resource.object["subjects"] else { return [] }
    var result = Set<String>()
    for subject in subjects where subject["kind"]?.stringValue == "ServiceAccount" {
      if let namespace = subject["namespace"]?.stringValue { result.insert(namespace) }
    }
    return result
  }

  private struct Context {
    let referrer: Candidate
    let referrerObject: JSONObject
    let target: NameBackReference
    let spec: FieldSpec
    let candidates: [Candidate]
    let byPreviousName: [String: [Int]]
    let roleBindingNamespaces: Set<String>

    func set(_ node: inout JSON) throws(FieldSpecError) {
      switch node {
      case .null: return
      case .string, .number, .bool: try setScalar(&node)
      case .object: try setMapping(&node)
      case .array(var elements):
        node = .null
        defer { node = .array(elements) }
        for i in elements.indices {
          switch elements[i] {
          case .null: continue
          case .object: try setMapping(&elements[i])
          case .array: throw FieldSpecError(message: "expected either a string or a map of string in a sequence")
          default: try setScalar(&elements[i])
          }
        }
      }
    }

    private func text(_ node: JSON) -> String {
      switch node {
      case .string(let s): return s
      case .number(let n): return n
      case .bool(let b): return b ? "true" : "false"
      default: return ""
      }
    }

    private func setScalar(_ node: inout JSON) throws(FieldSpecError) {
      let old = text(node)
      guard let referral = try select(old, nil, identical: { list in list.allSatisfy { $0.name == list[0].name } }) else {
        return
      }
      if referral.name != old { node = .string(referral.name) }
    }

    private func setMapping(_ node: inout JSON) throws(FieldSpecError) {
      guard case .object(var map) = node else { return }
      guard let nameNode = map["name"] else { throw FieldSpecError(message: "path config error; no 'name' field in node") }
      var pool: ((Candidate) -> Bool)? = nil
      if let namespace = map["namespace"] {
        let ns = text(namespace)
        let effective = (ns.isEmpty || ns == "default") ? "default" : ns
        let inOriginal = { (c: Candidate) in !c.original.isClusterScoped && c.original.effectiveNamespace == effective }
        let inCurrent = { (c: Candidate) in !c.current.isClusterScoped && c.current.effectiveNamespace == effective }
        let anyOriginal = candidates.contains { isReachable($0) && inOriginal($0) }
        pool = anyOriginal ? inOriginal : inCurrent
      }
      let old = text(nameNode)
      guard let referral = try select(old, pool, identical: { list in
        list.allSatisfy { $0.name == list[0].name && $0.namespace == list[0].namespace }
      }) else { return }
      if referral.name == old && referral.namespace.isEmpty { return }
      node = .null
      map["name"] = .string(referral.name)
      if !referral.namespace.isEmpty { map["namespace"] = .string(referral.namespace) }
      node = .object(map)
    }

    /// Whether the referrer can see `target` (kustomize's SubsetThatCouldBeReferencedByResource).
    private func isReachable(_ target: Candidate) -> Bool {
      if referrer.current.isClusterScoped { return true }
      return target.current.isClusterScoped || target.current.effectiveNamespace == referrer.current.effectiveNamespace
        || roleBindingNamespaces.contains(target.namespace)
    }

    /// kustomize's selectReferral over the reachable objects once named `oldName` (and in `pool`).
    private func select(
      _ oldName: String, _ pool: ((Candidate) -> Bool)?, identical: ([Candidate]) -> Bool
    ) throws(FieldSpecError) -> Candidate? {
      guard let named = byPreviousName[oldName] else { return nil }
      var list = named.map { candidates[$0] }.filter { isReachable($0) && (pool?($0) ?? true) }
      list = list.filter { $0.previous.contains { $0.gvkSelected(group: target.group, version: target.version, kind: target.kind) } }
      if spec.path.hasSuffix("roleRef/name"), let roleRef = referrerObject["roleRef"]?.objectValue,
        let apiGroup = roleRef["apiGroup"], let kind = roleRef["kind"]
      {
        let group = text(apiGroup)
        let kindText = text(kind)
        list = list.filter { $0.previous.contains { $0.gvkSelected(group: group, version: "", kind: kindText) } }
      }
      if !referrer.current.isClusterScoped {
        list = list.filter {
          $0.current.isClusterScoped || $0.kind == "ServiceAccount"
            || $0.current.effectiveNamespace == referrer.current.effectiveNamespace
        }
      }
      if list.count == 1 { return list[0] }
      list = list.filter { prefixesSuffixesEqual($0, allowEmpty: true) }
      if list.count > 1 { list = list.filter { prefixesSuffixesEqual($0, allowEmpty: false) } }
      if list.count == 1 { return list[0] }
      if list.isEmpty { return nil }
      if identical(list) { return list[0] }
      throw FieldSpecError(message: "found multiple possible referrals: \(list.map { $0.current.description }.joined(separator: ", "))")
    }

    private func prefixesSuffixesEqual(_ candidate: Candidate, allowEmpty: Bool) -> Bool {
      if allowEmpty {
        let prefixOK = candidate.prefixes.isEmpty || referrer.prefixes.isEmpty || Resource.sameEnding(candidate.prefixes, referrer.prefixes)
        let suffixOK = candidate.suffixes.isEmpty || referrer.suffixes.isEmpty || Resource.sameEnding(candidate.suffixes, referrer.suffixes)
        return prefixOK && suffixOK
      }
      return Resource.sameEnding(candidate.prefixes, referrer.prefixes) && Resource.sameEnding(candidate.suffixes, referrer.suffixes)
    }
  }
}
