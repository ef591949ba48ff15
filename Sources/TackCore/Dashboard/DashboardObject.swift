import TackBase
import TackJSON

/// Which object: its cluster (the kubeconfig context; empty when the dashboard shows one), kind,
/// namespace and name, in that order of sorting.
public struct DashboardKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var cluster: String
  public var kind: FluxKind
  public var namespace: String
  public var name: String

  public init(cluster: String = "", kind: FluxKind, namespace: String, name: String) {
    self.cluster = cluster
    self.kind = kind
    self.namespace = namespace
    self.name = name
  }

  public static func < (a: DashboardKey, b: DashboardKey) -> Bool {
    (a.cluster, a.kind.kind, a.namespace, a.name) < (b.cluster, b.kind.kind, b.namespace, b.name)
  }

  public var description: String { (cluster.isEmpty ? "" : cluster + ":") + "\(kind.kind)/\(namespace)/\(name)" }
}

/// What the dashboard keeps of one watched object: the fields its screens show, decoded once
/// when the watch delivers it (the object itself is dropped, so 1,000 objects stay small).
public struct DashboardObject: Sendable, Equatable {
  public var key: DashboardKey
  public var state: ObjectState
  /// The Ready condition's reason and whole message (a Canary: its phase and last message).
  public var reason: String
  public var message: String
  /// Applied and attempted revisions (`lastAppliedRevision`/artifact revision, `lastAttemptedRevision`).
  public var revision: String
  public var attemptedRevision: String
  /// `Kind/namespace/name` of the source, for the kinds that have one.
  public var source: String
  public var conditions: [StatusCondition]
  /// When the state last changed (the Ready condition's, or the Canary's, transition time).
  public var since: RFC3339Time?
  /// The reconcile request Flux has not handled yet (`requestedAt` ≠ `lastHandledReconcileAt`).
  public var reconcileRequested: String?
  public var canary: CanarySummary?
  /// A Kustomization's `status.inventory` (what it applied), for the tree screen.
  public var inventory: [ObjectIdentity]
  /// `spec.dependsOn` of a Kustomization or HelmRelease: objects of its own kind.
  public var dependsOn: [DashboardKey]

  public init(kind: FluxKind, object: JSON, cluster: String = "") {
    let metadata = object["metadata"] ?? .null
    key = DashboardKey(
      cluster: cluster, kind: kind, namespace: metadata["namespace"]?.stringValue ?? "",
      name: metadata["name"]?.stringValue ?? "")
    let status = ObjectStatus(object)
    conditions = status.conditions
    let requested = metadata[path: "annotations", ReconcileRequest.requestedAtAnnotation]?.stringValue
    let handled = object[path: "status", "lastHandledReconcileAt"]?.stringValue
    reconcileRequested = requested != nil && requested != handled ? requested : nil
    attemptedRevision = object[path: "status", "lastAttemptedRevision"]?.stringValue ?? ""
    revision =
      object[path: "status", "lastAppliedRevision"]?.stringValue
      ?? object[path: "status", "artifact", "revision"]?.stringValue ?? ""
    source = Self.source(of: object, namespace: key.namespace)
    inventory = kind == .kustomization ? FluxTree.inventory(of: object).map(\.identity) : []
    let namespace = key.namespace
    dependsOn = (object[path: "spec", "dependsOn"]?.arrayValue ?? []).compactMap { entry in
      guard let name = entry["name"]?.stringValue else { return nil }
      return DashboardKey(
        cluster: cluster, kind: kind, namespace: entry["namespace"]?.stringValue ?? namespace, name: name)
    }
    if kind == .canary {
      let summary = CanarySummary(canary: object)
      canary = summary
      state = ObjectState.of(canaryPhase: summary.progress.phase, suspended: status.suspended)
      reason = summary.progress.phase.isEmpty ? "" : summary.progress.phase
      message = status.conditions.first { $0.type == "Promoted" }?.message ?? ""
      since = object[path: "status", "lastTransitionTime"]?.stringValue.flatMap(RFC3339Time.init)
      source = summary.target
    } else {
      canary = nil
      state = ObjectState.of(status)
      reason = status.ready?.reason ?? ""
      message = status.ready?.message ?? ""
      since = status.ready?.lastTransitionTime.flatMap(RFC3339Time.init)
    }
    if reconcileRequested != nil, state == .ready { state = .reconciling }
  }

  /// An object that could not be read becomes a row carrying why, never a blank screen.
  public init(key: DashboardKey, state: ObjectState, reason: String = "", message: String = "") {
    self.key = key
    self.state = state
    self.reason = reason
    self.message = message
    revision = ""
    attemptedRevision = ""
    source = ""
    conditions = []
    since = nil
    reconcileRequested = nil
    canary = nil
    inventory = []
    dependsOn = []
  }

  static func source(of object: JSON, namespace: String) -> String {
    let spec = object["spec"] ?? .null
    let reference = spec["sourceRef"] ?? spec["chartRef"] ?? spec[path: "chart", "spec", "sourceRef"]
    guard let reference, let name = reference["name"]?.stringValue else { return "" }
    let kind = reference["kind"]?.stringValue ?? ""
    return "\(kind)/\(reference["namespace"]?.stringValue ?? namespace)/\(name)"
  }
}

/// The canary view of a Canary: `CanaryProgress` (phase, weights, step, checks, ETA) and the gate
/// its phase waits at.
public struct CanarySummary: Sendable, Equatable {
  public var progress: CanaryProgress
  /// The confirm gate a waiting phase is held at (`confirm-promotion`), and the hook's name.
  public var gate: String?
  /// `Deployment/podinfo`.
  public var target: String

  public init(canary: JSON) {
    let spec = CanarySpec(canary: canary)
    let status = CanaryStatus(canary: canary)
    progress = CanaryProgress(spec: spec, status: status)
    gate = CanaryGate.holding(spec: spec, status: status, events: []).map { "\($0.type.rawValue) \($0.webhook.name)" }
    let targetKind = canary[path: "spec", "targetRef", "kind"]?.stringValue ?? "Deployment"
    target = "\(targetKind)/\(canary[path: "spec", "targetRef", "name"]?.stringValue ?? "")"
  }
}
