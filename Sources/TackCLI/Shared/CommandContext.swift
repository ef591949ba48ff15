import TackOutput

/// What every command runs with: its streams and environment. Commands take it instead of reaching
/// for globals, so tests and the entry point decide where output goes.
public struct CommandContext: Sendable {
  public var console: Console
  public var environment: [String: String]

  public init(console: Console, environment: [String: String]) {
    self.console = console
    self.environment = environment
  }

  public static func live() -> CommandContext {
    let environment = TackMain.environment()
    return CommandContext(console: .standard(environment: environment), environment: environment)
  }
}
