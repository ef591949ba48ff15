import TackBase
import TackJSON

/// `tack suspend`: merge-patch `spec.suspend: true`, as flux does, with two differences: a missing
/// name is an error (exit 5) — the other names still proceed — and an object that is already
/// suspended says so instead of being patched again.
public struct Suspender: Sendable {
  public var cluster: any Cluster
  public var progress: any ProgressReporter

  public init(cluster: any Cluster, progress: any ProgressReporter) {
    self.cluster = cluster
    self.progress = progress
  }

  public static let suspendPatch: JSON = ["spec": ["suspend": true]]

  @discardableResult
  public func run(_ kind: FluxKind, _ selection: ObjectSelection) async throws -> [ObjectOutcome] {
    let single = selection.isSingle
    var outcomes: [ObjectOutcome] = []
    let targets = try await SuspendTargets.resolve(kind, selection, cluster: cluster)
    let steps = await SuspendTargets.patch(targets, cluster: cluster, patch: Self.suspendPatch) { object in
      !ObjectStatus(object).suspended
    }
    for (target, step) in steps {
      let ref = target.ref
      switch step {
      case .missing:
        let error = ObjectNotFoundError("\(kind.kind) \(ref.name) not found in \(ref.namespace) namespace")
        if single { throw error }
        progress.failure(error.description)
        outcomes.append(ObjectOutcome(ref, .failed(error)))
      case .unchanged:
        progress.success("\(kind.humanKind) \(ref.name) is already suspended")
        outcomes.append(ObjectOutcome(ref, .skipped("already suspended")))
      case .failed(let error):
        if error is CancellationError { throw error }
        let failure = SuspendPatchError(verb: "suspending", ref: ref, underlying: tackError(error))
        if single { throw failure }
        progress.action("suspending \(kind.humanKind) \(ref.name) in \(ref.namespace) namespace")
        progress.failure(failure.description)
        outcomes.append(ObjectOutcome(ref, .failed(failure)))
      case .patched:
        progress.action("suspending \(kind.humanKind) \(ref.name) in \(ref.namespace) namespace")
        progress.success("\(kind.humanKind) suspended")
        outcomes.append(ObjectOutcome(ref, .requested("suspended")))
      }
    }
    if let error = outcomes.aggregateError(verb: "suspend") { throw error }
    return outcomes
  }
}

/// Patching `spec.suspend` failed: flux's wording, the underlying error's exit status.
public struct SuspendPatchError: TackError {
  public var verb: String
  public var ref: ObjectRef
  public var underlying: any TackError
  public var exitStatus: ExitStatus { underlying.exitStatus }
  public var description: String {
    "failed \(verb) \(ref.kind.kind) \(ref.name) in \(ref.namespace) namespace: \(underlying.description)"
  }
}

/// The objects a suspend or resume acts on: each name looked up (absent ones kept, as `nil`), or
/// every object listed.
struct SuspendTargets: Sendable {
  var ref: ObjectRef
  var object: JSON?

  /// What happened to one target in the patch phase.
  enum Step: Sendable {
    case missing
    /// Already in the wanted state: not patched.
    case unchanged(JSON)
    case patched(JSON)
    case failed(any Error)
  }

  /// Merge-patches every target that `needsPatch`, several at once, results in input order.
  static func patch(
    _ targets: [SuspendTargets], cluster: any Cluster, patch: JSON,
    needsPatch: @escaping @Sendable (JSON) -> Bool
  ) async -> [(SuspendTargets, Step)] {
    await targets.orderedConcurrentMap(limit: Reconciler.patchConcurrency) { target in
      guard let object = target.object else { return (target, .missing) }
      guard needsPatch(object) else { return (target, .unchanged(object)) }
      do {
        let patched = try await cluster.patch(
          ObjectKind(target.ref.kind), namespace: target.ref.namespace, name: target.ref.name, .merge(patch))
        return (target, .patched(patched))
      } catch {
        return (target, .failed(error))
      }
    }
  }

  static func resolve(_ kind: FluxKind, _ selection: ObjectSelection, cluster: any Cluster) async throws
    -> [SuspendTargets]
  {
    switch selection {
    case .named(_, let namespace):
      var targets: [SuspendTargets] = []
      for name in selection.uniqueNames {
        let object = try await cluster.get(ObjectKind(kind), namespace: namespace, name: name)
        targets.append(SuspendTargets(ref: ObjectRef(kind: kind, namespace: namespace, name: name), object: object))
      }
      return targets
    case .all(let namespace):
      let list = try await cluster.list(ObjectKind(kind), ListScope(namespace: namespace))
      let targets = list.items.compactMap { object in
        ObjectRef(kind: kind, object: object).map { SuspendTargets(ref: $0, object: object) }
      }
      if targets.isEmpty { throw ReconcileError.noObjects(kind, namespace: namespace) }
      return targets.sorted { $0.ref < $1.ref }
    }
  }
}
