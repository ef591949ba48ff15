import TackBase
import TackJSON

/// Waits for many Flux objects at once: one `ObjectWaiter.waitAll` per kind and namespace (or per
/// kind across the cluster for `-A`), all concurrently, under one deadline.
public struct BulkWait: Sendable {
  public var cluster: any Cluster
  public var waiter: ObjectWaiter

  public init(cluster: any Cluster, waiter: ObjectWaiter = ObjectWaiter()) {
    self.cluster = cluster
    self.waiter = waiter
  }

  /// Every target's outcome. Throws only `CancellationError`; a failed first list becomes every
  /// affected target's outcome.
  public func run(
    _ targets: [(ObjectRef, ObjectWaiter.Predicate)],
    deadline: WaitDeadline,
    allNamespaces: Bool = false,
    onFinished: (@Sendable (ObjectRef, ObjectWaiter.Outcome) -> Void)? = nil
  ) async throws -> [ObjectRef: ObjectWaiter.Outcome] {
    struct Group: Hashable {
      var kind: FluxKind
      var namespace: String?
    }
    var groups: [Group: [ObjectKey: ObjectWaiter.Predicate]] = [:]
    for (ref, predicate) in targets {
      groups[Group(kind: ref.kind, namespace: allNamespaces ? nil : ref.namespace), default: [:]][ref.key] = predicate
    }
    let cluster = self.cluster
    let waiter = self.waiter
    return try await withThrowingTaskGroup(of: [ObjectRef: ObjectWaiter.Outcome].self) { tasks in
      for (group, predicates) in groups {
        tasks.addTask {
          let refs: @Sendable (ObjectKey) -> ObjectRef = { key in
            ObjectRef(kind: group.kind, namespace: key.namespace, name: key.name)
          }
          do {
            let outcomes = try await waiter.waitAll(
              in: cluster.watchedCollection(group.kind, namespace: group.namespace), for: predicates,
              deadline: deadline, onFinished: { key, outcome in onFinished?(refs(key), outcome) })
            return Dictionary(uniqueKeysWithValues: outcomes.map { (refs($0.key), $0.value) })
          } catch is CancellationError {
            throw CancellationError()
          } catch {
            var failed: [ObjectRef: ObjectWaiter.Outcome] = [:]
            for key in predicates.keys {
              failed[refs(key)] = .failure(error)
              onFinished?(refs(key), .failure(error))
            }
            return failed
          }
        }
      }
      var all: [ObjectRef: ObjectWaiter.Outcome] = [:]
      for try await outcomes in tasks { all.merge(outcomes) { first, _ in first } }
      return all
    }
  }
}
