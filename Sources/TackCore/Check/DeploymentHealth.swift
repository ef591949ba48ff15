import TackJSON

/// Whether Flux's controller Deployments are available, as kstatus judges a Deployment "Current"
/// (``KStatus``): the controller saw the latest spec, and every replica is updated, ready and available.
public struct DeploymentHealth: Sendable {
  public var cluster: any Cluster
  public init(cluster: any Cluster) { self.cluster = cluster }

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

  /// kstatus for a Deployment (the shared ``KStatus``): `nil` when current, else why not.
  public static func notCurrentReason(_ deployment: JSON) -> String? {
    let status = KStatus.compute(deployment)
    return status.status == .current ? nil : status.message
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
