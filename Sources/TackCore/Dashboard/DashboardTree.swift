import TackBase

/// One line of the tree screen: a watched Flux object (with its state), a workload a
/// Kustomization applied, or a fleet's cluster heading.
public struct DashboardTreeRow: Sendable, Equatable {
  /// `├─ `, `│  └─ `…: the branches drawn before the label.
  public var prefix: String
  /// The watched object on this line; `nil` for workloads and headings.
  public var key: DashboardKey?
  public var label: String
  public var state: ObjectState?
  /// `spec.dependsOn`, as `namespace/name`.
  public var dependsOn: [String]
  /// Why a failing object fails (reason: message), or why a fleet's cluster is not there; empty otherwise.
  public var problem: String
}

/// The tree screen's rows: sources → the Kustomizations and HelmReleases built from them →
/// what each Kustomization applied (its `status.inventory`, read by `FluxTree.inventory(of:)`):
/// Kustomizations and HelmReleases it manages nest under it, workloads are its leaves. Each
/// level puts the branch holding the worst state first, so a failure is at the top. Pure: built
/// from the watched objects, no requests.
public enum DashboardTree {
  /// Inventory kinds shown as leaves; the rest of an inventory is counted on one line.
  static let workloadKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job"]
  /// Kinds that hang under the object that applied them or their source. HelmCharts are
  /// helm-controller's own and Canaries have their screen: both show only where an inventory lists them.
  static let appliers: Set<FluxKind> = [.kustomization, .helmRelease]
  static let sources: Set<FluxKind> = [.gitRepository, .ociRepository, .helmRepository, .bucket]

  public static func rows(_ state: DashboardState) -> [DashboardTreeRow] {
    let clusters = state.isFleet ? state.clusters : [""]
    var rows: [DashboardTreeRow] = []
    for cluster in clusters {
      let objects = state.isFleet ? state.objects.filter { $0.key.cluster == cluster } : state.objects
      let forest = Forest(objects: objects, cluster: cluster)
      if state.isFleet {
        var note = ""
        if case .unreachable(let reason)? = state.clusterFeeds[cluster] { note = "unreachable: " + reason }
        rows.append(DashboardTreeRow(prefix: "", key: nil, label: cluster, state: nil, dependsOn: [], problem: note))
        for (index, root) in forest.roots.enumerated() {
          forest.flatten(root, prefix: "", isLast: index == forest.roots.count - 1, isRoot: false, into: &rows)
        }
      } else {
        for root in forest.roots { forest.flatten(root, prefix: "", isLast: true, isRoot: true, into: &rows) }
      }
    }
    return rows
  }

  /// One node before it is drawn: a watched object or an inventory leaf.
  indirect enum Node {
    /// `worst`: the worst state anywhere in the branch, worked out once when the node is built
    /// (sorting asks for it on every comparison).
    case object(DashboardObject, children: [Node], worst: ObjectState)
    case workload(ObjectIdentity)
    case others(Int)

    static func object(_ object: DashboardObject, children: [Node]) -> Node {
      .object(object, children: children, worst: ([object.state] + children.compactMap(\.worst)).min() ?? object.state)
    }

    /// The worst state anywhere in this branch (leaves have none).
    var worst: ObjectState? {
      if case .object(_, _, let worst) = self { return worst }
      return nil
    }

    var sortKey: DashboardKey? {
      if case .object(let object, _, _) = self { return object.key }
      return nil
    }
  }

  struct Forest {
    let objects: [DashboardKey: DashboardObject]
    /// Object → the Kustomization whose inventory lists it.
    let manager: [DashboardKey: DashboardKey]
    var roots: [Node] = []

