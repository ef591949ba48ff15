import TackBase
import TackJSON

/// `create source helm`'s flags → a HelmRepository (source.toolkit.fluxcd.io/v1); `oci://` URLs
/// make an OCI repository (`type: oci`, which no controller reconciles: its readiness is static).
public struct HelmRepositoryOptions: Sendable, Equatable {
  public var url = ""
  public var secretRef = ""
  public var ociProvider = ""
  public var passCredentials = false
  public var fetchTimeout: GoDuration?

  public init() {}

  public func draft(_ target: CreateTarget) throws(CreateError) -> FluxObjectDraft {
    guard !url.isEmpty else { throw CreateError("--url is required") }
    let scheme = try URLScheme.of(url, flag: "--url", what: "url")
    guard ["http", "https", "oci"].contains(scheme) else {
      throw CreateError("--url: url scheme '\(scheme)' not supported, can be: http, https and oci")
    }
    guard !URLScheme.host(url).isEmpty else { throw CreateError("--url: url host is required") }
    var spec = SpecFields()
    spec.string(url, at: "url")
    spec.require(.string(target.interval.description), at: "interval")
    if scheme == "oci" {
      spec.string("oci", at: "type")
      spec.string(ociProvider, at: "provider")
    }
    if let fetchTimeout, fetchTimeout.nanoseconds > 0 { spec.duration(fetchTimeout, at: "timeout") }
    if !secretRef.isEmpty {
      spec.reference(secretRef, at: "secretRef")
      spec.flag(passCredentials, at: "passCredentials")
    }
    return target.draft(.helmRepository, spec)
  }
}

/// `create source oci`'s flags → an OCIRepository (source.toolkit.fluxcd.io/v1).
public struct OCIRepositoryOptions: Sendable, Equatable {
  public static let providers = ["generic", "aws", "azure", "gcp"]
  public static let verifyProviders = ["cosign"]

  public var url = ""
  public var tag = ""
  public var semver = ""
  public var digest = ""
  public var secretRef = ""
  public var proxySecretRef = ""
  public var serviceAccount = ""
  public var certRef = ""
  /// `nil`: left out (flux's own tests build with zeroed flags); the command's default is `generic`.
  public var provider: String? = "generic"
  public var verifyProvider: String?
  public var verifySecretRef = ""
  public var verifyIssuer = ""
  public var verifySubject = ""
  public var ignorePaths: [String] = []
  public var insecure = false
  public var layerSelector = ""
  public var fetchTimeout: GoDuration?

  public init() {}

  public func draft(_ target: CreateTarget) throws(CreateError) -> FluxObjectDraft {
    guard !url.isEmpty else { throw CreateError("--url is required") }
    if semver.isEmpty && tag.isEmpty && digest.isEmpty { throw CreateError("--tag, --tag-semver or --digest is required") }
    if let provider { try CreateInputs.oneOf(provider, Self.providers, flag: "--provider", what: "source OCI provider") }
    var spec = SpecFields()
    if !layerSelector.isEmpty {
      let parts = layerSelector.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw CreateError("invalid --layer-selector \"\(layerSelector)\": must be in the format '<media-type>:<operation>'")
      }
      guard parts[1] == "extract" || parts[1] == "copy" else {
        throw CreateError("invalid --layer-selector \"\(layerSelector)\": operation must be \"extract\" or \"copy\"")
      }
      spec.string(String(parts[0]), at: "layerSelector", "mediaType")
      spec.string(String(parts[1]), at: "layerSelector", "operation")
    }
    spec.string(provider, at: "provider")
    spec.string(url, at: "url")
    spec.flag(insecure, at: "insecure")
    spec.require(.string(target.interval.description), at: "interval")
    spec.require(.object([:]), at: "ref")
    spec.string(digest, at: "ref", "digest")
    spec.string(semver, at: "ref", "semver")
    spec.string(tag, at: "ref", "tag")
    let ignore = CreateInputs.splitList(ignorePaths)
    if !ignore.isEmpty { spec.require(.string(ignore.joined(separator: "\n")), at: "ignore") }
    if let fetchTimeout, fetchTimeout.nanoseconds > 0 { spec.duration(fetchTimeout, at: "timeout") }
    spec.string(serviceAccount, at: "serviceAccountName")
    spec.reference(secretRef, at: "secretRef")
    spec.reference(proxySecretRef, at: "proxySecretRef")
    spec.reference(certRef, at: "certSecretRef")
    if let verify = try Self.verification(
      provider: verifyProvider, secretRef: verifySecretRef, issuer: verifyIssuer, subject: verifySubject)
    {
      spec.set(verify, at: "verify")
    }
    return target.draft(.ociRepository, spec)
  }

  /// `spec.verify` from the `--verify-*` flags (OCIRepository and HelmChart share it).
  static func verification(provider: String?, secretRef: String, issuer: String, subject: String) throws(CreateError)
    -> JSON?
  {
    guard let provider else {
      if !secretRef.isEmpty {
        throw CreateError("--verify-secret-ref: a verification provider must be specified when a secret is specified")
      }
      if !issuer.isEmpty || !subject.isEmpty {
        throw CreateError(
          "--verify-issuer/--verify-subject: a verification provider must be specified when OIDC issuer/subject is specified")
      }
      return nil
    }
    try CreateInputs.oneOf(provider, verifyProviders, flag: "--verify-provider", what: "source OCI verify provider")
    var verify: JSON = ["provider": .string(provider)]
    if !secretRef.isEmpty { verify["secretRef"] = ["name": .string(secretRef)] }
    if !issuer.isEmpty || !subject.isEmpty {
      // Both keys are written when either is set; the other is an empty string, as flux writes it.
      verify["matchOIDCIdentity"] = [["issuer": .string(issuer), "subject": .string(subject)]]
    }
    return verify
  }
}

