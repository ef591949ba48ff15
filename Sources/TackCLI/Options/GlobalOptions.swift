import ArgumentParser
import TackBase

/// Flags every cluster-facing command takes: kubectl's connection flags plus flux's own.
public struct GlobalOptions: ParsableArguments, Sendable {
  @OptionGroup(title: "Connection Options")
  public var connection: ConnectionOptions

  @Option(
    name: [.short, .long],
    help: "The namespace scope for this operation (default \"flux-system\", or $FLUX_SYSTEM_NAMESPACE).")
  public var namespace: String?

  @Option(help: "Timeout for this operation, in Go duration syntax (e.g. 30s, 5m).")
  public var timeout: String = "5m0s"

  @Flag(help: "Print generated objects and log every API request (method, URL, status, duration).")
  public var verbose = false

  @Flag(help: "Use the namespace of the current kubeconfig context when -n is not given.")
  public var nsFollowsKubeContext = false

  public init() {}
}

extension GlobalOptions {
  /// `--timeout` in Go syntax, as reconcile, suspend and resume take it: a usage error (exit 64)
  /// for anything flux would reject.
  func positiveTimeout() throws -> Duration {
    guard let duration = GoDuration(timeout), duration.nanoseconds > 0 else {
      throw CommandError(
        "invalid argument \"\(timeout)\" for \"--timeout\": use a positive Go duration such as 30s, 5m or 1h30m",
        exitStatus: .usage)
    }
    return duration.duration
  }
}
