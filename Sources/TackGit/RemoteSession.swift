import CGit2
import CGit2Shims
import TackBase

/// The stop switch and timeouts of one network operation: the task's cancellation handler and the
/// deadline watchdog stop it from any thread; libgit2's progress callbacks and tack's socket stream
/// (CGit2Shims `stream.c`) read it on the libgit2 thread. Owns the C control; it never leaves here.
final class CancellationFlag: @unchecked Sendable {
  // @unchecked: the C control is an atomic state plus a mutex-guarded socket list.
  private let control: OpaquePointer

  init(timeouts: GitTimeouts = GitTimeouts()) {
    guard
      let control = tack_git_io_control_new(
        Self.milliseconds(timeouts.connect), Self.milliseconds(timeouts.stall))
    else { fatalError("out of memory") }
    self.control = control
  }

  deinit { tack_git_io_control_free(control) }

  func cancel() { tack_git_io_control_stop(control, Int32(TACK_GIT_IO_CANCELLED)) }
  /// The operation's deadline passed.
  func expire() { tack_git_io_control_stop(control, Int32(TACK_GIT_IO_DEADLINE)) }

  var isCancelled: Bool { state == Int32(TACK_GIT_IO_CANCELLED) || Task.isCancelled }
  /// Cancelled or timed out: every callback should make libgit2 give up.
  var isStopped: Bool { state != Int32(TACK_GIT_IO_RUNNING) || Task.isCancelled }
  private var state: Int32 { tack_git_io_control_state(control) }

  /// Why the I/O timed out, or nil.
  var timeout: String? {
    switch state {
    case Int32(TACK_GIT_IO_CONNECT_TIMEOUT): "timed out connecting"
    case Int32(TACK_GIT_IO_STALLED): "the server sent nothing for too long"
    case Int32(TACK_GIT_IO_DEADLINE): "ran out of time"
    default: nil
    }
  }

  /// Expires the flag once `limit` passes, unless the returned task is cancelled first (when the
  /// operation ends). libssh2 waits on its socket itself, so for SSH this deadline is what bounds
  /// a silent server.
  func watchdog(_ limit: Duration?) -> Task<Void, Never>? {
    guard let limit else { return nil }
    return Task { [self] in
      do {
        try await Task.sleep(for: limit)
        expire()
      } catch {
        // The operation finished first.
      }
    }
  }

  /// Runs one synchronous libgit2 network call with the sockets it opens governed by this flag.
  func govern<T>(_ body: () throws(GitError) -> T) throws(GitError) -> T {
    tack_git_io_control_begin(control)
    defer { tack_git_io_control_end() }
    return try body()
  }

  private static func milliseconds(_ duration: Duration?) -> Int32 {
    guard let duration, duration > .zero else { return 0 }
    let (seconds, attoseconds) = duration.components
    let millis = seconds.multipliedReportingOverflow(by: 1000)
    guard !millis.overflow else { return Int32.max }
    let total = millis.partialValue.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
    guard !total.overflow else { return Int32.max }
    return Int32(clamping: max(total.partialValue, 1))
  }
}

/// The state behind libgit2's callbacks for one network operation (connect, fetch or push).
///
/// libgit2 gets it as an unretained payload; the operation keeps it alive for the whole call
/// (`withExtendedLifetime`). Callbacks never throw across C: they record a typed error here and
/// return a negative code, and `failure(_:operation:)` prefers that recorded error over the
/// generic one libgit2 then reports.
final class RemoteSession {
  enum Purpose { case transfer, scanHostKey }

  let remote: GitRemote
  let purpose: Purpose
  let cancellation: CancellationFlag
  private var plan: CredentialPlan
  private let tlsVerifier: TLSCertificateVerifier?
  private let redactor: GitSecretRedactor
  /// The error a callback decided on; it wins over libgit2's message.
  private(set) var callbackError: GitError?
  /// Refs the server refused (push_update_reference), with its reason.
  private(set) var rejectedRefs: [(ref: String, reason: String)] = []
  /// The host key the server presented (host-key scan).
  private(set) var hostKey: SSHHostKey?
  /// Recent `remote:` lines the server printed (hook output), kept for error messages.
  private(set) var serverMessages: [String] = []

