import TackBase
import TackJSON

/// How the apply path runs: wait for readiness or not, how long, or only a server-side dry run.
public struct CreateApplyOptions: Sendable, Equatable {
  public var wait: Bool
  public var timeout: Duration
  /// `--dry-run=server`: the object is sent with `dryRun=All`, so admission and the CRD schema
  /// check it, and nothing is stored (no wait).
  public var serverDryRun: Bool

  public init(wait: Bool = true, timeout: Duration = .seconds(300), serverDryRun: Bool = false) {
    self.wait = wait
    self.timeout = timeout
    self.serverDryRun = serverDryRun
  }
}

/// `create`'s apply path for Flux objects: create the object, or replace the labels and spec of
/// the one already there (flux's upsert: annotations and status kept), then follow it with a watch
/// until it is ready for the generation just written.
///
/// ```swift
/// let draft = try GitRepositoryOptions(url: …, branch: "main").draft(target)
/// try await FluxObjectCreator(cluster: cluster, progress: progress).apply(draft, CreateApplyOptions(timeout: .seconds(60)))
/// ```
public struct FluxObjectCreator: Sendable {
  public enum Upsert: String, Sendable, Equatable { case created, updated }

  public var cluster: any Cluster
  public var progress: any ProgressReporter
  public var waiter: ObjectWaiter

  public init(cluster: any Cluster, progress: any ProgressReporter, waiter: ObjectWaiter = ObjectWaiter()) {
    self.cluster = cluster
    self.progress = progress
    self.waiter = waiter
  }

  /// Applies `draft` and, unless told not to, waits for it. Returns the last state seen.
  /// `beforeApply` runs after the `✚ generating` line, before the object is sent: where the source
  /// commands write the credentials Secret the object refers to.
  @discardableResult
  public func apply(
    _ draft: FluxObjectDraft, _ options: CreateApplyOptions,
    beforeApply: (@Sendable (FluxObjectDraft, any Cluster, any ProgressReporter) async throws -> Void)? = nil
  ) async throws -> JSON? {
    let messages = CreateMessages(draft.kind)
    if let generate = messages.generate { progress.generate(generate) }
    if let beforeApply, !options.serverDryRun { try await beforeApply(draft, cluster, progress) }
    progress.action(messages.applying)
    if options.serverDryRun {
      let upsert = try await dryRun(draft)
      progress.success("\(messages.upserted) \(upsert.rawValue) (server dry run, nothing stored)")
      return nil
    }
    let (upsert, stored) = try await upsert(draft)
    progress.success("\(messages.upserted) \(upsert.rawValue)")
    // Alerts and Providers (v1beta3) have no status: there is nothing to wait for.
    guard options.wait, draft.kind != .alert, draft.kind != .alertProvider else { return stored }
    progress.beginWait(messages.waiting)
    let readiness = CreateReadiness(ref: draft.ref)
    let final: JSON?
    do {
      final = try await waiter.wait(
        for: cluster.watchedObject(draft.ref), deadline: WaitDeadline(timeout: options.timeout),
        onWaiting: { [progress] reason in progress.updateWait(reason) },
        until: { readiness.evaluate($0) })
    } catch {
      progress.endWait()
      throw error
    }
    progress.endWait()
    for line in try messages.readyLines(name: draft.name, object: final) { progress.success(line) }
    return final
  }

  /// Creates the object, or copies the draft's labels and spec onto the stored one and replaces it.
  public func upsert(_ draft: FluxObjectDraft) async throws -> (Upsert, JSON) {
    let type = ObjectKind(draft.kind)
    guard var existing = try await cluster.get(type, namespace: draft.namespace, name: draft.name) else {
      return (.created, try await cluster.create(draft.manifest))
    }
    existing[path: "metadata", "labels"] = draft.labels.isEmpty ? nil : draft.manifest[path: "metadata", "labels"]
    existing["spec"] = draft.spec
    return (.updated, try await cluster.update(existing))
  }

  /// The upsert as a server-side dry run: the object goes through admission and the schema,
  /// nothing is stored.
  func dryRun(_ draft: FluxObjectDraft) async throws -> Upsert {
    let exists = try await cluster.get(ObjectKind(draft.kind), namespace: draft.namespace, name: draft.name) != nil
    switch try await cluster.dryRunApply(draft.manifest, fieldManager: "tack", force: true) {
    case .applied: return exists ? .updated : .created
    case .failed(let failure): throw CreateApplyError("the server rejected \(draft.ref): \(failure.message)")
    }
  }
}
