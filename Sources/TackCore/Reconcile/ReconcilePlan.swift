import TackJSON

/// The objects one reconcile touches, in stages: with `--with-source`, every source is reconciled
/// (and waited for) before what depends on it, as flux does it for one object — a GitRepository, then
/// the HelmChart built from it, then the HelmRelease. Sources shared by several targets are handled
/// once.
struct ReconcilePlan {
  var objects: [ObjectRef: JSON] = [:]
  /// Each object's source, for the objects that have one in the plan.
  var sources: [ObjectRef: ObjectRef] = [:]
  /// 0 for a root source; each object one more than its source.
  var ranks: [ObjectRef: Int] = [:]
  /// The objects the user named (HelmRelease `--force`/`--reset` apply to these only).
  var targets: Set<ObjectRef> = []

  /// Adds a target and, with `withSource`, its chain of sources (fetched now, so a missing source
  /// fails before anything is annotated).
  mutating func add(_ ref: ObjectRef, _ object: JSON, withSource: Bool, cluster: any Cluster) async throws {
    var chain = [(ref, object)]
    if withSource {
      var current = (ref, object)
      while let source = try current.0.kind.reconcileSource(of: current.1) {
        let sourceRef = ObjectRef(kind: source.kind, namespace: source.namespace, name: source.name)
        if chain.contains(where: { $0.0 == sourceRef }) || chain.count > 8 { break }
        let sourceObject: JSON
        if let known = objects[sourceRef] {
          sourceObject = known
        } else if let fetched = try await cluster.get(
          ObjectKind(source.kind), namespace: source.namespace, name: source.name)
        {
          sourceObject = fetched
        } else {
          throw ObjectNotFoundError.get(sourceRef)
        }
        chain.append((sourceRef, sourceObject))
        current = (sourceRef, sourceObject)
      }
    }
    for (index, (member, memberObject)) in chain.enumerated() {
      objects[member] = memberObject
      ranks[member] = max(ranks[member] ?? 0, chain.count - 1 - index)
      if index + 1 < chain.count { sources[member] = chain[index + 1].0 }
    }
    targets.insert(ref)
  }

  /// Objects grouped by rank, lowest first; each group sorted.
  var stages: [[ObjectRef]] {
    let grouped = Dictionary(grouping: ranks.keys) { ranks[$0]! }
    return grouped.keys.sorted().map { grouped[$0]!.sorted() }
  }
}
