import Foundation
import TackTestSupport
import TackTesting
import Testing

/// What a run of the built `tack` binary left behind.
typealias TackResult = ProcessResult

/// Runs the `tack` binary built with the tests as a user would: real argv, a fixed environment,
/// stdin closed, stdout and stderr captured apart. Reusable by every CLI test:
///
/// ```swift
/// let result = try await TackProcess.run(["get", "ks", "-n", "apps"], environment: ["KUBECONFIG": path])
/// #expect(result.exitCode == 5, "\(result)")
/// CLIGolden.expect(result, "get/ks-empty")   // Fixtures/get/ks-empty.stdout / .stderr / .exit
/// ```
enum TackProcess {
  static var tackPath: String { ProjectPaths.builtProduct("tack") }

  /// The environment tests start from: no colour, a fixed time zone, no kubeconfig or Flux
  /// settings leaking in from the developer's shell, and a private HOME/XDG cache.
  static func baseEnvironment() -> [String: String] {
    var env: [String: String] = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "TZ": "UTC",
      "NO_COLOR": "1",
      "TERM": "dumb",
      "COLUMNS": "100",
      "HOME": CLIPaths.scratchHome,
      "XDG_CACHE_HOME": CLIPaths.scratchHome + "/.cache",
    ]
    if let record = ProcessInfo.processInfo.environment["TACK_RECORD"] { env["TACK_RECORD"] = record }
    return env
  }

  /// Runs `tack` with `arguments`; `environment` is added to the base environment. Killed after
  /// `timeout` (the result then says so).
  static func run(
    _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
    timeout: Duration = .seconds(60)
  ) async throws -> TackResult {
    try await run(executable: tackPath, arguments, environment: environment, stdin: stdin, timeout: timeout)
  }

  static func run(
    executable: String, _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
    timeout: Duration = .seconds(60)
  ) async throws -> TackResult {
    var env = baseEnvironment()
    for (key, value) in environment { env[key] = value }
    return try await ProcessRunner.run(
      executable, arguments, environment: env, inheritEnvironment: false, stdin: stdin.map { Array($0.utf8) },
      timeout: timeout)
  }

  /// A long-running `tack` (a `--watch`), read line by line, interruptible like Ctrl-C.
  static func background(_ arguments: [String], environment: [String: String] = [:]) throws -> BackgroundProcess {
    var env = baseEnvironment()
    for (key, value) in environment { env[key] = value }
    return try BackgroundProcess(tackPath, arguments, environment: env, inheritEnvironment: false)
  }
}

/// Paths tests need: the project root and a scratch HOME.
enum CLIPaths {
  static var projectRoot: String { ProjectPaths.projectRoot() }

  static let fixtures: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path + "/Fixtures"
  }()

  static let scratchHome: String = {
    let path = NSTemporaryDirectory() + "tack-cli-tests-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()
}

/// Golden files for command output under `Tests/TackCLITests/Fixtures/`: `<name>.stdout`,
/// `<name>.stderr` and `<name>.exit` compared apart, rewritten only with `TACK_RECORD=1`.
enum CLIGolden {
  static func expect(_ result: TackResult, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    expect(result.stdout, file: name + ".stdout", sourceLocation: sourceLocation)
    expect(result.stderr, file: name + ".stderr", sourceLocation: sourceLocation)
    expect("\(result.exitCode)\n", file: name + ".exit", sourceLocation: sourceLocation)
  }

  /// Compares `actual` with `Fixtures/<file>`.
  static func expect(_ actual: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) {
    GoldenFile.expect(actual, at: CLIPaths.fixtures + "/" + file, sourceLocation: sourceLocation)
  }
}
