import CGit2

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A person in a commit: flux's `--author-name`/`--author-email`.
public struct GitSignature: Sendable, Equatable {
  public var name: String
  public var email: String
  public init(name: String, email: String) {
    self.name = name
    self.email = email
  }
}

/// Synchronous libgit2 work on one repository with a work tree. Owns the `git_repository`; lives
/// only inside `GitWorkspace`, on the libgit2 executor.
final class LocalRepository {
  let handle: GitHandle
  let workdir: String
  var pointer: OpaquePointer { handle.pointer }

  private init(_ pointer: OpaquePointer, workdir: String) {
    handle = GitHandle(pointer) { git_repository_free($0) }
    self.workdir = workdir
  }

  static func open(_ path: String) throws(GitError) -> LocalRepository {
    GitRuntime.ensureInitialized()
    var repo: OpaquePointer?
    let code = git_repository_open_ext(&repo, path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil)
    guard code == 0, let repo else {
      let failure = LibGit2Failure.last(code)
      throw GitError(.localRepository, "\(path) is not a Git repository", underlying: failure.message)
    }
    guard let workdir = git_repository_workdir(repo).map({ String(cString: $0) }) else {
      git_repository_free(repo)
      throw GitError(.localRepository, "\(path) is a bare repository; tack needs a work tree")
    }
    return LocalRepository(repo, workdir: workdir)
  }

