#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization

/// A started child: its pid, the parent's ends of its pipes, and the one place it is reaped.
///
/// `communicate` runs on one thread and owns the pipes; `signal` may be called from any thread
/// and never reaches a pid that has been reaped (and so might belong to someone else).
public final class SpawnedChild: Sendable {
  struct Pipes: Sendable {
    var stdin: Int32 = -1
    var stdout: Int32 = -1
    var stderr: Int32 = -1

    mutating func closeAll() {
      for fd in [stdin, stdout, stderr] where fd >= 0 { close(fd) }
      self = Pipes()
    }
  }

  public let pid: pid_t
  /// The child leads its own process group: signals go to the whole group.
  public let leadsGroup: Bool
  private let pipes: Mutex<Pipes?>
  private let input: [UInt8]
  /// The wait status once reaped.
  private let reaped = Mutex<Int32?>(nil)

  init(pid: pid_t, leadsGroup: Bool, pipes: Pipes, input: [UInt8]) {
    self.pid = pid
    self.leadsGroup = leadsGroup
    self.pipes = Mutex(pipes)
    self.input = input
  }

  deinit {
    pipes.withLock { pipes in
      pipes?.closeAll()
      pipes = nil
    }
  }

  /// Sends `signal` to the child (to its group when it leads one), unless it has been reaped.
  public func signal(_ number: Int32) {
    reaped.withLock { status in
      guard status == nil else { return }
      kill(leadsGroup ? -pid : pid, number)
    }
  }

  /// Whether the child has exited (reaping it if so).
  public var hasExited: Bool { reap() != nil }

