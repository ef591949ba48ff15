import TackBase
import TackJSON

/// Everything `tack canary status NAME` shows, assembled from the Canary, its two workloads and its
/// events. Pure: the loader fetches the objects, the renderers print this.
public struct CanaryStatusReport: Sendable, Equatable {
  public var name: String
  public var namespace: String
  public var spec: CanarySpec
  public var status: CanaryStatus
  public var progress: CanaryProgress
  public var gate: CanaryGate?
  public var images: Images
  /// Oldest first.
  public var history: [CanaryEvent]
  public var historyMayBeIncomplete: Bool
  /// The Flux Kustomization applying this Canary (`kustomize.toolkit.fluxcd.io/name` label),
  /// which will revert manual spec changes.
  public var fluxKustomization: String?

  public struct Images: Sendable, Equatable {
    /// `nil` when the workload could not be read (not created yet, or gone).
    public var canary: [ContainerImage]?
    public var primary: [ContainerImage]?
    public init(canary: [ContainerImage]?, primary: [ContainerImage]?) {
      self.canary = canary
      self.primary = primary
    }
  }

  public struct ContainerImage: Sendable, Equatable {
    public var container: String
    public var image: String
    public init(container: String, image: String) {
      self.container = container
      self.image = image
    }

    static func list(in workload: JSON?) -> [ContainerImage]? {
      guard let workload else { return nil }
      return (workload[path: "spec", "template", "spec", "containers"]?.arrayValue ?? []).map {
        ContainerImage(container: $0["name"]?.stringValue ?? "", image: $0["image"]?.stringValue ?? "")
      }
    }
  }

  public init(canary: JSON, target: JSON?, primary: JSON?, events: [JSON]) {
    name = canary[path: "metadata", "name"]?.stringValue ?? ""
    namespace = canary[path: "metadata", "namespace"]?.stringValue ?? ""
    spec = CanarySpec(canary: canary)
    status = CanaryStatus(canary: canary)
    progress = CanaryProgress(spec: spec, status: status)
    images = Images(canary: ContainerImage.list(in: target), primary: ContainerImage.list(in: primary))
    history = Self.order(events.map(CanaryEvent.init(event:)))
    gate = CanaryGate.holding(spec: spec, status: status, events: history)
    fluxKustomization = Self.fluxOwner(canary)
    historyMayBeIncomplete = Self.mayBeIncomplete(history, status: status)
  }

  /// Oldest first, by last occurrence; ties keep the API server's order.
  static func order(_ events: [CanaryEvent]) -> [CanaryEvent] {
    events.enumerated().sorted { a, b in
      let ta = RFC3339Time(a.element.time)?.seconds ?? 0
      let tb = RFC3339Time(b.element.time)?.seconds ?? 0
      return ta == tb ? a.offset < b.offset : ta < tb
    }.map(\.element)
  }

  static func fluxOwner(_ canary: JSON) -> String? {
    guard let labels = canary[path: "metadata", "labels"]?.objectValue else { return nil }
    guard let name = labels["kustomize.toolkit.fluxcd.io/name"]?.stringValue else {
      return labels.keys.contains { $0.hasPrefix("kustomize.toolkit.fluxcd.io/") } ? "" : nil
    }
    let ns = labels["kustomize.toolkit.fluxcd.io/namespace"]?.stringValue
    return ns.map { "\($0)/\(name)" } ?? name
  }

  /// Events are folded (xN) and expire (about 1 h): say so when the start of the current run is not
  /// among them or repeats were folded.
  static func mayBeIncomplete(_ all: [CanaryEvent], status: CanaryStatus) -> Bool {
    let events = all.filter { if case .rollbackHookIdle = $0.kind { return false } else { return true } }
    if events.isEmpty { return status.phase != .none }
    if events.contains(where: { $0.count > 1 }) { return true }
    let hasStart = events.contains { event in
      switch event.kind {
      case .newRevision, .analysisStarted, .initialized, .analysisRestarted: return true
      default: return false
      }
    }
    return !hasStart
  }
}
