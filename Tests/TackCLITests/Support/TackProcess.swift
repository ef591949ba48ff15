import Dispatch
import Foundation
import Synchronization
import TackTestSupport
import Testing

/// What a run of the built `tack` binary left behind.
struct TackResult: Sendable, CustomStringConvertible {
  var exitCode: Int32
  var stdout: String
  var stderr: String

  var description: String { "exit \(exitCode)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs the `tack` binary built with the tests (`.build/<config>/tack`) as a user would: real argv,
/// real environment, stdin closed, stdout and stderr captured apart. Reusable by every CLI test:
///
/// ```swift
/// let result = try await TackProcess.run(["get", "ks", "-n", "apps"], environment: ["KUBECONFIG": path])
/// #expect(result.exitCode == 5, "\(result)")
/// CLIGolden.expect(result, "get/ks-empty")   // Fixtures/get/ks-empty.stdout / .stderr / .exit
/// ```
enum TackProcess {
  /// The products directory holding `tack` and `tack-testserver`, found next to the test binary,
  /// else under `.build/debug` of the project.
  static let productsDirectory: String = {
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var candidates: [String] = []
    var dir = URL(fileURLWithPath: executable).deletingLastPathComponent()
    for _ in 0..<4 {
      candidates.append(dir.path)
      dir = dir.deletingLastPathComponent()
    }
    candidates.append(CLIPaths.projectRoot + "/.build/debug")
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0 + "/tack") } ?? candidates.last!
  }()

  static var tackPath: String { productsDirectory + "/tack" }
  static var testServerPath: String { productsDirectory + "/tack-testserver" }

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
  /// `timeout` (the result then has exit code 137 or 143 and says so on stderr).
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
    let result = try await ProcessRunner.run(
      executable, arguments, environment: env, inheritEnvironment: false, stdin: stdin, timeout: timeout)
    return TackResult(exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr)
  }
}

/// Paths tests need: the project root (from this file) and a scratch HOME.
enum CLIPaths {
  static let projectRoot: String = {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while dir.path != "/" {
      if FileManager.default.fileExists(atPath: dir.path + "/Package.swift") { return dir.path }
      dir = dir.deletingLastPathComponent()
    }
    return FileManager.default.currentDirectoryPath
  }()

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
/// A mismatch records an issue with a line diff (TABs shown as →).
enum CLIGolden {
  static var isRecording: Bool {
    let value = ProcessInfo.processInfo.environment["TACK_RECORD"] ?? ""
    return !value.isEmpty && value != "0"
  }

  static func expect(_ result: TackResult, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    expect(result.stdout, file: name + ".stdout", sourceLocation: sourceLocation)
    expect(result.stderr, file: name + ".stderr", sourceLocation: sourceLocation)
    expect("\(result.exitCode)\n", file: name + ".exit", sourceLocation: sourceLocation)
  }

  /// Compares `actual` with `Fixtures/<file>`.
  static func expect(_ actual: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = CLIPaths.fixtures + "/" + file
    if isRecording {
      try? FileManager.default.createDirectory(
        atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
      FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
      return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      Issue.record("golden file \(file) is missing; run the tests with TACK_RECORD=1 to record it", sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
      Issue.record(
        "golden file \(file) differs (TACK_RECORD=1 re-records):\n\(lineDiff(expected, actual))",
        sourceLocation: sourceLocation)
    }
  }

  static func lineDiff(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    let show = { (line: String) in line.replacingOccurrences(of: "\t", with: "→") }
    var out = "--- expected\n+++ actual\n"
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        out += "  \(show(a[i]))\n"
        i += 1
        j += 1
      } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
        out += "+ \(show(b[j]))\n"
        j += 1
      } else {
        out += "- \(show(a[i]))\n"
        i += 1
      }
    }
    return out
  }
}
