#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import TackBase

/// Runs a credential plugin without a shell: `posix_spawn` of a resolved path, an explicit
/// environment, stdout (and, unless interactive, stderr) collected through pipes. The blocking work
/// runs on its own thread, never on Swift's cooperative pool.
struct PluginProcess: Sendable {
  var executable: String
  var arguments: [String]
  var environment: [String: String]
  /// Hand the plugin our stdin and stderr (interactive login prompts).
  var interactive: Bool

  struct Result: Sendable {
    var exitCode: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
  }

  enum Failure: Error {
    case spawn(Int32)
  }

  /// Finds a command the way Go's `exec.LookPath` does: a name with a slash is used as is, anything
  /// else is searched on `PATH`.
  static func lookPath(_ command: String, path: String?) -> String? {
    if command.contains("/") { return LocalFiles.isExecutableFile(command) ? command : nil }
    for directory in (path ?? "").split(separator: ":", omittingEmptySubsequences: false) {
      let candidate = LocalFiles.join(directory.isEmpty ? "." : String(directory), command)
      if LocalFiles.isExecutableFile(candidate) { return candidate }
    }
    return nil
  }

  func run() async throws -> Result {
    try await withCheckedThrowingContinuation { continuation in
      DedicatedThread.start(name: "tack-exec-plugin") {
        continuation.resume(with: Swift.Result { try self.runBlocking() })
      }
    }
  }

  private func runBlocking() throws -> Result {
    var outPipe: [Int32] = [0, 0]
    var errPipe: [Int32] = [0, 0]
    guard pipe(&outPipe) == 0 else { throw Failure.spawn(errno) }
    guard pipe(&errPipe) == 0 else {
      close(outPipe[0])
      close(outPipe[1])
      throw Failure.spawn(errno)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if !interactive {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
      posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    }
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    for fd in [outPipe[0], outPipe[1], errPipe[0], errPipe[1]] {
      posix_spawn_file_actions_addclose(&actions, fd)
    }

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    close(outPipe[1])
    close(errPipe[1])
    guard spawned == 0 else {
      close(outPipe[0])
      close(errPipe[0])
      throw Failure.spawn(spawned)
    }

    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
    var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
               pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
    var open = 2
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while open > 0 {
      if poll(&fds, nfds_t(fds.count), -1) < 0 {
        if errno == EINTR { continue }
        break
      }
      for index in fds.indices where fds[index].fd >= 0 && fds[index].revents != 0 {
        let n = buffer.withUnsafeMutableBytes { read(fds[index].fd, $0.baseAddress, $0.count) }
        if n > 0 {
          if index == 0 { stdout.append(contentsOf: buffer[0..<n]) } else { stderr.append(contentsOf: buffer[0..<n]) }
        } else if n == 0 || errno != EINTR {
          close(fds[index].fd)
          fds[index].fd = -1
          open -= 1
        }
      }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitCode: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return Result(exitCode: exitCode, stdout: stdout, stderr: stderr)
  }
}
