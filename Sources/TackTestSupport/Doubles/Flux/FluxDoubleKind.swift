import TackJSON

/// The Flux kinds the controller double reconciles, and which controller owns each. Test support
/// must not depend on TackCore, so this is its own small table (group/version/plural as the CRDs in
/// ../shared/crds serve them).
public enum FluxDoubleKind: String, Sendable, CaseIterable, Hashable {
  case gitRepository = "GitRepository"
  case ociRepository = "OCIRepository"
  case helmRepository = "HelmRepository"
  case helmChart = "HelmChart"
  case bucket = "Bucket"
  case kustomization = "Kustomization"
  case helmRelease = "HelmRelease"
  case receiver = "Receiver"
  case imageRepository = "ImageRepository"
  case imagePolicy = "ImagePolicy"
  case imageUpdateAutomation = "ImageUpdateAutomation"

  public var kind: String { rawValue }

  public var group: String {
    switch self {
    case .gitRepository, .ociRepository, .helmRepository, .helmChart, .bucket: "source.toolkit.fluxcd.io"
    case .kustomization: "kustomize.toolkit.fluxcd.io"
    case .helmRelease: "helm.toolkit.fluxcd.io"
    case .receiver: "notification.toolkit.fluxcd.io"
    case .imageRepository, .imagePolicy, .imageUpdateAutomation: "image.toolkit.fluxcd.io"
    }
  }

  public var version: String { self == .helmRelease ? "v2" : "v1" }
  public var apiVersion: String { "\(group)/\(version)" }

  public var plural: String {
    switch self {
    case .gitRepository: "gitrepositories"
    case .ociRepository: "ocirepositories"
    case .helmRepository: "helmrepositories"
    case .helmChart: "helmcharts"
    case .bucket: "buckets"
    case .kustomization: "kustomizations"
    case .helmRelease: "helmreleases"
    case .receiver: "receivers"
    case .imageRepository: "imagerepositories"
    case .imagePolicy: "imagepolicies"
    case .imageUpdateAutomation: "imageupdateautomations"
    }
  }

  /// The controller that plays this kind (for logs and `--flux-controllers` selection).
  public var controller: FluxController {
    switch self {
    case .gitRepository, .ociRepository, .helmRepository, .helmChart, .bucket: .source
    case .kustomization: .kustomize
    case .helmRelease: .helm
    case .receiver: .notification
    case .imageRepository, .imagePolicy, .imageUpdateAutomation: .image
    }
  }

  public init?(object: JSON) {
    guard let kind = object["kind"]?.stringValue.flatMap(FluxDoubleKind.init(rawValue:)) else { return nil }
    self = kind
  }
}

/// The Flux controllers the double can play.
public enum FluxController: String, Sendable, CaseIterable, Hashable {
  case source = "source-controller"
  case kustomize = "kustomize-controller"
  case helm = "helm-controller"
  case notification = "notification-controller"
  case image = "image-automation-controller"
}

/// One object the double reconciles.
public struct FluxDoubleRef: Sendable, Hashable, CustomStringConvertible {
  public var kind: FluxDoubleKind
  public var namespace: String
  public var name: String
  public init(_ kind: FluxDoubleKind, _ namespace: String, _ name: String) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
  }
  public init?(object: JSON) {
    guard let kind = FluxDoubleKind(object: object), let name = object[path: "metadata", "name"]?.stringValue
    else { return nil }
    self.init(kind, object[path: "metadata", "namespace"]?.stringValue ?? "", name)
  }
  public var description: String { "\(kind.kind) \(namespace)/\(name)" }
}
