import TackBase
import TackJSON

/// The dashboard's data: one list, then one watch, per kind — no polling. Each kind's initial list
/// arrives as one `.replace` (so 1,000 objects cost one redraw, not 1,000), then changes one by
/// one. A kind the cluster does not serve is reported as not installed and left alone; a failed
/// watch is reported and retried after a pause (the client already resumes dropped connections).
public struct DashboardFeed: Sendable {
  public var cluster: any Cluster
  /// The context name objects and feeds are tagged with (`""` for one cluster).
  public var name: String
  public var retryAfter: Duration

  public init(cluster: any Cluster, name: String = "", retryAfter: Duration = .seconds(5)) {
    self.cluster = cluster
    self.name = name
    self.retryAfter = retryAfter
  }

  /// Updates for `kinds` in `namespace` (`nil`: all), until the consuming task ends the stream.
  public func updates(kinds: [FluxKind], namespace: String?) -> AsyncStream<DashboardFeedUpdate> {
    let (stream, continuation) = AsyncStream.makeStream(of: DashboardFeedUpdate.self)
    let task = Task {
      await withTaskGroup(of: Void.self) { group in
        for kind in kinds {
          group.addTask { await follow(kind, namespace: namespace, into: continuation) }
        }
      }
      continuation.finish()
    }
    continuation.onTermination = { _ in task.cancel() }
    return stream
  }

  func follow(_ kind: FluxKind, namespace: String?, into continuation: AsyncStream<DashboardFeedUpdate>.Continuation) async {
    let type = ObjectKind(kind)
    let scope = ListScope(namespace: namespace)
    while !Task.isCancelled {
      do {
        let list = try await cluster.list(type, scope)
        continuation.yield(.replace(kind, list.items.map { DashboardObject(kind: kind, object: $0, cluster: name) }, cluster: name))
        continuation.yield(.update(.feed(kind, .watching, cluster: name)))
        for try await change in try await cluster.watch(type, scope, from: list.resourceVersion) {
          switch change {
          case .changed(let object): continuation.yield(.update(.upsert(DashboardObject(kind: kind, object: object, cluster: name))))
          case .deleted(let object):
            continuation.yield(.update(.remove(DashboardObject(kind: kind, object: object, cluster: name).key)))
          case .bookmark: break
          }
        }
      } catch is ResourceNotServedError {
        continuation.yield(.update(.feed(kind, .notInstalled, cluster: name)))
        return
      } catch is CancellationError {
        return
      } catch {
        if Task.isCancelled { return }
        continuation.yield(.update(.feed(kind, .failed(tackError(error).description), cluster: name)))
      }
      try? await Task.sleep(for: retryAfter)
    }
  }
}

/// What the feed delivers: a kind's whole list, or one update.
public enum DashboardFeedUpdate: Sendable, Equatable {
  case replace(FluxKind, [DashboardObject], cluster: String = "")
  case update(DashboardUpdate)
}

extension DashboardState {
  public mutating func apply(_ update: DashboardFeedUpdate) {
    switch update {
    case .replace(let kind, let list, let cluster):
      replace(kind, cluster: cluster, with: list)
    case .update(let update): apply(update)
    }
  }
}
