import Foundation

/// A throwaway `ssh-agent` (openssh-client) holding test keys, for the "no key given: use the
/// agent" path. libssh2 finds it through `SSH_AUTH_SOCK`, so tests using it must be serialized.
public final class SSHAgent: @unchecked Sendable {
  public let socketPath: String
  private let process: SpawnedProcess
  private let directory: TemporaryDirectory

  public init() throws {
    directory = try TemporaryDirectory(prefix: "tack-agent")
    socketPath = directory.file("agent.sock")
    // In the foreground (-D) under posix_spawn: a daemonised agent would keep Foundation's
    // process-watch socket open and hang `Process.waitUntilExit`.
    let agentPath = ["/usr/bin/ssh-agent", "/bin/ssh-agent"].first { FileManager.default.isExecutableFile(atPath: $0) }
    do {
      process = try SpawnedProcess([agentPath ?? "/usr/bin/ssh-agent", "-D", "-a", socketPath], logFile: directory.file("agent.log"))
    } catch {
      directory.remove()
      throw error
    }
    for _ in 0..<200 where !FileManager.default.fileExists(atPath: socketPath) {
      usleep(25_000)
    }
  }

  /// Adds an unencrypted private key (OpenSSH or PEM text).
  public func add(privateKey: String) throws {
    let file = try directory.write("key-\(UUID().uuidString.prefix(8))", contents: privateKey, permissions: 0o600)
    try ProcessRunner.output(["ssh-add", "-q", file], environment: ["SSH_AUTH_SOCK": socketPath])
  }

  /// Runs `body` with this process's `SSH_AUTH_SOCK` pointing at the agent.
  public func withAgentEnvironment<T>(_ body: () async throws -> T) async rethrows -> T {
    let previous = ProcessInfo.processInfo.environment["SSH_AUTH_SOCK"]
    setenv("SSH_AUTH_SOCK", socketPath, 1)
    defer {
      if let previous { setenv("SSH_AUTH_SOCK", previous, 1) } else { unsetenv("SSH_AUTH_SOCK") }
    }
    return try await body()
  }

  public func stop() {
    process.terminate()
    directory.remove()
  }
}
