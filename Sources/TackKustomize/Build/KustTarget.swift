/// One kustomization directory being built: its file decoded, its resources accumulated (bases
/// depth-first, then generators, then components), then its transformers in kustomize's fixed order.
struct KustTarget {
  let loader: DirectoryLoader
  let kustomization: Kustomization
  /// The kustomization file, relative to the build root (for messages).
  let file: String

  static let fileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

  /// Reads and decodes the kustomization file of `loader.directory`.
  static func load(_ loader: DirectoryLoader, warnings: inout [String]) throws(KustomizeError) -> KustTarget {
    let found = fileNames.filter { loader.fileSystem.kind(at: loader.resolve($0)) == .file }
    guard let name = found.first else {
      throw .missingKustomization(directory: loader.display(loader.directory))
    }
    guard found.count == 1 else {
      throw .multipleKustomizations(directory: loader.display(loader.directory))
    }
    let path = loader.resolve(name)
    let file = loader.display(path)
    let bytes: [UInt8]
    do {
      bytes = try loader.fileSystem.contents(at: path)
    } catch {
      throw .missingPath(file: file, field: "kustomization", path: name, reason: "\(error)")
    }
    let kustomization = try KustomizationDecoder.decode(String(decoding: bytes, as: UTF8.self), file: file)
    warnings += kustomization.warnings
    return KustTarget(loader: loader, kustomization: kustomization, file: file)
  }

  /// Builds this kustomization into `list` (for a component, `list` is the parent's accumulator).
  func accumulate(into list: inout ResourceList, warnings: inout [String]) throws(KustomizeError) {
    try accumulateResources(into: &list, warnings: &warnings)
    try runGenerators(into: &list)
    for component in kustomization.components {
      try accumulateDirectory(component, isComponent: true, into: &list, warnings: &warnings)
    }
    try runTransformers(on: &list)
  }

  private func accumulateResources(into list: inout ResourceList, warnings: inout [String]) throws(KustomizeError) {
    for entry in kustomization.resources {
      let path = loader.resolve(entry)
      switch loader.fileSystem.kind(at: path) {
      case .file:
        try loader.checkRestriction(path, relative: entry, kustomizationFile: file)
        let bytes: [UInt8]
        do {
          bytes = try loader.fileSystem.contents(at: path)
        } catch {
          throw .missingPath(file: file, field: "resources", path: entry, reason: "\(error)")
        }
        let resources = try ResourceReader.resources(String(decoding: bytes, as: UTF8.self), file: loader.display(path))
        try list.append(contentsOf: resources, file: loader.display(path))
      case .directory:
        try accumulateDirectory(entry, isComponent: false, into: &list, warnings: &warnings)
      case nil:
        if Self.isRemote(entry) { throw .remoteResource(file: file, reference: entry) }
        throw .missingPath(file: file, field: "resources", path: entry, reason: "no such file or directory")
      }
    }
  }

  /// A base (built on its own, then appended) or a component (built onto `list` itself).
  private func accumulateDirectory(
    _ entry: String, isComponent: Bool, into list: inout ResourceList, warnings: inout [String]
  ) throws(KustomizeError) {
    let field = isComponent ? "components" : "resources"
    let path = loader.resolve(entry)
    guard loader.fileSystem.kind(at: path) == .directory else {
      if Self.isRemote(entry) { throw .remoteResource(file: file, reference: entry) }
      throw .missingPath(file: file, field: field, path: entry, reason: isComponent ? "must be a directory holding a Component" : "no such file or directory")
    }
    let childLoader = try loader.child(entry, kustomizationFile: file)
    let child = try KustTarget.load(childLoader, warnings: &warnings)
    if isComponent && !child.kustomization.isComponent {
      throw .wrongKustomizationKind(file: file, path: entry, reason: "expected kind 'Component' but got '\(child.kustomization.kind)'")
    }
    if !isComponent && child.kustomization.isComponent {
      throw .wrongKustomizationKind(file: file, path: entry, reason: "expected kind != 'Component' (list components under 'components')")
    }
    if isComponent {
      try child.accumulate(into: &list, warnings: &warnings)
    } else {
      var sub = ResourceList()
      try child.accumulate(into: &sub, warnings: &warnings)
      try list.append(contentsOf: sub.items, file: file)
    }
  }

  static func isRemote(_ entry: String) -> Bool {
    let prefixes = ["https://", "http://", "git::", "gh:", "ssh://", "git@", "github.com/", "gitlab.com/", "bitbucket.org/", "file://"]
    return prefixes.contains { entry.hasPrefix($0) } || entry.contains("?ref=") || entry.contains("//") && entry.contains(".git")
  }

  private func runGenerators(into list: inout ResourceList) throws(KustomizeError) {
    let generator = ConfigMapSecretGenerator(
      loader: loader, kustomizationFile: file, globalOptions: kustomization.generatorOptions)
    for args in kustomization.configMapGenerator {
      try list.absorb(try generator.generate(args, secret: false), file: file, generatorName: args.name)
    }
    for args in kustomization.secretGenerator {
      try list.absorb(try generator.generate(args, secret: true), file: file, generatorName: args.name)
    }
  }

  private func runTransformers(on list: inout ResourceList) throws(KustomizeError) {
    let k = kustomization
    let patches = PatchTransformer(loader: loader, kustomizationFile: file)
    if !k.patchesStrategicMerge.isEmpty {
      try patches.applyStrategicMergeList(k.patchesStrategicMerge, to: &list)
    }
    for entry in k.patches {
      try patches.apply(entry, field: "patches", to: &list)
    }
    if !k.namespace.isEmpty {
      try NamespaceTransformer(namespace: k.namespace, file: file).apply(to: &list)
    }
    if !k.namePrefix.isEmpty {
      try PrefixSuffixTransformer(prefix: k.namePrefix, suffix: "", file: file).apply(to: &list)
    }
    if !k.nameSuffix.isEmpty {
      try PrefixSuffixTransformer(prefix: "", suffix: k.nameSuffix, file: file).apply(to: &list)
    }
    for label in k.labels {
      try LabelTransformer.forLabels(label, file: file).apply(to: &list)
    }
    if !k.commonLabels.isEmpty {
      try LabelTransformer.forCommonLabels(k.commonLabels, file: file).apply(to: &list)
    }
    if !k.commonAnnotations.isEmpty {
      try LabelTransformer.forCommonAnnotations(k.commonAnnotations, file: file).apply(to: &list)
    }
    for entry in k.patchesJson6902 {
      try patches.apply(entry, field: "patchesJson6902", to: &list, legacyJSON6902: true)
    }
    for replica in k.replicas {
      try ReplicaCountTransformer(replica: replica, file: file).apply(to: &list)
    }
    for image in k.images {
      try ImageTagTransformer(image: image, file: file).apply(to: &list)
    }
    if !k.replacements.isEmpty {
      try ReplacementTransformer(entries: k.replacements, loader: loader, file: file).apply(to: &list)
    }
  }
}
