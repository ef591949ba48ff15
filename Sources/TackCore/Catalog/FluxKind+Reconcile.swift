import TackBase
import TackJSON

/// What reconcile, suspend and resume need to know about each kind, beyond the catalog: the
/// success message flux prints, which objects have no reconciler, and where a source lives.
extension FluxKind {
  /// Kinds `tack reconcile` accepts, in flux's noun order.
  public static let reconcilable: [FluxKind] = [
    gitRepository, ociRepository, helmRepository, helmChart, bucket, kustomization, helmRelease,
    receiver, imageRepository, imagePolicy, imageUpdateAutomation,
  ]

  /// Kinds `tack suspend` / `tack resume` accept: the reconcilable ones, flux's alert kinds, and
  /// Flagger's Canary (`spec.suspend` too).
  public static let suspendable: [FluxKind] = reconcilable + [alert, alertProvider, canary]

  /// flux's `successMessage()`: what `✔` says once the object reconciled.
  public func successMessage(for object: JSON) -> String {
    let status = object["status"]
    switch self {
    case .gitRepository, .ociRepository, .bucket, .helmChart:
      return "fetched revision \(status?[path: "artifact", "revision"]?.stringValue ?? "")"
    case .helmRepository:
      if object[path: "spec", "type"]?.stringValue == "oci" {
        return ObjectStatus(object).ready?.message ?? ""
      }
      return "fetched revision \(status?[path: "artifact", "revision"]?.stringValue ?? "")"
    case .kustomization:
      return "applied revision \(status?["lastAppliedRevision"]?.stringValue ?? "")"
    case .helmRelease:
      if let version = status?["history"]?[0]?["chartVersion"]?.stringValue {
        return "applied revision \(version)"
      }
      return "applied revision \(status?["lastAttemptedRevision"]?.stringValue ?? "")"
    case .imageRepository:
      return "scan fetched \(status?[path: "lastScanResult", "tagCount"]?.intValue ?? 0) tags"
    case .imagePolicy:
      return "selected ref \(Self.imageRef(status?["latestRef"]))"
    case .imageUpdateAutomation:
      if let ready = ObjectStatus(object).ready { return ready.message }
      if let lastRun = status?["lastAutomationRunTime"]?.stringValue { return "last run \(lastRun)" }
      return "automation not yet run"
    case .alert:
      return "Alert reconciliation completed"
    case .alertProvider:
      return "Provider reconciliation completed"
    case .receiver:
      return "Receiver reconciliation completed"
    default:
      return "\(kind) reconciliation completed"
    }
  }

  /// image-reflector's `ImageRef.String()`: `name[:tag][@digest]`.
  static func imageRef(_ ref: JSON?) -> String {
    guard let ref else { return "" }
    var text = ref["name"]?.stringValue ?? ""
    if let tag = ref["tag"]?.stringValue, !tag.isEmpty { text += ":" + tag }
    if let digest = ref["digest"]?.stringValue, !digest.isEmpty { text += "@" + digest }
    return text
  }

  /// An object without a reconciler: reconcile says "not supported" and succeeds; resume does not
  /// wait for a new generation. (HelmRepository of type oci; notification's Alert and Provider.)
  public func isStatic(_ object: JSON) -> Bool {
    switch self {
    case .helmRepository: return object[path: "spec", "type"]?.stringValue == "oci"
    case .alert, .alertProvider: return true
    default: return false
    }
  }

  /// Whether resume can wait for this kind at all: Flagger's Canary has no Ready condition.
  public var hasReadyCondition: Bool { self != .canary }

  /// flux quotes the Ready message in `<Kind> reconciliation failed: '<msg>'` for plain reconciles
  /// and not for the kinds it reconciles through its with-source command (ks, hr, chart), even
  /// without `--with-source`. Logs that grep for either shape keep working.
  public var quotesFailureMessage: Bool {
    switch self {
    case .kustomization, .helmRelease, .helmChart: return false
    default: return true
    }
  }

  /// The source `--with-source` reconciles first, as flux maps it; `nil` for kinds without one.
  /// Throws `SourceReferenceError` for a source kind flux cannot reconcile.
  public func reconcileSource(of object: JSON) throws(SourceReferenceError) -> ObjectRef? {
    let namespace = object[path: "metadata", "namespace"]?.stringValue ?? ""
    let name = object[path: "metadata", "name"]?.stringValue ?? ""
    switch self {
    case .kustomization:
      guard let ref = object[path: "spec", "sourceRef"] else { return nil }
      let kind = ref["kind"]?.stringValue ?? ""
      let target = ref["namespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? namespace
      guard let sourceKind = [FluxKind.gitRepository, .ociRepository, .bucket].first(where: { $0.kind == kind })
      else { throw SourceReferenceError(kind: kind) }
      return ObjectRef(kind: sourceKind, namespace: target, name: ref["name"]?.stringValue ?? "")
    case .helmChart:
      guard let ref = object[path: "spec", "sourceRef"] else { return nil }
      let kind = ref["kind"]?.stringValue ?? ""
      guard let sourceKind = [FluxKind.helmRepository, .gitRepository, .bucket].first(where: { $0.kind == kind })
      else { throw SourceReferenceError(kind: kind) }
      // A HelmChart's source always lives in its own namespace.
      return ObjectRef(kind: sourceKind, namespace: namespace, name: ref["name"]?.stringValue ?? "")
    case .helmRelease:
      if let ref = object[path: "spec", "chartRef"] {
        let kind = ref["kind"]?.stringValue ?? ""
        let target = ref["namespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? namespace
        guard let sourceKind = [FluxKind.helmChart, .ociRepository].first(where: { $0.kind == kind })
        else { throw SourceReferenceError(kind: kind) }
        return ObjectRef(kind: sourceKind, namespace: target, name: ref["name"]?.stringValue ?? "")
      }
      // A chart template: helm-controller creates HelmChart `<ns>-<name>` next to the chart's source.
      let sourceNamespace = object[path: "spec", "chart", "spec", "sourceRef", "namespace"]?.stringValue
        .flatMap { $0.isEmpty ? nil : $0 } ?? namespace
      return ObjectRef(kind: .helmChart, namespace: sourceNamespace, name: "\(namespace)-\(name)")
    default:
      return nil
    }
  }
}


/// `--with-source` met a source kind flux does not reconcile.
public struct SourceReferenceError: TackError, Equatable {
  public var kind: String
  public init(kind: String) { self.kind = kind }
  public var description: String { "cannot reconcile source of kind \(kind)" }
}
