import CGit2
import CGit2Shims
import Dispatch

/// libgit2's process-wide state, initialised on first use: `git_libgit2_init` costs milliseconds
/// (mbedTLS loads its CA store), and `tack version --client` must not pay for it.
enum GitRuntime {
  private static let initialized: Bool = {
    git_libgit2_init()
    // Our socket stream (timeouts, cancellation) under libgit2's HTTP, TLS and SSH transports.
    let registered = tack_git_register_stream()
    precondition(registered == 0, "registering tack's libgit2 socket stream failed")
    // The user's and system's git config must not change what tack writes or where it pushes
    // (flux's go-git reads none either). known_hosts is found through $HOME, not these paths.
    for level in [GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL] {
      _ = tack_git_opts_set_search_path(Int32(level.rawValue), "")
    }
    return true
  }()

  static func ensureInitialized() { _ = initialized }
}

/// The one serial executor all libgit2 work runs on. libgit2 objects must be used from one thread
/// at a time and its last-error slot is thread-local; a private queue also keeps blocking network
/// calls off Swift's small cooperative pool.
final class GitExecutor: SerialExecutor {
  static let shared = GitExecutor()
  private let queue = DispatchQueue(label: "tack.libgit2")

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let executor = asUnownedSerialExecutor()
    queue.async { job.runSynchronously(on: executor) }
  }

  func asUnownedSerialExecutor() -> UnownedSerialExecutor {
    UnownedSerialExecutor(ordinary: self)
  }
}
