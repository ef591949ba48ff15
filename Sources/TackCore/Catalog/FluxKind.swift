/// A kind of object tack works with: a Flux or Flagger custom resource, named as the controllers and
/// the flux CLI name it. The group and kind identify it; the version is the one tack speaks and is
/// checked against discovery before any request, so a cluster serving something else gets a clear
/// error instead of a wrong URL.
public struct FluxKind: Sendable, Hashable, CustomStringConvertible {
  public let kind: String
  public let group: String
  public let version: String
  public let plural: String
  /// The words flux uses in messages: "source git", "kustomization", "image update automation".
  public let humanKind: String
  public let verbs: Set<Verb>

  public enum Verb: String, Sendable, Hashable {
    case get, export, reconcile, suspend, resume
    /// `delete` (every kind `create` makes, and canaries).
    case delete
    /// `build` and `diff` (Kustomizations only).
    case build, diff
  }

  public init(
    kind: String, group: String, version: String, plural: String, humanKind: String, verbs: Set<Verb>
  ) {
    self.kind = kind
    self.group = group
    self.version = version
    self.plural = plural
    self.humanKind = humanKind
    self.verbs = verbs
  }

  public var apiVersion: String { "\(group)/\(version)" }
  /// `kustomizations.kustomize.toolkit.fluxcd.io`, as kubectl and the API server name the resource.
  public var qualifiedResource: String { "\(plural).\(group)" }
  public var description: String { "\(kind) (\(apiVersion))" }
}

extension FluxKind {
  static let source = "source.toolkit.fluxcd.io"
  static let kustomize = "kustomize.toolkit.fluxcd.io"
  static let helm = "helm.toolkit.fluxcd.io"
  static let notification = "notification.toolkit.fluxcd.io"
  static let image = "image.toolkit.fluxcd.io"
  static let sourceExtensions = "source.extensions.fluxcd.io"
  static let flagger = "flagger.app"

  static let all: Set<Verb> = [.get, .export, .reconcile, .suspend, .resume, .delete]
  static let noReconcile: Set<Verb> = [.get, .export, .suspend, .resume, .delete]

  public static let gitRepository = FluxKind(
    kind: "GitRepository", group: source, version: "v1", plural: "gitrepositories",
    humanKind: "source git", verbs: all)
  public static let ociRepository = FluxKind(
    kind: "OCIRepository", group: source, version: "v1", plural: "ocirepositories",
    humanKind: "source oci", verbs: all)
  public static let helmRepository = FluxKind(
    kind: "HelmRepository", group: source, version: "v1", plural: "helmrepositories",
    humanKind: "source helm", verbs: all)
  public static let helmChart = FluxKind(
    kind: "HelmChart", group: source, version: "v1", plural: "helmcharts",
    humanKind: "source chart", verbs: all)
  public static let bucket = FluxKind(
    kind: "Bucket", group: source, version: "v1", plural: "buckets",
    humanKind: "source bucket", verbs: all)
  public static let externalArtifact = FluxKind(
    kind: "ExternalArtifact", group: source, version: "v1", plural: "externalartifacts",
    humanKind: "source external", verbs: [.get, .export])
  public static let kustomization = FluxKind(
    kind: "Kustomization", group: kustomize, version: "v1", plural: "kustomizations",
    humanKind: "kustomization", verbs: all.union([.build, .diff]))
  public static let helmRelease = FluxKind(
    kind: "HelmRelease", group: helm, version: "v2", plural: "helmreleases",
    humanKind: "helmrelease", verbs: all)
  public static let alert = FluxKind(
    kind: "Alert", group: notification, version: "v1beta3", plural: "alerts",
    humanKind: "alert", verbs: noReconcile)
  public static let alertProvider = FluxKind(
    kind: "Provider", group: notification, version: "v1beta3", plural: "providers",
    humanKind: "alert provider", verbs: noReconcile)
  public static let receiver = FluxKind(
    kind: "Receiver", group: notification, version: "v1", plural: "receivers",
    humanKind: "receiver", verbs: all)
  public static let imageRepository = FluxKind(
    kind: "ImageRepository", group: image, version: "v1", plural: "imagerepositories",
    humanKind: "image repository", verbs: all)
  public static let imagePolicy = FluxKind(
    kind: "ImagePolicy", group: image, version: "v1", plural: "imagepolicies",
    humanKind: "image policy", verbs: all)
  public static let imageUpdateAutomation = FluxKind(
    kind: "ImageUpdateAutomation", group: image, version: "v1", plural: "imageupdateautomations",
    humanKind: "image update automation", verbs: all)
  public static let artifactGenerator = FluxKind(
    kind: "ArtifactGenerator", group: sourceExtensions, version: "v1beta1", plural: "artifactgenerators",
    humanKind: "artifact generator", verbs: [.get, .export])
  public static let canary = FluxKind(
    kind: "Canary", group: flagger, version: "v1beta1", plural: "canaries",
    humanKind: "canary", verbs: [.get, .suspend, .resume, .delete])
  public static let metricTemplate = FluxKind(
    kind: "MetricTemplate", group: flagger, version: "v1beta1", plural: "metrictemplates",
    humanKind: "metric template", verbs: [.get])
  public static let flaggerAlertProvider = FluxKind(
    kind: "AlertProvider", group: flagger, version: "v1beta1", plural: "alertproviders",
    humanKind: "alert provider", verbs: [.get])

  /// Every kind tack knows, in the order `get all` lists them (flux's order, then Flagger's).
  public static let catalog: [FluxKind] = [
    ociRepository, bucket, gitRepository, helmRepository, helmChart, externalArtifact,
    imageRepository, imagePolicy, imageUpdateAutomation,
    helmRelease, kustomization, receiver, alertProvider, alert,
    artifactGenerator, canary, metricTemplate, flaggerAlertProvider,
  ]

  public static func named(kind: String, group: String) -> FluxKind? {
    catalog.first { $0.kind == kind && $0.group == group }
  }
}
