#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Crypto
import TackJSON

/// The status the Flux controllers write, as pure functions of the object: conditions with the real
/// reasons and messages (source-controller, kustomize-controller, helm-controller,
/// notification-controller, image-reflector/automation controllers), `observedGeneration`,
/// `lastHandledReconcileAt`, artifacts with `<ref>@sha1:<40 hex>` revisions, applied/attempted
/// revisions and HelmRelease history.
///
/// Revisions are derived from the object's namespace and name, so golden files stay stable; tests
/// that need a new revision pass one.
public enum FluxStatusModel {
  public static let requestedAtAnnotation = "reconcile.fluxcd.io/requestedAt"
  public static let forceAtAnnotation = "reconcile.fluxcd.io/forceAt"
  public static let resetAtAnnotation = "reconcile.fluxcd.io/resetAt"

  /// What one reconcile attempt reads besides the object: its source and a revision to report.
  public struct Inputs: Sendable {
    /// The source object (GitRepository of a Kustomization, HelmChart of a HelmRelease…), if any.
    public var source: JSON?
    /// A revision to report instead of the derived one.
    public var revision: String?
    /// The time to write (`lastTransitionTime`, `lastUpdateTime`…), RFC 3339 UTC.
    public var now: String

    public init(source: JSON? = nil, revision: String? = nil, now: String = FluxStatusModel.timestamp()) {
      self.source = source
      self.revision = revision
      self.now = now
    }
  }

  // MARK: the three shapes a reconcile leaves behind

  /// Written when a reconcile starts: Reconciling=True (Progressing), Ready=Unknown.
  public static func progressing(_ kind: FluxDoubleKind, _ object: JSON, _ inputs: Inputs) -> JSON {
    var status = object["status"] ?? [:]
    let message = progressMessage(kind, object, inputs)
    let generation = object[path: "metadata", "generation"]?.intValue ?? 1
    status = setCondition(status, "Reconciling", "True", "Progressing", message, generation, inputs.now)
    status = setCondition(
      status, "Ready", "Unknown", "Progressing",
      kind == .kustomization ? "Reconciliation in progress" : message, generation, inputs.now)
    return status
  }

  /// Written when a reconcile succeeded.
  public static func succeeded(_ kind: FluxDoubleKind, _ object: JSON, _ inputs: Inputs) -> JSON {
    let generation = object[path: "metadata", "generation"]?.intValue ?? 1
    var status = object["status"] ?? [:]
    status = removeCondition(status, "Reconciling")
    status = removeCondition(status, "Stalled")
    let revision = inputs.revision ?? self.revision(kind, object, source: inputs.source)
    let (reason, message) = successReasonAndMessage(kind, object, revision: revision, status: status)
    switch kind {
    case .gitRepository, .ociRepository, .helmRepository, .helmChart, .bucket:
      status["artifact"] = artifact(kind, object, revision: revision, now: inputs.now)
      status = setCondition(status, "ArtifactInStorage", "True", "Succeeded", message, generation, inputs.now)
      status = removeCondition(status, "FetchFailed")
      if kind == .helmChart { status["observedChartName"] = .string(chartName(object)) }
      // GitRepository v1 has no status.url; the other sources still publish the latest link.
      if kind != .gitRepository { status["url"] = .string(artifactURL(kind, object, latest: true)) }
      if kind == .helmChart, let sourceRevision = inputs.source?[path: "status", "artifact", "revision"] {
        status["observedSourceArtifactRevision"] = sourceRevision
      }
    case .kustomization:
      status["lastAppliedRevision"] = .string(revision)
      status["lastAttemptedRevision"] = .string(revision)
      if let origin = inputs.source?[path: "status", "artifact", "metadata", "org.opencontainers.image.source"] {
        status["lastAppliedOriginRevision"] = origin
      }
    case .helmRelease:
      status = helmReleaseSucceeded(object, status, chartVersion: revision, message: message, inputs: inputs)
    case .receiver:
      status["webhookPath"] = .string(webhookPath(object))
    case .imageRepository:
      let tags = ["5.0.3", "5.0.2", "5.0.1", "5.0.0", "4.0.6"]
      status["canonicalImageName"] = .string(object[path: "spec", "image"]?.stringValue ?? "ghcr.io/stefanprodan/podinfo")
      status["lastScanResult"] = [
        "tagCount": .int(tags.count), "scanTime": .string(inputs.now),
        "latestTags": .array(tags.map { .string($0) }),
      ]
    case .imagePolicy:
      status["latestRef"] = ["name": .string(imageName(object, source: inputs.source)), "tag": .string(revision)]
    case .imageUpdateAutomation:
      status["lastAutomationRunTime"] = .string(inputs.now)
      status["lastPushCommit"] = .string(hex(sha1: "push/" + key(object)))
      status["lastPushTime"] = .string(inputs.now)
    }
    status = setCondition(status, "Ready", "True", reason, message, generation, inputs.now)
    status["observedGeneration"] = .int(generation)
    return handled(status, object)
  }

