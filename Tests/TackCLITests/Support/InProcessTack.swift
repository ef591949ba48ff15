import Foundation
import TackCLI
import TackOutput

/// Runs a command line in this process as `tack` runs it — the same parsing, command, error
/// rendering and exit code (``TackMain/execute(_:context:)``) — with memory streams instead of a
/// child process: for tests that need neither a TTY, nor signals, nor the binary itself.
///
/// ```swift
/// let result = await InProcessTack.run(["get", "ks", "-n", "apps"], environment: ["KUBECONFIG": path])
/// CLIGolden.expect(result, "get/ks-empty")
/// ```
enum InProcessTack {
  /// Runs `arguments` with the base environment of ``TackProcess`` plus `environment`, plain output
  /// (no TTY) at the width the environment's `COLUMNS` gives.
  static func run(_ arguments: [String], environment: [String: String] = [:]) async -> TackResult {
    var env = TackProcess.baseEnvironment()
    for (key, value) in environment { env[key] = value }
    return await run(arguments, exactEnvironment: env)
  }

  /// Runs `arguments` with exactly `environment` (what a child started without inheriting ours sees).
  static func run(_ arguments: [String], exactEnvironment env: [String: String]) async -> TackResult {
    _ = pinProcessSettings
    let out = MemorySink()
    let err = MemorySink()
    let style = TerminalStyle(width: env["COLUMNS"].flatMap(Int.init))
    let context = CommandContext(console: Console(out: out, err: err, style: style), environment: env)
    let code = await TackMain.execute(arguments, context: context)
    return TackResult(exitCode: code, stdout: out.text, stderr: err.text)
  }

  /// What a child process gets from its environment but code in this process reads from the
  /// process itself: the time zone (tables print local times) and argument-parser's wrapping width
  /// for usage messages. Set once, to the base environment's values.
  static let pinProcessSettings: Void = {
    let base = TackProcess.baseEnvironment()
    setenv("TZ", base["TZ"] ?? "UTC", 1)
    tzset()
    setenv("COLUMNS", base["COLUMNS"] ?? "100", 1)
  }()
}
