import TackJSON
import TackKustomize

/// The parts of a Flux `Kustomization` (kustomize.toolkit.fluxcd.io/v1) that `build` and `diff`
/// use, read from the object with flux's types: a field of the wrong type is an error naming it,
/// unknown fields are ignored.
public struct FluxKustomization: Sendable, Equatable {
  /// A kustomize patch from `spec.patches`: inline text and an optional target selector.
  public struct Patch: Sendable, Equatable {
    public var patch: String
    /// The selector as given (group, version, kind, name, namespace, labelSelector, annotationSelector).
    public var target: Selector?
    public init(patch: String, target: Selector? = nil) {
      self.patch = patch
      self.target = target
    }
  }

  /// `group`/`version`/`kind`/`name`/`namespace` (regular expressions for drift ignore rules) and
  /// label/annotation selectors.
  public struct Selector: Sendable, Equatable {
    public var group = "", version = "", kind = "", name = "", namespace = ""
    public var labelSelector = "", annotationSelector = ""
    public init(group: String = "", version: String = "", kind: String = "", name: String = "", namespace: String = "",
      labelSelector: String = "", annotationSelector: String = "")
    {
      self.group = group
      self.version = version
      self.kind = kind
      self.name = name
      self.namespace = namespace
      self.labelSelector = labelSelector
      self.annotationSelector = annotationSelector
    }
  }

  public struct Image: Sendable, Equatable {
    public var name: String
    public var newName = "", newTag = "", digest = ""
    public init(name: String, newName: String = "", newTag: String = "", digest: String = "") {
      self.name = name
      self.newName = newName
      self.newTag = newTag
      self.digest = digest
    }
  }

  /// `spec.postBuild.substituteFrom[]`.
  public struct SubstituteReference: Sendable, Equatable, Hashable {
    public var kind: String
    public var name: String
    public var optional: Bool
    public init(kind: String, name: String, optional: Bool = false) {
      self.kind = kind
      self.name = name
      self.optional = optional
    }
  }

  public struct PostBuild: Sendable, Equatable {
    public var substitute: [String: String]?
    public var substituteFrom: [SubstituteReference]
    /// `Always` runs substitution even without variables (so defaults apply).
    public var substituteAlways: Bool
    public init(substitute: [String: String]? = nil, substituteFrom: [SubstituteReference] = [], substituteAlways: Bool = false) {
      self.substitute = substitute
      self.substituteFrom = substituteFrom
      self.substituteAlways = substituteAlways
    }
  }

  /// `spec.ignore[]`: JSON pointers left out of drift detection, for objects the target selects.
  public struct DriftIgnoreRule: Sendable, Equatable {
    public var paths: [String]
    public var target: Selector?
    public init(paths: [String], target: Selector? = nil) {
      self.paths = paths
      self.target = target
    }
  }

  /// `status.inventory.entries[]`: `<namespace>_<name>_<group>_<kind>` and the API version.
  public struct InventoryEntry: Sendable, Equatable {
    public var id: String
    public var version: String
    public init(id: String, version: String) {
      self.id = id
      self.version = version
    }
  }

  public var object: JSON
  public var name: String
  public var namespace: String
  public var path: String
  public var targetNamespace: String?
  public var namePrefix: String?
  public var nameSuffix: String?
  public var patches: [Patch]
  public var images: [Image]
  public var components: [String]
  public var ignoreMissingComponents: Bool
  public var buildMetadata: [String]
  public var commonLabels: [String: String]
  public var commonAnnotations: [String: String]
  public var postBuild: PostBuild?
  public var prune: Bool
  public var driftIgnoreRules: [DriftIgnoreRule]
  public var inventory: [InventoryEntry]?
  /// `Kind/namespace/name` of the source (namespace defaulted to the Kustomization's), as
  /// `--local-sources` keys are written.
  public var sourceKey: String
  /// `spec.kubeConfig` is set: the objects live in another cluster.
  public var targetsRemoteCluster: Bool

  public static let group = "kustomize.toolkit.fluxcd.io"

