#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A local clone of one branch of a remote repository: read and write its files, commit what
/// changed, push without ever forcing. This is what `bootstrap` drives.
///
/// All libgit2 work runs on one private serial executor (libgit2 handles are single-threaded and
/// network calls block), never on the cooperative pool. Cancelling the calling task aborts a
/// transfer within a fraction of a second, even against a server that stopped answering (tack's
/// socket stream polls in short slices, and SSH sockets are shut down), and throws
/// `GitError.Code.cancelled`; `GitRemote.timeouts` bound connecting, stalls and whole operations
/// (`GitError.Code.timedOut`).
///
/// libgit2 1.5 cannot make shallow clones, so clones are full (single branch only).
///
/// ```swift
/// let remote = try GitRemote(
///   url: "ssh://git@github.com/org/fleet",
///   authentication: .sshKey(username: nil, key: .openSSH(identity), passphrase: nil),
///   hostKeys: .knownHosts(try KnownHosts(parsing: knownHostsText)))
/// let clone = try await GitWorkspace.clone(remote, branch: "main", into: tempDir + "/repo")
/// let result = try await clone.commitAndPush(
///   message: "Add Flux v2.9.4 component manifests",
///   author: GitSignature(name: "Flux", email: "flux@example.com"),
///   onConflict: { _ in console.waiting("git conflict detected, retrying with a fresh clone") }
/// ) { tree in
///   try tree.write("clusters/prod/flux-system/gotk-components.yaml", manifests)
/// }
/// // .pushed(commit) or .upToDate(head) when nothing changed
/// ```
public actor GitWorkspace {
  public nonisolated var unownedExecutor: UnownedSerialExecutor {
    GitExecutor.shared.asUnownedSerialExecutor()
  }

  public nonisolated let remote: GitRemote
  public nonisolated let branch: String
  public nonisolated let workTree: GitWorkTree
  private let directory: String
  private var repository: LocalRepository?

  private init(remote: GitRemote, branch: String, directory: String) {
    self.remote = remote
    self.branch = branch
    self.directory = directory
    self.workTree = GitWorkTree(root: directory)
  }

  // MARK: creating

  /// Clones `branch` of `remote` into `directory`, which must not exist or be empty.
  ///
  /// An empty remote repository gives an empty clone whose first commit creates the branch (as
  /// flux does); a non-empty repository without the branch is `branchNotFound`. On failure the
  /// directory is left as it was found.
  public static func clone(_ remote: GitRemote, branch: String, into directory: String) async throws
    -> GitWorkspace
  {
    try validate(branch: branch)
    try remote.validate()
    let workspace = GitWorkspace(remote: remote, branch: branch, directory: absolutePath(directory))
    try await workspace.performClone()
    return workspace
  }

  /// Opens an existing clone (made by `clone`) to work on `branch` against `remote`.
  public static func open(_ directory: String, remote: GitRemote, branch: String) async throws
    -> GitWorkspace
  {
    try validate(branch: branch)
    try remote.validate()
    let workspace = GitWorkspace(remote: remote, branch: branch, directory: absolutePath(directory))
    try await workspace.performOpen()
    return workspace
  }

  private func performClone() async throws {
    let fileManager = FileManager.default
    let existed = fileManager.fileExists(atPath: directory)
    if existed {
      guard (try? fileManager.contentsOfDirectory(atPath: directory))?.isEmpty == true else {
        throw GitError(.localRepository, "cannot clone into \(directory): it exists and is not an empty directory")
      }
    }
    do {
      let repository = try LocalRepository.initialize(directory, branch: branch)
      self.repository = repository
      let operation = "cloning branch \"\(branch)\" from \(remote.url)"
      switch try await fetchBranch(repository, operation: operation) {
      case .emptyRepository:
        break
      case .missing:
        throw GitError(
          .branchNotFound,
          "\(operation): couldn't find remote ref \"refs/heads/\(branch)\"; create the branch or pass another --branch")
      case .at(let commit):
        try repository.checkoutForce(commit, branch: branch)
        try repository.setUpstream(branch: branch)
      }
    } catch {
      repository = nil
      if existed {
        for name in (try? fileManager.contentsOfDirectory(atPath: directory)) ?? [] {
          try? fileManager.removeItem(atPath: directory + "/" + name)
        }
      } else {
        try? fileManager.removeItem(atPath: directory)
      }
      throw error
    }
  }

  private func performOpen() throws {
    let repository = try LocalRepository.open(directory)
    _ = try repository.originRemote(url: remote.url, branch: branch)
    self.repository = repository
  }

  // MARK: state

  /// The commit HEAD points to; nil before the first commit of an empty repository.
  public var head: GitObjectID? { repository?.headCommit }

  /// The remote branch's commit as last fetched or pushed; nil when the remote had none.
  public var remoteHead: GitObjectID? {
    repository?.resolve("refs/remotes/\(LocalRepository.remoteName)/\(branch)")
  }

  /// The full message of a commit in this clone.
  public func message(of commit: GitObjectID) -> String? { repository?.commitMessage(commit) }

  // MARK: committing and pushing

  /// Stages every change in the work tree and commits it. Returns nil (and makes no commit) when
  /// nothing changed.
  public func commit(message: String, author: GitSignature, committer: GitSignature? = nil) throws
    -> GitObjectID?
  {
    let repository = try opened()
    guard let tree = try repository.stageChanges() else { return nil }
    return try repository.commit(
      tree: tree, message: message, author: author, committer: committer ?? author)
  }

  /// Pushes the branch. Never forces: if the remote moved on, throws `nonFastForward`.
  public func push() async throws {
    let repository = try opened()
    let session = try RemoteSession(remote: remote)
    let flag = session.cancellation
    let watchdog = flag.watchdog(remote.timeouts.operation)
    defer { watchdog?.cancel() }
    try await withTaskCancellationHandler {
      try Self.checkCancellation("pushing to \(remote.url)")
      try repository.push(branch: branch, session: session, operation: "pushing to \(remote.url)")
    } onCancel: {
      flag.cancel()
    }
  }

  /// Pushes the local branch to another branch of the remote, replacing it (`+` refspec): the
  /// branch of a pull request, which is rebuilt from the base each time.
  public func forcePush(toBranch remoteBranch: String) async throws {
    try Self.validate(branch: remoteBranch)
    let repository = try opened()
    let session = try RemoteSession(remote: remote)
    let flag = session.cancellation
    let watchdog = flag.watchdog(remote.timeouts.operation)
    defer { watchdog?.cancel() }
    try await withTaskCancellationHandler {
      try Self.checkCancellation("pushing to \(remote.url)")
      try repository.push(
        branch: branch, to: remoteBranch, force: true, session: session, operation: "pushing to \(remote.url)")
    } onCancel: {
      flag.cancel()
    }
  }

  /// Fetches the branch. Returns the remote's commit, or nil when the branch is not there.
  @discardableResult
  public func fetch() async throws -> GitObjectID? {
    let repository = try opened()
    switch try await fetchBranch(repository, operation: "fetching \"\(branch)\" from \(remote.url)") {
    case .at(let commit): return commit
    case .emptyRepository, .missing: return nil
    }
  }

  /// Applies `edit` to the work tree, commits and pushes; when the push is refused because someone
  /// else pushed first, fetches, resets to their commit, runs `edit` again and retries (at most
  /// `maxAttempts` pushes). Never forces, so no one's commit is lost.
  ///
  /// - Parameter onConflict: called before each retry with the attempt number that failed (for
  ///   flux's `◎ git conflict detected, retrying with a fresh clone`).
  public func commitAndPush(
    message: String,
    author: GitSignature,
    maxAttempts: Int = 3,
    onConflict: (@Sendable (Int) -> Void)? = nil,
    edit: @Sendable (GitWorkTree) throws -> Void
  ) async throws -> GitPushResult {
    precondition(maxAttempts >= 1)
    var attempt = 1
    while true {
      try edit(workTree)
      guard let commit = try commit(message: message, author: author) else {
        return .upToDate(head)
      }
      do {
        try await push()
        return .pushed(commit)
      } catch let error as GitError where error.code == .nonFastForward {
        guard attempt < maxAttempts else {
          throw GitError(
            .nonFastForward,
            "pushing to \(remote.url): the branch \"\(branch)\" kept moving; gave up after \(attempt) attempts",
            underlying: error.underlying)
        }
        onConflict?(attempt)
        try await resetToRemote()
        attempt += 1
      }
    }
  }

  /// Throws away local commits and changes: the work tree becomes the remote branch's tip.
  public func resetToRemote() async throws {
    let repository = try opened()
    switch try await fetchBranch(repository, operation: "fetching \"\(branch)\" from \(remote.url)") {
    case .at(let commit):
      try repository.checkoutForce(commit, branch: branch)
    case .emptyRepository, .missing:
      throw GitError(
        .branchNotFound,
        "fetching from \(remote.url): couldn't find remote ref \"refs/heads/\(branch)\" any more")
    }
  }

  // MARK: helpers

  private func fetchBranch(_ repository: LocalRepository, operation: String) async throws
    -> RemoteBranchState
  {
    let session = try RemoteSession(remote: remote)
    let flag = session.cancellation
    let watchdog = flag.watchdog(remote.timeouts.operation)
    defer { watchdog?.cancel() }
    return try await withTaskCancellationHandler {
      try Self.checkCancellation(operation)
      return try repository.fetch(branch: branch, session: session, operation: operation)
    } onCancel: {
      flag.cancel()
    }
  }

  private func opened() throws(GitError) -> LocalRepository {
    guard let repository else { throw GitError(.localRepository, "the clone in \(directory) is not open") }
    return repository
  }

  static func checkCancellation(_ operation: String) throws(GitError) {
    if Task.isCancelled { throw GitError(.cancelled, "\(operation): cancelled") }
  }

  static func validate(branch: String) throws(GitError) {
    let bad =
      branch.isEmpty || branch.hasPrefix("-") || branch.hasPrefix("/") || branch.hasSuffix("/")
      || branch.hasSuffix(".lock") || branch.contains("..") || branch.contains("//")
      || branch.contains(where: { " ~^:?*[\\".contains($0) || $0.asciiValue.map { $0 < 0x20 } == true })
    if bad { throw GitError(.invalidPath, "\"\(branch)\" is not a valid branch name") }
  }

  static func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    return FileManager.default.currentDirectoryPath + "/" + path
  }
}

/// What `commitAndPush` did.
public enum GitPushResult: Sendable, Equatable {
  /// A commit was made and pushed.
  case pushed(GitObjectID)
  /// Nothing changed: no commit, no push. Carries the current HEAD.
  case upToDate(GitObjectID?)
}