  private func reap() -> Int32? {
    reaped.withLock { status in
      if status == nil {
        var raw: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(pid, &raw, WNOHANG) } while result < 0 && errno == EINTR
        // ECHILD: reaped elsewhere; reported as exit 255.
        if result == pid { status = raw } else if result < 0 { status = 0xFF00 }
      }
      return status
    }
  }

  /// Feeds stdin, collects stdout and stderr, and reaps the child: blocking, on the calling thread.
  /// `onStdout` and `onStderr` see each chunk as it arrives (for readers that follow a child while it runs).
  /// Past `timeout`, or when `cancel` fires, the child gets SIGTERM, then SIGKILL after `gracePeriod`.
  /// Once the child has exited, what is still buffered is drained and the pipes are let go, even if
  /// a grandchild keeps them open.
  public func communicate(
    timeout: Duration?, gracePeriod: Duration = .seconds(2), cancel: CancelSignal? = nil,
    onStdout: (ArraySlice<UInt8>) -> Void = { _ in }, onStderr: (ArraySlice<UInt8>) -> Void = { _ in }
  ) -> ChildProcessResult {
    var ends = pipes.withLock { pipes -> Pipes in
      let taken = pipes ?? Pipes()
      pipes = nil
      return taken
    }
    defer { ends.closeAll() }
    var written = 0
    if input.isEmpty, ends.stdin >= 0 {
      close(ends.stdin)
      ends.stdin = -1
    }
    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    let clock = ContinuousClock()
    let deadline = timeout.map { clock.now + $0 }
    var timedOut = false
    var cancelled = false
    var terminatedAt: ContinuousClock.Instant?
    var killed = false
    var idleTick = 1

    /// Reads one chunk; at end of file (or, when `final`, once nothing more is buffered) closes `fd`.
    func drain(_ fd: inout Int32, into sink: inout [UInt8], isStdout: Bool, final: Bool = false) {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n > 0 {
        sink.append(contentsOf: buffer[0..<n])
        if isStdout { onStdout(buffer[0..<n]) } else { onStderr(buffer[0..<n]) }
      } else if n == 0 || errno != EINTR && (final || errno != EAGAIN) {
        close(fd)
        fd = -1
      }
    }

    while true {
      let status = reap()
      if let status {
        // Drain what the child left in the pipes without waiting for writers it passed them to.
        for fd in [ends.stdout, ends.stderr] where fd >= 0 { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        while ends.stdout >= 0 { drain(&ends.stdout, into: &stdout, isStdout: true, final: true) }
        while ends.stderr >= 0 { drain(&ends.stderr, into: &stderr, isStdout: false, final: true) }
        return ChildProcessResult(
          exitCode: Self.exitCode(status), signal: Self.terminatingSignal(status), stdout: stdout, stderr: stderr,
          timedOut: timedOut, cancelled: cancelled)
      }

      let now = clock.now
      if terminatedAt == nil {
        if cancel?.hasFired == true {
          cancelled = true
        } else if let deadline, now >= deadline {
          timedOut = true
        }
        if cancelled || timedOut {
          signal(SIGTERM)
          terminatedAt = now
        }
      } else if !killed, let terminatedAt, now - terminatedAt >= gracePeriod {
        signal(SIGKILL)
        killed = true
      }

      var fds: [pollfd] = []
      if ends.stdin >= 0 { fds.append(pollfd(fd: ends.stdin, events: Int16(POLLOUT), revents: 0)) }
      if ends.stdout >= 0 { fds.append(pollfd(fd: ends.stdout, events: Int16(POLLIN), revents: 0)) }
      if ends.stderr >= 0 { fds.append(pollfd(fd: ends.stderr, events: Int16(POLLIN), revents: 0)) }
      if let cancel, terminatedAt == nil { fds.append(pollfd(fd: cancel.readEnd, events: Int16(POLLIN), revents: 0)) }
      // With no pipe left to wait on, the exit is noticed by polling, quickly at first: most children
      // exit right after closing their output.
      let onlyWaiting = ends.stdin < 0 && ends.stdout < 0 && ends.stderr < 0
      var waitMilliseconds = onlyWaiting ? idleTick : 100
      if onlyWaiting { idleTick = min(idleTick * 2, 100) }
      if let deadline, terminatedAt == nil {
        waitMilliseconds = min(waitMilliseconds, max(0, Self.milliseconds(deadline - now)))
      }
      let ready = poll(&fds, nfds_t(fds.count), Int32(waitMilliseconds))
      guard ready > 0 else { continue }
      for entry in fds where entry.revents != 0 {
        if entry.fd == ends.stdin {
          // Never block here: a child that writes a full pipe of output before it reads its input
          // would otherwise wait for us while we wait for it.
          let remaining = input.count - written
          let n = input.withUnsafeBytes { send(entry.fd, $0.baseAddress! + written, remaining, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
          if n > 0 { written += n }
          if (n < 0 && errno != EINTR && errno != EAGAIN) || written == input.count {
            close(ends.stdin)
            ends.stdin = -1
          }
        } else if entry.fd == ends.stdout {
          drain(&ends.stdout, into: &stdout, isStdout: true)
        } else if entry.fd == ends.stderr {
          drain(&ends.stderr, into: &stderr, isStdout: false)
        }
      }
    }
  }

  private static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(clamping: seconds.multipliedReportingOverflow(by: 1000).partialValue + attoseconds / 1_000_000_000_000_000)
  }

  static func exitCode(_ status: Int32) -> Int32 {
    if let signal = terminatingSignal(status) { return 128 + signal }
    return (status >> 8) & 0xFF
  }

  static func terminatingSignal(_ status: Int32) -> Int32? {
    let low = status & 0x7F
    return low != 0 && low != 0x7F ? low : nil
  }
}

/// A one-shot flag that a blocked `poll` can wait on: cancellation handlers fire it from any thread.
public final class CancelSignal: Sendable {
  let readEnd: Int32
  private let writeEnd: Int32
  private let fired = Mutex(false)

  public init() throws(ChildProcessError) {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { throw .pipe(errno) }
    for fd in ends {
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      _ = fcntl(fd, F_SETFL, O_NONBLOCK)
    }
    readEnd = ends[0]
    writeEnd = ends[1]
  }

  deinit {
    close(readEnd)
    close(writeEnd)
  }

  public var hasFired: Bool { fired.withLock { $0 } }

  public func fire() {
    let first = fired.withLock { wasFired in
      defer { wasFired = true }
      return !wasFired
    }
    if first {
      var byte: UInt8 = 1
      _ = write(writeEnd, &byte, 1)
    }
  }
}
