import TackBase
import TackCore
import TackOutput

/// What reconcile, suspend and resume need before they start: streams, a client, the namespace and
/// the `--timeout` budget, all from the global options.
struct FluxCommandSetup {
  var context: CommandContext
  var client: any FluxObjectClient
  var namespace: String
  var timeout: Duration
  var progress: ConsoleProgress

  static func make(_ global: GlobalOptions) async throws -> FluxCommandSetup {
    let context = CommandContext.live()
    let timeout = try parseTimeout(global.timeout)
    let (client, namespace) = try await FluxClientFactory.make(global, context: context)
    return FluxCommandSetup(
      context: context, client: client, namespace: namespace, timeout: timeout,
      progress: ConsoleProgress(console: context.console))
  }

  /// `--timeout` in Go syntax; a usage error (exit 64) for anything flux would reject.
  static func parseTimeout(_ text: String) throws -> Duration {
    guard let duration = GoDuration(text), duration.nanoseconds > 0 else {
      throw CommandError(
        "invalid argument \"\(text)\" for \"--timeout\": use a positive Go duration such as 30s, 5m or 1h30m",
        exitStatus: .usage)
    }
    return duration.duration
  }
}
