import TackBase
import TackJSON

/// `tack delete <noun> NAME`: GET (exit 5 when absent), ask, DELETE, then follow the object with a
/// watch until it is gone — its finalizers run first, so "deleted" means the controller finished
/// cleaning up, not just that the request was accepted (flux returns at once).
public struct ObjectDeleter: Sendable {
  public var cluster: any Cluster
  public var progress: any ProgressReporter
  public var waiter: ObjectWaiter

  public init(cluster: any Cluster, progress: any ProgressReporter, waiter: ObjectWaiter = ObjectWaiter()) {
    self.cluster = cluster
    self.progress = progress
    self.waiter = waiter
  }

  /// `confirm` runs once the object is known to exist; it throws to abort (a refusal, or no TTY).
  public func delete(
    _ ref: ObjectRef, wait: Bool = true, timeout: Duration = .seconds(300),
    confirm: @Sendable (String) async throws -> Void
  ) async throws {
    let type = ObjectKind(ref.kind)
    guard try await cluster.get(type, namespace: ref.namespace, name: ref.name) != nil else {
      throw ObjectNotFoundError.get(ref)
    }
    try await confirm("Are you sure you want to delete this \(ref.kind.humanKind)")
    progress.action("deleting \(ref.kind.humanKind) \(ref.name) in \(ref.namespace) namespace")
    do {
      try await cluster.delete(type, namespace: ref.namespace, name: ref.name)
    } catch is ObjectNotFoundError {
      // Gone between the GET and the DELETE: what was asked for is done.
    }
    if wait {
      progress.beginWait("waiting for \(ref.kind.humanKind) \(ref.name) to be removed")
      do {
        _ = try await waiter.wait(
          for: cluster.watchedObject(ref), deadline: WaitDeadline(timeout: timeout),
          onWaiting: { [progress] reason in progress.updateWait(reason) },
          until: { state in
            guard let state else { return .satisfied }
            let finalizers = state[path: "metadata", "finalizers"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return .waiting(finalizers.isEmpty ? "being deleted" : "finalizers: " + finalizers.joined(separator: ", "))
          })
      } catch {
        progress.endWait()
        throw error
      }
      progress.endWait()
    }
    progress.success("\(ref.kind.humanKind) deleted")
  }
}

/// A deletion was not confirmed. Exit 1; off a TTY the message names `--silent`.
public struct DeleteAbortedError: TackError, Equatable {
  public var message: String
  public var exitStatus: ExitStatus
  public init(_ message: String, exitStatus: ExitStatus = .failure) {
    self.message = message
    self.exitStatus = exitStatus
  }
  public var description: String { message }
}
