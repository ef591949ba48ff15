/// The fields of a kustomization file this engine builds (kustomize v5.5's `types.Kustomization`),
/// after kustomize's own fix-ups: `bases` appended to `resources`, `imageTags` to `images`, a
/// generator's `env` to its `envs`.
struct Kustomization {
  var apiVersion = ""
  var kind = ""
  var isComponent: Bool { kind == "Component" }

  var resources: [String] = []
  var components: [String] = []
  var namespace = ""
  var namePrefix = ""
  var nameSuffix = ""
  /// `commonLabels`, kept apart: it runs after every `labels` entry, with selectors.
  var commonLabels: [(key: String, value: String)] = []
  var labels: [LabelEntry] = []
  var commonAnnotations: [(key: String, value: String)] = []
  var patchesStrategicMerge: [String] = []
  var patches: [PatchEntry] = []
  var patchesJson6902: [PatchEntry] = []
  var images: [ImageEntry] = []
  var replicas: [ReplicaEntry] = []
  var replacements: [ReplacementEntry] = []
  var configMapGenerator: [GeneratorArgs] = []
  var secretGenerator: [GeneratorArgs] = []
  var generatorOptions: GeneratorOptions?
  var sortOptions: SortOptions?

  /// Deprecation warnings kustomize prints on stderr, one line each.
  var warnings: [String] = []
}

struct LabelEntry {
  var pairs: [(key: String, value: String)] = []
  var includeSelectors = false
  var includeTemplates = false
  var fields: [FieldSpec] = []
}

struct PatchEntry {
  var path = ""
  var patch = ""
  var target: Selector?
  var options: [String: Bool] = [:]
}

struct ImageEntry {
  var name = ""
  var newName = ""
  var newTag = ""
  var digest = ""
  var tagSuffix = ""
}

struct ReplicaEntry {
  var name = ""
  var count = 0
}

struct GeneratorOptions {
  var labels: [(key: String, value: String)] = []
  var annotations: [(key: String, value: String)] = []
  var disableNameSuffixHash = false
  var immutable = false
}

struct GeneratorArgs {
  var name = ""
  var namespace = ""
  var behavior = ""
  var literals: [String] = []
  var files: [String] = []
  var envs: [String] = []
  var options: GeneratorOptions?
  /// Secrets only.
  var type = ""
}

struct SortOptions {
  var order = ""
  var orderFirst: [String]?
  var orderLast: [String]?
  var hasLegacyOptions = false
}

/// `target`/`select`/`reject`: a ResId whose fields are (anchored) regular expressions in patches,
/// plus Kubernetes label and annotation selectors.
struct Selector {
  var group = ""
  var version = ""
  var kind = ""
  var name = ""
  var namespace = ""
  var labelSelector = ""
  var annotationSelector = ""
}

struct FieldSpec: Equatable {
  var group: String
  var version: String
  var kind: String
  var path: String { didSet { segments = FieldSpecWalker.split(path) } }
  var create: Bool
  /// `path` split once (field specs are applied to every resource).
  private(set) var segments: [String]

  init(group: String = "", version: String = "", kind: String = "", path: String, create: Bool = false) {
    self.group = group
    self.version = version
    self.kind = kind
    self.path = path
    self.create = create
    segments = FieldSpecWalker.split(path)
  }

  func matches(group g: String, version v: String, kind k: String) -> Bool {
    (kind.isEmpty || kind == k) && (group.isEmpty || group == g) && (version.isEmpty || version == v)
  }
}

struct ReplacementEntry {
  /// `path:` entries name a file holding the replacement(s); resolved when the target is built.
  var path = ""
  var source: ReplacementSource?
  var targets: [ReplacementTarget] = []
}

struct ReplacementSource {
  var group = ""
  var version = ""
  var kind = ""
  var name = ""
  var namespace = ""
  var fieldPath = ""
  var options: FieldOptions?
}

struct ReplacementTarget {
  var select: Selector?
  var reject: [Selector] = []
  var fieldPaths: [String] = []
  var options: FieldOptions?
}

struct FieldOptions {
  var delimiter = ""
  var index = 0
  var encoding = ""
  var create = false
}
