import Foundation
import Synchronization

/// A long-running `tack` (a `--watch`): stdout read line by line, interruptible with SIGINT as a
/// user's Ctrl-C, reaped with its exit status.
///
/// ```swift
/// let watch = try BackgroundTack(["get", "ks", "-w"], environment: env)
/// let first = await watch.waitForLines(3)      // header + 2 rows, or what came within the timeout
/// watch.interrupt()
/// #expect(await watch.exitCode() == 130)
/// ```
final class BackgroundTack: Sendable {
  private let process: Mutex<Process>
  /// Shared with the pipe handlers, which outlive any borrow of `self`.
  final class Buffers: Sendable {
    let errData = Mutex(Data())
    let lines = Mutex<[String]>([])
    let pending = Mutex(Data())
  }
  private let buffers = Buffers()

  init(_ arguments: [String], environment: [String: String] = [:]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TackProcess.tackPath)
    process.arguments = arguments
    var env = TackProcess.baseEnvironment()
    for (key, value) in environment { env[key] = value }
    process.environment = env
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
      if chunk.isEmpty { handle.readabilityHandler = nil } else { buffers.errData.withLock { $0.append(chunk) } }
    }
    try process.run()
    self.process = Mutex(process)
  }

  /// Every complete stdout line so far.
  var lines: [String] { buffers.lines.withLock { $0 } }

  /// Waits until at least `count` lines arrived (or `timeout` passed) and returns them all.
  func waitForLines(_ count: Int, timeout: Duration = .seconds(180)) async -> [String] {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      let current = lines
      if current.count >= count { return current }
      try? await Task.sleep(for: .milliseconds(50))
    }
    return lines
  }

  var stderr: String { String(decoding: buffers.errData.withLock { $0 }, as: UTF8.self) }

  /// SIGINT, as Ctrl-C in a terminal.
  func interrupt() { process.withLock { if $0.isRunning { $0.interrupt() } } }
  func terminate() { process.withLock { if $0.isRunning { $0.terminate() } } }

  func exitCode() async -> Int32 {
    nonisolated(unsafe) let process = self.process.withLock { $0 }
    return await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        process.waitUntilExit()
        continuation.resume(returning: process.terminationStatus)
      }
    }
  }
}

