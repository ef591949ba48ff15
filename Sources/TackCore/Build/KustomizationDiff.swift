import TackBase
import TackJSON

/// `flux diff kustomization` as pure decisions: the caller fetches each live object and runs the
/// server-side apply dry-run (field manager `kustomize-controller`, force); this decides what the
/// outcome means and prints it as flux does.
///
/// ```swift
/// for object in build.objects.map(KustomizationDiff.prepared) {
///   let live = try await cluster.get(object)                  // nil when not found
///   if KustomizationDiff.isSkipped(desired: object, live: live) { … .skipped … ; continue }
///   let outcome = await cluster.dryRunApply(object)           // .applied(result) or .failed(status)
///   diffs.append(try KustomizationDiff.compare(desired: object, live: live, dryRun: outcome, ignoreRules: ks.driftIgnoreRules))
/// }
/// let report = KustomizationDiffReport(kustomization: ks, objects: diffs, errors: failures)
/// ```
public enum KustomizationDiff {
  /// Objects flux leaves alone (label or annotation, value compared case-insensitively).
  static let exclusions = ["kustomize.toolkit.fluxcd.io/reconcile": "disabled", "kustomize.toolkit.fluxcd.io/ssa": "ignore"]
  static let ifNotPresent = ["kustomize.toolkit.fluxcd.io/ssa": "ifnotpresent"]
  static let force = ["kustomize.toolkit.fluxcd.io/force": "enabled"]
  public static let fieldManager = "kustomize-controller"

  /// The object as flux sends it to the dry-run: Secret `stringData` folded into `data`, port
  /// protocols defaulted to TCP, `creationTimestamp: null`, status dropped (except for CRDs), and an
  /// invalid CA bundle removed from a CRD's conversion webhook.
  public static func prepared(_ object: JSON) -> JSON {
    var result = object
    let apiVersion = object["apiVersion"]?.stringValue ?? ""
    let kind = object["kind"]?.stringValue ?? ""
    let isCRD = kind.lowercased() == "customresourcedefinition" && apiVersion.hasPrefix("apiextensions.k8s.io/")
    let skipsTyped = apiVersion == "rbac.authorization.k8s.io/v1" && (kind == "Role" || kind == "ClusterRole")
    if !skipsTyped {
      switch (apiVersion, kind) {
      case ("v1", "Secret"): foldStringData(&result)
      case ("v1", "Service"): defaultProtocols(&result, at: ["spec", "ports"])
      case ("v1", "Pod"): defaultContainerProtocols(&result, spec: ["spec"])
      case ("apps/v1", "Deployment"), ("apps/v1", "StatefulSet"), ("apps/v1", "DaemonSet"), ("apps/v1", "ReplicaSet"),
        ("batch/v1", "Job"):
        defaultContainerProtocols(&result, spec: ["spec", "template", "spec"])
      case ("batch/v1", "CronJob"): defaultContainerProtocols(&result, spec: ["spec", "jobTemplate", "spec", "template", "spec"])
      default: break
      }
      result[path: "metadata", "creationTimestamp"] = .null
      if !isCRD { result["status"] = nil }
    }
    if isCRD, let bundle = result[path: "spec", "conversion", "webhook", "clientConfig", "caBundle"]?.stringValue,
      !bundle.isEmpty, !isValidCABundle(bundle)
    {
      var clientConfig = result[path: "spec", "conversion", "webhook", "clientConfig"]?.objectValue ?? [:]
      clientConfig["caBundle"] = nil
      result[path: "spec", "conversion", "webhook", "clientConfig"] = .object(clientConfig)
    }
    return result
  }

  private static func foldStringData(_ secret: inout JSON) {
    guard let stringData = secret["stringData"]?.objectValue, !stringData.isEmpty else { return }
    var data = secret["data"]?.objectValue ?? [:]
    for member in stringData {
      data[member.key] = .string(Base64.encode(Array((member.value.stringValue ?? "").utf8)))
    }
    secret["data"] = .object(data)
    secret["stringData"] = nil
  }

  private static func defaultProtocols(_ object: inout JSON, at path: [String]) {
    guard var ports = object[path: path]?.arrayValue else { return }
    for index in ports.indices where (ports[index]["protocol"]?.stringValue ?? "").isEmpty {
      ports[index]["protocol"] = "TCP"
    }
    object[path: path] = .array(ports)
  }

  private static func defaultContainerProtocols(_ object: inout JSON, spec: [String]) {
    guard var containers = object[path: spec + ["containers"]]?.arrayValue else { return }
    for index in containers.indices {
      guard var ports = containers[index]["ports"]?.arrayValue else { continue }
      for port in ports.indices where (ports[port]["protocol"]?.stringValue ?? "").isEmpty { ports[port]["protocol"] = "TCP" }
      containers[index]["ports"] = .array(ports)
    }
    object[path: spec + ["containers"]] = .array(containers)
  }