/// `create source bucket`'s flags → a Bucket (source.toolkit.fluxcd.io/v1).
public struct BucketOptions: Sendable, Equatable {
  public static let providers = ["generic", "aws", "azure", "gcp"]

  public var bucketName = ""
  public var endpoint = ""
  /// `nil`: left out; the command's default is `generic`.
  public var provider: String? = "generic"
  public var region = ""
  public var insecure = false
  public var secretRef = ""
  public var proxySecretRef = ""
  public var ignorePaths: [String] = []
  public var fetchTimeout: GoDuration?

  public init() {}

  public func draft(_ target: CreateTarget) throws(CreateError) -> FluxObjectDraft {
    guard !bucketName.isEmpty else { throw CreateError("--bucket-name is required") }
    guard !endpoint.isEmpty else { throw CreateError("--endpoint is required") }
    if let provider { try CreateInputs.oneOf(provider, Self.providers, flag: "--provider", what: "source bucket provider") }
    var spec = SpecFields()
    spec.string(bucketName, at: "bucketName")
    spec.string(provider, at: "provider")
    spec.flag(insecure, at: "insecure")
    spec.string(endpoint, at: "endpoint")
    spec.string(region, at: "region")
    spec.require(.string(target.interval.description), at: "interval")
    let ignore = CreateInputs.splitList(ignorePaths)
    if !ignore.isEmpty { spec.require(.string(ignore.joined(separator: "\n")), at: "ignore") }
    if let fetchTimeout, fetchTimeout.nanoseconds > 0 { spec.duration(fetchTimeout, at: "timeout") }
    spec.reference(secretRef, at: "secretRef")
    spec.reference(proxySecretRef, at: "proxySecretRef")
    return target.draft(.bucket, spec)
  }
}

/// `create source chart`'s flags → a HelmChart (source.toolkit.fluxcd.io/v1).
public struct HelmChartOptions: Sendable, Equatable {
  public static let sourceKinds = ["HelmRepository", "GitRepository", "Bucket"]

  public var chart = ""
  public var chartVersion = ""
  public var source = ""
  public var reconcileStrategy = "ChartVersion"
  public var verifyProvider: String?
  public var verifySecretRef = ""
  public var verifyIssuer = ""
  public var verifySubject = ""

  public init() {}

  public func draft(_ target: CreateTarget) throws(CreateError) -> FluxObjectDraft {
    guard !source.isEmpty else { throw CreateError("--source: chart source is required") }
    let (kind, name) = try Self.source(source, flag: "--source")
    guard !chart.isEmpty else { throw CreateError("--chart: chart name or path is required") }
    var spec = SpecFields()
    spec.require(.string(chart), at: "chart")
    spec.string(chartVersion, at: "version")
    spec.require(.string(target.interval.description), at: "interval")
    spec.string(reconcileStrategy, at: "reconcileStrategy")
    spec.require(["kind": .string(kind), "name": .string(name)], at: "sourceRef")
    if let verify = try OCIRepositoryOptions.verification(
      provider: verifyProvider, secretRef: verifySecretRef, issuer: verifyIssuer, subject: verifySubject)
    {
      spec.set(verify, at: "verify")
    }
    return target.draft(.helmChart, spec)
  }

  /// `<kind>/<name>` with a chart source kind (any case), or flux's error for `flag`.
  static func source(_ text: String, flag: String) throws(CreateError) -> (kind: String, name: String) {
    let (kind, name, _) = ObjectReferenceText.kindNameNamespace(text)
    guard !kind.isEmpty, !name.isEmpty else {
      throw CreateError("invalid argument \"\(text)\" for \"\(flag)\" flag: invalid helm chart source '\(text)', must be in format <kind>/<name>")
    }
    guard let clean = ObjectReferenceText.equalFold(kind, sourceKinds) else {
      throw CreateError(
        "invalid argument \"\(text)\" for \"\(flag)\" flag: source kind '\(kind)' is not supported, must be one of: \(sourceKinds.joined(separator: ", "))"
      )
    }
    return (clean, name)
  }
}
