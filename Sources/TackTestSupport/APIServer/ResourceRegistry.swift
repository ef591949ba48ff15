import TackJSON

/// Every resource the server currently serves: the built-ins plus the versions of each Established CRD.
struct ResourceRegistry: Sendable {
  private(set) var types: [ResourceType] = []
  private var byPath: [String: Int] = [:]
  private var byKind: [String: Int] = [:]
  /// CRD name → the storage version of its resource.
  private(set) var crdStorageVersion: [String: String] = [:]
  private var crdOfType: [String: String] = [:]
  /// Built-in resources a test switched off (`group/version/plural`): not in discovery, and their
  /// URLs answer 404, as on a cluster that does not serve them; what is stored stays.
  private(set) var unserved: Set<String> = []

  init(builtins: [ResourceType]) {
    types = builtins
    reindex()
  }

  private mutating func reindex() {
    byPath = [:]
    byKind = [:]
    for (index, type) in types.enumerated() {
      byPath["\(type.group)/\(type.version)/\(type.plural)"] = index
      byKind["\(type.apiVersion)|\(type.kind)"] = index
    }
  }

  func lookup(group: String, version: String, plural: String) -> ResourceType? {
    let path = "\(group)/\(version)/\(plural)"
    guard !unserved.contains(path) else { return nil }
    return byPath[path].map { types[$0] }
  }

  mutating func unserve(group: String, version: String, plural: String) {
    unserved.insert("\(group)/\(version)/\(plural)")
  }

  func lookup(apiVersion: String, kind: String) -> ResourceType? {
    byKind["\(apiVersion)|\(kind)"].map { types[$0] }
  }

  /// The type objects of `storageKey` are stored as (the storage version).
  func storageType(forKey storageKey: String) -> ResourceType? {
    if storageKey == "/events" { return types.first { $0.storageKey == storageKey && $0.group.isEmpty } }
    for type in types where type.storageKey == storageKey {
      if let crd = crdOfType["\(type.group)/\(type.version)/\(type.plural)"] {
        if crdStorageVersion[crd] == type.version { return type }
      } else {
        return type
      }
    }
    return nil
  }

  /// Served types of a group/version, in registration order.
  func types(group: String, version: String) -> [ResourceType] {
    types.filter { $0.group == group && $0.version == version && !unserved.contains("\($0.group)/\($0.version)/\($0.plural)") }
  }

  /// Groups with their versions, preferred version first (kube-aggregator's version priority).
  var groups: [(name: String, versions: [String])] {
    var order: [String] = []
    var versions: [String: [String]] = [:]
    for type in types {
      if versions[type.group] == nil { order.append(type.group) }
      if !(versions[type.group]?.contains(type.version) ?? false) { versions[type.group, default: []].append(type.version) }
    }
    return order.map { ($0, (versions[$0] ?? []).sorted { ResourceRegistry.versionPriority($0, $1) }) }
  }

  /// Kubernetes version ordering: GA before beta before alpha, higher numbers first, others last.
  static func versionPriority(_ a: String, _ b: String) -> Bool {
    func rank(_ v: String) -> (Int, Int, Int, String) {
      let pattern = v.dropFirst()
      guard v.hasPrefix("v") else { return (3, 0, 0, v) }
      let digits = pattern.prefix { $0.isNumber }
      guard let major = Int(digits) else { return (3, 0, 0, v) }
      let rest = pattern.dropFirst(digits.count)
      if rest.isEmpty { return (0, -major, 0, v) }
      for (label, level) in [("beta", 1), ("alpha", 2)] where rest.hasPrefix(label) {
        if let minor = Int(rest.dropFirst(label.count)) { return (level, -major, -minor, v) }
      }
      return (3, 0, 0, v)
    }
    return rank(a) < rank(b)
  }

  /// Registers (or replaces) the served versions of a CRD.
  mutating func install(crdName: String, types newTypes: [ResourceType], storageVersion: String) {
    remove(crdName: crdName)
    for type in newTypes { crdOfType["\(type.group)/\(type.version)/\(type.plural)"] = crdName }
    types.append(contentsOf: newTypes)
    crdStorageVersion[crdName] = storageVersion
    reindex()
  }

  mutating func remove(crdName: String) {
    types.removeAll { crdOfType["\($0.group)/\($0.version)/\($0.plural)"] == crdName }
    crdOfType = crdOfType.filter { $0.value != crdName }
    crdStorageVersion[crdName] = nil
    reindex()
  }

  func crdName(of type: ResourceType) -> String? { crdOfType["\(type.group)/\(type.version)/\(type.plural)"] }
}