  /// Written when a reconcile failed and will be retried.
  public static func failed(_ kind: FluxDoubleKind, _ object: JSON, message: String, _ inputs: Inputs) -> JSON {
    let generation = object[path: "metadata", "generation"]?.intValue ?? 1
    var status = object["status"] ?? [:]
    let reason = failureReason(kind)
    let text = failureMessage(kind, object, message: message, inputs: inputs)
    status = setCondition(status, "Reconciling", "True", "ProgressingWithRetry", progressMessage(kind, object, inputs),
      generation, inputs.now)
    status = removeCondition(status, "Stalled")
    switch kind {
    case .gitRepository, .ociRepository, .helmRepository, .helmChart, .bucket:
      status = setCondition(status, "FetchFailed", "True", reason, text, generation, inputs.now)
    case .kustomization:
      status["lastAttemptedRevision"] = .string(inputs.revision ?? revision(kind, object, source: inputs.source))
    case .helmRelease:
      status["lastAttemptedRevision"] = .string(inputs.revision ?? revision(kind, object, source: inputs.source))
      status["lastAttemptedGeneration"] = .int(generation)
      status = setCondition(status, "Released", "False", reason, text, generation, inputs.now)
      status["failures"] = .int((status["failures"]?.intValue ?? 0) + 1)
    default:
      break
    }
    status = setCondition(status, "Ready", "False", reason, text, generation, inputs.now)
    return handled(status, object)
  }

  /// Written when the controller gives up until the object changes.
  public static func stalled(_ kind: FluxDoubleKind, _ object: JSON, message: String, _ inputs: Inputs) -> JSON {
    let generation = object[path: "metadata", "generation"]?.intValue ?? 1
    var status = object["status"] ?? [:]
    let reason = stallReason(kind)
    status = removeCondition(status, "Reconciling")
    status = setCondition(status, "Stalled", "True", reason, message, generation, inputs.now)
    status = setCondition(status, "Ready", "False", reason, message, generation, inputs.now)
    status["observedGeneration"] = .int(generation)
    return handled(status, object)
  }

  /// `lastHandledReconcileAt` (and HelmRelease's force/reset tokens) copied from the annotations:
  /// the controllers do it at the end of every attempt, failed or not.
  static func handled(_ status: JSON, _ object: JSON) -> JSON {
    var status = status
    let annotations = object[path: "metadata", "annotations"]
    if let token = annotations?[requestedAtAnnotation]?.stringValue {
      status["lastHandledReconcileAt"] = .string(token)
      if FluxDoubleKind(object: object) == .helmRelease {
        if annotations?[forceAtAnnotation]?.stringValue == token { status["lastHandledForceAt"] = .string(token) }
        if annotations?[resetAtAnnotation]?.stringValue == token {
          status["lastHandledResetAt"] = .string(token)
          status["failures"] = nil
          status["installFailures"] = nil
          status["upgradeFailures"] = nil
        }
      }
    }
    return status
  }

  // MARK: revisions and artifacts

