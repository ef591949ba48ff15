import TackBase
import TackCore
import TackOutput

/// What every command runs with, built in one place (``live()``): its streams, the environment,
/// the clock its waits use, and how it reaches the cluster the global flags name. Commands take it
/// instead of reaching for globals, so tests run them in-process with memory streams.
public struct CommandContext: Sendable {
  public var console: Console
  public var environment: [String: String]
  /// Wall time and sleeping for the waits that follow a canary release.
  public var clock: any CanaryClock
  /// Builds the cluster connection for a command's global flags; in the tool, a `KubeCluster` over
  /// a client made by the kubeconfig rules (``KubeConnector``).
  public var connect: @Sendable (GlobalOptions, CommandContext) throws -> any Cluster
  /// The temporary files the command's atomic writes have open; the process edge removes them if
  /// it must exit before they are committed (a second Ctrl-C).
  public var temporaryFiles: TemporaryFiles

  public init(
    console: Console, environment: [String: String], clock: any CanaryClock = SystemCanaryClock(),
    connect: @escaping @Sendable (GlobalOptions, CommandContext) throws -> any Cluster = CommandContext.kubeconfig,
    temporaryFiles: TemporaryFiles = TemporaryFiles()
  ) {
    self.console = console
    self.environment = environment
    self.clock = clock
    self.connect = connect
    self.temporaryFiles = temporaryFiles
  }

  /// The process's real streams and environment.
  public static func live() -> CommandContext {
    let environment = TackMain.environment()
    return CommandContext(console: .standard(environment: environment), environment: environment)
  }

  /// The cluster through the kubeconfig rules: what `tack` uses.
  public static let kubeconfig: @Sendable (GlobalOptions, CommandContext) throws -> any Cluster = { global, context in
    try KubeConnector(options: global, context: context).cluster()
  }

  /// The cluster the global flags name.
  public func cluster(_ global: GlobalOptions) throws -> any Cluster {
    try connect(global, self)
  }

  /// The namespace the command works in (flux's rules: `-n`, the context's with
  /// `--ns-follows-kube-context`, `FLUX_SYSTEM_NAMESPACE`, `flux-system`); warnings go to stderr.
  public func namespace(_ global: GlobalOptions) throws -> String {
    try KubeConnector(options: global, context: self).namespace()
  }
}
