import TackJSON
import TackKustomize

/// The kustomization file Flux builds a path with (fluxcd/pkg `kustomize.Generator`): the path's
/// own `kustomization.yaml` read leniently, or one listing every Kubernetes YAML file below the
/// path, with the Flux Kustomization's spec laid over it.
public struct GeneratedKustomization: Sendable, Equatable {
  /// Where the file is (or would be written): the existing file's name, else `kustomization.yaml`.
  public var path: String
  /// The kustomization as written (sigs.k8s.io/yaml style: sorted keys).
  public var yaml: String
  public var content: JSON
  /// True when the path had no kustomization file and one was generated.
  public var created: Bool
}

public struct KustomizationGenerator: Sendable {
  public var tree: any SourceTree
  /// Absolute, normalised.
  public var directory: String
  public var kustomization: FluxKustomization
  public var ignore: SourceIgnore

  static let fileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

  /// Fields of kustomize's `Kustomization` type; anything else in an existing file is dropped
  /// silently, as Go's decoder into that type does.
  static let knownFields: Set<String> = [
    "apiVersion", "kind", "metadata", "openapi", "namePrefix", "nameSuffix", "namespace", "commonLabels", "labels",
    "commonAnnotations", "patchesStrategicMerge", "patchesJson6902", "patches", "images", "imageTags", "replacements",
    "replicas", "vars", "sortOptions", "resources", "components", "crds", "bases", "configMapGenerator",
    "secretGenerator", "helmGlobals", "helmCharts", "helmChartInflationGenerator", "generatorOptions",
    "configurations", "generators", "transformers", "validators", "buildMetadata",
  ]

  public init(tree: any SourceTree, directory: String, kustomization: FluxKustomization, ignore: SourceIgnore) {
    self.tree = tree
    self.directory = KustomizePath.normalize(directory)
    self.kustomization = kustomization
    self.ignore = ignore
  }

  public func generate() throws(FluxBuildError) -> GeneratedKustomization {
    var (content, path, created) = try findOrGenerate()
    let fileName = KustomizePath.lastComponent(path)
    // flux forces origin annotations so that a kustomization of generators only is not "empty".
    let forcedOrigin = !created && (content["resources"]?.arrayValue ?? []).isEmpty
    if forcedOrigin { content["buildMetadata"] = ["originAnnotations"] }
    for field in ["resources", "components", "crds"] {
      try filterIgnored(&content, field: field, file: fileName)
    }
    if let namespace = kustomization.targetNamespace { content["namespace"] = .string(namespace) }
    if let prefix = kustomization.namePrefix { content["namePrefix"] = .string(prefix) }
    if let suffix = kustomization.nameSuffix { content["nameSuffix"] = .string(suffix) }
    if !kustomization.patches.isEmpty {
      var patches = content["patches"]?.arrayValue ?? []
      for patch in kustomization.patches {
        var entry: JSONObject = ["patch": .string(patch.patch)]
        if let target = patch.target { entry["target"] = Self.selectorJSON(target) }
        patches.append(.object(entry))
      }
      content["patches"] = .array(patches)
    }
    if !kustomization.components.isEmpty {
      var components = content["components"]?.arrayValue ?? []
      for component in kustomization.components {
        guard Self.isLocalRelative(component) else { throw .componentNotLocal(path: component) }
        if kustomization.ignoreMissingComponents, tree.kind(at: KustomizePath.join(directory, component)) == nil {
          continue
        }
        components.append(.string(component))
      }
      content["components"] = .array(components)
    }
    if !kustomization.images.isEmpty { content["images"] = mergedImages(content["images"]?.arrayValue ?? []) }
    if !kustomization.buildMetadata.isEmpty { content["buildMetadata"] = .array(kustomization.buildMetadata.map(JSON.string)) }
    if forcedOrigin && kustomization.buildMetadata.isEmpty { throw .originAnnotationsNotSupported(file: fileName) }
    return GeneratedKustomization(path: path, yaml: KustomizeYAML.document(content), content: content, created: created)
  }

  // MARK: the file itself

  private func findOrGenerate() throws(FluxBuildError) -> (JSON, String, Bool) {
    for name in Self.fileNames {
      let path = KustomizePath.join(directory, name)
      guard tree.kind(at: path) == .file else { continue }
      let text: String
      do {
        text = String(decoding: try tree.contents(at: path), as: UTF8.self)
      } catch {
        throw .unreadable(path: path, reason: "\(error)")
      }
      return (try Self.lenient(text, file: name), path, false)
    }
    var content: JSONObject = ["apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization"]
    let resources = try scan(directory)
    if resources.isEmpty {
      // A kustomization without resources would be "empty": flux writes a placeholder namespace.
      content["namespace"] = "_placeholder"
    } else {
      content["resources"] = .array(resources.map { .string("." + $0.dropFirst(directory == "/" ? 0 : directory.count)) })
    }
    return (.object(content), KustomizePath.join(directory, "kustomization.yaml"), true)
  }

  /// The file decoded as Go decodes it into kustomize's type: unknown and empty fields dropped,
  /// apiVersion and kind defaulted.
  static func lenient(_ text: String, file: String) throws(FluxBuildError) -> JSON {
    let decoded: JSON?
    do {
      decoded = try KustomizeYAML.decodeYAML11(text, file: file).first ?? nil
    } catch {
      throw .kustomize(.invalidKustomization(file: file, reason: "\(error)"))
    }
    guard let decoded else { return ["apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization"] }
    guard case .object(let object) = decoded else {
      throw .kustomize(.invalidKustomization(file: file, reason: "expected a map, found \(FieldReader.typeName(decoded))"))
    }
    var result: JSONObject = ["apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization"]
    for member in object where knownFields.contains(member.key) && !isEmpty(member.value) {
      result[member.key] = member.value
    }
    return .object(result)
  }