/// Reads a CustomResourceDefinition into the resource types it serves.
enum CustomResourceDefinitions {
  static let kind = "CustomResourceDefinition"
  static let storageKey = "apiextensions.k8s.io/customresourcedefinitions"

  /// Checks what the real server checks before accepting a CRD (the parts tests can trip over).
  static func validate(_ crd: JSON) -> [FieldError] {
    var errors: [FieldError] = []
    let name = crd[path: "metadata", "name"]?.stringValue ?? ""
    let group = crd[path: "spec", "group"]?.stringValue ?? ""
    let plural = crd[path: "spec", "names", "plural"]?.stringValue ?? ""
    if group.isEmpty { errors.append(FieldError(.required, field: "spec.group")) }
    if plural.isEmpty { errors.append(FieldError(.required, field: "spec.names.plural")) }
    if (crd[path: "spec", "names", "kind"]?.stringValue ?? "").isEmpty {
      errors.append(FieldError(.required, field: "spec.names.kind"))
    }
    if !group.isEmpty, !plural.isEmpty, name != "\(plural).\(group)" {
      errors.append(
        FieldError(.invalid, field: "metadata.name", value: FieldError.goQuote(name),
          detail: "must be spec.names.plural+\".\"+spec.group"))
    }
    let scope = crd[path: "spec", "scope"]?.stringValue ?? ""
    if scope != "Namespaced" && scope != "Cluster" {
      errors.append(
        FieldError(.notSupported, field: "spec.scope", value: FieldError.goQuote(scope),
          detail: "supported values: \"Cluster\", \"Namespaced\""))
    }
    let versions = crd[path: "spec", "versions"]?.arrayValue ?? []
    if versions.isEmpty { errors.append(FieldError(.required, field: "spec.versions", detail: "must have exactly one version marked as storage version")) }
    let storage = versions.filter { $0["storage"]?.boolValue == true }.count
    if !versions.isEmpty && storage != 1 {
      errors.append(
        FieldError(.invalid, field: "spec.versions", value: FieldError.render(.array(versions)),
          detail: "must have exactly one version marked as storage version"))
    }
    for (i, version) in versions.enumerated() where version[path: "schema", "openAPIV3Schema"] == nil {
      errors.append(FieldError(.required, field: "spec.versions[\(i)].schema.openAPIV3Schema", detail: "schemas are required"))
    }
    return errors
  }

  /// The served versions as resource types, and the storage version.
  static func types(of crd: JSON) -> (types: [ResourceType], storageVersion: String) {
    let spec = crd["spec"] ?? [:]
    let group = spec["group"]?.stringValue ?? ""
    let names = spec["names"] ?? [:]
    let kind = names["kind"]?.stringValue ?? ""
    let plural = names["plural"]?.stringValue ?? ""
    var storageVersion = ""
    var types: [ResourceType] = []
    for version in spec["versions"]?.arrayValue ?? [] {
      let versionName = version["name"]?.stringValue ?? ""
      if version["storage"]?.boolValue == true { storageVersion = versionName }
      guard version["served"]?.boolValue ?? true else { continue }
      let schemaJSON = version[path: "schema", "openAPIV3Schema"]
      var columns = [BuiltinResources.nameColumn]
      let printerColumns = version["additionalPrinterColumns"]?.arrayValue ?? []
      if printerColumns.isEmpty {
        columns.append(PrinterColumn(name: "Age", type: "date", value: .jsonPath(JSONPath(".metadata.creationTimestamp")!)))
      }
      for column in printerColumns {
        guard let path = column["jsonPath"]?.stringValue, let jsonPath = JSONPath(path) else { continue }
        columns.append(
          PrinterColumn(
            name: column["name"]?.stringValue ?? "", type: column["type"]?.stringValue ?? "string",
            format: column["format"]?.stringValue ?? "", description: column["description"]?.stringValue ?? "",
            priority: column["priority"]?.intValue ?? 0, value: .jsonPath(jsonPath)))
      }
      types.append(
        ResourceType(
          group: group, version: versionName, kind: kind, plural: plural,
          singular: names["singular"]?.stringValue ?? kind.lowercased(),
          shortNames: names["shortNames"]?.arrayValue?.compactMap(\.stringValue) ?? [],
          categories: names["categories"]?.arrayValue?.compactMap(\.stringValue) ?? [],
          namespaced: spec["scope"]?.stringValue != "Cluster",
          hasStatus: version[path: "subresources", "status"] != nil,
          hasScale: version[path: "subresources", "scale"] != nil,
          tracksGeneration: true, isCustom: true, schema: schemaJSON.map { Schema($0) },
          columns: columns, listKind: names["listKind"]?.stringValue))
    }
    return (types, storageVersion)
  }
}
