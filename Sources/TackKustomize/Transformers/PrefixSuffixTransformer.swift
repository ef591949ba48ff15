import TackJSON

/// `namePrefix` / `nameSuffix` — renames every resource except CRDs, APIServices and Namespaces,
/// remembering the affix (for name references) and the old ID.
struct PrefixSuffixTransformer {
  let prefix: String
  let suffix: String
  let file: String

  static func skips(_ id: ResId) -> Bool {
    id.kind == "CustomResourceDefinition" || id.kind == "Namespace"
      || (id.kind == "APIService" && id.group == "apiregistration.k8s.io")
  }

  func apply(to list: inout ResourceList) throws(KustomizeError) {
    list.update { items in
      for index in items.indices {
        if Self.skips(items[index].originalID) { continue }
        if !prefix.isEmpty { items[index].prefixes.append(prefix) }
        if !suffix.isEmpty { items[index].suffixes.append(suffix) }
        items[index].storePreviousID()
        let name = items[index].name
        items[index].setName(prefix + name + suffix)
      }
    }
  }
}
