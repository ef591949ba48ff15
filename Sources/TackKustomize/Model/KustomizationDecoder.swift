import TackJSON

/// Decodes a kustomization file as kustomize does: YAML 1.1 (goyaml.v2) into JSON, then a strict
/// JSON decode (unknown fields and wrong types are errors). Fields kustomize knows but this engine
/// does not build are refused by name.
enum KustomizationDecoder {
  /// Fields kustomize accepts that this engine refuses rather than ignore.
  static let unsupported: [(field: String, detail: String)] = [
    ("vars", "use 'replacements' instead"),
    ("configurations", "custom field specs are not implemented"),
    ("crds", "custom field specs from CRD schemas are not implemented"),
    ("openapi", "custom OpenAPI schemas are not implemented"),
    ("generators", "generator plugins are not implemented"),
    ("transformers", "transformer plugins are not implemented"),
    ("validators", "validator plugins are not implemented"),
    ("helmCharts", "Helm charts are not implemented"),
    ("helmGlobals", "Helm charts are not implemented"),
    ("helmChartInflationGenerator", "Helm charts are not implemented"),
    ("buildMetadata", "origin and transformer annotations are not implemented"),
  ]

  static func decode(_ text: String, file: String) throws(KustomizeError) -> Kustomization {
    let json: JSON
    do {
      json = try GoYAMLReader(flavour: .v2).single(text) ?? .null
    } catch {
      throw .invalidKustomization(file: file, reason: error.message)
    }
    if json.isNull {
      throw .emptyKustomization(file: file)
    }
    do {
      var root = try StrictObject(json, path: "")
      var k = try decodeFields(&root, file: file)
      try root.finish()
      try validate(&k, file: file)
      return k
    } catch let error as StrictObject.DecodeError {
      throw .invalidKustomization(file: file, reason: error.message)
    } catch let error as KustomizeError {
      throw error
    } catch {
      throw .invalidKustomization(file: file, reason: "\(error)")
    }
  }

  private static func decodeFields(_ o: inout StrictObject, file: String) throws -> Kustomization {
    var k = Kustomization()
    var nonEmpty = false
    k.apiVersion = try o.string("apiVersion")
    k.kind = try o.string("kind")
    if o.has("metadata") {
      nonEmpty = true
      _ = try o.nested("metadata") { (m: inout StrictObject) throws(StrictObject.DecodeError) in
        _ = try m.string("name")
        _ = try m.string("namespace")
        _ = try m.stringMap("labels")
        _ = try m.stringMap("annotations")
      }
    }
    for (field, detail) in unsupported where o.has(field) {
      throw KustomizeError.notSupported(file: file, field: field, detail: detail)
    }
    let resources = try o.stringList("resources")
    let bases = try o.stringList("bases")
    let components = try o.stringList("components")
    k.resources = (resources ?? []) + (bases ?? [])
    k.components = components ?? []
    if bases != nil { k.warnings.append(deprecation("bases", "resources")) }
    k.namespace = try o.string("namespace")
    k.namePrefix = try o.string("namePrefix")
    k.nameSuffix = try o.string("nameSuffix")
    let commonLabels = try o.stringMap("commonLabels")
    k.commonLabels = commonLabels ?? []
    if commonLabels != nil { k.warnings.append(deprecation("commonLabels", "labels")) }
    let labels = try o.objectList("labels") { (e: inout StrictObject) throws(StrictObject.DecodeError) in
      LabelEntry(
        pairs: try e.stringMap("pairs") ?? [], includeSelectors: try e.bool("includeSelectors"),
        includeTemplates: try e.bool("includeTemplates"), fields: try e.objectList("fields", fieldSpec) ?? [])
    }
    k.labels = labels ?? []
    let commonAnnotations = try o.stringMap("commonAnnotations")
    k.commonAnnotations = commonAnnotations ?? []
    let psm = try o.stringList("patchesStrategicMerge")
    k.patchesStrategicMerge = psm ?? []
    if psm != nil { k.warnings.append(deprecation("patchesStrategicMerge", "patches")) }
    let patches = try o.objectList("patches", patchEntry)
    k.patches = patches ?? []
    let json6902 = try o.objectList("patchesJson6902", patchEntry)
    k.patchesJson6902 = json6902 ?? []
    if json6902 != nil { k.warnings.append(deprecation("patchesJson6902", "patches")) }
    let images = try o.objectList("images", imageEntry)
    let imageTags = try o.objectList("imageTags", imageEntry)
    k.images = (images ?? []) + (imageTags ?? [])
    if imageTags != nil { k.warnings.append(deprecation("imageTags", "images")) }
    let replicas = try o.objectList("replicas") { (e: inout StrictObject) throws(StrictObject.DecodeError) in
      ReplicaEntry(name: try e.string("name"), count: try e.int("count") ?? 0)
    }
    k.replicas = replicas ?? []
    let replacements = try o.objectList("replacements", replacementEntry)
    k.replacements = replacements ?? []
    let cm = try o.objectList("configMapGenerator") { (e: inout StrictObject) throws(StrictObject.DecodeError) in
      try generatorArgs(&e, secret: false)
    }
    k.configMapGenerator = cm ?? []
    let secrets = try o.objectList("secretGenerator") { (e: inout StrictObject) throws(StrictObject.DecodeError) in
      try generatorArgs(&e, secret: true)
    }
    k.secretGenerator = secrets ?? []
    k.generatorOptions = try o.nested("generatorOptions", generatorOptions)
    k.sortOptions = try o.nested("sortOptions") { (s: inout StrictObject) throws(StrictObject.DecodeError) in
      var options = SortOptions(order: try s.string("order"))
      if let legacy = try s.nested("legacySortOptions", { (l: inout StrictObject) throws(StrictObject.DecodeError) in
        (try l.stringList("orderFirst"), try l.stringList("orderLast"))
      }) {
        options.hasLegacyOptions = true
        options.orderFirst = legacy.0
        options.orderLast = legacy.1
      }
      return options
    }
    nonEmpty = nonEmpty || resources != nil || bases != nil || components != nil || !k.namespace.isEmpty
      || !k.namePrefix.isEmpty || !k.nameSuffix.isEmpty || commonLabels != nil || labels != nil
      || commonAnnotations != nil || psm != nil || patches != nil || json6902 != nil || images != nil
      || imageTags != nil || replicas != nil || replacements != nil || cm != nil || secrets != nil
      || k.generatorOptions != nil || k.sortOptions != nil
    if !nonEmpty { throw KustomizeError.emptyKustomization(file: file) }
    return k
  }