  public init(_ object: JSON) throws(FluxBuildError) {
    let r = FieldReader(object)
    self.object = object
    name = try r.string("metadata", "name") ?? ""
    namespace = try r.string("metadata", "namespace") ?? ""
    path = try r.string("spec", "path") ?? ""
    targetNamespace = try r.nonEmptyString("spec", "targetNamespace")
    namePrefix = try r.nonEmptyString("spec", "namePrefix")
    nameSuffix = try r.nonEmptyString("spec", "nameSuffix")
    patches = try r.objects("spec", "patches").map { (e: FieldReader) throws(FluxBuildError) in
      Patch(patch: try e.string("patch") ?? "", target: try e.selector("target"))
    }
    images = try r.objects("spec", "images").map { (e: FieldReader) throws(FluxBuildError) in
      Image(
        name: try e.string("name") ?? "", newName: try e.string("newName") ?? "", newTag: try e.string("newTag") ?? "",
        digest: try e.string("digest") ?? "")
    }
    components = try r.strings("spec", "components") ?? []
    ignoreMissingComponents = try r.bool("spec", "ignoreMissingComponents") ?? false
    buildMetadata = try r.strings("spec", "buildMetadata") ?? []
    commonLabels = try r.stringMap("spec", "commonMetadata", "labels") ?? [:]
    commonAnnotations = try r.stringMap("spec", "commonMetadata", "annotations") ?? [:]
    if try r.object("spec", "postBuild") != nil {
      let references = try r.objects("spec", "postBuild", "substituteFrom").map {
        (e: FieldReader) throws(FluxBuildError) in
        SubstituteReference(kind: try e.string("kind") ?? "", name: try e.string("name") ?? "",
          optional: try e.bool("optional") ?? false)
      }
      postBuild = PostBuild(
        substitute: try r.stringMap("spec", "postBuild", "substitute"), substituteFrom: references,
        substituteAlways: try r.string("spec", "postBuild", "substituteStrategy") == "Always")
    }
    prune = try r.bool("spec", "prune") ?? false
    driftIgnoreRules = try r.objects("spec", "ignore").map { (e: FieldReader) throws(FluxBuildError) in
      DriftIgnoreRule(paths: try e.strings("paths") ?? [], target: try e.selector("target"))
    }
    if try r.object("status", "inventory") != nil {
      inventory = try r.objects("status", "inventory", "entries").map { (e: FieldReader) throws(FluxBuildError) in
        InventoryEntry(id: try e.string("id") ?? "", version: try e.string("v") ?? "")
      }
    }
    let sourceKind = try r.string("spec", "sourceRef", "kind") ?? ""
    let sourceName = try r.string("spec", "sourceRef", "name") ?? ""
    let sourceNamespace = try r.nonEmptyString("spec", "sourceRef", "namespace") ?? namespace
    sourceKey = "\(sourceKind)/\(sourceNamespace)/\(sourceName)"
    targetsRemoteCluster = try r.object("spec", "kubeConfig") != nil
  }

  /// The Kustomization named `name` in a `--kustomization-file`: the first document whose
  /// apiVersion is in the kustomize.toolkit.fluxcd.io group, kind Kustomization, with this name and
  /// this namespace or none.
  public static func find(in text: String, file: String, name: String, namespace: String)
    throws(FluxBuildError) -> FluxKustomization
  {
    let documents: [JSON?]
    do {
      documents = try KustomizeYAML.decodeYAML11(text, file: file)
    } catch {
      throw .unreadable(path: file, reason: "failed to unmarshall kustomization file: \(error)")
    }
    for case let document? in documents {
      let apiVersion = document["apiVersion"]?.stringValue ?? ""
      let kind = document["kind"]?.stringValue ?? ""
      let documentName = document[path: "metadata", "name"]?.stringValue ?? ""
      let documentNamespace = document[path: "metadata", "namespace"]?.stringValue ?? ""
      if apiVersion.hasPrefix(group + "/"), kind == "Kustomization", documentName == name,
        documentNamespace == namespace || documentNamespace.isEmpty
      {
        return try FluxKustomization(document)
      }
    }
    throw .kustomizationNotFound(name: name, namespace: namespace, file: file)
  }

