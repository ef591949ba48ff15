#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program tack starts and waits for (exec credential plugins; in tests, kubectl, git, sops and
/// tack itself), started with `posix_spawn` and nothing else.
///
/// Why not Foundation's `Process`: it walks `/proc/self/fd` in the parent to close descriptors and
/// has crashed there in a busy multi-threaded process; and it hands children the signal
/// dispositions of the parent, where tack ignores SIGINT and SIGTERM (it handles them through a
/// dispatch source), so a child would outlive a Ctrl-C.
///
/// Here the child gets: default dispositions and an empty signal mask, no descriptor but 0, 1 and 2
/// (closefrom where the C library has it), and, unless it must share the terminal, its own process
/// group, so that a deadline or a cancellation ends it and everything it started.
///
/// ```swift
/// let plugin = ChildProcess(executable: "/usr/bin/aws", arguments: ["eks", "get-token"], environment: env)
/// let result = try await plugin.run(timeout: .seconds(60))   // CancellationError if the task is cancelled
/// guard result.exitCode == 0 else { … }
/// ```
public struct ChildProcess: Sendable {
  public enum Input: Sendable, Equatable {
    case null
    case inherit
    case bytes([UInt8])
  }

  public enum Output: Sendable, Equatable {
    case null
    case inherit
    /// Collected in memory and returned in the result.
    case capture
    /// Written to a file (created 0600, truncated). A daemon that keeps the descriptor cannot hold
    /// the wait open, as it can with a pipe.
    case file(String)
  }

  /// An absolute path, or a path relative to the current directory; never looked up on PATH.
  public var executable: String
  public var arguments: [String]
  /// The child's whole environment.
  public var environment: [String: String]
  public var currentDirectory: String?
  public var standardInput: Input
  public var standardOutput: Output
  public var standardError: Output
  /// Start the child as the leader of a new process group. Off for a child that prompts on the
  /// terminal: a background group reading the terminal is stopped by SIGTTIN.
  public var ownProcessGroup: Bool

  public init(
    executable: String, arguments: [String] = [], environment: [String: String],
    currentDirectory: String? = nil, standardInput: Input = .null, standardOutput: Output = .capture,
    standardError: Output = .capture, ownProcessGroup: Bool = true
  ) {
    self.executable = executable
    self.arguments = arguments
    self.environment = environment
    self.currentDirectory = currentDirectory
    self.standardInput = standardInput
    self.standardOutput = standardOutput
    self.standardError = standardError
    self.ownProcessGroup = ownProcessGroup
  }

