import ArgumentParser

/// A command of tack: it runs against a ``CommandContext``. The tool builds the live context in
/// one place (``CommandContext/live()``); tests build their own and call ``execute(context:)``
/// in-process, or run a whole command line with ``TackMain/execute(_:context:)``.
public protocol TackCommand: AsyncParsableCommand {
  func execute(context: CommandContext) async throws
}

extension TackCommand {
  public func run() async throws {
    try await execute(context: .live())
  }
}
