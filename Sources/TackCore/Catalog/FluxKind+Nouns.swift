/// The words people type for a kind, as flux spells them: `get sources git`, `get ks`,
/// `suspend source git`, `export kustomization`, `get images policy`, `get artifacts generators`.
///
/// A kind has a leaf noun, plural and singular (`kustomizations`, `kustomization`), short names
/// (`ks`) and, for the source, image and artifact kinds, a group noun it sits under (`sources` /
/// `source`). Each verb spells them its own way (``spelling(for:)``); the properties below are
/// `get`'s spelling, which is also what completion and `resolve(noun:)` accept.
public struct KindNoun: Sendable, Hashable {
  /// A noun in the plural and the singular (the same word for `git`, `oci`, `policy`).
  public struct Words: Sendable, Hashable {
    public let plural: String
    public let singular: String
    public init(_ plural: String, _ singular: String) {
      self.plural = plural
      self.singular = singular
    }
  }

  /// How a command names a noun: its name and aliases.
  public struct Spelling: Sendable, Hashable {
    public let name: String
    public let aliases: [String]
  }

  /// `sources`/`source`, `images`/`image`, `artifacts`/`artifact`; `nil` for kinds typed on their own.
  public let group: Words?
  public let words: Words
  /// `ks`, `hr`.
  public let shortNames: [String]

  public init(group: Words? = nil, _ words: Words, shortNames: [String] = []) {
    self.group = group
    self.words = words
    self.shortNames = shortNames
  }

  /// How `verb` names the leaf noun. The one place the verbs differ: `get` lists (plural first),
  /// `export` prints objects (singular first, the plural accepted), reconcile, suspend and resume
  /// and delete act on named objects (singular and short names only).
  public func spelling(for verb: FluxKind.Verb) -> Spelling {
    let alternate = words.singular == words.plural ? [] : [verb == .get ? words.singular : words.plural]
    switch verb {
    case .get: return Spelling(name: words.plural, aliases: alternate + shortNames)
    case .export, .build, .diff: return Spelling(name: words.singular, aliases: alternate + shortNames)
    case .reconcile, .suspend, .resume, .delete: return Spelling(name: words.singular, aliases: shortNames)
    }
  }

  /// How `verb` names the group noun, by the same rules.
  public func groupSpelling(for verb: FluxKind.Verb) -> Spelling? {
    group.map { KindNoun($0).spelling(for: verb) }
  }

  /// `get`'s group noun (`sources`) and its aliases.
  public var parent: String? { groupSpelling(for: .get)?.name }
  public var parentAliases: [String] { groupSpelling(for: .get)?.aliases ?? [] }
  /// `get`'s leaf noun (`git`, `kustomizations`, `canaries`) and its aliases.
  public var name: String { spelling(for: .get).name }
  public var aliases: [String] { spelling(for: .get).aliases }

  /// Every spelling of the leaf noun `get` accepts.
  public var spellings: [String] { [name] + aliases }
  /// Every spelling of the group noun (empty for top-level kinds).
  public var parentSpellings: [String] { parent.map { [$0] + parentAliases } ?? [] }

  /// `sources git`, `kustomizations`: how help and messages name the command path.
  public var path: String { parent.map { "\($0) \(name)" } ?? name }
}

extension FluxKind {
  static let sources = KindNoun.Words("sources", "source")
  static let images = KindNoun.Words("images", "image")
  static let artifacts = KindNoun.Words("artifacts", "artifact")

  /// The table of nouns: what every verb (get, export, reconcile, suspend, resume) accepts for
  /// this kind, each in its own spelling.
  public var noun: KindNoun {
    switch self {
    case .gitRepository: KindNoun(group: Self.sources, .init("git", "git"))
    case .ociRepository: KindNoun(group: Self.sources, .init("oci", "oci"))
    case .helmRepository: KindNoun(group: Self.sources, .init("helm", "helm"))
    case .helmChart: KindNoun(group: Self.sources, .init("chart", "chart"))
    case .bucket: KindNoun(group: Self.sources, .init("bucket", "bucket"))
    case .externalArtifact: KindNoun(group: Self.sources, .init("external", "external"))
    case .kustomization: KindNoun(.init("kustomizations", "kustomization"), shortNames: ["ks"])
    case .helmRelease: KindNoun(.init("helmreleases", "helmrelease"), shortNames: ["hr"])
    case .alert: KindNoun(.init("alerts", "alert"))
    case .alertProvider: KindNoun(.init("alert-providers", "alert-provider"))
    case .receiver: KindNoun(.init("receivers", "receiver"))
    case .imageRepository: KindNoun(group: Self.images, .init("repository", "repository"))
    case .imagePolicy: KindNoun(group: Self.images, .init("policy", "policy"))
    case .imageUpdateAutomation: KindNoun(group: Self.images, .init("update", "update"))
    case .artifactGenerator: KindNoun(group: Self.artifacts, .init("generators", "generator"))
    case .canary: KindNoun(.init("canaries", "canary"))
    case .metricTemplate: KindNoun(.init("metrictemplates", "metrictemplate"))
    case .flaggerAlertProvider: KindNoun(.init("alertproviders", "alertprovider"))
    default: KindNoun(.init(plural, kind.lowercased()))
    }
  }

  /// Finds the kind for the words a user typed: `["ks"]`, `["source", "git"]`,
  /// `["images", "policy"]`, or one word naming the kind, its plural or `plural.group`.
  public static func resolve(noun words: [String]) -> FluxKind? {
    let lowered = words.map { $0.lowercased() }
    switch lowered.count {
    case 1:
      let word = lowered[0]
      if let kind = catalog.first(where: { $0.noun.parent == nil && $0.noun.spellings.contains(word) }) {
        return kind
      }
      return catalog.first {
        $0.kind.lowercased() == word || $0.plural == word || $0.qualifiedResource == word
          || "\($0.kind.lowercased()).\($0.group)" == word
      }
    case 2:
      return catalog.first {
        $0.noun.parentSpellings.contains(lowered[0]) && $0.noun.spellings.contains(lowered[1])
      }
    default:
      return nil
    }
  }

  /// The kinds under a parent noun, in `get … all` order (`sources` → OCI, Bucket, Git, Helm,
  /// Chart, External).
  public static func kinds(under parent: String) -> [FluxKind] {
    catalog.filter { $0.noun.parentSpellings.contains(parent.lowercased()) }
  }

  /// `kustomization.kustomize.toolkit.fluxcd.io`: what `kubectl get -o name` prints before `/<name>`.
  public var nameQualifier: String { "\(kind.lowercased()).\(group)" }
}
