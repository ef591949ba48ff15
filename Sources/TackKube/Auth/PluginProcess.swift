#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import TackBase

/// Runs a credential plugin without a shell: a resolved path, an explicit environment, stdout (and,
/// unless interactive, stderr) collected, default signal dispositions, and a deadline.
struct PluginProcess: Sendable {
  var executable: String
  var arguments: [String]
  var environment: [String: String]
  /// Hand the plugin our stdin and stderr (interactive login prompts).
  var interactive: Bool

  /// How long a plugin may run when nothing else bounds it (`--request-timeout` does when set).
  /// A prompt for a password or a browser login takes a person; a non-interactive plugin that has
  /// not answered in a minute is stuck.
  static func defaultDeadline(interactive: Bool) -> Duration { interactive ? .seconds(300) : .seconds(60) }

  /// Finds a command the way Go's `exec.LookPath` does: a name with a slash is used as is, anything
  /// else is searched on `PATH`.
  static func lookPath(_ command: String, path: String?) -> String? {
    if command.contains("/") { return LocalFiles.isExecutableFile(command) ? command : nil }
    for directory in (path ?? "").split(separator: ":", omittingEmptySubsequences: false) {
      let candidate = LocalFiles.join(directory.isEmpty ? "." : String(directory), command)
      if LocalFiles.isExecutableFile(candidate) { return candidate }
    }
    return nil
  }

  /// Runs the plugin to completion. A non-interactive plugin leads its own process group, so a
  /// terminal's Ctrl-C reaches tack alone and tack ends the group; an interactive one stays in
  /// tack's group, which owns the terminal it prompts on. Past `deadline`, the plugin is ended and
  /// the result says `timedOut`; cancelling the task ends it and throws `CancellationError`.
  func run(deadline: Duration) async throws -> ChildProcessResult {
    let child = ChildProcess(
      executable: executable, arguments: arguments, environment: environment,
      standardInput: interactive ? .inherit : .null, standardOutput: .capture,
      standardError: interactive ? .inherit : .capture, ownProcessGroup: !interactive)
    return try await child.run(timeout: deadline, gracePeriod: .seconds(1))
  }
}