    init(objects: [DashboardKey: DashboardObject], cluster: String) {
      self.objects = objects
      var manager: [DashboardKey: DashboardKey] = [:]
      for (key, object) in objects where key.kind == .kustomization {
        for identity in object.inventory {
          guard let kind = FluxKind.named(kind: identity.kind, group: identity.group) else { continue }
          let child = DashboardKey(cluster: cluster, kind: kind, namespace: identity.namespace, name: identity.name)
          if objects[child] != nil, child != key, manager[child] == nil { manager[child] = key }
        }
      }
      self.manager = manager
      var visited: Set<DashboardKey> = []
      var roots: [Node] = []
      // One sort by key; the filters and the grouping below keep that order.
      let sorted = objects.values.filter { Self.isSource($0.key.kind) || DashboardTree.appliers.contains($0.key.kind) }
        .sorted { $0.key < $1.key }
      let appliers = sorted.filter { DashboardTree.appliers.contains($0.key.kind) }
      let bySource = Dictionary(grouping: appliers.filter { manager[$0.key] == nil }, by: \.source)
      // Sources first, each with the appliers built from it; then appliers whose source is not watched.
      for source in sorted where Self.isSource(source.key.kind) {
        visited.insert(source.key)
        let children = (bySource[Self.reference(source.key)] ?? []).map { build($0, visited: &visited) }
        roots.append(.object(source, children: Self.ordered(children)))
      }
      for object in appliers where !visited.contains(object.key) && manager[object.key] == nil {
        roots.append(build(object, visited: &visited))
      }
      // Kustomizations managing each other in a cycle have no root: each cycle starts at its first key.
      for object in appliers where !visited.contains(object.key) {
        roots.append(build(object, visited: &visited))
      }
      self.roots = Self.ordered(roots)
    }

    static func isSource(_ kind: FluxKind) -> Bool { DashboardTree.sources.contains(kind) }

    /// How `DashboardObject.source` names a source: `GitRepository/flux-system/podinfo`.
    static func reference(_ key: DashboardKey) -> String { "\(key.kind.kind)/\(key.namespace)/\(key.name)" }

    func build(_ object: DashboardObject, visited: inout Set<DashboardKey>) -> Node {
      visited.insert(object.key)
      var children: [Node] = []
      var workloads: [Node] = []
      var others = 0
      for identity in object.inventory {
        if let kind = FluxKind.named(kind: identity.kind, group: identity.group) {
          let key = DashboardKey(cluster: object.key.cluster, kind: kind, namespace: identity.namespace, name: identity.name)
          if let child = objects[key], manager[key] == object.key, !visited.contains(key) {
            children.append(build(child, visited: &visited))
          } else if objects[key] == nil {
            others += 1
          }
        } else if DashboardTree.workloadKinds.contains(identity.kind) {
          workloads.append(.workload(identity))
        } else {
          others += 1
        }
      }
      children.sort { ($0.sortKey ?? object.key) < ($1.sortKey ?? object.key) }
      return .object(object, children: Self.ordered(children) + workloads + (others > 0 ? [.others(others)] : []))
    }

    /// Worst branch first; nodes already in key order keep it among equals (comparing offsets is
    /// much cheaper than comparing keys, which the tree would do for every Ready pair).
    static func ordered(_ nodes: [Node]) -> [Node] {
      nodes.enumerated().sorted { a, b in
        let (x, y) = (a.element.worst ?? .ready, b.element.worst ?? .ready)
        return x != y ? x < y : a.offset < b.offset
      }.map(\.element)
    }

    func flatten(_ node: Node, prefix: String, isLast: Bool, isRoot: Bool, into rows: inout [DashboardTreeRow]) {
      let branch = isRoot ? "" : prefix + (isLast ? "└─ " : "├─ ")
      let childPrefix = isRoot ? "" : prefix + (isLast ? "   " : "│  ")
      switch node {
      case .object(let object, let children, _):
        let problem =
          object.state == .failed || object.state == .waiting
          ? (object.reason.isEmpty ? "" : object.reason + ": ") + object.message : ""
        rows.append(
          DashboardTreeRow(
            prefix: branch, key: object.key, label: Self.reference(object.key), state: object.state,
            dependsOn: object.dependsOn.map { "\($0.namespace)/\($0.name)" }, problem: problem))
        for (index, child) in children.enumerated() {
          flatten(child, prefix: childPrefix, isLast: index == children.count - 1, isRoot: false, into: &rows)
        }
      case .workload(let identity):
        rows.append(
          DashboardTreeRow(
            prefix: branch, key: nil, label: "\(identity.kind)/\(identity.namespace)/\(identity.name)", state: nil,
            dependsOn: [], problem: ""))
      case .others(let count):
        rows.append(
          DashboardTreeRow(
            prefix: branch, key: nil, label: "+\(count) other object\(count == 1 ? "" : "s")", state: nil,
            dependsOn: [], problem: ""))
      }
    }
  }
}
