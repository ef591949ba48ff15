import Foundation
import TackTestSupport
import Testing

/// A private tmux server (its own socket, no user config) running one command in a pane of a fixed
/// size: keys in, `capture-pane` out. Polls instead of sleeping.
struct TmuxSession {
  let socket: String
  let tmux: String

  static func start(
    _ command: String, environment: [String: String], columns: Int = 120, rows: Int = 40
  ) async throws -> TmuxSession {
    let session = TmuxSession(socket: "tack-ui-\(UUID().uuidString.prefix(8))", tmux: Oracle.tmux.path ?? "tmux")
    var arguments = ["new-session", "-d", "-s", "ui", "-x", String(columns), "-y", String(rows)]
    for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
    arguments += [command, ";", "set-option", "-t", "ui", "remain-on-exit", "on"]
    let result = try await session.run(arguments)
    #expect(result.exitCode == 0, "\(result)")
    return session
  }

  @discardableResult
  func run(_ arguments: [String]) async throws -> ProcessResult {
    try await ProcessRunner.run(
      tmux, ["-L", socket, "-f", "/dev/null"] + arguments, environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color"],
      inheritEnvironment: false, timeout: .seconds(20))
  }

  func send(_ keys: String...) async throws { try await run(["send-keys", "-t", "ui"] + keys) }

  func screen() async throws -> String { try await run(["capture-pane", "-p", "-t", "ui"]).stdout }

  func display(_ format: String) async throws -> String {
    try await run(["display-message", "-p", "-t", "ui", format]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Waits (up to `timeout`) until the screen satisfies `condition`; returns the last screen.
  @discardableResult
  func waitForScreen(
    timeout: Duration = .seconds(20), _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: (String) -> Bool
  ) async throws -> String {
    let deadline = ContinuousClock.now + timeout
    var last = ""
    while ContinuousClock.now < deadline {
      last = try await screen()
      if condition(last) { return last }
      try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("timed out waiting for \(what); the screen:\n\(last)", sourceLocation: sourceLocation)
    return last
  }

  /// Polls `condition` (up to `timeout`); false when it never held.
  func eventually(timeout: Duration = .seconds(20), _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if try await condition() { return true }
      try await Task.sleep(for: .milliseconds(50))
    }
    return false
  }

  /// Runs `command` under `sh`, which writes its exit status to `statusFile`: tmux 3.3a now and
  /// then marks a pane dead without ever reporting the status (it left the process a zombie), and
  /// the pane's last lines are overwritten by its "Pane is dead" notice, so a file it is.
  static func reportingExit(_ command: String, statusFile: String) -> String {
    "sh -c '\(command); echo $? > \(statusFile)'"
  }

  /// The status `reportingExit` wrote, once the command ended.
  func exitStatus(statusFile: String, timeout: Duration = .seconds(20)) async throws -> String? {
    var status: String?
    _ = try await eventually(timeout: timeout) {
      guard let text = try? String(contentsOfFile: statusFile, encoding: .utf8), text.hasSuffix("\n") else {
        return false
      }
      status = text.trimmingCharacters(in: .whitespacesAndNewlines)
      return true
    }
    return status
  }

  func stop() async { _ = try? await run(["kill-server"]) }
}
