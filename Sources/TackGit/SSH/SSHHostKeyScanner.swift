import CGit2

/// Reads an SSH server's host key, like `ssh-keyscan`, to build the `known_hosts` flux stores in
/// the sync secret. libssh2 (inside libgit2) does the handshake; the certificate callback records
/// the key and aborts before any authentication, so no credential is ever sent.
///
/// Only the host key type libssh2 negotiates first is returned (libssh2 1.10 prefers ECDSA, then
/// ed25519, then RSA), the same single line flux's scan produces.
public actor SSHHostKeyScanner {
  public nonisolated var unownedExecutor: UnownedSerialExecutor {
    GitExecutor.shared.asUnownedSerialExecutor()
  }

  public init() {}

  /// - Parameter url: any SSH form (`ssh://git@host:2222/org/repo`, `git@host:org/repo`).
  public func scan(url: String) async throws -> SSHHostKey {
    let remote = try GitRemote(url: url, authentication: .sshAgent(username: nil))
    guard remote.url.transport == .ssh, remote.url.host != nil else {
      throw GitError(.invalidURL, "\(remote.url) is not an SSH URL; host keys are scanned over SSH only")
    }
    GitRuntime.ensureInitialized()
    let session = try RemoteSession(remote: remote, purpose: .scanHostKey)
    let flag = session.cancellation
    // A server that accepts and never sends its banner must not hang the scan.
    let watchdog = flag.watchdog(remote.timeouts.operation ?? .seconds(30))
    defer { watchdog?.cancel() }
    return try await withTaskCancellationHandler { () throws -> SSHHostKey in
      if Task.isCancelled { throw GitError(.cancelled, "scanning \(remote.url): cancelled") }
      return try Self.connect(session)
    } onCancel: {
      flag.cancel()
    }
  }

  /// The known_hosts line for `url`'s host, as flux stores it.
  public func knownHostsLine(url: String) async throws -> String {
    let key = try await scan(url: url)
    let parsed = try GitURL.parse(url)
    return key.knownHostsLine(host: parsed.host ?? "", port: parsed.effectivePort)
  }

  private static func connect(_ session: RemoteSession) throws(GitError) -> SSHHostKey {
    var remote: OpaquePointer?
    let url = session.remote.url
    let created = git_remote_create_detached(&remote, url.libgit2URL)
    guard created == 0, let remote else { throw session.failure(created, operation: "scanning \(url)") }
    let handle = GitHandle(remote) { git_remote_free($0) }
    return try withExtendedLifetime(session) { () throws(GitError) -> SSHHostKey in
      var callbacks = session.callbacks()
      let code = try session.cancellation.govern { () throws(GitError) -> Int32 in
        git_remote_connect(handle.pointer, GIT_DIRECTION_FETCH, &callbacks, nil, nil)
      }
      if code == 0 { git_remote_disconnect(handle.pointer) }
      if let key = session.hostKey { return key }
      throw session.failure(code, operation: "reading the SSH host key of \(url.host ?? "\(url)")")
    }
  }
}