  /// The revision a successful reconcile reports, derived from the object (and its source).
  public static func revision(_ kind: FluxDoubleKind, _ object: JSON, source: JSON?) -> String {
    let sourceRevision = source?[path: "status", "artifact", "revision"]?.stringValue
    switch kind {
    case .gitRepository:
      let ref = object[path: "spec", "ref"]
      let name = ref?["branch"]?.stringValue ?? ref?["tag"]?.stringValue ?? ref?["name"]?.stringValue ?? "main"
      return "\(name)@sha1:\(hex(sha1: key(object)))"
    case .ociRepository:
      let tag = object[path: "spec", "ref", "tag"]?.stringValue ?? "latest"
      return "\(tag)@sha256:\(hex(sha256: key(object)))"
    case .helmRepository, .bucket:
      return "sha256:\(hex(sha256: key(object)))"
    case .helmChart:
      if let version = object[path: "spec", "version"]?.stringValue, isPlainVersion(version) { return version }
      return "6.5.4"
    case .kustomization:
      return sourceRevision ?? "main@sha1:\(hex(sha1: "source/" + key(object)))"
    case .helmRelease:
      if let sourceRevision, isPlainVersion(sourceRevision) { return sourceRevision }
      if let version = object[path: "spec", "chart", "spec", "version"]?.stringValue, isPlainVersion(version) {
        return version
      }
      return "6.5.4"
    case .imagePolicy:
      return "5.0.3"
    case .receiver, .imageRepository, .imageUpdateAutomation:
      return ""
    }
  }

  static func artifact(_ kind: FluxDoubleKind, _ object: JSON, revision: String, now: String) -> JSON {
    let digest = "sha256:" + hex(sha256: "artifact/" + key(object) + "/" + revision)
    return [
      "digest": .string(digest),
      "lastUpdateTime": .string(now),
      "path": .string(artifactPath(kind, object, revision: revision)),
      "revision": .string(revision),
      "size": .int(1000 + Int(hex(sha1: revision).prefix(4), radix: 16)!),
      "url": .string(artifactURL(kind, object, revision: revision)),
    ]
  }

  static func artifactPath(_ kind: FluxDoubleKind, _ object: JSON, revision: String) -> String {
    let file = kind == .helmChart ? "\(chartName(object))-\(revision).tgz" : "\(hex(sha1: revision)).tar.gz"
    return "\(kind.kind.lowercased())/\(namespace(object))/\(name(object))/\(file)"
  }

  static func artifactURL(_ kind: FluxDoubleKind, _ object: JSON, revision: String = "", latest: Bool = false) -> String {
    let base = "http://source-controller.flux-system.svc.cluster.local./"
    if latest { return base + "\(kind.kind.lowercased())/\(namespace(object))/\(name(object))/latest.tar.gz" }
    return base + artifactPath(kind, object, revision: revision)
  }

  // MARK: messages and reasons, as the controllers word them

  static func progressMessage(_ kind: FluxDoubleKind, _ object: JSON, _ inputs: Inputs) -> String {
    let generation = object[path: "metadata", "generation"]?.intValue ?? 1
    let observed = object[path: "status", "observedGeneration"]?.intValue
    switch kind {
    case .gitRepository, .ociRepository, .helmRepository, .helmChart, .bucket:
      if let observed, observed != generation { return "processing object: new generation \(observed) -> \(generation)" }
      return "reconciliation in progress"
    case .kustomization:
      let revision = inputs.revision ?? revision(kind, object, source: inputs.source)
      let timeout = object[path: "spec", "timeout"]?.stringValue ?? object[path: "spec", "interval"]?.stringValue ?? "5m0s"
      return "Fetching manifests for revision \(revision) with a timeout of \(timeout)"
    case .helmRelease:
      let action = object[path: "status", "history"]?[0] == nil ? "install" : "upgrade"
      let timeout = object[path: "spec", "timeout"]?.stringValue ?? "5m0s"
      return "Running '\(action)' action with timeout of \(timeout)"
    case .receiver, .imageRepository, .imagePolicy, .imageUpdateAutomation:
      return "reconciliation in progress"
    }
  }

