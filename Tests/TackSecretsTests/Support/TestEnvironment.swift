import Foundation
import TackTestSupport
import Testing

/// Paths the tests use (the shared reference material next to the project), and the Python
/// oracles the interop tests compare against.
enum TestEnvironment {
  /// The project root, from this file's location (Tests/TackSecretsTests/Support/…).
  static let projectRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `../shared` next to the project, read-only.
  static let shared = projectRoot.deletingLastPathComponent().appendingPathComponent("shared")
  static let secretsTestdata = shared.appendingPathComponent("testdata/secrets")
  static let sopsSamples = secretsTestdata.appendingPathComponent("sops")
  static let sealedSamples = secretsTestdata.appendingPathComponent("sealed-secrets")
  static let ageTestkit = secretsTestdata.appendingPathComponent("age-testkit")

  static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
  static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

  /// Runs Python code with the oracle virtualenv's interpreter (pyrage, kubesealpy); arguments
  /// follow as sys.argv[1:].
  static func python(_ code: String, _ arguments: [String] = [], stdin: [UInt8]? = nil) async throws -> ProcessResult {
    guard let python = Oracle.pyrage.path else { throw Oracle.Missing(oracles: [.pyrage, .kubesealpy]) }
    return try await ProcessRunner.run(python, ["-c", code] + arguments, stdin: stdin)
  }

  /// A fresh temporary directory, removed by the caller with `cleanup`.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tack-secrets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