  private static func validate(_ k: inout Kustomization, file: String) throws(KustomizeError) {
    if k.kind.isEmpty { k.kind = "Kustomization" }
    guard k.kind == "Kustomization" || k.kind == "Component" else {
      throw .invalidKustomization(file: file, reason: "kind should be Kustomization or Component")
    }
    let required = k.isComponent ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1"
    if !k.apiVersion.isEmpty && k.apiVersion != required {
      throw .invalidKustomization(file: file, reason: "apiVersion for \(k.kind) should be \(required)")
    }
    if !k.labels.isEmpty, !k.commonLabels.isEmpty {
      for label in k.labels {
        for pair in label.pairs where k.commonLabels.contains(where: { $0.key == pair.key }) {
          throw .invalidKustomization(file: file, reason: "label name '\(pair.key)' exists in both commonLabels and labels")
        }
      }
    }
  }

  private static func deprecation(_ field: String, _ replacement: String) -> String {
    "# Warning: '\(field)' is deprecated. Please use '\(replacement)' instead. Run 'kustomize edit fix' to update your Kustomization automatically."
  }

  static func fieldSpec(_ e: inout StrictObject) throws(StrictObject.DecodeError) -> FieldSpec {
    FieldSpec(
      group: try e.string("group"), version: try e.string("version"), kind: try e.string("kind"),
      path: try e.string("path"), create: try e.bool("create"))
  }

  static func selector(_ e: inout StrictObject) throws(StrictObject.DecodeError) -> Selector {
    Selector(
      group: try e.string("group"), version: try e.string("version"), kind: try e.string("kind"),
      name: try e.string("name"), namespace: try e.string("namespace"),
      labelSelector: try e.string("labelSelector"), annotationSelector: try e.string("annotationSelector"))
  }

  private static func patchEntry(_ e: inout StrictObject) throws(StrictObject.DecodeError) -> PatchEntry {
    PatchEntry(
      path: try e.string("path"), patch: try e.string("patch"), target: try e.nested("target", selector),
      options: try e.boolMap("options"))
  }

  private static func imageEntry(_ e: inout StrictObject) throws(StrictObject.DecodeError) -> ImageEntry {
    ImageEntry(
      name: try e.string("name"), newName: try e.string("newName"), newTag: try e.string("newTag"),
      digest: try e.string("digest"), tagSuffix: try e.string("tagSuffix"))
  }

  static func generatorOptions(_ e: inout StrictObject) throws(StrictObject.DecodeError) -> GeneratorOptions {
    GeneratorOptions(
      labels: try e.stringMap("labels") ?? [], annotations: try e.stringMap("annotations") ?? [],
      disableNameSuffixHash: try e.bool("disableNameSuffixHash"), immutable: try e.bool("immutable"))
  }

  private static func generatorArgs(_ e: inout StrictObject, secret: Bool) throws(StrictObject.DecodeError) -> GeneratorArgs {
    var args = GeneratorArgs()
    args.name = try e.string("name")
    args.namespace = try e.string("namespace")
    args.behavior = try e.string("behavior")
    args.literals = try e.stringList("literals") ?? []
    args.files = try e.stringList("files") ?? []
    args.envs = try e.stringList("envs") ?? []
    let env = try e.string("env")
    if !env.isEmpty { args.envs.append(env) }
    args.options = try e.nested("options", generatorOptions)
    if secret { args.type = try e.string("type") }
    return args
  }

  static func fieldOptions(_ e: inout StrictObject) throws(StrictObject.DecodeError) -> FieldOptions {
    FieldOptions(
      delimiter: try e.string("delimiter"), index: try e.int("index") ?? 0, encoding: try e.string("encoding"),
      create: try e.bool("create"))
  }

  static func replacementEntry(_ e: inout StrictObject) throws(StrictObject.DecodeError) -> ReplacementEntry {
    var entry = ReplacementEntry()
    entry.path = try e.string("path")
    entry.source = try e.nested("source") { (s: inout StrictObject) throws(StrictObject.DecodeError) in
      ReplacementSource(
        group: try s.string("group"), version: try s.string("version"), kind: try s.string("kind"),
        name: try s.string("name"), namespace: try s.string("namespace"), fieldPath: try s.string("fieldPath"),
        options: try s.nested("options", fieldOptions))
    }
    entry.targets = try e.objectList("targets") { (t: inout StrictObject) throws(StrictObject.DecodeError) in
      ReplacementTarget(
        select: try t.nested("select", selector), reject: try t.objectList("reject", selector) ?? [],
        fieldPaths: try t.stringList("fieldPaths") ?? [], options: try t.nested("options", fieldOptions))
    } ?? []
    return entry
  }
}
