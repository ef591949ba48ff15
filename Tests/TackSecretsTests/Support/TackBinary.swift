import Foundation
import TackTestSupport
import TackTesting
import Testing

/// Runs the built `tack` executable with a controlled environment.
enum TackBinary {
  /// Runs `tack arguments…` in `directory` with only the variables given (plus PATH and a HOME
  /// without any sops keys), so the user's own keys and kubeconfig never leak into a test. The
  /// timeout only catches a hang: on a loaded machine a seal through the service proxy takes minutes.
  static func run(
    _ arguments: [String], in directory: URL, environment: [String: String] = [:], stdin: [UInt8]? = nil
  ) async throws -> ProcessResult {
    var env = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": directory.appendingPathComponent(".home").path,
      "NO_COLOR": "1",
      "KUBECONFIG": directory.appendingPathComponent(".home/no-kubeconfig").path,
    ]
    for (key, value) in environment { env[key] = value }
    return try await ProcessRunner.run(
      ProjectPaths.builtProduct("tack"), arguments, environment: env, inheritEnvironment: false,
      currentDirectory: directory.path, stdin: stdin, timeout: .seconds(900))
  }
}

/// Golden files under Tests/TackSecretsTests/Fixtures/cli (`TACK_RECORD=1` rewrites them).
enum Golden {
  static let directory = TestEnvironment.projectRoot.appendingPathComponent("Tests/TackSecretsTests/Fixtures/cli")

  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    GoldenFile.expect(actual, at: directory.appendingPathComponent(name).path, sourceLocation: sourceLocation)
  }
}
