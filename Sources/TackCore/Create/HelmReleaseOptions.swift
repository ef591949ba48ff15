import TackBase
import TackJSON

/// `create helmrelease`'s flags → a HelmRelease (helm.toolkit.fluxcd.io/v2).
public struct HelmReleaseOptions: Sendable, Equatable {
  public static let chartRefKinds = ["OCIRepository", "HelmChart"]
  public static let valuesFromKinds = ["Secret", "ConfigMap"]
  public static let crdsPolicies = ["Skip", "Create", "CreateReplace"]

  public var releaseName = ""
  public var source = ""
  public var chart = ""
  public var chartRef = ""
  public var chartVersion = ""
  public var chartInterval: GoDuration?
  public var reconcileStrategy = "ChartVersion"
  public var dependsOn: [String] = []
  public var targetNamespace = ""
  public var storageNamespace = ""
  public var createTargetNamespace = false
  public var serviceAccount = ""
  /// `--values` files' contents (YAML), merged in order, later files winning.
  public var values: [JSON] = []
  public var valuesFrom: [String] = []
  public var crds: String?
  public var kubeConfigSecretRef = ""

  public init() {}

  public func draft(_ target: CreateTarget) throws(CreateError) -> FluxObjectDraft {
    if chart.isEmpty && chartRef.isEmpty { throw CreateError("--chart or --chart-ref is required") }
    if !chart.isEmpty && !chartRef.isEmpty { throw CreateError("cannot use --chart in combination with --chart-ref") }
    guard ["Revision", "ChartVersion"].contains(reconcileStrategy) else {
      throw CreateError(
        "--reconcile-strategy: '\(reconcileStrategy)' is an invalid reconcile strategy(valid: Revision, ChartVersion)")
    }
    if let crds { try CreateInputs.oneOf(crds, Self.crdsPolicies, flag: "--crds", what: "upgrade CRDs policy") }

    var spec = SpecFields()
    spec.string(releaseName, at: "releaseName")
    spec.require(.string(target.interval.description), at: "interval")
    spec.string(targetNamespace, at: "targetNamespace")
    spec.string(storageNamespace.isEmpty ? targetNamespace : storageNamespace, at: "storageNamespace")
    let dependencies = ObjectReferenceText.dependencies(dependsOn)
    if dependencies.arrayValue?.isEmpty == false { spec.set(dependencies, at: "dependsOn") }
    if !chart.isEmpty {
      // flux accepts a missing --source and writes `sourceRef: {name: ""}`, which the API server
      // then rejects; tack says so before sending anything.
      guard !source.isEmpty else { throw CreateError("--source is required with --chart (e.g. HelmRepository/podinfo)") }
      let (kind, name) = try HelmChartOptions.source(source, flag: "--source")
      var sourceRef: JSON = ["kind": .string(kind), "name": .string(name)]
      let namespace = ObjectReferenceText.kindNameNamespace(source).namespace
      if !namespace.isEmpty { sourceRef["namespace"] = .string(namespace) }
      spec.require(.string(chart), at: "chart", "spec", "chart")
      spec.string(chartVersion, at: "chart", "spec", "version")
      spec.require(sourceRef, at: "chart", "spec", "sourceRef")
      spec.string(reconcileStrategy, at: "chart", "spec", "reconcileStrategy")
      if let chartInterval, chartInterval.nanoseconds != 0 { spec.duration(chartInterval, at: "chart", "spec", "interval") }
    } else {
      let (kind, name, namespace) = ObjectReferenceText.kindNameNamespace(chartRef)
      guard Self.chartRefKinds.contains(kind) else {
        throw CreateError(
          "--chart-ref: chart reference kind '\(kind)' is not supported, must be one of: \(Self.chartRefKinds.joined(separator: ", "))")
      }
      var reference: JSON = ["kind": .string(kind), "name": .string(name)]
      if !namespace.isEmpty { reference["namespace"] = .string(namespace) }
      spec.require(reference, at: "chartRef")
    }
    spec.reference(kubeConfigSecretRef, at: "kubeConfig", "secretRef")
    spec.flag(createTargetNamespace, at: "install", "createNamespace")
    spec.string(serviceAccount, at: "serviceAccountName")
    if let crds {
      spec.string("Create", at: "install", "crds")
      spec.string(crds, at: "upgrade", "crds")
    }
    if !values.isEmpty {
      spec.set(values.reduce(JSON.object([:])) { Self.merge($0, $1) }, at: "values")
    }
    let references = CreateInputs.splitList(valuesFrom)
    if !references.isEmpty {
      spec.set(.array(try references.map { (text: String) throws(CreateError) -> JSON in try Self.valuesReference(text) }), at: "valuesFrom")
    }
    return target.draft(.helmRelease, spec)
  }

  static func valuesReference(_ text: String) throws(CreateError) -> JSON {
    let (kind, name) = ObjectReferenceText.kindName(text)
    guard !kind.isEmpty else {
      throw CreateError("--values-from: invalid Kubernetes object reference '\(text)', must be in format <kind>/<name>")
    }
    guard let clean = ObjectReferenceText.equalFold(kind, valuesFromKinds) else {
      throw CreateError(
        "--values-from: reference kind '\(kind)' is not supported, must be one of: \(valuesFromKinds.joined(separator: ", "))")
    }
    return ["kind": .string(clean), "name": .string(name)]
  }

  /// Helm's deep merge of values maps: maps merge key by key, anything else is replaced.
  static func merge(_ base: JSON, _ overlay: JSON) -> JSON {
    guard case .object(var result) = base, case .object(let top) = overlay else { return overlay }
    for member in top {
      if let existing = result[member.key], existing.objectValue != nil, member.value.objectValue != nil {
        result[member.key] = merge(existing, member.value)
      } else {
        result[member.key] = member.value
      }
    }
    return .object(result)
  }
}
