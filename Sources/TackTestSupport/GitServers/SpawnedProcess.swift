import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A long-running child process started with posix_spawn. Foundation's `Process` watches each
/// child through a socket it passes down; daemons such as sshd close every inherited descriptor,
/// which makes Foundation block in waitpid on a live child and stalls every other `Process`.
final class SpawnedProcess: @unchecked Sendable {
  let pid: pid_t
  private var exited = false
  private let lock = NSLock()

  /// Starts `arguments[0]` (an absolute path) with stdin from /dev/null and stdout/stderr
  /// appended to `logFile`.
  init(_ arguments: [String], logFile: String) throws {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, logFile, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    // The spawning thread may be a dispatch worker with every signal blocked; the child must
    // start with a clean mask and default handlers or it ignores SIGTERM.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let result = posix_spawn(&pid, arguments[0], &actions, &attributes, cArguments, environ)
    guard result == 0 else {
      throw ProcessLaunchError(executable: arguments[0], reason: String(cString: strerror(result)))
    }
    self.pid = pid
  }

  var isRunning: Bool {
    lock.lock()
    defer { lock.unlock() }
    if exited { return false }
    var status: Int32 = 0
    if waitpid(pid, &status, WNOHANG) == pid { exited = true }
    return !exited
  }

  /// SIGTERM, then SIGKILL if it has not exited within two seconds.
  func terminate() {
    lock.lock()
    defer { lock.unlock() }
    guard !exited else { return }
    kill(pid, SIGTERM)
    var status: Int32 = 0
    for _ in 0..<80 {
      if waitpid(pid, &status, WNOHANG) == pid {
        exited = true
        return
      }
      usleep(25_000)
    }
    kill(pid, SIGKILL)
    _ = waitpid(pid, &status, 0)
    exited = true
  }
}
