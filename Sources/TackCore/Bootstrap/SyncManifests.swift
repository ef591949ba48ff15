import TackBase
import TackJSON

/// The sync configuration bootstrap commits as `<path>/<namespace>/gotk-sync.yaml`: a GitRepository
/// and a Kustomization named after the namespace, shaped as flux's `manifestgen/sync` writes them
/// (keys sorted, empty fields left out, `interval` of the Kustomization fixed at 10m0s).
public struct SyncManifests: Sendable, Equatable {
  public var name: String
  public var namespace: String
  /// The URL the cluster clones (see ``SyncURL``).
  public var url: String
  public var branch: String
  public var secretName: String
  public var interval: GoDuration
  public var path: RepositoryPath
  public var recurseSubmodules: Bool
  public var sparseCheckout: [String]
  public var provider: String?

  public static let fileName = "gotk-sync.yaml"
  public static let kustomizationInterval = GoDuration(nanoseconds: 600_000_000_000)

  public init(
    namespace: String, url: String, branch: String, secretName: String, interval: GoDuration,
    path: RepositoryPath, recurseSubmodules: Bool = false, sparseCheckout: [String] = [],
    provider: String? = nil
  ) {
    self.name = namespace
    self.namespace = namespace
    self.url = url
    self.branch = branch
    self.secretName = secretName
    self.interval = interval
    self.path = path
    self.recurseSubmodules = recurseSubmodules
    self.sparseCheckout = sparseCheckout
    self.provider = provider
  }

  /// Repository path of the file.
  public var filePath: String { path.appending(namespace, Self.fileName) }

  public var gitRepository: JSON {
    var spec: JSON = [
      "interval": .string(interval.description),
      "ref": ["branch": .string(branch)],
      "secretRef": ["name": .string(secretName)],
      "url": .string(url),
    ]
    if let provider, !provider.isEmpty { spec["provider"] = .string(provider) }
    if recurseSubmodules { spec["recurseSubmodules"] = true }
    if !sparseCheckout.isEmpty { spec["sparseCheckout"] = .array(sparseCheckout.map { .string($0) }) }
    return [
      "apiVersion": "source.toolkit.fluxcd.io/v1",
      "kind": "GitRepository",
      "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "spec": spec,
    ]
  }

  public var kustomization: JSON {
    [
      "apiVersion": "kustomize.toolkit.fluxcd.io/v1",
      "kind": "Kustomization",
      "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "spec": [
        "interval": .string(Self.kustomizationInterval.description),
        "path": .string(path.dotted),
        "prune": true,
        "sourceRef": ["kind": "GitRepository", "name": .string(name)],
      ],
    ]
  }

  /// The file's text, byte for byte what flux writes.
  public var content: String {
    "\(ManifestHeaderText.generatedWarning)\n---\n" + gitRepository.yaml(.kubectl) + "---\n"
      + kustomization.yaml(.kubectl)
  }
}

/// Re-exported header text, so Bootstrap need not reach into Manifests for one constant.
enum ManifestHeaderText {
  static let generatedWarning = ManifestHeader.generatedWarning
}