  private static func isEmpty(_ value: JSON) -> Bool {
    switch value {
    case .null: true
    case .string(let text): text.isEmpty
    case .bool(let flag): !flag
    case .array(let elements): elements.isEmpty
    case .object(let object): object.isEmpty
    case .number: false
    }
  }

  /// Every Kubernetes YAML file below `root` in lexical order; a directory holding a kustomization
  /// file stands for itself and is not entered. Ignore rules apply to files only (and only when
  /// there are any), as flux's walk does.
  private func scan(_ root: String) throws(FluxBuildError) -> [String] {
    var found: [String] = []
    let checksFiles = !ignore.patterns.isEmpty
    let matcher = ignore.matcher
    func walk(_ directory: String) throws(FluxBuildError) {
      let names: [String]
      do {
        names = try tree.entries(in: directory)
      } catch {
        throw .unreadable(path: directory, reason: "\(error)")
      }
      for name in names {
        let path = KustomizePath.join(directory, name)
        if tree.entryKind(at: path) == .directory {
          if Self.fileNames.contains(where: { tree.kind(at: KustomizePath.join(path, $0)) == .file }) {
            found.append(path)
          } else {
            try walk(path)
          }
          continue
        }
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
        if checksFiles && matcher.isIgnored(SourceIgnore.components(path), isDirectory: false) { continue }
        let text: String
        do {
          text = String(decoding: try tree.contents(at: path), as: UTF8.self)
        } catch {
          throw .unreadable(path: path, reason: "\(error)")
        }
        do {
          _ = try KustomizeYAML.resourceObjects(text, file: path)
        } catch {
          throw .undecodableManifest(path: path, reason: Self.reason(error))
        }
        found.append(path)
      }
    }
    try walk(root)
    return found
  }

  static func reason(_ error: KustomizeError) -> String {
    switch error {
    case .malformedYAML(_, let reason), .invalidResource(_, let reason): reason
    default: "\(error)"
    }
  }

  /// Entries matching an ignore rule leave the list (URLs in `resources`/`components` excepted).
  private func filterIgnored(_ content: inout JSON, field: String, file: String) throws(FluxBuildError) {
    guard let entries = content[field]?.arrayValue else { return }
    let matcher = ignore.matcher
    var kept: [JSON] = []
    for entry in entries {
      guard let reference = entry.stringValue else {
        kept.append(entry)
        continue
      }
      if field != "crds" && Self.isURL(reference) {
        kept.append(entry)
        continue
      }
      let path = KustomizePath.join(directory, reference)
      guard let kind = tree.entryKind(at: path) else {
        throw .missingEntry(file: file, field: field, path: reference)
      }
      if matcher.isIgnored(SourceIgnore.components(path), isDirectory: kind == .directory) { continue }
      kept.append(entry)
    }
    content[field] = .array(kept)
  }

  /// Go's `url.ParseRequestURI` succeeding with a scheme: `scheme:` then an absolute path or more.
  static func isURL(_ text: String) -> Bool {
    guard let colon = text.firstIndex(of: ":") else { return false }
    let scheme = text[..<colon]
    guard let first = scheme.first, first.isASCII, first.isLetter,
      scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
    else { return false }
    let rest = text[text.index(after: colon)...]
    return !rest.isEmpty && !text.contains(" ")
  }

  /// kustomize's remote-reference prefixes (minus `file://`) and absolute paths are refused.
  static func isLocalRelative(_ path: String) -> Bool {
    let lower = path.lowercased()
    for prefix in ["git::", "gh:", "ssh://", "https://", "http://", "git@", "github.com:", "github.com/"]
    where prefix.count < path.count && lower.hasPrefix(prefix) {
      return false
    }
    if path.hasPrefix("/") { return false }
    if lower.hasPrefix("file://"), lower.dropFirst("file://".count).hasPrefix("/") { return false }
    return true
  }

  static func selectorJSON(_ selector: FluxKustomization.Selector) -> JSON {
    var object = JSONObject()
    for (key, value) in [
      ("group", selector.group), ("version", selector.version), ("kind", selector.kind), ("name", selector.name),
      ("namespace", selector.namespace), ("labelSelector", selector.labelSelector),
      ("annotationSelector", selector.annotationSelector),
    ] where !value.isEmpty {
      object[key] = .string(value)
    }
    return .object(object)
  }

  /// `spec.images` merged by name: `newName` overrides, `newTag` and `digest` override together,
  /// new names are appended.
  private func mergedImages(_ existing: [JSON]) -> JSON {
    var images = existing
    for image in kustomization.images {
      if let index = images.firstIndex(where: { $0["name"]?.stringValue == image.name }) {
        if !image.newName.isEmpty { images[index]["newName"] = .string(image.newName) }
        if !image.newTag.isEmpty || !image.digest.isEmpty {
          images[index]["newTag"] = image.newTag.isEmpty ? nil : .string(image.newTag)
          images[index]["digest"] = image.digest.isEmpty ? nil : .string(image.digest)
        }
      } else {
        var entry: JSONObject = ["name": .string(image.name)]
        if !image.newName.isEmpty { entry["newName"] = .string(image.newName) }
        if !image.newTag.isEmpty { entry["newTag"] = .string(image.newTag) }
        if !image.digest.isEmpty { entry["digest"] = .string(image.digest) }
        images.append(.object(entry))
      }
    }
    return .array(images)
  }
}
