import TackProviders

/// What `bootstrap github` (and the other providers) asks of the hosting service, before the
/// `bootstrap git` flow takes over.
public struct ProviderBootstrapOptions: Sendable {
  public var repository: RepositoryReference
  /// `--personal`: a repository of the token's user, not of an organisation.
  public var personal: Bool
  public var visibility: RepositoryVisibility
  public var teams: [TeamGrant]
  /// `--read-write-key`: the deploy key may push.
  public var readWriteKey: Bool
  /// `--reconcile`: re-apply team grants that already exist (flux's only visible effect of it).
  public var reconcile: Bool
  /// `--token-auth`: the cluster syncs over HTTPS with the token; no deploy key.
  public var tokenAuth: Bool
  /// The token (never printed): the CLI's Git over HTTPS uses it as the password.
  public var token: String
  /// `--ssh-hostname`: host (and port) of the SSH sync URL, when it differs from the web host.
  public var sshHostname: String?
  /// The user name Git over HTTPS sends with the token (Bitbucket's `--username`; the other
  /// services ignore it).
  public var gitUsername: String

  public init(
    repository: RepositoryReference, personal: Bool = false, visibility: RepositoryVisibility = .private,
    teams: [TeamGrant] = [], readWriteKey: Bool = false, reconcile: Bool = false, tokenAuth: Bool = false,
    token: String, sshHostname: String? = nil, gitUsername: String = "git"
  ) {
    self.gitUsername = gitUsername
    self.repository = repository
    self.personal = personal
    self.visibility = visibility
    self.teams = teams
    self.readWriteKey = readWriteKey
    self.reconcile = reconcile
    self.tokenAuth = tokenAuth
    self.token = token
    self.sshHostname = sshHostname
  }

  /// Checks names before any call: flux's sub-organisation form (`a/b/repo`) is refused by every
  /// provider client, so it is refused here with the flag that fixes it.
  public func validate() throws(BootstrapError) {
    if repository.owner.isEmpty { throw .usage("--owner is required: the user or organisation that owns the repository") }
    if repository.name.isEmpty { throw .usage("--repository is required: the name of the repository") }
    if repository.name.contains("/") {
      throw .usage("--repository \"\(repository.name)\": sub-organisations are not supported; give the repository name only")
    }
    if personal && !teams.isEmpty { throw .usage("--team applies to organisation repositories; drop it or --personal") }
  }
}

extension ProviderBootstrapOptions: CustomStringConvertible, CustomDebugStringConvertible {
  /// Everything but the token.
  public var description: String {
    "ProviderBootstrapOptions(repository: \(repository), personal: \(personal), visibility: \(visibility.rawValue), "
      + "teams: \(teams.map { "\($0.team):\($0.permission.rawValue)" }), readWriteKey: \(readWriteKey), "
      + "reconcile: \(reconcile), tokenAuth: \(tokenAuth), token: REDACTED, sshHostname: \(sshHostname ?? "nil"), "
      + "gitUsername: \(gitUsername))"
  }
  public var debugDescription: String { description }
}
