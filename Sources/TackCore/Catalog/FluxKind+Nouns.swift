/// The words people type for a kind, as flux spells them: `get sources git`, `get ks`,
/// `suspend source git`, `get images policy`, `get artifacts generators`.
///
/// A kind has a leaf noun (`git`, `kustomizations`) with aliases (`ks`, `kustomization`) and, for
/// the source, image and artifact kinds, a parent noun (`sources` / `source`) it sits under.
public struct KindNoun: Sendable, Hashable {
  /// `sources`, `images`, `artifacts`; `nil` for kinds typed on their own (`kustomizations`).
  public let parent: String?
  public let parentAliases: [String]
  /// The name the command is listed under (`git`, `kustomizations`, `canaries`).
  public let name: String
  public let aliases: [String]

  public init(parent: String? = nil, parentAliases: [String] = [], name: String, aliases: [String] = []) {
    self.parent = parent
    self.parentAliases = parentAliases
    self.name = name
    self.aliases = aliases
  }

  /// Every spelling of the leaf noun.
  public var spellings: [String] { [name] + aliases }
  /// Every spelling of the parent noun (empty for top-level kinds).
  public var parentSpellings: [String] { parent.map { [$0] + parentAliases } ?? [] }

  /// `sources git`, `kustomizations`: how help and messages name the command path.
  public var path: String { parent.map { "\($0) \(name)" } ?? name }
}

extension FluxKind {
  static let sourcesNoun = ("sources", ["source"])
  static let imagesNoun = ("images", ["image"])
  static let artifactsNoun = ("artifacts", ["artifact"])

  /// The noun `tack get` (and export, reconcile, suspend, resume) accept for this kind.
  public var noun: KindNoun {
    switch self {
    case .gitRepository: Self.sourceNoun("git")
    case .ociRepository: Self.sourceNoun("oci")
    case .helmRepository: Self.sourceNoun("helm")
    case .helmChart: Self.sourceNoun("chart")
    case .bucket: Self.sourceNoun("bucket")
    case .externalArtifact: Self.sourceNoun("external")
    case .kustomization: KindNoun(name: "kustomizations", aliases: ["kustomization", "ks"])
    case .helmRelease: KindNoun(name: "helmreleases", aliases: ["helmrelease", "hr"])
    case .alert: KindNoun(name: "alerts", aliases: ["alert"])
    case .alertProvider: KindNoun(name: "alert-providers", aliases: ["alert-provider"])
    case .receiver: KindNoun(name: "receivers", aliases: ["receiver"])
    case .imageRepository: Self.imageNoun("repository")
    case .imagePolicy: Self.imageNoun("policy")
    case .imageUpdateAutomation: Self.imageNoun("update")
    case .artifactGenerator:
      KindNoun(
        parent: Self.artifactsNoun.0, parentAliases: Self.artifactsNoun.1, name: "generators",
        aliases: ["generator"])
    case .canary: KindNoun(name: "canaries", aliases: ["canary"])
    case .metricTemplate: KindNoun(name: "metrictemplates", aliases: ["metrictemplate"])
    case .flaggerAlertProvider: KindNoun(name: "alertproviders", aliases: ["alertprovider"])
    default: KindNoun(name: plural, aliases: [kind.lowercased()])
    }
  }

  static func sourceNoun(_ name: String) -> KindNoun {
    KindNoun(parent: sourcesNoun.0, parentAliases: sourcesNoun.1, name: name)
  }

  static func imageNoun(_ name: String) -> KindNoun {
    KindNoun(parent: imagesNoun.0, parentAliases: imagesNoun.1, name: name)
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
