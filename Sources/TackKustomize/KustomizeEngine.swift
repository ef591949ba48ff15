import TackJSON

/// Builds a kustomization the way `kubectl kustomize` (kustomize v5.5) does, from local files only.
///
/// ```swift
/// let engine = KustomizeEngine(fileSystem: DiskFileSystem())
/// let yaml = try engine.render(root: "/repo/apps/overlays/prod")
/// ```
///
/// To build a directory with a kustomization that is not on disk (Flux generates one when a
/// directory has none), overlay it: `KustomizeEngine(fileSystem: OverlayFileSystem(base:
/// DiskFileSystem(), files: ["/repo/apps/kustomization.yaml": generated]))`.
public struct KustomizeEngine: Sendable {
  /// How the top-level output is ordered when the kustomization has no `sortOptions`.
  public enum Order: Sendable {
    /// kubectl's default: kind rank, then group/version/kind, namespace and name.
    case legacy
    /// The accumulation order (what Flux's controllers and `flux build` use).
    case fifo
  }

  public struct Options: Sendable {
    public var defaultOrder: Order
    /// kustomize's default load restriction: files must be inside the directory of the
    /// kustomization naming them. Flux builds without it (inside the source root).
    public var restrictFilesToKustomizationRoot: Bool

    public init(defaultOrder: Order = .legacy, restrictFilesToKustomizationRoot: Bool = true) {
      self.defaultOrder = defaultOrder
      self.restrictFilesToKustomizationRoot = restrictFilesToKustomizationRoot
    }
  }

  /// A build's resources and the deprecation warnings kustomize would print on stderr.
  public struct Result: Sendable {
    public var resources: [JSON]
    public var warnings: [String]
  }

  public let fileSystem: any KustomizeFileSystem
  public var options: Options

  public init(fileSystem: any KustomizeFileSystem, options: Options = Options()) {
    self.fileSystem = fileSystem
    self.options = options
  }

  /// The built resources, in output order.
  public func build(root: String) throws(KustomizeError) -> [JSON] {
    try run(root: root).resources
  }

  /// The YAML stream exactly as `kubectl kustomize` prints it (documents separated by `---`).
  public func render(root: String) throws(KustomizeError) -> String {
    GoYAMLWriter.stream(try accumulate(root: root).items.map { .object($0.object) })
  }

  /// The resources with the warnings.
  public func run(root: String) throws(KustomizeError) -> Result {
    var warnings: [String] = []
    let list = try accumulate(root: root, warnings: &warnings)
    return Result(resources: list.items.map { GoNull.normalized(.object($0.object)) }, warnings: warnings)
  }

  /// Writes resources as kustomize prints them.
  public static func render(_ resources: [JSON]) -> String { GoYAMLWriter.stream(resources) }

  private func accumulate(root: String) throws(KustomizeError) -> ResourceList {
    var warnings: [String] = []
    return try accumulate(root: root, warnings: &warnings)
  }

  private func accumulate(root: String, warnings: inout [String]) throws(KustomizeError) -> ResourceList {
    let directory = KustomizePath.normalize(root)
    guard fileSystem.kind(at: directory) == .directory else {
      throw .missingPath(file: ".", field: "root", path: root, reason: "not a directory")
    }
    let loader = DirectoryLoader(
      fileSystem: fileSystem, directory: directory, buildRoot: directory, chain: [],
      restrictToRoot: options.restrictFilesToKustomizationRoot)
    let target = try KustTarget.load(loader, warnings: &warnings)
    var list = ResourceList()
    try target.accumulate(into: &list, warnings: &warnings)
    try addHashSuffixes(&list)
    try NameReferenceTransformer(file: target.file).apply(to: &list)
    list.filter { !Self.isLocalConfig($0) }
    try sort(&list, target: target)
    list.update { items in
      for index in items.indices { items[index].object = Self.cleaned(items[index].object) }
    }
    return list
  }

  /// Generated ConfigMaps and Secrets get `-<hash>` appended (once, at the top level).
  private func addHashSuffixes(_ list: inout ResourceList) throws(KustomizeError) {
    list.update { items in
      for index in items.indices where items[index].needsHashSuffix {
        guard let suffix = NameHasher.suffix(for: items[index].object) else { continue }
        items[index].storePreviousID()
        items[index].setName(items[index].name + "-" + suffix)
      }
    }
  }

  /// `config.kubernetes.io/local-config` with any value but "false".
  static func isLocalConfig(_ resource: Resource) -> Bool {
    guard let value = resource.object["metadata"]?["annotations"]?["config.kubernetes.io/local-config"] else { return false }
    return value.stringValue != "false"
  }

  private func sort(_ list: inout ResourceList, target: KustTarget) throws(KustomizeError) {
    var order = options.defaultOrder
    var first = LegacySorter.defaultOrderFirst
    var last = LegacySorter.defaultOrderLast
    if let sortOptions = target.kustomization.sortOptions {
      switch sortOptions.order {
      case "legacy": order = .legacy
      case "fifo": order = .fifo
      default:
        throw .transformer(file: target.file, field: "sortOptions", reason: "the field 'sortOptions.order' must be one of [fifo, legacy]")
      }
      if order == .fifo && sortOptions.hasLegacyOptions {
        throw .transformer(
          file: target.file, field: "sortOptions",
          reason: "the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'")
      }
      if sortOptions.hasLegacyOptions {
        first = sortOptions.orderFirst ?? []
        last = sortOptions.orderLast ?? []
      }
    }
    guard order == .legacy else { return }
    let sorted = LegacySorter.sort(list.items, orderFirst: first, orderLast: last)
    list.update { $0 = sorted }
  }

  /// Build bookkeeping removed; annotations become strings, and an empty map of them goes.
  static func cleaned(_ object: JSONObject) -> JSONObject {
    guard case .object(var metadata)? = object["metadata"] else { return object }
    var result = object
    result["metadata"] = nil
    let stripped: Set<String> = [
      "config.kubernetes.io/origin", "alpha.config.kubernetes.io/transformations", "config.kubernetes.io/path",
      "config.kubernetes.io/index", "config.k8s.io/id",
    ]
    var annotations = JSONObject()
    if case .object(let existing)? = metadata["annotations"] {
      for member in existing {
        if stripped.contains(member.key) || Self.isBuildAnnotation(member.key) { continue }
        annotations.appendUnchecked(member.key, .string(Self.annotationText(member.value)))
      }
    }
    metadata["annotations"] = annotations.isEmpty ? JSON?.none : JSON.object(annotations)
    result["metadata"] = .object(metadata)
    return result
  }

  private static func isBuildAnnotation(_ key: String) -> Bool {
    guard key.hasPrefix("internal.config.kubernetes.io/") else { return false }
    let name = key.dropFirst("internal.config.kubernetes.io/".count)
    return [
      "previousKinds", "previousNames", "prefixes", "suffixes", "previousNamespaces", "allowNameChange",
      "allowKindChange", "refBy", "generatorBehavior", "needsHashSuffix", "path", "index", "seqindent", "id",
      "annotations-migration-resource-id",
    ].contains(String(name))
  }

  /// An annotation value as YAML text (kustomize rewrites the map through strings).
  private static func annotationText(_ value: JSON) -> String {
    switch value {
    case .string(let s): return s
    case .number(let n): return n.isEmpty ? "" : n
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array, .object: return GoYAMLWriter.document(value).trimmingGoSpace()
    }
  }
}