  /// A new repository whose unborn HEAD is `refs/heads/<branch>`.
  static func initialize(_ path: String, branch: String) throws(GitError) -> LocalRepository {
    GitRuntime.ensureInitialized()
    var options = git_repository_init_options()
    git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION))
    options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
    var repo: OpaquePointer?
    let code = branch.withCString { branchName in
      options.initial_head = branchName
      return git_repository_init_ext(&repo, path, &options)
    }
    guard code == 0, let repo else {
      let failure = LibGit2Failure.last(code)
      throw GitError(.localRepository, "cannot create a Git repository in \(path)", underlying: failure.message)
    }
    let workdir = git_repository_workdir(repo).map { String(cString: $0) } ?? path
    return LocalRepository(repo, workdir: workdir)
  }

  /// Throws a typed error for a failed local libgit2 call.
  func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(GitError) {
    guard code < 0 else { return }
    let failure = LibGit2Failure.last(code)
    throw GitErrorMapping.map(failure, operation: operation(), url: nil, redactor: GitSecretRedactor())
  }

  // MARK: references

  /// The commit a reference points to (peeling symbolic refs); nil when it does not exist.
  func resolve(_ name: String) -> GitObjectID? {
    var oid = git_oid()
    guard git_reference_name_to_id(&oid, pointer, name) == 0 else { return nil }
    return GitObjectID(oid)
  }

  var headCommit: GitObjectID? { resolve("HEAD") }

  func setReference(_ name: String, to id: GitObjectID, message: String) throws(GitError) {
    var oid = id.oid
    var ref: OpaquePointer?
    try check(git_reference_create(&ref, pointer, name, &oid, 1, message), "updating \(name)")
    git_reference_free(ref)
  }

  func setHead(branch: String) throws(GitError) {
    try check(git_repository_set_head(pointer, "refs/heads/\(branch)"), "switching to branch \(branch)")
  }

  func isDescendant(_ commit: GitObjectID, of ancestor: GitObjectID) -> Bool {
    if commit == ancestor { return true }
    var a = commit.oid
    var b = ancestor.oid
    return git_graph_descendant_of(pointer, &a, &b) == 1
  }

  func commitMessage(_ id: GitObjectID) -> String? {
    var oid = id.oid
    var commit: OpaquePointer?
    guard git_commit_lookup(&commit, pointer, &oid) == 0, let commit else { return nil }
    defer { git_commit_free(commit) }
    return git_commit_message(commit).map { String(cString: $0) }
  }

  // MARK: work tree

  /// Makes the work tree and index exactly `commit`'s tree, removing untracked files, and points
  /// `refs/heads/<branch>` (HEAD) at it.
  func checkoutForce(_ id: GitObjectID, branch: String) throws(GitError) {
    var oid = id.oid
    var object: OpaquePointer?
    try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_COMMIT), "looking up commit \(id)")
    defer { git_object_free(object) }
    var options = git_checkout_options()
    git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION))
    options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue | GIT_CHECKOUT_REMOVE_UNTRACKED.rawValue
    try check(git_checkout_tree(pointer, object, &options), "checking out \(id)")
    try setReference("refs/heads/\(branch)", to: id, message: "tack: checkout")
    try setHead(branch: branch)
  }

  /// Stages every change in the work tree (new, modified, deleted files; `.gitignore` honoured)
  /// and returns the resulting tree, or nil when it equals HEAD's tree (nothing to commit).
  func stageChanges() throws(GitError) -> git_oid? {
    var index: OpaquePointer?
    try check(git_repository_index(&index, pointer), "opening the index")
    defer { git_index_free(index) }

    var options = git_status_options()
    git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION))
    options.show = GIT_STATUS_SHOW_WORKDIR_ONLY
    options.flags =
      GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
    var list: OpaquePointer?
    try check(git_status_list_new(&list, pointer, &options), "reading the work tree status")
    defer { git_status_list_free(list) }

    for position in 0..<git_status_list_entrycount(list) {
      guard let entry = git_status_byindex(list, position), let delta = entry.pointee.index_to_workdir
      else { continue }
      let status = entry.pointee.status.rawValue
      if status & GIT_STATUS_WT_DELETED.rawValue != 0 {
        guard let path = delta.pointee.old_file.path else { continue }
        try check(git_index_remove_bypath(index, path), "unstaging \(String(cString: path))")
      } else if status
        & (GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_WT_TYPECHANGE.rawValue)
        != 0
      {
        guard let path = delta.pointee.new_file.path else { continue }
        try check(git_index_add_bypath(index, path), "staging \(String(cString: path))")
      }
    }
    try check(git_index_write(index), "writing the index")
    var tree = git_oid()
    try check(git_index_write_tree(&tree, index), "writing the tree")

    if let head = headCommit {
      var headOid = head.oid
      var commit: OpaquePointer?
      try check(git_commit_lookup(&commit, pointer, &headOid), "reading HEAD")
      defer { git_commit_free(commit) }
      if git_oid_equal(git_commit_tree_id(commit), &tree) != 0 { return nil }
    } else if git_index_entrycount(index) == 0 {
      return nil
    }
    return tree
  }

  /// Commits `tree` on HEAD's branch (parent: HEAD, if born).
  func commit(tree: git_oid, message: String, author: GitSignature, committer: GitSignature)
    throws(GitError) -> GitObjectID
  {
    var treeOid = tree
    var treeObject: OpaquePointer?
    try check(git_tree_lookup(&treeObject, pointer, &treeOid), "reading the new tree")
    defer { git_tree_free(treeObject) }

    var authorSignature: UnsafeMutablePointer<git_signature>?
    try check(git_signature_now(&authorSignature, author.name, author.email), "author \(author.name)")
    defer { git_signature_free(authorSignature) }
    var committerSignature: UnsafeMutablePointer<git_signature>?
    try check(
      git_signature_now(&committerSignature, committer.name, committer.email),
      "committer \(committer.name)")
    defer { git_signature_free(committerSignature) }

    var parents: [OpaquePointer?] = []
    defer { parents.forEach { git_commit_free($0) } }
    if let head = headCommit {
      var headOid = head.oid
      var parent: OpaquePointer?
      try check(git_commit_lookup(&parent, pointer, &headOid), "reading HEAD")
      parents.append(parent)
    }
    var result = git_oid()
    let code = parents.withUnsafeMutableBufferPointer { buffer in
      git_commit_create(
        &result, pointer, "HEAD", authorSignature, committerSignature, nil, message, treeObject,
        buffer.count, buffer.baseAddress)
    }
    try check(code, "committing")
    return GitObjectID(result)
  }
}

extension LocalRepository {
  /// `branch.<b>.remote/merge`, so the git CLI (and people) see the clone's upstream.
  func setUpstream(branch: String) throws(GitError) {
    var reference: OpaquePointer?
    try check(git_branch_lookup(&reference, pointer, branch, GIT_BRANCH_LOCAL), "looking up \(branch)")
    defer { git_reference_free(reference) }
    try check(
      git_branch_set_upstream(reference, "\(Self.remoteName)/\(branch)"), "setting the upstream of \(branch)")
  }
}
