import TackBase
import TackProviders

/// The provider side of bootstrap, before any Git: find or create the repository, then grant
/// the teams, with flux's progress lines (reference: git-providers-and-oci §3.1 steps 2–4).
public struct ProviderRepositorySetup: Sendable {
  public var provider: any GitHostingProvider
  public var options: ProviderBootstrapOptions
  public var progress: any ProgressReporter

  public init(provider: any GitHostingProvider, options: ProviderBootstrapOptions, progress: any ProgressReporter) {
    self.provider = provider
    self.options = options
    self.progress = progress
  }

  /// What the setup found or made. `teamFailures` are reported at the very end of bootstrap, as
  /// flux does, so one bad team does not stop the rest.
  public struct Result: Sendable {
    public var repository: HostedRepository
    public var created: Bool
    public var teamFailures: [String]
  }

  public func run() async throws -> Result {
    progress.action("connecting to \(provider.domain)")
    let reference = options.repository
    var repository: HostedRepository
    var created = false
    if let existing = try await provider.repository(reference) {
      repository = existing
    } else {
      if options.personal {
        let login = try await provider.authenticatedUser()
        // Case-sensitive, as flux: the owner in clone URLs must be the service's spelling.
        guard login == reference.owner else {
          throw BootstrapError.failed(
            "the specified owner '\(reference.owner)' doesn't match the identity associated with the given token ('\(login)'); pass --owner \(login)")
        }
      }
      repository = try await provider.createRepository(reference, personal: options.personal, visibility: options.visibility)
      created = true
      progress.success("repository \"\(Self.webURL(provider.httpsCloneURL(repository)))\" created")
    }
    if repository.owner.isEmpty { repository.owner = reference.owner }
    var failures: [String] = []
    if !options.personal && !options.teams.isEmpty {
      progress.action("reconciling repository permissions")
      for grant in options.teams {
        do {
          let current = try await provider.teamPermission(team: grant.team, on: repository.reference)
          if current != nil && !options.reconcile { continue }
          if current == grant.permission { continue }
          try await provider.grant(team: grant.team, permission: grant.permission, on: repository.reference)
          progress.success("granted \"\(grant.permission.rawValue)\" permissions to \"\(grant.team)\"")
        } catch let error as CancellationError {
          throw error
        } catch {
          progress.failure("failed to grant \"\(grant.permission.rawValue)\" permissions to \"\(grant.team)\": \(error)")
          failures.append(grant.team)
        }
      }
      progress.success("reconciled repository permissions")
    }
    return Result(repository: repository, created: created, teamFailures: failures)
  }

  /// `https://host/owner/name`, as flux names a repository in its messages.
  static func webURL(_ cloneURL: String) -> String {
    cloneURL.hasSuffix(".git") ? String(cloneURL.dropLast(4)) : cloneURL
  }
}

/// Registers bootstrap's public key as the repository's deploy key, matched by flux's title:
/// absent → added; same key and access → left alone; otherwise deleted and added again.
public struct ProviderDeployKeys: DeployKeyRegistering {
  public var provider: any GitHostingProvider
  public var repository: HostedRepository
  public var title: String
  public var readOnly: Bool
  public var progress: any ProgressReporter

  public init(
    provider: any GitHostingProvider, repository: HostedRepository, title: String, readOnly: Bool,
    progress: any ProgressReporter
  ) {
    self.provider = provider
    self.repository = repository
    self.title = title
    self.readOnly = readOnly
    self.progress = progress
  }

  public func register(publicKey: String) async throws {
    let draft = DeployKey.Draft(title: title, key: publicKey, readOnly: readOnly)
    let existing = try await provider.deployKeys(repository.reference).filter { $0.title == title }
    if existing.count == 1, existing[0].matches(draft) { return }
    for key in existing { try await provider.deleteDeployKey(id: key.id, from: repository.reference) }
    _ = try await provider.addDeployKey(draft, to: repository.reference)
    progress.success(
      "configured deploy key \"\(title)\" for \"\(ProviderRepositorySetup.webURL(provider.httpsCloneURL(repository)))\"")
  }
}
