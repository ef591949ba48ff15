import TackJSON

/// How a generated ConfigMap/Secret meets an existing one with the same ID.
enum GeneratorBehavior: String, Sendable {
  /// No or an unknown `behavior`: acts as create.
  case unspecified, create, merge, replace
}

/// One object being built, with the bookkeeping kustomize keeps in `internal.config.kubernetes.io`
/// annotations: earlier IDs (every rename), name prefixes/suffixes applied, generator flags.
struct Resource {
  var object: JSONObject
  /// Earlier kinds, names and namespaces, oldest first; the namespace is recorded as the
  /// effective one (`default` for none).
  var history: [(kind: String, name: String, namespace: String)] = []
  var prefixes: [String] = []
  var suffixes: [String] = []
  /// Set on generated objects: create/merge/replace against what is already there.
  var behavior: GeneratorBehavior?
  var needsHashSuffix = false
  /// The file (relative to the build root) it came from, for messages.
  var source: String

  init(object: JSONObject, source: String) {
    self.object = object
    self.source = source
  }

  var apiVersion: String { object["apiVersion"]?.stringValue ?? "" }
  var kind: String { object["kind"]?.stringValue ?? "" }
  var name: String { object["metadata"]?["name"]?.stringValue ?? "" }
  var namespace: String { object["metadata"]?["namespace"]?.stringValue ?? "" }

  var currentID: ResId { ResId(apiVersion: apiVersion, kind: kind, name: name, namespace: namespace) }

  /// The ID it was loaded or generated with.
  var originalID: ResId { previousIDs.first ?? currentID }

  /// Every ID it ever had, current last.
  var allIDs: [ResId] { previousIDs + [currentID] }

  /// Records the current ID before a rename (kustomize's StorePreviousId).
  mutating func storePreviousID() {
    let id = currentID
    history.append((id.kind, id.name, id.effectiveNamespace))
  }

  /// The earlier IDs as kustomize reads them back: with the *current* group and version.
  var previousIDs: [ResId] {
    guard !history.isEmpty else { return [] }
    let (group, version) = ResId.splitAPIVersion(apiVersion)
    return history.map {
      ResId(group: group, version: version, kind: $0.kind, name: $0.name, namespace: $0.namespace, clusterScoped: false)
    }
  }

  var labels: [String: String] { stringMap(object["metadata"]?["labels"]) }
  var annotations: [String: String] { stringMap(object["metadata"]?["annotations"]) }

  private func stringMap(_ value: JSON?) -> [String: String] {
    guard let object = value?.objectValue else { return [:] }
    var result: [String: String] = [:]
    for member in object {
      switch member.value {
      case .string(let s): result[member.key] = s
      case .number(let n): result[member.key] = n
      case .bool(let b): result[member.key] = b ? "true" : "false"
      default: result[member.key] = ""
      }
    }
    return result
  }

  mutating func setName(_ name: String) { setMetadata("name", name.isEmpty ? JSON?.none : JSON.string(name)) }

  /// Sets or (for "") removes metadata.namespace.
  mutating func setNamespace(_ namespace: String) { setMetadata("namespace", namespace.isEmpty ? JSON?.none : JSON.string(namespace)) }

  mutating func setMetadata(_ key: String, _ value: JSON?) {
    var metadata = object["metadata"]?.objectValue ?? JSONObject()
    object["metadata"] = nil
    metadata[key] = value
    object["metadata"] = .object(metadata)
  }

  /// Prefix/suffix histories equal, as kustomize compares them when choosing a referral target:
  /// the shorter list must be the end of the longer one (an empty list matches anything when
  /// `allowEmpty`).
  func prefixesSuffixesEqual(_ other: Resource, allowEmpty: Bool) -> Bool {
    if allowEmpty {
      let prefixOK = prefixes.isEmpty || other.prefixes.isEmpty || Self.sameEnding(prefixes, other.prefixes)
      let suffixOK = suffixes.isEmpty || other.suffixes.isEmpty || Self.sameEnding(suffixes, other.suffixes)
      return prefixOK && suffixOK
    }
    return Self.sameEnding(prefixes, other.prefixes) && Self.sameEnding(suffixes, other.suffixes)
  }

  static func sameEnding(_ a: [String], _ b: [String]) -> Bool {
    var shortest = a
    var longest = b
    if shortest.count > longest.count { swap(&shortest, &longest) }
    let diff = longest.count - shortest.count
    if shortest.isEmpty { return diff == 0 }
    for i in stride(from: shortest.count - 1, through: 0, by: -1) where longest[i + diff] != shortest[i] {
      return false
    }
    return true
  }

  /// The annotations kustomize keeps on an object during a build (what a JSON patch sees).
  var internalAnnotations: [(String, String)] {
    var result: [(String, String)] = []
    if !history.isEmpty {
      result.append(("internal.config.kubernetes.io/previousKinds", history.map(\.kind).joined(separator: ",")))
      result.append(("internal.config.kubernetes.io/previousNames", history.map(\.name).joined(separator: ",")))
      result.append(("internal.config.kubernetes.io/previousNamespaces", history.map(\.namespace).joined(separator: ",")))
    }
    if !prefixes.isEmpty { result.append(("internal.config.kubernetes.io/prefixes", prefixes.joined(separator: ","))) }
    if !suffixes.isEmpty { result.append(("internal.config.kubernetes.io/suffixes", suffixes.joined(separator: ","))) }
    if let behavior { result.append(("internal.config.kubernetes.io/generatorBehavior", behavior.rawValue)) }
    if needsHashSuffix { result.append(("internal.config.kubernetes.io/needsHashSuffix", "enabled")) }
    return result
  }

  /// The object with its internal annotations added, as kustomize's JSON form of it.
  func withInternalAnnotations() -> JSONObject {
    let extra = internalAnnotations
    guard !extra.isEmpty else { return object }
    var copy = self
    var annotations = copy.object["metadata"]?["annotations"]?.objectValue ?? JSONObject()
    for (key, value) in extra { annotations[key] = .string(value) }
    copy.setMetadata("annotations", .object(annotations))
    return copy.object
  }

  /// Drops internal annotations (and an annotations map left empty) again.
  static func withoutInternalAnnotations(_ object: JSONObject) -> JSONObject {
    guard case .object(var metadata)? = object["metadata"], let annotationsValue = metadata["annotations"] else { return object }
    var result = object
    switch annotationsValue {
    case .object(var annotations):
      for key in annotations.keys where key.hasPrefix("internal.config.kubernetes.io/") { annotations[key] = nil }
      metadata["annotations"] = annotations.isEmpty ? JSON?.none : JSON.object(annotations)
    case .null:
      metadata["annotations"] = nil
    default:
      break
    }
    result["metadata"] = .object(metadata)
    return result
  }
}
