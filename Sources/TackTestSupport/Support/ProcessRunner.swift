import Dispatch
import Foundation
import Synchronization

/// What a finished subprocess left behind.
public struct ProcessResult: Sendable, CustomStringConvertible {
  public var exitCode: Int32
  public var stdout: String
  public var stderr: String
  /// True when the process was killed because it ran past its timeout.
  public var timedOut: Bool

  public var succeeded: Bool { exitCode == 0 && !timedOut }
  public var description: String {
    "exit \(exitCode)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)"
  }
}

/// Failure to start a subprocess at all (missing executable and the like).
public struct ProcessLaunchError: Error, CustomStringConvertible, Sendable {
  public var executable: String
  public var reason: String
  public var description: String { "cannot run \(executable): \(reason)" }
}

/// Runs external programs (kubectl, git, sops, …) for tests, off the cooperative thread pool.
///
/// ```swift
/// let result = try await ProcessRunner.run("/usr/bin/kubectl", ["get", "ns"],
///                                          environment: ["KUBECONFIG": path])
/// #expect(result.exitCode == 0, "\(result)")
/// ```
public enum ProcessRunner {
  /// Runs `executable` to completion. `environment` is added to (and overrides) the current
  /// environment unless `inheritEnvironment` is false. The process is killed after `timeout`.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    inheritEnvironment: Bool = true, currentDirectory: String? = nil, stdin: String? = nil,
    timeout: Duration = .seconds(60)
  ) async throws -> ProcessResult {
    let process = try makeProcess(
      executable, arguments, environment: environment, inheritEnvironment: inheritEnvironment,
      currentDirectory: currentDirectory)
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = stdin == nil ? FileHandle.nullDevice : inPipe
    let timedOut = Atomic<Bool>(false)
    return try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        do {
          try process.run()
        } catch {
          continuation.resume(throwing: ProcessLaunchError(executable: executable, reason: "\(error)"))
          return
        }
        if let stdin {
          DispatchQueue.global().async {
            // A child that exits without reading its input must not crash the tests: the throwing
            // write reports EPIPE, the old `write(_:)` traps on it.
            try? inPipe.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
            try? inPipe.fileHandleForWriting.close()
          }
        }
        let killer = DispatchWorkItem {
          if process.isRunning {
            timedOut.store(true, ordering: .relaxed)
            process.terminate()
          }
        }
        let nanos = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(nanos)), execute: killer)
        let group = DispatchGroup()
        let errData = LockedBox(Data())
        group.enter()
        DispatchQueue.global().async {
          let data = errPipe.fileHandleForReading.readDataToEndOfFile()
          errData.withLock { $0 = data }
          group.leave()
        }
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        killer.cancel()
        continuation.resume(
          returning: ProcessResult(
            exitCode: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.withLock { $0 }, as: UTF8.self),
            timedOut: timedOut.load(ordering: .relaxed)))
      }
    }
  }

  static func makeProcess(
    _ executable: String, _ arguments: [String], environment: [String: String],
    inheritEnvironment: Bool, currentDirectory: String?
  ) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = inheritEnvironment ? ProcessInfo.processInfo.environment : [:]
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    return process
  }
}

/// A long-running subprocess whose stdout is read line by line (e.g. `kubectl get -w`).
///
/// ```swift
/// let watch = try BackgroundProcess(kubectl, ["get", "gitrepositories", "-w"], environment: env)
/// defer { watch.terminate() }
/// var lines = watch.lines.makeAsyncIterator()
/// let header = await lines.next()
/// ```
public final class BackgroundProcess: Sendable {
  private let process: Process
  private let errData: LockedBox<Data>
  /// stdout, one element per line (without the newline); finishes when the process closes stdout.
  public let lines: AsyncStream<String>

  public init(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    currentDirectory: String? = nil
  ) throws {
    let process = try ProcessRunner.makeProcess(
      executable, arguments, environment: environment, inheritEnvironment: true,
      currentDirectory: currentDirectory)
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = FileHandle.nullDevice
    let (stream, continuation) = AsyncStream<String>.makeStream()
    lines = stream
    let errData = LockedBox(Data())
    self.errData = errData
    let pending = LockedBox(Data())
    outPipe.fileHandleForReading.readabilityHandler = { handle in
      let chunk = handle.availableData
      if chunk.isEmpty {
        handle.readabilityHandler = nil
        let rest = pending.withLock { data -> Data in
          defer { data.removeAll() }
          return data
        }
        if !rest.isEmpty { continuation.yield(String(decoding: rest, as: UTF8.self)) }
        continuation.finish()
        return
      }
      let complete = pending.withLock { data -> [String] in
        data.append(chunk)
        var result: [String] = []
        while let newline = data.firstIndex(of: 0x0A) {
          result.append(String(decoding: data[data.startIndex..<newline], as: UTF8.self))
          data.removeSubrange(data.startIndex...newline)
        }
        return result
      }
      for line in complete { continuation.yield(line) }
    }
    errPipe.fileHandleForReading.readabilityHandler = { handle in
      let chunk = handle.availableData
      if chunk.isEmpty { handle.readabilityHandler = nil } else { errData.withLock { $0.append(chunk) } }
    }
    do {
      try process.run()
    } catch {
      throw ProcessLaunchError(executable: executable, reason: "\(error)")
    }
    self.process = process
  }

  /// What the process wrote to stderr so far.
  public var stderr: String { String(decoding: errData.withLock { $0 }, as: UTF8.self) }

  /// Sends SIGTERM if the process still runs.
  public func terminate() {
    if process.isRunning { process.terminate() }
  }

  /// Waits (off the cooperative pool) until the process exits and returns its status.
  public func waitForExit() async -> Int32 {
    let process = self.process
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
