import TackJSON
import TackKustomize

/// `flux build kustomization` as pure code: the objects kustomize-controller would apply for a
/// Flux Kustomization and a local directory, without touching the directory (the generated
/// kustomization file lives in an overlay) or a cluster.
///
/// ```swift
/// let kustomization = try FluxKustomization.find(in: fileText, file: "ks.yaml", name: "apps", namespace: "flux-system")
/// let build = FluxBuild(tree: DiskFileSystem(), directory: "/repo/apps", kustomization: kustomization)
/// print(try build.run().yaml, terminator: "")
/// ```
///
/// Steps, in flux's order: ignore rules → generated or rewritten kustomization file → kustomize
/// (FIFO order, no load restrictions) → `postBuild` substitution → owner labels → SOPS masking →
/// the output read back as objects (lists expanded, kustomize config dropped) → `commonMetadata`.
public struct FluxBuild: Sendable {
  public struct Options: Sendable {
    /// `--ignore-paths`: gitignore patterns on top of the `.sourceignore` files.
    public var ignorePaths: [String]
    /// `--strict-substitute`.
    public var strictSubstitute: Bool
    /// Data of the `substituteFrom` ConfigMaps/Secrets in spec order (see ``PostBuildSubstitution``);
    /// empty for `--dry-run`, where flux skips them.
    public var referencedValues: [[String: String]]

    public init(ignorePaths: [String] = [], strictSubstitute: Bool = false, referencedValues: [[String: String]] = []) {
      self.ignorePaths = ignorePaths
      self.strictSubstitute = strictSubstitute
      self.referencedValues = referencedValues
    }
  }

  public struct Result: Sendable {
    /// The objects, in kustomize's output order.
    public var objects: [JSON]
    /// The kustomization file the build used.
    public var kustomization: GeneratedKustomization
    /// Deprecation warnings from kustomize (flux does not print them).
    public var warnings: [String]

    /// As `flux build ks` prints it: each object followed by `---`.
    public var yaml: String { FluxBuild.render(objects) }
  }

  public var tree: any SourceTree
  /// The `--path` directory, absolute.
  public var directory: String
  public var kustomization: FluxKustomization
  public var options: Options

  public static let nameLabel = "kustomize.toolkit.fluxcd.io/name"
  public static let namespaceLabel = "kustomize.toolkit.fluxcd.io/namespace"

  public init(tree: any SourceTree, directory: String, kustomization: FluxKustomization, options: Options = Options()) {
    self.tree = tree
    self.directory = KustomizePath.normalize(directory)
    self.kustomization = kustomization
    self.options = options
  }

  /// The kustomization file only (what `flux build` would write into the directory).
  public func generateKustomization() throws(FluxBuildError) -> GeneratedKustomization {
    let ignore = try SourceIgnore.load(tree: tree, directory: directory, ignorePaths: options.ignorePaths)
    return try KustomizationGenerator(tree: tree, directory: directory, kustomization: kustomization, ignore: ignore)
      .generate()
  }

  public func run() throws(FluxBuildError) -> Result {
    let generated = try generateKustomization()
    let engine = KustomizeEngine(
      fileSystem: OverlayFileSystem(base: AnySourceTree(tree), files: [generated.path: generated.yaml]),
      options: .init(defaultOrder: .fifo, restrictFilesToKustomizationRoot: false))
    let built: KustomizeEngine.Result
    do {
      built = try engine.run(root: directory)
    } catch {
      throw .kustomize(error)
    }
    var substitution: PostBuildSubstitution?
    if let postBuild = kustomization.postBuild {
      substitution = PostBuildSubstitution(
        postBuild: postBuild, referencedValues: options.referencedValues, strict: options.strictSubstitute)
    }
    var stream = ""
    for var object in built.resources {
      if let substitution { object = try substitution.apply(to: object) }
      object[path: "metadata", "labels", Self.nameLabel] = .string(kustomization.name)
      object[path: "metadata", "labels", Self.namespaceLabel] = .string(kustomization.namespace)
      object = try SopsMask.apply(to: object)
      stream += KustomizeYAML.document(object) + "---\n"
    }
    var objects = try Self.readObjects(stream)
    if !kustomization.commonLabels.isEmpty || !kustomization.commonAnnotations.isEmpty {
      for index in objects.indices {
        Self.merge(kustomization.commonLabels, into: &objects[index], field: "labels")
        Self.merge(kustomization.commonAnnotations, into: &objects[index], field: "annotations")
      }
    }
    return Result(objects: objects, kustomization: generated, warnings: built.warnings)
  }

  /// flux re-reads the built YAML (YAML 1.1) as unstructured objects: anything with an `items`
  /// list is expanded, kustomize's own config objects and objects without apiVersion, kind or
  /// name are dropped.
  static func readObjects(_ stream: String) throws(FluxBuildError) -> [JSON] {
    let documents: [JSON?]
    do {
      documents = try KustomizeYAML.decodeYAML11(stream, file: "output")
    } catch {
      throw .invalidOutput(reason: KustomizationGenerator.reason(error))
    }
    var objects: [JSON] = []
    for case let document? in documents {
      if let items = document["items"]?.arrayValue {
        for item in items {
          guard case .object = item else { throw .invalidOutput(reason: "items member is not an object") }
          objects.append(item)
        }
        continue
      }
      let apiVersion = document["apiVersion"]?.stringValue ?? ""
      let kind = document["kind"]?.stringValue ?? ""
      let name = document[path: "metadata", "name"]?.stringValue ?? ""
      if apiVersion.isEmpty || kind.isEmpty || name.isEmpty { continue }
      if kind.lowercased() == "kustomization" && apiVersion.hasPrefix("kustomize.config.k8s.io/") { continue }
      objects.append(document)
    }
    return objects
  }

  /// `commonMetadata` on `metadata` only, overriding existing keys.
  private static func merge(_ values: [String: String], into object: inout JSON, field: String) {
    guard !values.isEmpty else { return }
    var map = object[path: "metadata", field]?.objectValue ?? [:]
    for key in values.keys.sorted() { map[key] = .string(values[key]!) }
    object[path: "metadata", field] = .object(map)
  }

  /// Each object followed by a `---` line, keys sorted as sigs.k8s.io/yaml writes them.
  public static func render(_ objects: [JSON]) -> String {
    objects.map { KustomizeYAML.document($0) + "---\n" }.joined()
  }
}

/// Lets the overlay wrap a tree whose concrete type is not known here.
struct AnySourceTree: SourceTree {
  let base: any SourceTree
  init(_ base: any SourceTree) { self.base = base }
  func kind(at path: String) -> KustomizeFileKind? { base.kind(at: path) }
  func contents(at path: String) throws -> [UInt8] { try base.contents(at: path) }
  func realPath(_ path: String) -> String { base.realPath(path) }
  func entries(in directory: String) throws -> [String] { try base.entries(in: directory) }
  func entryKind(at path: String) -> KustomizeFileKind? { base.entryKind(at: path) }
}
