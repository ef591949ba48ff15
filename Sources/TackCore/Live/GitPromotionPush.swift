import Synchronization
import TackBase
import TackGit
import TackProviders

/// `promote helmrelease --push`: clones the branch of the fleet repository, makes the promotion's
/// one-scalar edit, commits and pushes to that branch (never forcing; when someone pushed first,
/// it starts again from their commit, as bootstrap does).
public struct GitPromotionPush: Sendable {
  public var url: String
  public var branch: String
  /// HTTPS basic credentials (`-u` and `$GIT_PASSWORD`); nil uses none, or the SSH agent.
  public var username: String
  public var password: String?
  public var caCertificate: String?
  public var environment: [String: String]
  public var author: CommitAuthor

  public init(
    url: String, branch: String, username: String, password: String?, caCertificate: String?,
    environment: [String: String], author: CommitAuthor
  ) {
    self.url = url
    self.branch = branch
    self.username = username
    self.password = password
    self.caCertificate = caCertificate
    self.environment = environment
    self.author = author
  }

  /// Where a pull request goes.
  public struct PullRequestTarget: Sendable {
    public var provider: any PullRequestOpening
    public var repository: RepositoryReference
    /// The branch the change is pushed to (replaced each time, as create-pull-request does).
    public var branch: String
    public init(provider: any PullRequestOpening, repository: RepositoryReference, branch: String) {
      self.provider = provider
      self.repository = repository
      self.branch = branch
    }
  }

  /// The default: commit on a fresh clone of the base branch, force-push that to `target.branch`
  /// and open (or find) the pull request into the base branch. Nothing is pushed when the base is
  /// already at the version.
  public func openPullRequest(
    _ request: HelmReleasePromotion.Request, target: PullRequestTarget, cloneDirectory: String
  ) async throws -> (plan: HelmReleasePromotion.Plan, commit: String?, pullRequest: PullRequest?) {
    let workspace = try await GitWorkspace.clone(try remote(), branch: branch, into: cloneDirectory)
    var onClone = request
    onClone.root = cloneDirectory
    let plan = try HelmReleasePromotion.plan(onClone)
    guard plan.changed else { return (plan, nil, nil) }
    try HelmReleasePromotion.apply(plan, root: cloneDirectory)
    guard
      let commit = try await workspace.commit(
        message: "Update \(request.name) to v\(plan.version)", author: signature)
    else { return (plan, nil, nil) }
    try await workspace.forcePush(toBranch: target.branch)
    let pullRequest = try await target.provider.openPullRequest(
      target.repository, head: target.branch, base: branch, title: "Promote \(request.name) release to v\(plan.version)",
      body: "Promote \(request.name) release on \(request.toPath.relative) to v\(plan.version) (from \(plan.current)).")
    return (plan, commit.description, pullRequest)
  }

  /// `--dry-run` with `--url`: the plan made on a fresh clone of the branch; nothing is written
  /// back, committed or pushed (the clone is the caller's to remove).
  public func preview(_ request: HelmReleasePromotion.Request, cloneDirectory: String) async throws
    -> HelmReleasePromotion.Plan
  {
    _ = try await GitWorkspace.clone(try remote(), branch: branch, into: cloneDirectory)
    var onClone = request
    onClone.root = cloneDirectory
    return try HelmReleasePromotion.plan(onClone)
  }

  var signature: GitSignature {
    GitSignature(name: author.name, email: author.email.isEmpty ? GitFleetRepository.fallbackEmail : author.email)
  }

  func remote() throws -> GitRemote {
    let authentication: GitAuthentication
    if let password, !password.isEmpty, url.hasPrefix("http") {
      authentication = .basic(username: username, password: password)
    } else if url.hasPrefix("ssh://") || url.contains("@") && !url.contains("://") {
      authentication = .sshAgent(username: nil)
    } else {
      authentication = .none
    }
    return try GitRemote(
      url: url.hasPrefix("file://") ? String(url.dropFirst("file://".count)) : url, authentication: authentication,
      hostKeys: .knownHosts(try LiveFleetRepositoryCloner.userKnownHosts(environment: environment)),
      trust: caCertificate.map { .certificateAuthorities(pem: $0) } ?? .system)
  }

  /// The plan made on the fresh clone and the commit pushed (nil when already at the version).
  public func run(_ request: HelmReleasePromotion.Request, cloneDirectory: String) async throws
    -> (plan: HelmReleasePromotion.Plan, commit: String?)
  {
    let workspace = try await GitWorkspace.clone(try remote(), branch: branch, into: cloneDirectory)
    let made = Mutex<HelmReleasePromotion.Plan?>(nil)
    var onClone = request
    onClone.root = cloneDirectory
    let planned = onClone
    let first = try HelmReleasePromotion.plan(planned)
    guard first.changed else { return (first, nil) }
    let result = try await workspace.commitAndPush(
      message: "Update \(request.name) to v\(first.version)", author: signature
    ) { _ in
      // Planned again on every attempt: a retry starts from the commit someone else pushed.
      let plan = try HelmReleasePromotion.plan(planned)
      if plan.changed { try HelmReleasePromotion.apply(plan, root: planned.root) }
      made.withLock { $0 = plan }
    }
    let plan = made.withLock { $0 } ?? first
    switch result {
    case .pushed(let commit): return (plan, commit.description)
    case .upToDate: return (plan, nil)
    }
  }
}

extension GitPromotionPush: CustomStringConvertible, CustomDebugStringConvertible {
  /// Everything but the password.
  public var description: String {
    "GitPromotionPush(url: \(RepositoryURL.redacted(url)), branch: \(branch), username: \(username), "
      + "password: \(password == nil ? "nil" : "REDACTED"))"
  }
  public var debugDescription: String { description }
}