  static func successReasonAndMessage(_ kind: FluxDoubleKind, _ object: JSON, revision: String, status: JSON)
    -> (String, String)
  {
    switch kind {
    case .gitRepository:
      return ("Succeeded", "stored artifact for revision '\(revision)'")
    case .ociRepository:
      return ("Succeeded", "stored artifact for digest '\(revision)'")
    case .helmRepository, .bucket:
      return ("Succeeded", "stored artifact: revision '\(revision)'")
    case .helmChart:
      return ("ChartPullSucceeded", "pulled '\(chartName(object))' chart with version '\(revision)'")
    case .kustomization:
      return ("ReconciliationSucceeded", "Applied revision: \(revision)")
    case .helmRelease:
      let previous = status["history"]?[0]?["version"]?.intValue ?? 0
      let action = previous == 0 ? "install" : "upgrade"
      let reason = previous == 0 ? "InstallSucceeded" : "UpgradeSucceeded"
      return (
        reason,
        "Helm \(action) succeeded for release \(releaseNamespace(object))/\(releaseName(object)).v\(previous + 1) with chart \(chartName(object))@\(revision)"
      )
    case .receiver:
      return ("Succeeded", "Receiver initialized for path: \(webhookPath(object))")
    case .imageRepository:
      return ("Succeeded", "successful scan: found 5 tags")
    case .imagePolicy:
      return ("Succeeded", "Latest image tag for \(imageName(object, source: nil)) resolved to \(revision)")
    case .imageUpdateAutomation:
      return ("Succeeded", "repository up-to-date")
    }
  }

  static func failureReason(_ kind: FluxDoubleKind) -> String {
    switch kind {
    case .gitRepository: "GitOperationFailed"
    case .ociRepository: "OCIArtifactPullFailed"
    case .helmRepository: "IndexationFailed"
    case .helmChart: "ChartPullError"
    case .bucket: "BucketOperationFailed"
    case .kustomization: "ReconciliationFailed"
    case .helmRelease: "UpgradeFailed"
    case .receiver: "ReconciliationFailed"
    case .imageRepository, .imagePolicy, .imageUpdateAutomation: "ReconciliationFailed"
    }
  }

  static func failureMessage(_ kind: FluxDoubleKind, _ object: JSON, message: String, inputs: Inputs) -> String {
    guard kind == .helmRelease else { return message }
    let version = inputs.revision ?? revision(kind, object, source: inputs.source)
    return "Helm upgrade failed for release \(releaseNamespace(object))/\(releaseName(object)) with chart \(chartName(object))@\(version): \(message)"
  }

  static func stallReason(_ kind: FluxDoubleKind) -> String {
    switch kind.controller {
    case .source: "URLInvalid"
    case .kustomize: "InvalidCELExpression"
    case .helm: "RetriesExceeded"
    case .notification, .image: "InvalidSpec"
    }
  }

  // MARK: HelmRelease

  static func helmReleaseSucceeded(_ object: JSON, _ status: JSON, chartVersion: String, message: String, inputs: Inputs)
    -> JSON
  {
    var status = status
    let generation = object[path: "metadata", "generation"]?.intValue ?? 1
    let previous = status["history"]?.arrayValue ?? []
    let version = (previous.first?["version"]?.intValue ?? 0) + 1
    let configDigest = "sha256:" + hex(sha256: "values/" + (object[path: "spec", "values"]?.serialized() ?? "{}"))
    let entry: JSON = [
      "appVersion": .string(chartVersion),
      "chartName": .string(chartName(object)),
      "chartVersion": .string(chartVersion),
      "configDigest": .string(configDigest),
      "digest": .string("sha256:" + hex(sha256: "release/\(key(object))/\(version)")),
      "firstDeployed": previous.last?["firstDeployed"] ?? .string(inputs.now),
      "lastDeployed": .string(inputs.now),
      "name": .string(releaseName(object)),
      "namespace": .string(releaseNamespace(object)),
      "status": "deployed",
      "version": .int(version),
    ]
    var history = [entry]
    for old in previous.prefix(4) {
      var superseded = old
      superseded["status"] = "superseded"
      history.append(superseded)
    }
    status["history"] = .array(history)
    status["lastAttemptedRevision"] = .string(chartVersion)
    status["lastAttemptedGeneration"] = .int(generation)
    status["lastAttemptedConfigDigest"] = .string(configDigest)
    status["lastAttemptedReleaseAction"] = .string(version == 1 ? "install" : "upgrade")
    status["helmChart"] = .string(helmChartName(object))
    status["storageNamespace"] = .string(releaseNamespace(object))
    status["failures"] = nil
    status = setCondition(
      status, "Released", "True", version == 1 ? "InstallSucceeded" : "UpgradeSucceeded", message, generation,
      inputs.now)
    return status
  }