  /// Runs the child to completion on a dedicated thread (never the cooperative pool). Past
  /// `timeout` the child (its group, when it has one) gets SIGTERM and, `gracePeriod` later,
  /// SIGKILL; the result then says `timedOut`. Cancelling the calling task does the same and throws
  /// `CancellationError` once the child is reaped.
  public func run(timeout: Duration? = nil, gracePeriod: Duration = .seconds(2)) async throws -> ChildProcessResult {
    let child = try spawn()
    let cancel = try CancelSignal()
    let result: ChildProcessResult = await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        DedicatedThread.start(name: "tack-child-wait") {
          continuation.resume(returning: child.communicate(timeout: timeout, gracePeriod: gracePeriod, cancel: cancel))
        }
      }
    } onCancel: {
      cancel.fire()
    }
    if result.cancelled { throw CancellationError() }
    return result
  }

  /// Starts the child and returns at once; the caller reads its pipes and reaps it.
  public func spawn() throws(ChildProcessError) -> SpawnedChild {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Descriptors the parent keeps; closed in the parent once the child has its copies.
    var childEnds: [Int32] = []
    var parentEnds = SpawnedChild.Pipes()
    func failed(_ error: ChildProcessError) -> ChildProcessError {
      for fd in childEnds { close(fd) }
      parentEnds.closeAll()
      return error
    }

    switch standardInput {
    case .null: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    case .inherit: break
    case .bytes:
      // A socket, not a pipe: writing to a child that exited early must fail with EPIPE through
      // MSG_NOSIGNAL rather than raise SIGPIPE in the parent.
      var pair: [Int32] = [-1, -1]
      guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
        throw failed(.pipe(errno))
      }
      shutdown(pair[0], Int32(SHUT_RD))
      shutdown(pair[1], Int32(SHUT_WR))
      parentEnds.stdin = pair[0]
      childEnds.append(pair[1])
      posix_spawn_file_actions_adddup2(&actions, pair[1], 0)
    }
    for (target, output) in [(Int32(1), standardOutput), (Int32(2), standardError)] {
      switch output {
      case .null: posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0)
      case .inherit: break
      case .file(let path): posix_spawn_file_actions_addopen(&actions, target, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      case .capture:
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw failed(.pipe(errno)) }
        // Children close everything above 2 (closefrom); CLOEXEC covers a C library without it.
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        if target == 1 { parentEnds.stdout = ends[0] } else { parentEnds.stderr = ends[0] }
        childEnds.append(ends[1])
        posix_spawn_file_actions_adddup2(&actions, ends[1], target)
      }
    }
    SpawnExtensions.closeFrom(3, &actions)
    if let currentDirectory {
      guard SpawnExtensions.changeDirectory(currentDirectory, &actions) else {
        throw failed(.unsupported("changing the working directory of a spawned process"))
      }
    }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in 1..<32 where signal != SIGKILL && signal != SIGSTOP { sigaddset(&defaults, Int32(signal)) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
    if ownProcessGroup {
      flags |= POSIX_SPAWN_SETPGROUP
      posix_spawnattr_setpgroup(&attributes, 0)
    }
    posix_spawnattr_setflags(&attributes, Int16(flags))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    for fd in childEnds { close(fd) }
    childEnds = []
    guard spawned == 0 else { throw failed(.spawn(executable: executable, code: spawned)) }
    var input: [UInt8] = []
    if case .bytes(let bytes) = standardInput { input = bytes }
    return SpawnedChild(pid: pid, leadsGroup: ownProcessGroup, pipes: parentEnds, input: input)
  }
}

/// How a child ended, and what it wrote where it was captured.
public struct ChildProcessResult: Sendable {
  /// The exit status, or 128 + the signal number when a signal ended it (as a shell reports it).
  public var exitCode: Int32
  /// The signal that ended the child, if one did.
  public var signal: Int32?
  public var stdout: [UInt8]
  public var stderr: [UInt8]
  /// The child ran past its deadline and was ended.
  public var timedOut: Bool
  /// The waiting task was cancelled and the child was ended.
  public var cancelled: Bool

  public init(exitCode: Int32, signal: Int32?, stdout: [UInt8], stderr: [UInt8], timedOut: Bool, cancelled: Bool) {
    self.exitCode = exitCode
    self.signal = signal
    self.stdout = stdout
    self.stderr = stderr
    self.timedOut = timedOut
    self.cancelled = cancelled
  }
}

public enum ChildProcessError: Error, Sendable, Equatable, CustomStringConvertible {
  case spawn(executable: String, code: Int32)
  case pipe(Int32)
  case unsupported(String)

  public var description: String {
    switch self {
    case .spawn(let executable, let code): "cannot run \(executable): \(String(cString: strerror(code)))"
    case .pipe(let code): "cannot create a pipe: \(String(cString: strerror(code)))"
    case .unsupported(let what): "this C library does not support \(what)"
    }
  }
}

/// glibc's spawn extensions (closefrom since 2.34, chdir since 2.29) are not in Swift's Glibc
/// module, which is built without _GNU_SOURCE; they are looked up at run time instead.
enum SpawnExtensions {
  private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
  private typealias ChangeDirectory =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

  private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
    #if canImport(Glibc)
      return dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)
    #else
      return nil
    #endif
  }

  /// Closes every descriptor from `lowest` up in the child. Without it, descriptors opened
  /// without CLOEXEC by any library in this process would leak into the child.
  static func closeFrom(_ lowest: Int32, _ actions: inout posix_spawn_file_actions_t) {
    guard let raw = symbol("posix_spawn_file_actions_addclosefrom_np") else { return }
    _ = unsafeBitCast(raw, to: CloseFrom.self)(&actions, lowest)
  }

  static func changeDirectory(_ path: String, _ actions: inout posix_spawn_file_actions_t) -> Bool {
    guard let raw = symbol("posix_spawn_file_actions_addchdir_np") else { return false }
    return unsafeBitCast(raw, to: ChangeDirectory.self)(&actions, path) == 0
  }
}
