import Foundation

/// A real OpenSSH server (`/usr/sbin/sshd` from Debian's openssh-server) on a loopback port, run as
/// the current user with a throwaway host key and only the given public keys authorised. Git
/// over SSH then runs the real `git-upload-pack`/`git-receive-pack` on repositories by absolute path.
public final class SSHGitServer: @unchecked Sendable {
  public static let sshdPath = "/usr/sbin/sshd"

  public let port: Int
  /// The login user (the user running the tests).
  public let user: String
  /// The host key as a known_hosts line for `[127.0.0.1]:<port>`.
  public let knownHostsLine: String
  /// The host key's type, e.g. `ssh-ed25519`.
  public let hostKeyType: String
  private let directory: TemporaryDirectory
  private let process: SpawnedProcess

  /// Starts sshd.
  /// - Parameters:
  ///   - authorizedKeys: authorized_keys lines (`type base64 [comment]`) allowed to log in.
  ///   - hostKeyType: `ed25519`, `ecdsa` or `rsa`.
  ///   - acceptSHA1RSA: also accept `ssh-rsa` (SHA-1) signatures, which OpenSSH 8.8+ refuses by
  ///     default and libssh2 1.10 is limited to for RSA user keys.
  public static func start(
    authorizedKeys: [String], hostKeyType: String = "ed25519", acceptSHA1RSA: Bool = false
  ) async throws -> SSHGitServer {
    let directory = try TemporaryDirectory(prefix: "tack-sshd")
    do {
      let hostKey = directory.file("ssh_host_key")
      try ProcessRunner.output(["ssh-keygen", "-q", "-t", hostKeyType, "-N", "", "-f", hostKey])
      let publicKey = try String(contentsOfFile: hostKey + ".pub", encoding: .utf8)
      let fields = publicKey.split(separator: " ")
      try (authorizedKeys.joined(separator: "\n") + "\n").write(
        toFile: directory.file("authorized_keys"), atomically: true, encoding: .utf8)
      if getuid() == 0 {
        // sshd started as root insists on its privilege separation directory.
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
      }
      var lastError: Error?
      for _ in 0..<5 {
        let port = try LoopbackPort.free()
        let config = """
          Port \(port)
          ListenAddress 127.0.0.1
          HostKey \(hostKey)
          PidFile \(directory.file("sshd.pid"))
          AuthorizedKeysFile \(directory.file("authorized_keys"))
          StrictModes no
          UsePAM no
          PubkeyAuthentication yes
          PasswordAuthentication no
          KbdInteractiveAuthentication no
          PermitRootLogin prohibit-password
          PermitUserRC no
          PrintMotd no
          AllowAgentForwarding no
          AllowTcpForwarding no
          X11Forwarding no
          LogLevel VERBOSE
          \(acceptSHA1RSA ? "PubkeyAcceptedAlgorithms +ssh-rsa" : "")

          """
        try config.write(toFile: directory.file("sshd_config"), atomically: true, encoding: .utf8)
        let process = try SpawnedProcess(
          [sshdPath, "-D", "-e", "-f", directory.file("sshd_config")], logFile: directory.file("sshd.log"))
        do {
          try await LoopbackPort.waitUntilListening(port, timeout: .seconds(10))
          return SSHGitServer(
            port: port, user: currentUser(), knownHostsLine: "[127.0.0.1]:\(port) \(fields[0]) \(fields[1])",
            hostKeyType: String(fields[0]), directory: directory, process: process)
        } catch {
          process.terminate()
          lastError = error
        }
      }
      let log = (try? String(contentsOfFile: directory.file("sshd.log"), encoding: .utf8)) ?? ""
      throw ProcessLaunchError(
        executable: sshdPath, reason: "sshd did not start: \(lastError.map { "\($0)" } ?? "") \(log)")
    } catch {
      directory.remove()
      throw error
    }
  }

  private init(
    port: Int, user: String, knownHostsLine: String, hostKeyType: String, directory: TemporaryDirectory,
    process: SpawnedProcess
  ) {
    self.port = port
    self.user = user
    self.knownHostsLine = knownHostsLine
    self.hostKeyType = hostKeyType
    self.directory = directory
    self.process = process
  }

  /// `ssh://<user>@127.0.0.1:<port><absolute path>` for a repository on this machine.
  public func url(for repository: BareGitRepository) -> String {
    "ssh://\(user)@127.0.0.1:\(port)\(repository.path)"
  }

  /// Replaces the keys allowed to log in; sshd reads the file on every connection, so this takes
  /// effect at once (a hosting double registers deploy keys through it).
  public func setAuthorizedKeys(_ lines: [String]) throws {
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: directory.file("authorized_keys"), atomically: true, encoding: .utf8)
  }

  /// A file in the server's private directory (for a forced-command script).
  public func privateFile(_ name: String) -> String { directory.file(name) }

  /// What sshd logged so far (authentication attempts), for diagnosing a failing test.
  public var log: String {
    (try? String(contentsOfFile: directory.file("sshd.log"), encoding: .utf8)) ?? ""
  }

  public func stop() {
    process.terminate()
    directory.remove()
  }

  deinit { stop() }

  static func currentUser() -> String {
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
    return ProcessInfo.processInfo.environment["USER"] ?? "root"
  }
}
