import Foundation

/// Runs a command to completion for test fixtures (git, ssh-keygen). Not for tack itself: tack
/// never shells out to git.
public enum TestProcess {
  public struct Failure: Error, CustomStringConvertible {
    public let command: [String]
    public let status: Int32
    public let stderr: String
    public var description: String {
      "\(command.joined(separator: " ")) exited \(status): \(stderr)"
    }
  }

  /// Runs `arguments[0]` (looked up in PATH unless absolute) and returns its stdout.
  @discardableResult
  public static func run(
    _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
    input: Data? = nil
  ) throws -> String {
    let process = Process()
    let executable = arguments[0]
    if executable.hasPrefix("/") {
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = Array(arguments.dropFirst())
    } else {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = arguments
    }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var env = ProcessInfo.processInfo.environment
    // Keep fixtures independent of the developer's git config and identity.
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["GIT_CONFIG_GLOBAL"] = "/dev/null"
    env["GIT_TERMINAL_PROMPT"] = "0"
    for (key, value) in environment { env[key] = value }
    process.environment = env

    let stdoutFile = try makeTemporaryFile(prefix: "stdout")
    let stderrFile = try makeTemporaryFile(prefix: "stderr")
    defer {
      try? FileManager.default.removeItem(atPath: stdoutFile)
      try? FileManager.default.removeItem(atPath: stderrFile)
    }
    process.standardOutput = FileHandle(forWritingAtPath: stdoutFile)
    process.standardError = FileHandle(forWritingAtPath: stderrFile)
    var inputFile: String?
    if let input {
      let path = try makeTemporaryFile(prefix: "stdin")
      try input.write(to: URL(fileURLWithPath: path))
      process.standardInput = FileHandle(forReadingAtPath: path)
      inputFile = path
    } else {
      process.standardInput = FileHandle.nullDevice
    }
    defer { inputFile.map { try? FileManager.default.removeItem(atPath: $0) } }
    try process.run()
    process.waitUntilExit()
    let out = (try? String(contentsOfFile: stdoutFile, encoding: .utf8)) ?? ""
    guard process.terminationStatus == 0 else {
      let err = (try? String(contentsOfFile: stderrFile, encoding: .utf8)) ?? ""
      throw Failure(command: arguments, status: process.terminationStatus, stderr: err)
    }
    return out
  }

  /// Whether an executable exists (absolute path, or found in PATH).
  public static func exists(_ name: String) -> Bool {
    if name.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: name) }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
  }
}

/// A temp file for a child's output (mkstemp), removed by the caller.
func makeTemporaryFile(prefix: String) throws -> String {
  let base = NSTemporaryDirectory()
  let prefixPath = (base.hasSuffix("/") ? base : base + "/") + "tack-\(prefix).XXXXXX"
  var template = Array(prefixPath.utf8CString)
  let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
  guard fd >= 0 else {
    throw TestProcess.Failure(command: ["mkstemp"], status: errno, stderr: "cannot create a temp file")
  }
  close(fd)
  return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
}
