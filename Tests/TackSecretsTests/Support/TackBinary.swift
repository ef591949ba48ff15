import Foundation
import Testing

/// Runs the built `tack` executable (next to the test bundle in the build products directory)
/// with a controlled environment, and compares output with golden files.
enum TackBinary {
  static let url: URL = {
    let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      bundleDirectory.appendingPathComponent("tack"),
      TestEnvironment.projectRoot.appendingPathComponent(".build/debug/tack"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }()

  static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: url.path) }

  /// Runs `tack arguments…` in `directory` with only the variables given (plus PATH and a HOME
  /// without any sops keys), so the user's own keys and kubeconfig never leak into a test.
  @discardableResult
  static func run(
    _ arguments: [String], in directory: URL, environment: [String: String] = [:], stdin: Data = Data()
  ) throws -> ProcessResult {
    var env = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": directory.appendingPathComponent(".home").path,
      "NO_COLOR": "1",
      "KUBECONFIG": directory.appendingPathComponent(".home/no-kubeconfig").path,
    ]
    for (key, value) in environment { env[key] = value }
    return try Run.blockingProcess(
      url, arguments, stdin: stdin, environment: env, directory: directory, inheritEnvironment: false)
  }
}

/// Golden files under Tests/TackSecretsTests/Fixtures/cli. `TACK_RECORD=1` rewrites them; a
/// mismatch shows a unified diff.
enum Golden {
  static let directory = TestEnvironment.projectRoot.appendingPathComponent("Tests/TackSecretsTests/Fixtures/cli")
  static var recording: Bool { ProcessInfo.processInfo.environment["TACK_RECORD"] == "1" }

  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let file = directory.appendingPathComponent(name)
    if recording {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try actual.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record("golden file \(name) is missing; run with TACK_RECORD=1 to create it", sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      Issue.record("\(name) differs from the golden file:\n\(diff(expected, actual))", sourceLocation: sourceLocation)
    }
  }

  /// A unified diff from `diff -u`, or the two texts when diff is unavailable.
  static func diff(_ expected: String, _ actual: String) -> String {
    guard let tool = TestEnvironment.tool("diff"), let directory = try? TestEnvironment.temporaryDirectory() else {
      return "expected:\n\(expected)\nactual:\n\(actual)"
    }
    defer { try? FileManager.default.removeItem(at: directory) }
    let a = directory.appendingPathComponent("golden"), b = directory.appendingPathComponent("actual")
    try? expected.write(to: a, atomically: true, encoding: .utf8)
    try? actual.write(to: b, atomically: true, encoding: .utf8)
    return (try? Run.blockingProcess(tool, ["-u", a.path, b.path]).stdoutText) ?? ""
  }
}
