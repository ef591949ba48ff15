import TackBase
import TackProviders

/// `bootstrap github` and friends: the provider steps (``ProviderRepositorySetup``), then the
/// `bootstrap git` flow on the repository's HTTPS address with the token, the cluster syncing
/// over SSH with a deploy key registered through the API (or over HTTPS with `--token-auth`).
public struct ProviderBootstrap: Sendable {
  public var provider: any GitHostingProvider
  public var options: ProviderBootstrapOptions
  /// The `bootstrap git` options from the shared flags; the URL, auth and sync URL are set here.
  public var gitOptions: BootstrapOptions
  public var progress: any ProgressReporter
  /// Builds the `bootstrap git` engine for the final options (the CLI's live services).
  public var makeEngine: @Sendable (BootstrapOptions, (any DeployKeyRegistering)?) throws -> BootstrapGit

  public init(
    provider: any GitHostingProvider, options: ProviderBootstrapOptions, gitOptions: BootstrapOptions,
    progress: any ProgressReporter,
    makeEngine: @escaping @Sendable (BootstrapOptions, (any DeployKeyRegistering)?) throws -> BootstrapGit
  ) {
    self.provider = provider
    self.options = options
    self.gitOptions = gitOptions
    self.progress = progress
    self.makeEngine = makeEngine
  }

  public func run() async throws -> BootstrapGit.Outcome {
    try options.validate()
    try gitOptions.validate()
    let setup = try await ProviderRepositorySetup(provider: provider, options: options, progress: progress).run()
    let repository = setup.repository
    var git = gitOptions
    git.url = try RepositoryURL.parse(provider.httpsCloneURL(repository))
    var registrar: (any DeployKeyRegistering)?
    if options.tokenAuth {
      // As flux: the user name is not checked by the services, the token is the password.
      git.auth = .basic(username: options.gitUsername, password: options.token)
      git.syncURLOverride = nil
    } else {
      var ssh = SSHKeyOptions(algorithm: .ecdsa(curve: .p384))
      if case .sshKey(let given) = gitOptions.auth { ssh = given }
      // The CLI's own clone and push go over HTTPS with the token; the key is for the cluster.
      ssh.password = options.token
      // The sync URL is set below, so this name only reaches the CLI's HTTPS clone.
      ssh.username = options.gitUsername
      ssh.privateKey = nil
      ssh.privateKeyPath = nil
      git.auth = .sshKey(ssh)
      git.syncURLOverride = Self.sshSyncURL(provider.sshURL(repository), sshHostname: options.sshHostname)
      registrar = ProviderDeployKeys(
        provider: provider, repository: repository,
        title: DeployKeyTitle.make(
          namespace: git.namespace, branch: git.branch, secretName: git.secretName, path: git.path),
        readOnly: !options.readWriteKey, progress: progress)
    }
    let outcome = try await makeEngine(git, registrar).run()
    if !setup.teamFailures.isEmpty {
      throw BootstrapError.failed("failed to grant permissions to team: reconciled with warning")
    }
    return outcome
  }

  /// The provider's SSH address with `--ssh-hostname` (host, and port if given) in place of its host.
  static func sshSyncURL(_ url: String, sshHostname: String?) -> String {
    guard let sshHostname, !sshHostname.isEmpty, var parsed = try? RepositoryURL.parse(url),
      let replacement = try? RepositoryURL.parse("ssh://" + sshHostname + "/")
    else { return url }
    parsed.host = replacement.host
    parsed.port = replacement.port
    return parsed.string
  }
}
