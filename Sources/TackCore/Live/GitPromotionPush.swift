import Synchronization
import TackBase
import TackGit

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

  /// The plan made on the fresh clone and the commit pushed (nil when already at the version).
  public func run(_ request: HelmReleasePromotion.Request, cloneDirectory: String) async throws
    -> (plan: HelmReleasePromotion.Plan, commit: String?)
  {
    let authentication: GitAuthentication
    if let password, !password.isEmpty, url.hasPrefix("http") {
      authentication = .basic(username: username, password: password)
    } else if url.hasPrefix("ssh://") || url.contains("@") && !url.contains("://") {
      authentication = .sshAgent(username: nil)
    } else {
      authentication = .none
    }
    let remote = try GitRemote(
      url: url.hasPrefix("file://") ? String(url.dropFirst("file://".count)) : url, authentication: authentication,
      hostKeys: .knownHosts(try LiveFleetRepositoryCloner.userKnownHosts(environment: environment)),
      trust: caCertificate.map { .certificateAuthorities(pem: $0) } ?? .system)
    let workspace = try await GitWorkspace.clone(remote, branch: branch, into: cloneDirectory)
    let made = Mutex<HelmReleasePromotion.Plan?>(nil)
    var onClone = request
    onClone.root = cloneDirectory
    let planned = onClone
    let first = try HelmReleasePromotion.plan(planned)
    guard first.changed else { return (first, nil) }
    let result = try await workspace.commitAndPush(
      message: "Update \(request.name) to v\(first.version)",
      author: GitSignature(
        name: author.name, email: author.email.isEmpty ? GitFleetRepository.fallbackEmail : author.email)
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
