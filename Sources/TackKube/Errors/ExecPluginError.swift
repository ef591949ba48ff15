import TackBase

/// An exec credential plugin that could not produce credentials. Names the user and the command;
/// never includes the plugin's output (it may hold a token).
public struct ExecPluginError: TackError, Equatable {
  public enum Problem: Sendable, Equatable {
    /// Not on PATH (or not executable); carries the kubeconfig's `installHint`.
    case notFound(installHint: String?)
    case couldNotStart(String)
    case exited(code: Int32, stderr: String)
    case invalidOutput(String)
    /// Ran past its deadline and was stopped.
    case timedOut(Duration)
    /// `interactiveMode: Always` but stdin is not a terminal.
    case needsTerminal
  }

  public var user: String
  public var command: String
  public var problem: Problem

  public init(user: String, command: String, problem: Problem) {
    self.user = user
    self.command = command
    self.problem = problem
  }

  public var description: String {
    let prefix = "user \"\(user)\": exec plugin \"\(command)\""
    switch problem {
    case .notFound(let hint):
      var text = "\(prefix) was not found on PATH"
      if let hint, !hint.isEmpty { text += "; \(KubeConfigError.oneLine(hint))" }
      return text
    case .couldNotStart(let reason):
      return "\(prefix) could not be started: \(reason)"
    case .exited(let code, let stderr):
      let detail = stderr.isEmpty ? "" : ": \(stderr)"
      return "\(prefix) failed with exit code \(code)\(detail)"
    case .invalidOutput(let reason):
      return "\(prefix) returned an invalid ExecCredential: \(reason)"
    case .timedOut(let deadline):
      return "\(prefix) did not answer within \(GoDuration(deadline)) and was stopped; "
        + "set --request-timeout to give it longer"
    case .needsTerminal:
      return "\(prefix) needs an interactive terminal (interactiveMode: Always) but standard input is not one"
    }
  }
}