  /// A local definition with the live object's status, as flux merges them when the live object
  /// has an inventory (so `diff` can tell what would be pruned).
  public func withStatus(of live: FluxKustomization) -> FluxKustomization {
    guard live.inventory != nil else { return self }
    var merged = self
    merged.object["status"] = live.object["status"]
    merged.inventory = live.inventory
    return merged
  }
}

/// Typed reads of an object's fields; errors name the field path.
struct FieldReader {
  let value: JSON
  let path: String

  init(_ value: JSON, path: String = "") {
    self.value = value
    self.path = path
  }

  private func field(_ keys: [String]) -> (JSON?, String) {
    var current: JSON? = value
    var name = path
    for key in keys {
      current = current?[key]
      name = name.isEmpty ? key : name + "." + key
      if current?.isNull == true { return (nil, name) }
    }
    return (current, name)
  }

  private func mismatch(_ name: String, _ expected: String, _ found: JSON) -> FluxBuildError {
    .invalidKustomization(field: name, reason: "expected \(expected), found \(Self.typeName(found))")
  }

  static func typeName(_ value: JSON) -> String {
    switch value {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "list"
    case .object: "map"
    }
  }

  func string(_ keys: String...) throws(FluxBuildError) -> String? {
    let (found, name) = field(keys)
    guard let found else { return nil }
    guard case .string(let text) = found else { throw mismatch(name, "string", found) }
    return text
  }

  func nonEmptyString(_ keys: String...) throws(FluxBuildError) -> String? {
    let (found, name) = field(keys)
    guard let found else { return nil }
    guard case .string(let text) = found else { throw mismatch(name, "string", found) }
    return text.isEmpty ? nil : text
  }

  func bool(_ keys: String...) throws(FluxBuildError) -> Bool? {
    let (found, name) = field(keys)
    guard let found else { return nil }
    guard case .bool(let flag) = found else { throw mismatch(name, "boolean", found) }
    return flag
  }

  func object(_ keys: String...) throws(FluxBuildError) -> JSONObject? {
    let (found, name) = field(keys)
    guard let found else { return nil }
    guard case .object(let object) = found else { throw mismatch(name, "map", found) }
    return object
  }

  func strings(_ keys: String...) throws(FluxBuildError) -> [String]? {
    let (found, name) = field(keys)
    guard let found else { return nil }
    guard case .array(let elements) = found else { throw mismatch(name, "list", found) }
    var result: [String] = []
    for (index, element) in elements.enumerated() {
      guard case .string(let text) = element else { throw mismatch("\(name)[\(index)]", "string", element) }
      result.append(text)
    }
    return result
  }

  func stringMap(_ keys: String...) throws(FluxBuildError) -> [String: String]? {
    let (found, name) = field(keys)
    guard let found else { return nil }
    guard case .object(let object) = found else { throw mismatch(name, "map", found) }
    var result: [String: String] = [:]
    for member in object {
      guard case .string(let text) = member.value else { throw mismatch("\(name).\(member.key)", "string", member.value) }
      result[member.key] = text
    }
    return result
  }

  func objects(_ keys: String...) throws(FluxBuildError) -> [FieldReader] {
    let (found, name) = field(keys)
    guard let found else { return [] }
    guard case .array(let elements) = found else { throw mismatch(name, "list", found) }
    var result: [FieldReader] = []
    for (index, element) in elements.enumerated() {
      guard case .object = element else { throw mismatch("\(name)[\(index)]", "map", element) }
      result.append(FieldReader(element, path: "\(name)[\(index)]"))
    }
    return result
  }

  func selector(_ key: String) throws(FluxBuildError) -> FluxKustomization.Selector? {
    guard try object(key) != nil else { return nil }
    return FluxKustomization.Selector(
      group: try string(key, "group") ?? "", version: try string(key, "version") ?? "",
      kind: try string(key, "kind") ?? "", name: try string(key, "name") ?? "",
      namespace: try string(key, "namespace") ?? "", labelSelector: try string(key, "labelSelector") ?? "",
      annotationSelector: try string(key, "annotationSelector") ?? "")
  }
}
