/// Finds and merges kubeconfig files the way kubectl does (client-go's `ClientConfigLoadingRules`):
///
/// 1. `--kubeconfig PATH`: only that file, which must exist.
/// 2. `KUBECONFIG`: a `:`-separated list; missing files are skipped; the first file to define a
///    cluster, user or context name wins, and so does the first non-empty `current-context`.
/// 3. `~/.kube/config`, if it exists.
/// 4. Nothing configured: the in-cluster service account, when `KUBERNETES_SERVICE_HOST/PORT` are set
///    and its token exists.
///
/// Relative paths inside a file (certificate-authority, client-certificate, client-key, tokenFile,
/// and an exec command containing a `/`) are resolved against that file's directory.
public struct KubeConfigLoader: Sendable {
  /// `--kubeconfig`.
  public var explicitPath: String?
  public var environment: [String: String]
  /// Where `.kube/config` lives; defaults to `$HOME`.
  public var homeDirectory: String?
  /// The service-account directory mounted into pods; injectable for tests.
  public var inClusterDirectory: String

  public static let defaultInClusterDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

  public init(
    explicitPath: String? = nil, environment: [String: String], homeDirectory: String? = nil,
    inClusterDirectory: String = KubeConfigLoader.defaultInClusterDirectory
  ) {
    self.explicitPath = explicitPath
    self.environment = environment
    self.homeDirectory = homeDirectory ?? environment["HOME"]
    self.inClusterDirectory = inClusterDirectory
  }

  /// The files consulted, in precedence order (existing or not).
  public var candidatePaths: [String] {
    if let explicitPath, !explicitPath.isEmpty { return [explicitPath] }
    if let list = environment["KUBECONFIG"], !list.isEmpty {
      var seen: Set<String> = []
      return list.split(separator: ":").map(String.init).filter { !$0.isEmpty && seen.insert($0).inserted }
    }
    guard let home = homeDirectory, !home.isEmpty else { return [] }
    return [LocalFiles.join(home, ".kube/config")]
  }

  /// Loads and merges the kubeconfig files; falls back to in-cluster configuration only when no file
  /// configured anything.
  public func load() throws(KubeConfigError) -> LoadedKubeConfig {
    var merged = KubeConfig()
    var files: [String] = []
    for path in candidatePaths {
      let text: String
      do {
        text = try LocalFiles.readText(path)
      } catch .notFound {
        if explicitPath != nil { throw .fileNotFound(path: path) }
        continue
      } catch {
        throw .unreadable(path: path, reason: error.reason)
      }
      let absolute = LocalFiles.absolute(path)
      var config = try KubeConfig.parse(text, path: absolute)
      config.resolvePaths(relativeTo: LocalFiles.directory(of: absolute))
      merged.merge(config)
      files.append(absolute)
    }
    if merged.isEmpty, let inCluster = try InClusterConfig.detect(
      environment: environment, directory: inClusterDirectory)
    {
      return LoadedKubeConfig(config: inCluster.kubeConfig, files: [], inCluster: inCluster)
    }
    return LoadedKubeConfig(config: merged, files: files, inCluster: nil)
  }
}

/// The result of loading: the merged configuration and where it came from.
public struct LoadedKubeConfig: Sendable, Equatable {
  public var config: KubeConfig
  /// The files that existed and were merged, in precedence order.
  public var files: [String]
  /// Set when the configuration is the pod's service account rather than a file.
  public var inCluster: InClusterConfig?

  public init(config: KubeConfig, files: [String], inCluster: InClusterConfig? = nil) {
    self.config = config
    self.files = files
    self.inCluster = inCluster
  }
}

extension KubeConfig {
  /// kubectl's merge: entries already present win; the first non-empty current-context wins.
  public mutating func merge(_ other: KubeConfig) {
    if (currentContext ?? "").isEmpty, let next = other.currentContext, !next.isEmpty {
      currentContext = next
    }
    clusters.merge(other.clusters) { existing, _ in existing }
    users.merge(other.users) { existing, _ in existing }
    contexts.merge(other.contexts) { existing, _ in existing }
  }

  /// Resolves relative file references against `directory` (the defining file's directory).
  mutating func resolvePaths(relativeTo directory: String) {
    func resolve(_ path: String?) -> String? {
      guard let path, !path.isEmpty else { return path }
      return LocalFiles.join(directory, path)
    }
    for name in clusters.keys {
      clusters[name]!.certificateAuthority = resolve(clusters[name]!.certificateAuthority)
    }
    for name in users.keys {
      users[name]!.clientCertificate = resolve(users[name]!.clientCertificate)
      users[name]!.clientKey = resolve(users[name]!.clientKey)
      users[name]!.tokenFile = resolve(users[name]!.tokenFile)
      // A bare command name is looked up on PATH; only a path with a slash is file-relative.
      if let command = users[name]!.exec?.command, command.contains("/"), !LocalFiles.isAbsolute(command) {
        users[name]!.exec!.command = LocalFiles.join(directory, command)
      }
    }
  }
}
