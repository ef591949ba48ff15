import Foundation
import TackBase

/// What a finished subprocess left behind.
public struct ProcessResult: Sendable, CustomStringConvertible {
  public var exitCode: Int32
  public var stdoutBytes: [UInt8]
  public var stderrBytes: [UInt8]
  /// True when the process was killed because it ran past its timeout.
  public var timedOut: Bool

  /// A result from text, for commands run in-process.
  public init(exitCode: Int32, stdout: String, stderr: String, timedOut: Bool = false) {
    self.init(exitCode: exitCode, stdoutBytes: Array(stdout.utf8), stderrBytes: Array(stderr.utf8), timedOut: timedOut)
  }

  public init(exitCode: Int32, stdoutBytes: [UInt8], stderrBytes: [UInt8], timedOut: Bool) {
    self.exitCode = exitCode
    self.stdoutBytes = stdoutBytes
    self.stderrBytes = stderrBytes
    self.timedOut = timedOut
  }

  public var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
  public var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }
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

/// A fixture command (``ProcessRunner/output(_:in:environment:stdin:)``) that exited non-zero.
public struct ProcessFailure: Error, CustomStringConvertible, Sendable {
  public var command: [String]
  public var result: ProcessResult
  public var description: String { "\(command.joined(separator: " ")) exited \(result.exitCode): \(result.stderr)" }
}

/// Runs external programs for tests (kubectl, git, sops, age, the built `tack`), the one place a
/// test starts a process to completion; ``BackgroundProcess`` is the one for processes read while
/// they run, and `SpawnedProcess` the one for daemons. Both start children through TackBase's
/// `ChildProcess` (posix_spawn), never Foundation's `Process`, which has crashed in this busy test
/// process while closing descriptors for a child.
///
/// ```swift
/// let result = try await ProcessRunner.run("/usr/bin/kubectl", ["get", "ns"], environment: ["KUBECONFIG": path])
/// #expect(result.exitCode == 0, "\(result)")
/// let head = try ProcessRunner.output(["git", "rev-parse", "HEAD"], in: repository)
/// ```
public enum ProcessRunner {
  /// Runs `executable` (a path, or a name looked up on PATH) to completion, off the cooperative
  /// thread pool. `environment` is added to (and overrides) this process's environment unless
  /// `inheritEnvironment` is false. The process is sent SIGTERM after `timeout`, which only catches
  /// a hang (a loaded 2-core machine makes even quick commands slow).
  @discardableResult
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    inheritEnvironment: Bool = true, currentDirectory: String? = nil, stdin: [UInt8]? = nil,
    timeout: Duration = .seconds(300)
  ) async throws -> ProcessResult {
    let child = try makeChild(
      executable, arguments, environment: environment, inheritEnvironment: inheritEnvironment,
      currentDirectory: currentDirectory, stdin: stdin)
    do {
      return ProcessResult(try await child.run(timeout: timeout))
    } catch let error as ChildProcessError {
      throw ProcessLaunchError(executable: executable, reason: error.description)
    }
  }

  /// `run` on the calling thread, for synchronous fixture code.
  @discardableResult
  public static func runBlocking(
    _ executable: String, _ arguments: [String], environment: [String: String] = [:],
    inheritEnvironment: Bool = true, currentDirectory: String? = nil, stdin: [UInt8]? = nil,
    timeout: Duration = .seconds(300)
  ) throws -> ProcessResult {
    let child = try makeChild(
      executable, arguments, environment: environment, inheritEnvironment: inheritEnvironment,
      currentDirectory: currentDirectory, stdin: stdin)
    do {
      return ProcessResult(try child.spawn().communicate(timeout: timeout))
    } catch {
      throw ProcessLaunchError(executable: executable, reason: "\(error)")
    }
  }

  /// Runs a fixture command (`git init`, `ssh-keygen`, …): `arguments[0]` is a path or a name on
  /// PATH, git never reads the developer's configuration, and a non-zero exit throws
  /// ``ProcessFailure``. Returns stdout.
  @discardableResult
  public static func output(
    _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], stdin: [UInt8]? = nil
  ) throws -> String {
    var env = ["GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_TERMINAL_PROMPT": "0"]
    for (key, value) in environment { env[key] = value }
    let result = try runBlocking(
      arguments[0], Array(arguments.dropFirst()), environment: env, currentDirectory: directory, stdin: stdin,
      timeout: .seconds(300))
    guard result.exitCode == 0 else { throw ProcessFailure(command: arguments, result: result) }
    return result.stdout
  }

  static func makeChild(
    _ executable: String, _ arguments: [String], environment: [String: String], inheritEnvironment: Bool,
    currentDirectory: String?, stdin: [UInt8]? = nil
  ) throws -> ChildProcess {
    guard let path = executable.contains("/") ? executable : ProjectPaths.executable(executable) else {
      throw ProcessLaunchError(executable: executable, reason: "not found on PATH")
    }
    var env = inheritEnvironment ? ProcessInfo.processInfo.environment : [:]
    for (key, value) in environment { env[key] = value }
    return ChildProcess(
      executable: path, arguments: arguments, environment: env, currentDirectory: currentDirectory,
      standardInput: stdin.map { .bytes($0) } ?? .null)
  }
}

extension ProcessResult {
  init(_ result: ChildProcessResult) {
    self.init(exitCode: result.exitCode, stdoutBytes: result.stdout, stderrBytes: result.stderr, timedOut: result.timedOut)
  }
}
