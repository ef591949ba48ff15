import CGit2

/// What the remote has for the branch we work on.
enum RemoteBranchState: Equatable {
  /// The repository has no branches at all (a new, empty repository).
  case emptyRepository
  /// The repository has branches, but not this one.
  case missing
  /// The branch exists; its commit has been fetched to `refs/remotes/origin/<branch>`.
  case at(GitObjectID)
}

extension LocalRepository {
  static let remoteName = "origin"

  /// `origin`, created with a fetch refspec for just this branch (single-branch clone), its URL
  /// kept in step with `url` (never with a password in it).
  func originRemote(url: GitURL, branch: String) throws(GitError) -> GitHandle {
    var remote: OpaquePointer?
    if git_remote_lookup(&remote, pointer, Self.remoteName) == 0, let remote {
      let handle = GitHandle(remote) { git_remote_free($0) }
      let current = git_remote_url(remote).map { String(cString: $0) }
      if current != url.libgit2URL {
        try check(git_remote_set_url(pointer, Self.remoteName, url.libgit2URL), "setting the remote URL")
        return try originRemote(url: url, branch: branch)
      }
      return handle
    }
    let refspec = "+refs/heads/\(branch):refs/remotes/\(Self.remoteName)/\(branch)"
    try check(
      git_remote_create_with_fetchspec(&remote, pointer, Self.remoteName, url.libgit2URL, refspec),
      "adding remote \(url)")
    guard let remote else { throw GitError(.libgit2, "adding remote \(url)") }
    return GitHandle(remote) { git_remote_free($0) }
  }

  /// Connects, looks at the remote's branches, and downloads `branch` if it is there.
  func fetch(branch: String, session: RemoteSession, operation: String) throws(GitError) -> RemoteBranchState {
    let remote = try originRemote(url: session.remote.url, branch: branch)
    return try withExtendedLifetime(session) { () throws(GitError) -> RemoteBranchState in
      try session.cancellation.govern { () throws(GitError) -> RemoteBranchState in
        try fetchGoverned(remote, branch: branch, session: session, operation: operation)
      }
    }
  }

  private func fetchGoverned(_ remote: GitHandle, branch: String, session: RemoteSession, operation: String)
    throws(GitError) -> RemoteBranchState
  {
    var callbacks = session.callbacks()
    var proxy = git_proxy_options()
    git_proxy_options_init(&proxy, UInt32(GIT_PROXY_OPTIONS_VERSION))
    let headers = session.customHeaders
    let connected: Int32 = withStrArray(headers) { headerArray in
      git_remote_connect(remote.pointer, GIT_DIRECTION_FETCH, &callbacks, &proxy, &headerArray)
    }
    guard connected == 0 else { throw session.failure(connected, operation: operation) }
    defer { git_remote_disconnect(remote.pointer) }

    var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
    var count = 0
    let listed = git_remote_ls(&heads, &count, remote.pointer)
    guard listed == 0 else { throw session.failure(listed, operation: operation) }
    var branchNames: [String] = []
    var target: GitObjectID?
    for position in 0..<count {
      guard let head = heads?[position]?.pointee, let name = head.name.map({ String(cString: $0) })
      else { continue }
      guard name.hasPrefix("refs/heads/") else { continue }
      branchNames.append(name)
      if name == "refs/heads/\(branch)" { target = GitObjectID(head.oid) }
    }
    if branchNames.isEmpty { return .emptyRepository }
    guard target != nil else { return .missing }

    var options = git_fetch_options()
    git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION))
    options.callbacks = callbacks
    options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
    options.update_fetchhead = 0
    let refspec = "+refs/heads/\(branch):refs/remotes/\(Self.remoteName)/\(branch)"
    let downloaded: Int32 = withStrArray(headers) { headerArray in
      options.custom_headers = headerArray
      return withStrArray([refspec]) { refspecs in
        git_remote_download(remote.pointer, &refspecs, &options)
      }
    }
    guard downloaded == 0 else { throw session.failure(downloaded, operation: operation) }
    let updated = git_remote_update_tips(
      remote.pointer, &callbacks, 0, GIT_REMOTE_DOWNLOAD_TAGS_NONE, "tack: fetch \(branch)")
    guard updated == 0 else { throw session.failure(updated, operation: operation) }
    guard let fetched = resolve("refs/remotes/\(Self.remoteName)/\(branch)") else {
      throw GitError(.libgit2, "\(operation): the fetched branch did not arrive")
    }
    return .at(fetched)
  }

  /// Pushes `refs/heads/<branch>` to the same name, never forced. A ref the server refuses is an
  /// error even though `git_remote_push` returns 0 for it.
  func push(branch: String, session: RemoteSession, operation: String) throws(GitError) {
    try push(branch: branch, to: branch, force: false, session: session, operation: operation)
  }

  /// Pushes local `branch` to the remote's `remoteBranch`; `force` replaces whatever is there
  /// (a pull request's branch, which only tack writes).
  func push(branch: String, to remoteBranch: String, force: Bool, session: RemoteSession, operation: String)
    throws(GitError)
  {
    let remote = try originRemote(url: session.remote.url, branch: branch)
    try withExtendedLifetime(session) { () throws(GitError) in
      try session.cancellation.govern { () throws(GitError) in
        var options = git_push_options()
        git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION))
        options.callbacks = session.callbacks()
        let refspec = (force ? "+" : "") + "refs/heads/\(branch):refs/heads/\(remoteBranch)"
        let code: Int32 = withStrArray(session.customHeaders) { headerArray in
          options.custom_headers = headerArray
          return withStrArray([refspec]) { refspecs in
            git_remote_push(remote.pointer, &refspecs, &options)
          }
        }
        guard code == 0 else { throw session.failure(code, operation: operation) }
        if let rejection = session.rejectedRefs.first {
          let reason = rejection.reason
          let lower = reason.lowercased()
          if lower.contains("non-fast-forward") || lower.contains("fetch first")
            || lower.contains("stale") || lower.contains("cannot lock ref")
          {
            throw GitError(
              .nonFastForward,
              "\(operation): the server refused \(rejection.ref): the remote branch has new commits",
              underlying: reason)
          }
          throw GitError(
            .pushRejected, "\(operation): the server refused \(rejection.ref)", underlying: reason)
        }
      }
    }
    if let head = resolve("refs/heads/\(branch)") {
      try setReference("refs/remotes/\(Self.remoteName)/\(remoteBranch)", to: head, message: "tack: push")
    }
  }
}
