import TackBase
import TackJSON

/// `create kustomization`'s flags → a Kustomization (kustomize.toolkit.fluxcd.io/v1).
public struct KustomizationOptions: Sendable, Equatable {
  public static let sourceKinds = ["OCIRepository", "GitRepository", "Bucket"]
  public static let healthCheckKinds = ["Deployment", "DaemonSet", "StatefulSet", "HelmRelease"]

  public var source = ""
  public var path = "./"
  public var prune = false
  /// `--wait`: `spec.wait` (health-check everything applied), not the command's own wait.
  public var wait = false
  public var healthChecks: [String] = []
  public var healthCheckTimeout = GoDuration(nanoseconds: 120_000_000_000)
  public var dependsOn: [String] = []
  public var serviceAccount = ""
  public var decryptionProvider: String?
  public var decryptionSecret = ""
  public var targetNamespace = ""
  public var kubeConfigSecretRef = ""
  public var retryInterval: GoDuration?

  public init() {}

  public func draft(_ target: CreateTarget) throws(CreateError) -> FluxObjectDraft {
    guard !path.isEmpty else { throw CreateError("--path is required") }
    guard path.hasPrefix("./") else { throw CreateError("--path must begin with ./") }
    let cleanPath = try Self.safePath(path)
    guard !source.isEmpty else { throw CreateError("--source is required") }
    let (kind, name, namespace) = try Self.source(source)
    if let decryptionProvider {
      try CreateInputs.oneOf(decryptionProvider, ["sops"], flag: "--decryption-provider", what: "decryption provider")
    }

    var spec = SpecFields()
    spec.require(.string(target.interval.description), at: "interval")
    spec.require(.string(cleanPath), at: "path")
    spec.require(.bool(prune), at: "prune")
    var sourceRef: JSON = ["kind": .string(kind), "name": .string(name)]
    if !namespace.isEmpty { sourceRef["namespace"] = .string(namespace) }
    spec.require(sourceRef, at: "sourceRef")
    spec.string(targetNamespace, at: "targetNamespace")
    let dependencies = ObjectReferenceText.dependencies(dependsOn)
    if dependencies.arrayValue?.isEmpty == false { spec.set(dependencies, at: "dependsOn") }
    spec.reference(kubeConfigSecretRef, at: "kubeConfig", "secretRef")
    let checks = CreateInputs.splitList(healthChecks)
    if !checks.isEmpty && !wait {
      spec.set(.array(try checks.map { (check: String) throws(CreateError) -> JSON in try Self.healthCheck(check) }), at: "healthChecks")
      spec.duration(healthCheckTimeout, at: "timeout")
    }
    if wait {
      spec.flag(true, at: "wait")
      spec.duration(healthCheckTimeout, at: "timeout")
    }
    spec.string(serviceAccount, at: "serviceAccountName")
    if let decryptionProvider {
      spec.string(decryptionProvider, at: "decryption", "provider")
      spec.reference(decryptionSecret, at: "decryption", "secretRef")
    }
    if let retryInterval, retryInterval.nanoseconds > 0 { spec.duration(retryInterval, at: "retryInterval") }
    return target.draft(.kustomization, spec)
  }

  /// `[<kind>/]<name>[.<namespace>]`, GitRepository when no kind is given.
  static func source(_ text: String) throws(CreateError) -> (String, String, String) {
    var (kind, name, namespace) = ObjectReferenceText.kindNameNamespace(text)
    guard !name.isEmpty else {
      throw CreateError("invalid argument \"\(text)\" for \"--source\" flag: no name given for source of kind '\(kind)'")
    }
    if kind.isEmpty {
      if sourceKinds.contains(name) {
        throw CreateError("invalid argument \"\(text)\" for \"--source\" flag: no kind specified for source '\(name)'")
      }
      kind = "GitRepository"
    }
    guard let clean = ObjectReferenceText.equalFold(kind, sourceKinds) else {
      throw CreateError(
        "invalid argument \"\(text)\" for \"--source\" flag: source kind '\(kind)' is not supported, must be one of: \(sourceKinds.joined(separator: ", "))"
      )
    }
    return (clean, name, namespace)
  }

  /// `Kind/name.namespace`, for the workload kinds kustomize-controller checks.
  static func healthCheck(_ text: String) throws(CreateError) -> JSON {
    let kindAndRest = text.split(separator: "/", omittingEmptySubsequences: false)
    guard kindAndRest.count == 2 else {
      throw CreateError("--health-check: invalid health check '\(text)' must be in the format 'kind/name.namespace'")
    }
    let kind = String(kindAndRest[0])
    guard healthCheckKinds.contains(kind) else {
      throw CreateError(
        "--health-check: invalid health check kind '\(kind)' can be HelmRelease, Deployment, DaemonSet or StatefulSet")
    }
    let nameAndNamespace = kindAndRest[1].split(separator: ".", omittingEmptySubsequences: false)
    guard nameAndNamespace.count == 2 else {
      throw CreateError("--health-check: invalid health check '\(text)' must be in the format 'kind/name.namespace'")
    }
    var check: JSON = [
      "kind": .string(kind), "name": .string(String(nameAndNamespace[0])),
      "namespace": .string(String(nameAndNamespace[1])),
    ]
    if kind == "HelmRelease" { check["apiVersion"] = .string(FluxKind.helmRelease.apiVersion) }
    return check
  }

  /// flux's safe relative path: cleaned, kept inside the source root, prefixed `./`.
  static func safePath(_ path: String) throws(CreateError) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      switch part {
      case ".", "": continue
      case "..":
        // Like securejoin: `..` above the root stays at the root.
        if !parts.isEmpty { parts.removeLast() }
      default: parts.append(part)
      }
    }
    return "./" + parts.joined(separator: "/")
  }
}
