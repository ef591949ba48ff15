import Dispatch
import Foundation
import Synchronization

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
  private let process: Mutex<Process>
  /// Shared with the pipe handlers, which outlive any borrow of `self`.
  private final class Buffers: Sendable {
    let stderr = Mutex(Data())
    let lines = Mutex<[String]>([])
    let pending = Mutex(Data())
  }
  private let buffers = Buffers()

  /// Starts `executable` (a path or a name on PATH) with stdin closed. `environment` is added to this
  /// process's environment unless `inheritEnvironment` is false.
  public init(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    inheritEnvironment: Bool = true, currentDirectory: String? = nil
  ) throws {
    let process = try ProcessRunner.makeProcess(
      executable, arguments, environment: environment, inheritEnvironment: inheritEnvironment,
      currentDirectory: currentDirectory)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let buffers = self.buffers
    out.fileHandleForReading.readabilityHandler = { handle in
      let chunk = handle.availableData
      if chunk.isEmpty {
        handle.readabilityHandler = nil
        return
      }
      let complete = buffers.pending.withLock { data -> [String] in
        data.append(chunk)
        var result: [String] = []
        while let newline = data.firstIndex(of: 0x0A) {
          result.append(String(decoding: data[data.startIndex..<newline], as: UTF8.self))
          data.removeSubrange(data.startIndex...newline)
        }
        return result
      }
      buffers.lines.withLock { $0 += complete }
    }
    err.fileHandleForReading.readabilityHandler = { handle in
      let chunk = handle.availableData
      if chunk.isEmpty { handle.readabilityHandler = nil } else { buffers.stderr.withLock { $0.append(chunk) } }
    }
    do {
      try process.run()
    } catch {
      throw ProcessLaunchError(executable: executable, reason: "\(error)")
    }
    self.process = Mutex(process)
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

  public var isRunning: Bool { process.withLock { $0.isRunning } }

  /// SIGINT, as Ctrl-C in a terminal.
  public func interrupt() { process.withLock { if $0.isRunning { $0.interrupt() } } }

  /// SIGTERM if the process still runs.
  public func terminate() { process.withLock { if $0.isRunning { $0.terminate() } } }

  /// Waits (off the cooperative pool) until the process exits and returns its status.
  public func exitCode() async -> Int32 {
    let process = self.process.withLock { $0 }
    return await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        process.waitUntilExit()
        continuation.resume(returning: process.terminationStatus)
      }
    }
  }
}

/// A mutex-guarded value that closures can share (a `Mutex` itself cannot be captured).
final class LockedBox<Value: Sendable>: Sendable {
  private let mutex: Mutex<Value>
  init(_ value: Value) { mutex = Mutex(value) }
  func withLock<Result>(_ body: (inout Value) -> Result) -> Result { mutex.withLock { body(&$0) } }
}