  init(remote: GitRemote, purpose: Purpose = .transfer) throws(GitError) {
    self.remote = remote
    self.purpose = purpose
    self.cancellation = CancellationFlag(timeouts: remote.timeouts)
    self.plan = CredentialPlan(authentication: remote.authentication, url: remote.url)
    self.redactor = remote.redactor
    if case .certificateAuthorities(let pem) = remote.trust {
      self.tlsVerifier = try TLSCertificateVerifier(pem: pem)
    } else {
      self.tlsVerifier = nil
    }
  }

  /// Extra HTTP headers for every request: the bearer token (flux's `--with-bearer-token`).
  var customHeaders: [String] {
    if case .bearerToken(let token) = remote.authentication {
      return ["Authorization: Bearer \(token)"]
    }
    return []
  }

  /// Callbacks wired to this session. Valid only while the session is alive.
  func callbacks() -> git_remote_callbacks {
    var callbacks = git_remote_callbacks()
    git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION))
    callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
    callbacks.credentials = { out, _, usernameFromURL, allowedTypes, payload in
      guard let out, let payload else { return GIT_EUSER.rawValue }
      let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
      return session.acquireCredential(
        out, usernameFromURL: usernameFromURL.map { String(cString: $0) },
        allowed: CredentialTypes(rawValue: allowedTypes))
    }
    callbacks.certificate_check = { cert, valid, host, payload in
      guard let cert, let payload else { return GIT_EUSER.rawValue }
      let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
      return session.checkCertificate(
        cert, validByLibgit2: valid != 0, host: host.map { String(cString: $0) } ?? "")
    }
    callbacks.transfer_progress = { _, payload in
      guard let payload else { return 0 }
      return Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue().progress()
    }
    callbacks.push_transfer_progress = { _, _, _, payload in
      guard let payload else { return 0 }
      return Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue().progress()
    }
    callbacks.sideband_progress = { text, length, payload in
      guard let payload else { return 0 }
      let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
      if let text, length > 0 {
        let bytes = UnsafeRawBufferPointer(start: text, count: Int(length))
        session.recordServerMessage(String(decoding: bytes, as: UTF8.self))
      }
      return session.progress()
    }
    callbacks.push_update_reference = { refname, status, payload in
      guard let payload else { return 0 }
      let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
      if let status {
        session.rejectedRefs.append(
          (refname.map { String(cString: $0) } ?? "", session.redactor.redact(String(cString: status))))
      }
      return 0
    }
    return callbacks
  }

  /// The typed error for a failed libgit2 call. Call straight after the call (same thread).
  func failure(_ code: Int32, operation: String) -> GitError {
    let libgit2 = LibGit2Failure.last(code)
    if let callbackError { return callbackError }
    if cancellation.isCancelled { return GitError(.cancelled, "\(operation): cancelled") }
    if let timeout = cancellation.timeout {
      return GitError(.timedOut, "\(operation): \(timeout) (\(remote.timeouts.summary))")
    }
    var mapped = GitErrorMapping.map(
      libgit2, operation: operation, url: remote.url, redactor: redactor)
    if mapped.code == .libgit2, let hint = serverMessages.last {
      mapped = GitError(mapped.code, mapped.message, underlying: "\(mapped.underlying ?? ""); remote: \(hint)")
    }
    return mapped
  }

  // MARK: callbacks

  private func progress() -> Int32 { cancellation.isStopped ? GIT_EUSER.rawValue : 0 }

  private func recordServerMessage(_ text: String) {
    for line in text.split(whereSeparator: \.isNewline) {
      let trimmed = line.trimmingWhitespace()
      guard !trimmed.isEmpty else { continue }
      serverMessages.append(redactor.redact(trimmed))
      if serverMessages.count > 20 { serverMessages.removeFirst() }
    }
  }

  private func acquireCredential(
    _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, usernameFromURL: String?, allowed: CredentialTypes
  ) -> Int32 {
    switch plan.next(allowed: allowed, usernameFromURL: usernameFromURL) {
    case .failure(let error):
      callbackError = error
      return GIT_EAUTH.rawValue
    case .success(let offer):
      let code: Int32
      switch offer {
      case .username(let user):
        code = git_credential_username_new(out, user)
      case .userPass(let user, let password):
        code = git_credential_userpass_plaintext_new(out, user, password)
      case .sshKeyMemory(let user, let key, let passphrase):
        code = git_credential_ssh_key_memory_new(out, user, nil, key, passphrase)
      case .sshKeyFile(let user, let path, let passphrase):
        code = git_credential_ssh_key_new(out, user, nil, path, passphrase)
      case .sshAgent(let user):
        code = git_credential_ssh_key_from_agent(out, user)
      }
      if code < 0 {
        callbackError = GitErrorMapping.map(
          LibGit2Failure.last(code), operation: "preparing credentials for \(remote.url)",
          url: remote.url, redactor: redactor)
      }
      return code
    }
  }

  private func checkCertificate(_ cert: UnsafeMutablePointer<git_cert>, validByLibgit2: Bool, host: String)
    -> Int32
  {
    switch cert.pointee.cert_type {
    case GIT_CERT_HOSTKEY_LIBSSH2:
      let hostKeyCert = UnsafeMutableRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self)
      return checkHostKey(hostKeyCert.pointee, validByLibgit2: validByLibgit2)
    case GIT_CERT_X509:
      let x509 = UnsafeMutableRawPointer(cert).assumingMemoryBound(to: git_cert_x509.self).pointee
      guard let data = x509.data else { return rejectCertificate(host, "the server sent no certificate") }
      let der = Array(UnsafeRawBufferPointer(start: data, count: x509.len))
      if let tlsVerifier {
        if let reason = tlsVerifier.verify(leafDER: der, host: remote.url.host ?? host) {
          return rejectCertificate(host, reason + " (checked against the given CA bundle)")
        }
        return 0
      }
      return validByLibgit2
        ? 0
        : rejectCertificate(host, "it is not signed by a CA in the system store; pass the CA (--ca-file)")
    default:
      return validByLibgit2 ? 0 : rejectCertificate(host, "unsupported certificate type")
    }
  }

  private func rejectCertificate(_ host: String, _ reason: String) -> Int32 {
    callbackError = GitError(
      .certificateInvalid, "the TLS certificate of \(remote.url.host ?? host) is not trusted: \(reason)")
    return GIT_ECERTIFICATE.rawValue
  }

  private func checkHostKey(_ cert: git_cert_hostkey, validByLibgit2: Bool) -> Int32 {
    let host = remote.url.host ?? ""
    let port = remote.url.effectivePort
    var key: SSHHostKey?
    if cert.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = cert.hostkey, cert.hostkey_len > 0 {
      let blob = Array(UnsafeRawBufferPointer(start: raw, count: cert.hostkey_len))
      key = SSHHostKey(blob: blob)
    }
    if purpose == .scanHostKey {
      hostKey = key
      // Abort before authenticating: the scan only wants the key.
      return GIT_EUSER.rawValue
    }
    switch remote.hostKeys {
    case .userKnownHosts:
      if validByLibgit2 { return 0 }
      callbackError = GitError(
        .hostKeyUnknown,
        "the SSH host key of \(KnownHosts.hostName(host, port: port)) is not in ~/.ssh/known_hosts; "
          + "add it (ssh-keyscan) or pass known_hosts")
      return GIT_ECERTIFICATE.rawValue
    case .knownHosts(let knownHosts):
      guard let key else {
        callbackError = GitError(.hostKeyUnknown, "the SSH server \(host) did not present a usable host key")
        return GIT_ECERTIFICATE.rawValue
      }
      let name = KnownHosts.hostName(host, port: port)
      switch knownHosts.verify(host: host, port: port, keyType: key.type, key: key.blob) {
      case .trusted:
        return 0
      case .unknown(let knownTypes):
        let also = knownTypes.isEmpty ? "" : " (known_hosts has only \(knownTypes.joined(separator: ", ")) for it)"
        callbackError = GitError(
          .hostKeyUnknown,
          "the SSH host key of \(name) (\(key.type) \(key.fingerprintSHA256)) is not in known_hosts\(also)")
      case .mismatch:
        callbackError = GitError(
          .hostKeyMismatch,
          "the SSH host key of \(name) (\(key.type) \(key.fingerprintSHA256)) does not match known_hosts; "
            + "someone may be intercepting the connection, or the host key changed")
      case .revoked:
        callbackError = GitError(
          .hostKeyMismatch, "the SSH host key of \(name) (\(key.fingerprintSHA256)) is revoked in known_hosts")
      }
      return GIT_ECERTIFICATE.rawValue
    }
  }
}
