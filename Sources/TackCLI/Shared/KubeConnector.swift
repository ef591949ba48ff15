import TackBase
import TackCore
import TackHTTP
import TackKube

/// Turns the global flags and the environment into a connection to the cluster, the way kubectl
/// and flux do: kubeconfig loading rules, flag overrides, request deadline, `--verbose` logging,
/// and flux's namespace defaulting. Commands reach it through their ``CommandContext``:
///
/// ```swift
/// let cluster = try context.cluster(global)      // KubeConnector(…).cluster() in the tool
/// let namespace = try context.namespace(global)
/// ```
public struct KubeConnector: Sendable {
  public var options: GlobalOptions
  public var context: CommandContext
  /// The service-account directory (tests point it elsewhere).
  public var inClusterDirectory: String

  public init(
    options: GlobalOptions, context: CommandContext,
    inClusterDirectory: String = KubeConfigLoader.defaultInClusterDirectory
  ) {
    self.options = options
    self.context = context
    self.inClusterDirectory = inClusterDirectory
  }

  public static let defaultNamespace = NamespaceDefaulting.fluxDefault

  // MARK: configuration

  /// Reads and merges the kubeconfig files (or the in-cluster service account).
  public func loadConfig() throws -> LoadedKubeConfig {
    try KubeConfigLoader(
      explicitPath: options.connection.kubeconfig, environment: context.environment,
      inClusterDirectory: inClusterDirectory
    ).load()
  }

  /// The connection flags as client-go overrides. The request deadline is `--request-timeout`, else
  /// the command's `--timeout`.
  public func overrides() throws -> KubeConfigOverrides {
    let connection = options.connection
    var timeout: Duration?
    if let text = connection.requestTimeout {
      timeout = try Self.parseRequestTimeout(text, flag: "--request-timeout")
    } else {
      timeout = try Self.parseRequestTimeout(options.timeout, flag: "--timeout")
    }
    return KubeConfigOverrides(
      context: connection.context, cluster: connection.cluster, user: connection.user, server: connection.server,
      token: connection.token, certificateAuthority: connection.certificateAuthority,
      clientCertificate: connection.clientCertificate, clientKey: connection.clientKey,
      insecureSkipTLSVerify: connection.insecureSkipTlsVerify ? true : nil, tlsServerName: connection.tlsServerName,
      impersonate: connection.as, impersonateGroups: connection.asGroup, requestTimeout: timeout,
      disableCompression: connection.disableCompression ? true : nil)
  }

  /// The resolved connection settings.
  public func clientConfig() throws -> ClientConfig {
    try ClientConfig.resolve(loadConfig(), overrides: overrides())
  }

  /// The cluster of the selected context, through TackKube (the live ``Cluster`` adapter).
  public func cluster() throws -> any Cluster {
    KubeCluster(client: try makeClient())
  }

  /// A client for the selected context; `--verbose` logs every request to stderr.
  public func makeClient() throws -> KubeClient {
    try makeClient(config: clientConfig())
  }

  public func makeClient(config: ClientConfig) -> KubeClient {
    let console = context.console
    var clientOptions = KubeClient.Options(
      environment: context.environment, stdinIsTerminal: console.style.stdinIsTerminal,
      discoveryCacheDirectory: KubeClient.Options.defaultDiscoveryCacheDirectory(environment: context.environment))
    if options.verbose {
      clientOptions.log = RequestLog(level: 1) { line in console.note(line) }
    }
    return KubeClient(config: config, options: clientOptions)
  }

  // MARK: namespace

  /// flux's namespace rules: `-n` > (`--ns-follows-kube-context` or `FLUX_NS_FOLLOWS_KUBE_CONTEXT`:
  /// the context's namespace, when it has one) > `FLUX_SYSTEM_NAMESPACE` (ignored with a warning if it
  /// is not a DNS-1123 label) > `flux-system`. The result must be a DNS-1123 label.
  public func namespace() throws -> String {
    let result = try NamespaceDefaulting.resolve(
      flag: options.namespace, followsContextFlag: options.nsFollowsKubeContext, environment: context.environment,
      contextNamespace: contextNamespace)
    result.warnings.forEach(context.console.warning)
    return result.namespace
  }

  /// kubeseal's namespace for a Secret that has none: `-n`, else the kubeconfig context's
  /// namespace, else `default`.
  public func kubesealNamespace() -> String {
    if let namespace = options.namespace { return namespace }
    guard let loaded = try? loadConfig() else { return "default" }
    let name = options.connection.context ?? loaded.config.currentContext
    return name.flatMap { loaded.config.contexts[$0]?.namespace }.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
  }

  /// The namespace of `--context` (or the current context), without resolving credentials.
  func contextNamespace() throws -> String? {
    let loaded = try loadConfig()
    let name = options.connection.context ?? loaded.config.currentContext
    guard let name, !name.isEmpty else { return nil }
    guard let found = loaded.config.contexts[name] else {
      throw KubeConfigError.contextNotFound(name: name, path: loaded.files.count == 1 ? loaded.files[0] : nil)
    }
    return found.namespace
  }

  /// kubectl's `--request-timeout`: a Go duration or a bare number of seconds; 0 means none.
  static func parseRequestTimeout(_ text: String, flag: String) throws -> Duration? {
    if let seconds = Int(text) {
      guard seconds >= 0 else { throw CommandError("invalid \(flag) \"\(text)\": must not be negative", exitStatus: .usage) }
      return seconds == 0 ? nil : .seconds(seconds)
    }
    guard let duration = GoDuration(text), duration.nanoseconds >= 0 else {
      throw CommandError(
        "invalid \(flag) \"\(text)\": use a duration such as 30s, 5m or 1h", exitStatus: .usage)
    }
    return duration.nanoseconds == 0 ? nil : duration.duration
  }
}
