import ArgumentParser
import Synchronization
import TackBase
import TackCore
import TackJSON
import TackOutput

/// The cluster a canary command works on, the namespace, and the clock its waits use.
struct CanaryConnection: Sendable {
  var cluster: any Cluster
  var namespace: String
  var clock: any CanaryClock
}

/// Shared plumbing of the canary commands: the connection, timeouts, and progress notes in flux's
/// symbols.
enum CanaryCommandSupport {
  static func connect(_ global: GlobalOptions, context: CommandContext) throws -> CanaryConnection {
    let cluster = try context.cluster(global)
    return CanaryConnection(cluster: cluster, namespace: try context.namespace(global), clock: context.clock)
  }

  static func timeout(_ global: GlobalOptions) throws -> Double {
    guard let duration = GoDuration(global.timeout), duration.nanoseconds > 0 else {
      throw ValidationError("invalid --timeout \"\(global.timeout)\": use Go duration syntax, e.g. 30s, 5m, 1h")
    }
    return duration.seconds
  }

  /// Prints a note: state lines go to `stateStream` (stdout by default), the rest to stderr.
  static func printer(_ console: Console, statesToStdout: Bool = true) -> @Sendable (CanaryNote) -> Void {
    { note in
      switch note {
      case .action(let m): console.action(m)
      case .waiting(let m): console.waiting(m)
      case .success(let m): console.success(m)
      case .warning(let m): console.warning(m)
      case .failure(let m): console.failure(m)
      case .state(let line): if statesToStdout { console.print(line) } else { console.note(line) }
      }
    }
  }

  /// Ends a command with `status`; output was already printed.
  static func finish(_ status: ExitStatus) throws {
    if status != .success { throw SilentExit(status) }
  }
}

/// A value shared between the closures of a running command.
final class LockedBox<Value: Sendable>: Sendable {
  private let mutex: Mutex<Value>
  init(_ value: Value) { mutex = Mutex(value) }
  func withLock<R>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
}
