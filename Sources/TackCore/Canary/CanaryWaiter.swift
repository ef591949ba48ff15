import Synchronization
import TackBase
import TackJSON

/// Follows one Canary until a condition holds: a watch wakes it as soon as Flagger writes status,
/// and it re-GETs every `refresh` seconds regardless, so a watch that drops or misses an event
/// never leaves it stale (Argo Rollouts #1390). Honours a deadline and task cancellation.
public struct CanaryWaiter: Sendable {
  public let cluster: any Cluster
  public let clock: any CanaryClock
  /// Seconds between re-GETs.
  public var refresh: Double
  /// Least seconds between two reads, so a burst of watch events causes one redraw (~200 ms).
  public var throttle: Double

  public init(
    cluster: any Cluster, clock: any CanaryClock = SystemCanaryClock(), refresh: Double = 2,
    throttle: Double = 0.2
  ) {
    self.cluster = cluster
    self.clock = clock
    self.refresh = refresh
    self.throttle = throttle
  }

  public enum Step: Sendable {
    case keepWaiting
    case done(ExitStatus)
  }

  /// Calls `observe` with every fresh snapshot (first immediately) until it returns `.done`, or
  /// throws `CanaryError.timedOut` once `timeout` seconds have passed.
  public func follow(
    namespace: String, name: String, timeout: Double, waitingFor: String,
    observe: @Sendable (CanaryStatusLoader.Snapshot) async throws -> Step
  ) async throws -> ExitStatus {
    let loader = CanaryStatusLoader(cluster: cluster)
    let deadline = clock.now().seconds + timeout
    let signal = ChangeSignal()
    let watcher = Task {
      // Restart the watch whenever it ends; errors just fall back to re-GETs.
      while !Task.isCancelled {
        do {
          for try await _ in cluster.watchCanary(namespace: namespace, name: name) { signal.fire() }
        } catch {}
        try? await clock.sleep(seconds: refresh)
      }
    }
    defer { watcher.cancel() }

    var lastPhase = ""
    var lastRead = -Double.infinity
    while true {
      try Task.checkCancellation()
      let sinceLastRead = clock.now().seconds - lastRead
      if sinceLastRead < throttle { try await clock.sleep(seconds: throttle - sinceLastRead) }
      lastRead = clock.now().seconds
      let snapshot = try await loader.load(namespace: namespace, name: name)
      lastPhase = snapshot.report.status.phase.description
      if case .done(let status) = try await observe(snapshot) { return status }
      let remaining = deadline - clock.now().seconds
      if remaining <= 0 {
        throw CanaryError.timedOut(
          namespace: namespace, name: name, waitingFor: waitingFor, phase: lastPhase.isEmpty ? "Pending" : lastPhase)
      }
      await signal.wait(orSeconds: min(refresh, remaining), clock: clock)
    }
  }
}

/// Wakes a waiter when a watch event arrives, or after a timeout, whichever comes first.
final class ChangeSignal: Sendable {
  private let state = Mutex<(pending: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

  func fire() {
    let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
      if let w = s.waiter {
        s.waiter = nil
        return w
      }
      s.pending = true
      return nil
    }
    waiter?.resume()
  }

  func wait(orSeconds seconds: Double, clock: any CanaryClock) async {
    let timer = Task {
      try? await clock.sleep(seconds: seconds)
      self.fire()
    }
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let resumeNow = state.withLock { s -> Bool in
          if s.pending {
            s.pending = false
            return true
          }
          s.waiter = continuation
          return false
        }
        if resumeNow { continuation.resume() }
      }
    } onCancel: {
      self.fire()
    }
    timer.cancel()
    // A timer that fired after a watch event leaves `pending` set: drop it so the next wait sleeps.
    state.withLock { $0.pending = false }
  }
}
