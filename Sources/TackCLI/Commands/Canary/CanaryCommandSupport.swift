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

/// Shared plumbing of the canary commands: the connection and timeouts.
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

/// The canary commands' progress: flux's symbol lines on stderr, and each new state of a release on
/// stdout (`--watch` off a terminal) or stderr — nothing at all while a live view owns the screen,
/// where a line would shift it.
struct CanaryReporter: ProgressReporter {
  let console: Console
  var statesToStdout = false
  var silent = false

  func log(_ symbol: LogSymbol, _ message: String) {
    if !silent { console.log(symbol, message) }
  }

  func note(_ message: String) {
    guard !silent else { return }
    // State lines carry the phase as the server wrote it: stripped like every console line.
    if statesToStdout { console.print(TerminalText.sanitize(message)) } else { console.note(message) }
  }

  func beginWait(_ message: String) { log(.waiting, message) }
  func updateWait(_ detail: String) {}
  func endWait() {}
}
