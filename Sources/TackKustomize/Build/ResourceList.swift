import TackJSON

/// The accumulated resources of a build, in accumulation order, with an index of current IDs so
/// that adding N resources costs O(N) rather than kustomize's O(N²) scans.
struct ResourceList {
  private(set) var items: [Resource] = []
  /// Current IDs of `items`; nil after a change that may have renamed something.
  private var currentIDs: Set<ResId>? = []
  /// Every ID (earlier and current) → indices of the resources that had it; built on demand.
  private var anyIDs: [ResId: [Int]]?

  var count: Int { items.count }
  var isEmpty: Bool { items.isEmpty }

  /// Changes resources in place; the ID index is rebuilt when next needed.
  mutating func update<T, E: Error>(_ body: (inout [Resource]) throws(E) -> T) throws(E) -> T {
    currentIDs = nil
    anyIDs = nil
    return try body(&items)
  }

  /// The ID index, moved out of the list so that inserting does not copy it.
  private mutating func takeIDs() -> Set<ResId> {
    if let set = currentIDs {
      currentIDs = nil
      return set
    }
    var set = Set<ResId>(minimumCapacity: items.count)
    for item in items { set.insert(item.currentID) }
    return set
  }

  /// Appends, refusing a resource whose current ID is already taken (kustomize's Append).
  mutating func append(_ resource: Resource, file: String) throws(KustomizeError) {
    var set = takeIDs()
    let id = resource.currentID
    guard set.insert(id).inserted else {
      currentIDs = set
      throw .duplicateID(file: file, id: id.description)
    }
    items.append(resource)
    currentIDs = set
    if anyIDs != nil {
      var index = anyIDs!
      anyIDs = nil
      for any in Set(resource.allIDs) { index[any, default: []].append(items.count - 1) }
      anyIDs = index
    }
  }

  mutating func append(contentsOf resources: [Resource], file: String) throws(KustomizeError) {
    for resource in resources { try append(resource, file: file) }
  }

  /// Indices of resources any of whose IDs (previous or current) equals `id`, in list order.
  mutating func indices(matchingAnyID id: ResId) -> [Int] {
    if anyIDs == nil {
      var index: [ResId: [Int]] = [:]
      for (position, item) in items.enumerated() {
        for any in Set(item.allIDs) { index[any, default: []].append(position) }
      }
      anyIDs = index
    }
    return anyIDs?[id] ?? []
  }

  /// Adds a generated ConfigMap/Secret: `create` appends (the ID must be new), `merge` and
  /// `replace` take the place, name and namespace of the one existing object they match.
  mutating func absorb(_ generated: Resource, file: String, generatorName: String) throws(KustomizeError) {
    let id = generated.currentID
    let matches = indices(matchingAnyID: id)
    let behavior = generated.behavior ?? .unspecified
    switch matches.count {
    case 0:
      if behavior == .merge || behavior == .replace {
        throw .generator(file: file, name: generatorName, reason: "id \(id) does not exist; cannot merge or replace")
      }
      try append(generated, file: file)
    case 1:
      let index = matches[0]
      let old = items[index]
      var merged = generated
      switch behavior {
      case .create, .unspecified:
        throw .generator(file: file, name: generatorName, reason: "id \(id) exists; behavior must be merge or replace")
      case .replace:
        Self.copyMetadata(from: old, into: &merged)
      case .merge:
        Self.copyMetadata(from: old, into: &merged)
        for field in ["data", "binaryData"] {
          let oldMap = old.object[field]?.objectValue ?? JSONObject()
          let newMap = merged.object[field]?.objectValue ?? JSONObject()
          if oldMap.isEmpty && newMap.isEmpty { continue }
          var result = oldMap
          for member in newMap { result[member.key] = member.value }
          merged.object[field] = .object(result)
        }
      }
      // Same name, namespace and history as the object it replaces: the ID indexes stay valid.
      items[index] = merged
    default:
      throw .generator(file: file, name: generatorName, reason: "found multiple objects that could accept merge of \(id)")
    }
  }

  /// What a merged/replaced generator output inherits: labels and annotations (new ones win),
  /// name, namespace and rename history; a hash only when both sides wanted one.
  private static func copyMetadata(from old: Resource, into new: inout Resource) {
    var labels = old.object["metadata"]?["labels"]?.objectValue ?? JSONObject()
    for member in new.object["metadata"]?["labels"]?.objectValue ?? JSONObject() { labels[member.key] = member.value }
    var annotations = old.object["metadata"]?["annotations"]?.objectValue ?? JSONObject()
    for member in new.object["metadata"]?["annotations"]?.objectValue ?? JSONObject() {
      annotations[member.key] = member.value
    }
    new.setMetadata("labels", labels.isEmpty ? JSON?.none : JSON.object(labels))
    new.setMetadata("annotations", annotations.isEmpty ? JSON?.none : JSON.object(annotations))
    new.setName(old.name)
    new.setNamespace(old.namespace)
    new.needsHashSuffix = new.needsHashSuffix && old.needsHashSuffix
    new.history = old.history
    new.prefixes = old.prefixes
    new.suffixes = old.suffixes
    new.source = old.source
  }

  /// Keeps only the resources `keep` accepts.
  mutating func filter(_ keep: (Resource) -> Bool) {
    update { $0 = $0.filter(keep) }
  }
}
