import TackJSON

/// Whether Flux's controller Deployments are available, as kstatus judges a Deployment "Current":
/// the controller saw the latest spec, and every replica is updated, ready and available.
public struct DeploymentHealth: Sendable {
  public var cluster: any ClusterAccess
  public init(cluster: any ClusterAccess) { self.cluster = cluster }

  public enum State: Sendable, Equatable { case ready, notReady, notFound }

  public struct Line: Sendable, Equatable {
    public var name: String
    public var state: State
    public var ready: Bool { state == .ready }
    /// flux's line: `<name>: deployment ready|not ready|not found`.
    public var text: String {
      switch state {
      case .ready: "\(name): deployment ready"
      case .notReady: "\(name): deployment not ready"
      case .notFound: "\(name): deployment not found"
      }
    }
  }

  public struct Report: Sendable, Equatable {
    public var lines: [Line]
    public var allReady: Bool { lines.allSatisfy(\.ready) }
  }

  /// kstatus for a Deployment: `nil` when current, else why not.
  public static func notCurrentReason(_ deployment: JSON) -> String? {
    let generation = deployment[path: "metadata", "generation"]?.intValue ?? 0
    let observed = deployment[path: "status", "observedGeneration"]?.intValue ?? -1
    if observed < generation { return "the controller has not observed generation \(generation)" }
    let conditions = Conditions(deployment)
    if conditions.reason("Progressing") == "ProgressDeadlineExceeded" {
      return "progress deadline exceeded"
    }
    let replicas = deployment[path: "spec", "replicas"]?.intValue ?? 1
    let status = deployment["status"]
    let updated = status?["updatedReplicas"]?.intValue ?? 0
    let total = status?["replicas"]?.intValue ?? 0
    let ready = status?["readyReplicas"]?.intValue ?? 0
    let available = status?["availableReplicas"]?.intValue ?? 0
    if updated < replicas { return "\(updated) of \(replicas) replicas updated" }
    if total > replicas { return "\(total - replicas) old replicas pending termination" }
    if available < replicas { return "\(available) of \(replicas) replicas available" }
    if ready < replicas { return "\(ready) of \(replicas) replicas ready" }
    if let condition = conditions.status("Available"), condition != "True" { return "Available=\(condition)" }
    return nil
  }

  /// Waits (watch-driven, in parallel) until every Deployment is current or the deadline passes;
  /// lines sorted by name as flux prints them.
  public func assess(namespace: String, names: [String], deadline: ContinuousClock.Instant) async throws -> Report {
    let timeout = max(deadline - ContinuousClock.now, .zero)
    let lines = try await withThrowingTaskGroup(of: Line.self) { group in
      for name in Set(names) {
        group.addTask {
          let reference = ObjectReference.deployment(namespace, name)
          do {
            _ = try await cluster.wait(for: reference, timeout: timeout) { object in
              guard let object else { return false }
              return Self.notCurrentReason(object) == nil
            }
            return Line(name: name, state: .ready)
          } catch let timeoutError as WaitTimeout {
            return Line(name: name, state: timeoutError.lastSeen == nil ? .notFound : .notReady)
          }
        }
      }
      var collected: [Line] = []
      for try await line in group { collected.append(line) }
      return collected
    }
    return Report(lines: lines.sorted { $0.name < $1.name })
  }
}