  private static func isValidCABundle(_ bundle: String) -> Bool {
    guard let decoded = SopsMask.goDecode(bundle) else { return false }
    return decoded.isEmpty || String(decoding: decoded, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----")
  }

  /// True when flux would not even dry-run the object: excluded by label/annotation on either
  /// side, or `ssa: ifnotpresent` and the object exists.
  public static func isSkipped(desired: JSON, live: JSON?) -> Bool {
    if anyInMetadata(desired, exclusions) || (live.map { anyInMetadata($0, exclusions) } ?? false) { return true }
    if let live, !(live[path: "metadata", "uid"]?.stringValue ?? "").isEmpty, anyInMetadata(desired, ifNotPresent) {
      return true
    }
    return false
  }

  /// The skipped entry: flux names it after the live object, which is blank when there is none.
  public static func skipped(desired: JSON, live: JSON?) -> ObjectDiff {
    var blank: JSON = ["apiVersion": desired["apiVersion"] ?? "", "kind": desired["kind"] ?? ""]
    if let live { blank = live }
    return ObjectDiff(blank, action: .skipped)
  }

  static func anyInMetadata(_ object: JSON, _ selector: [String: String]) -> Bool {
    for (key, value) in selector {
      for field in ["labels", "annotations"] {
        if let found = object[path: "metadata", field, key]?.stringValue, !found.isEmpty,
          found.lowercased() == value.lowercased()
        {
          return true
        }
      }
    }
    return false
  }

  /// What the dry-run means for one (prepared) object. Throws the error flux reports for it.
  public static func compare(desired: JSON, live: JSON?, dryRun: DryRunOutcome,
    ignoreRules: [FluxKustomization.DriftIgnoreRule] = [], terminalWidth: Int = 80) throws(FluxDiffError) -> ObjectDiff
  {
    let merged: JSON
    switch dryRun {
    case .failed(let failure):
      if failure.isImmutable, anyInMetadata(desired, force) || (live.map { anyInMetadata($0, force) } ?? false) {
        return ObjectDiff(desired, action: .created)
      }
      throw FluxDiffError(message(for: failure, object: desired))
    case .applied(let result):
      merged = result
    }
    if (merged[path: "metadata", "resourceVersion"]?.stringValue ?? "").isEmpty || live == nil {
      return ObjectDiff(merged, action: .created)
    }
    var existing = live!
    let rules = try DriftIgnore(ignoreRules)
    var liveCopy = existing
    var mergedCopy = merged
    rules.strip(&liveCopy, selectedBy: merged)
    rules.strip(&mergedCopy, selectedBy: merged)
    guard hasDrifted(live: liveCopy, merged: mergedCopy) else { return ObjectDiff(merged, action: .unchanged) }

    var printedMerged = merged
    removeManagedFields(&printedMerged)
    removeManagedFields(&existing)
    rules.strip(&existing, selectedBy: merged)
    rules.strip(&printedMerged, selectedBy: merged)
    if (merged["kind"]?.stringValue ?? "").lowercased() == "secret" && merged["apiVersion"]?.stringValue == "v1" {
      SecretMasking.sanitize(live: &existing, merged: &printedMerged)
    }
    var entry = ObjectDiff(desired, action: .drifted)
    if desired["kind"]?.stringValue == "Secret", SecretMasking.comparesKeysOnly(desired) {
      // SOPS-masked values cannot be compared: only a renamed key counts as drift.
      let liveKeys = SecretMasking.maskAllValues(&existing)
      let mergedKeys = SecretMasking.maskAllValues(&printedMerged)
      if liveKeys == mergedKeys { return ObjectDiff(desired, action: .unchanged) }
    }
    let differences = Dyff.compare(existing, printedMerged)
    entry.live = existing
    entry.merged = printedMerged
    entry.report = DyffReport(terminalWidth: terminalWidth).render(differences)
    entry.changes = differences.flatMap(FieldChangeBuilder.changes)
    return entry
  }

  private static func removeManagedFields(_ object: inout JSON) {
    guard var metadata = object["metadata"]?.objectValue else { return }
    metadata["managedFields"] = nil
    object["metadata"] = .object(metadata)
  }

  /// Labels, annotations, or anything outside metadata and status.
  static func hasDrifted(live: JSON, merged: JSON) -> Bool {
    func map(_ object: JSON, _ field: String) -> JSON {
      let value = object[path: "metadata", field]
      if value == nil || value == .null || value?.objectValue?.isEmpty == true { return .object([:]) }
      return value!
    }
    if map(merged, "labels") != map(live, "labels") || map(merged, "annotations") != map(live, "annotations") { return true }
    var a = merged
    var b = live
    for field in ["metadata", "status"] {
      a[field] = nil
      b[field] = nil
    }
    return HorizontalPodAutoscalerFix.apply(a) != HorizontalPodAutoscalerFix.apply(b)
  }

  /// fluxcd/pkg ssa's `DryRunErr` wording.
  static func message(for failure: DryRunFailure, object: JSON) -> String {
    let identity = ObjectIdentity(object)
    if failure.code == 404 || failure.reason == "NotFound" {
      if identity.namespace.isEmpty { return "\(identity.subject) namespace not specified: \(failure.message)" }
      return "\(identity.subject) not found: \(failure.message)"
    }
    var reason = failure.reason
    if failure.causes.contains("FieldManagerConflict") { reason = "FieldManagerConflict" }
    return "\(identity.subject) dry-run failed\(reason.isEmpty ? "" : " (\(reason))"): \(failure.message)"
  }
}

/// Kubernetes before 1.27 returned HorizontalPodAutoscalers from a dry-run with a duplicated
/// first metric and an empty one appended; flux de-duplicates before comparing.
enum HorizontalPodAutoscalerFix {
  static func apply(_ object: JSON) -> JSON {
    guard object["kind"]?.stringValue == "HorizontalPodAutoscaler", let metrics = object[path: "spec", "metrics"]?.arrayValue
    else { return object }
    var kept: [JSON] = []
    for metric in metrics where !kept.contains(metric) && !(metric["type"]?.stringValue ?? "").isEmpty {
      kept.append(metric)
    }
    var result = object
    result[path: "spec", "metrics"] = .array(kept)
    return result
  }
}
