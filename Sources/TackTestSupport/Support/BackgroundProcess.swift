import Foundation
import Synchronization
import TackBase

/// A long-running subprocess read while it runs (`tack get -w`, `kubectl get -w`, `tack canary
/// promote --wait`): complete stdout lines are collected as they arrive, stderr as a whole; it can be
/// interrupted like a user's Ctrl-C and reaped with its exit status.
///
/// ```swift
/// let watch = try BackgroundProcess(ProjectPaths.builtProduct("tack"), ["get", "ks", "-w"], environment: env)
/// let first = await watch.waitForLines(3)      // header + 2 rows, or what came within the timeout
/// watch.interrupt()
/// #expect(await watch.exitCode() == 130)
/// ```
public final class BackgroundProcess: Sendable {
  private let child: SpawnedChild
  /// Shared with the reading thread, which outlives any borrow of `self`.
  private final class Buffers: Sendable {
    let lines = Mutex<[String]>([])
    let pending = Mutex<[UInt8]>([])
    let stderr = Mutex<[UInt8]>([])
    let result = Mutex<ChildProcessResult?>(nil)
  }
  private let buffers = Buffers()

  /// Starts `executable` (a path or a name on PATH) with stdin closed. `environment` is added to this
  /// process's environment unless `inheritEnvironment` is false.
  public init(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    inheritEnvironment: Bool = true, currentDirectory: String? = nil
  ) throws {
    let spec = try ProcessRunner.makeChild(
      executable, arguments, environment: environment, inheritEnvironment: inheritEnvironment,
      currentDirectory: currentDirectory)
    do {
      child = try spec.spawn()
    } catch {
      throw ProcessLaunchError(executable: executable, reason: "\(error)")
    }
    let child = self.child
    let buffers = self.buffers
    DedicatedThread.start(name: "tack-test-background-process") {
      let result = child.communicate(timeout: nil, onStdout: { chunk in
        let complete = buffers.pending.withLock { data -> [String] in
          data.append(contentsOf: chunk)
          var result: [String] = []
          while let newline = data.firstIndex(of: 0x0A) {
            result.append(String(decoding: data[..<newline], as: UTF8.self))
            data.removeSubrange(...newline)
          }
          return result
        }
        if !complete.isEmpty { buffers.lines.withLock { $0 += complete } }
      }, onStderr: { chunk in buffers.stderr.withLock { $0.append(contentsOf: chunk) } })
      buffers.result.withLock { $0 = result }
    }
  }

  /// Every complete stdout line so far (without its newline).
  public var lines: [String] { buffers.lines.withLock { $0 } }

  /// Waits until at least `count` lines arrived (or `timeout` passed) and returns them all.
  public func waitForLines(_ count: Int, timeout: Duration = .seconds(180)) async -> [String] {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      let current = lines
      if current.count >= count { return current }
      try? await Task.sleep(for: .milliseconds(50))
    }
    return lines
  }

  /// What the process wrote to stderr so far.
  public var stderr: String { String(decoding: buffers.stderr.withLock { $0 }, as: UTF8.self) }

  public var isRunning: Bool { buffers.result.withLock { $0 == nil } }

  /// SIGINT, as Ctrl-C in a terminal: to the child's process group, as a terminal sends it.
  public func interrupt() { child.signal(SIGINT) }

  /// SIGTERM if the process still runs.
  public func terminate() { child.signal(SIGTERM) }

  /// Waits until the process exits and its output is read, and returns its status.
  public func exitCode() async -> Int32 {
    while true {
      if let result = buffers.result.withLock({ $0 }) { return result.exitCode }
      try? await Task.sleep(for: .milliseconds(20))
    }
  }
}

/// A mutex-guarded value that closures can share (a `Mutex` itself cannot be captured).
final class LockedBox<Value: Sendable>: Sendable {
  private let mutex: Mutex<Value>
  init(_ value: Value) { mutex = Mutex(value) }
  func withLock<Result>(_ body: (inout Value) -> Result) -> Result { mutex.withLock { body(&$0) } }
}