  static func releaseName(_ object: JSON) -> String {
    if let name = object[path: "spec", "releaseName"]?.stringValue, !name.isEmpty { return name }
    if let target = object[path: "spec", "targetNamespace"]?.stringValue, !target.isEmpty {
      return "\(target)-\(name(object))"
    }
    return name(object)
  }

  static func releaseNamespace(_ object: JSON) -> String {
    object[path: "spec", "targetNamespace"]?.stringValue ?? namespace(object)
  }

  /// `<namespace>/<namespace>-<name>`: the HelmChart helm-controller creates for a chart template.
  static func helmChartName(_ object: JSON) -> String {
    if let ref = object[path: "spec", "chartRef"] {
      return "\(ref["namespace"]?.stringValue ?? namespace(object))/\(ref["name"]?.stringValue ?? "")"
    }
    let sourceNamespace = object[path: "spec", "chart", "spec", "sourceRef", "namespace"]?.stringValue ?? namespace(object)
    return "\(sourceNamespace)/\(namespace(object))-\(name(object))"
  }

  static func chartName(_ object: JSON) -> String {
    object[path: "spec", "chart"]?.stringValue
      ?? object[path: "spec", "chart", "spec", "chart"]?.stringValue ?? "podinfo"
  }

  static func webhookPath(_ object: JSON) -> String {
    "/hook/" + hex(sha256: "receiver/" + key(object))
  }

  static func imageName(_ object: JSON, source: JSON?) -> String {
    source?[path: "spec", "image"]?.stringValue ?? "ghcr.io/stefanprodan/podinfo"
  }

  // MARK: conditions

  /// Sets a condition the way fluxcd/pkg's conditions setter does: `lastTransitionTime` moves only
  /// when the status changes; `observedGeneration` is the object's generation.
  public static func setCondition(
    _ status: JSON, _ type: String, _ value: String, _ reason: String, _ message: String, _ generation: Int,
    _ now: String
  ) -> JSON {
    var status = status
    var conditions = status["conditions"]?.arrayValue ?? []
    let existing = conditions.firstIndex { $0["type"]?.stringValue == type }
    let transition: JSON =
      existing.flatMap { conditions[$0]["status"]?.stringValue == value ? conditions[$0]["lastTransitionTime"] : nil }
      ?? .string(now)
    let condition: JSON = [
      "lastTransitionTime": transition, "message": .string(message), "observedGeneration": .int(generation),
      "reason": .string(reason), "status": .string(value), "type": .string(type),
    ]
    if let existing { conditions[existing] = condition } else { conditions.append(condition) }
    // The controllers keep Ready first, then Reconciling/Stalled, then the rest.
    let order = ["Ready": 0, "Reconciling": 1, "Stalled": 2]
    conditions = conditions.enumerated().sorted { a, b in
      let (ka, kb) = (order[a.element["type"]?.stringValue ?? ""] ?? 3, order[b.element["type"]?.stringValue ?? ""] ?? 3)
      return ka != kb ? ka < kb : a.offset < b.offset
    }.map(\.element)
    status["conditions"] = .array(conditions)
    return status
  }

  public static func removeCondition(_ status: JSON, _ type: String) -> JSON {
    var status = status
    guard let conditions = status["conditions"]?.arrayValue else { return status }
    status["conditions"] = .array(conditions.filter { $0["type"]?.stringValue != type })
    return status
  }

  // MARK: small helpers

  static func key(_ object: JSON) -> String { "\(namespace(object))/\(name(object))" }
  static func name(_ object: JSON) -> String { object[path: "metadata", "name"]?.stringValue ?? "" }
  static func namespace(_ object: JSON) -> String { object[path: "metadata", "namespace"]?.stringValue ?? "" }

  static func isPlainVersion(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "." } && text.first!.isNumber
  }

  public static func hex(sha1 text: String) -> String {
    Insecure.SHA1.hash(data: Array(text.utf8)).map { byte in
      String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
    }.joined()
  }

  public static func hex(sha256 text: String) -> String {
    SHA256.hash(data: Array(text.utf8)).map { byte in
      String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
    }.joined()
  }

  /// Now, RFC 3339 in UTC with seconds (what metav1.Time serialises to).
  public static func timestamp() -> String {
    var seconds = time(nil)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ value: Int32, _ width: Int = 2) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T"
      + "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))Z"
  }
}
