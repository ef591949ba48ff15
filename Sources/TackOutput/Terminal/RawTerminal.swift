#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch
import Synchronization

/// The controlling terminal taken over by a full-screen view: raw mode (no echo, no line editing,
/// Ctrl-C as a byte), the alternate screen, the cursor hidden. `restore()` puts everything back
/// in the reverse order, in one write; it runs on every way out: `q`, Ctrl-C, an error thrown
/// through the caller's `defer`, SIGINT/SIGTERM (they cancel the command, which unwinds), and
/// crashes, through the signal handlers below.
public final class RawTerminal: Sendable {
  let input: Int32
  let output: Int32
  private let saved: Mutex<termios?> = Mutex(nil)

  /// Leave synchronized output, reset attributes, show the cursor, leave the alternate screen.
  static let restoreBytes: [UInt8] = Array("\u{1B}[?2026l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)
  static let enterBytes: [UInt8] = Array("\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J".utf8)

  public init(input: Int32 = 0, output: Int32 = 1) {
    self.input = input
    self.output = output
  }

  /// Both ends are terminals.
  public static func isTerminal(input: Int32 = 0, output: Int32 = 1) -> Bool {
    isatty(input) == 1 && isatty(output) == 1
  }

  /// Columns and rows now (`TIOCGWINSZ`; `COLUMNS`/`LINES` go stale on resize).
  public func size() -> (columns: Int, rows: Int) {
    var size = winsize()
    guard ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return (80, 24) }
    return (Int(size.ws_col), Int(size.ws_row))
  }

  /// Raw mode and the alternate screen; arms the crash handlers.
  public func enter() throws(TerminalSetupError) {
    var original = termios()
    guard tcgetattr(input, &original) == 0 else { throw TerminalSetupError(errno: errno) }
    var raw = original
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
    raw.c_iflag &= ~tcflag_t(IXON | ICRNL | BRKINT | INPCK | ISTRIP)
    // VMIN=1 VTIME=0: a read returns as soon as one byte is there.
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    guard tcsetattr(input, TCSAFLUSH, &raw) == 0 else { throw TerminalSetupError(errno: errno) }
    saved.withLock { $0 = original }
    CrashRestore.arm(input: input, output: output, termios: original, bytes: Self.restoreBytes)
    write(Self.enterBytes)
  }

  /// Back to the terminal as it was; harmless when called twice.
  public func restore() {
    guard var original = saved.withLock({ state -> termios? in
      defer { state = nil }
      return state
    }) else { return }
    CrashRestore.disarm()
    write(Self.restoreBytes)
    _ = tcsetattr(input, TCSAFLUSH, &original)
  }

  /// Writes all of `bytes` (one frame is one call, so the terminal never shows half of one).
  public func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(output, buffer.baseAddress! + offset, buffer.count - offset)
        if n > 0 {
          offset += n
        } else if n < 0, errno == EINTR {
          continue
        } else {
          return
        }
      }
    }
  }
}

/// The terminal could not be put into raw mode.
public struct TerminalSetupError: Error, CustomStringConvertible, Sendable {
  public var errno: Int32
  public var description: String { "cannot set up the terminal: " + String(cString: strerror(errno)) }
}

/// What the crash handlers need, where a signal handler can reach it: a C signal handler cannot
/// capture context, so this is the one piece of process-wide mutable state the dashboard keeps,
/// written only while no handler is armed and read only from handlers.
private enum CrashRestore {
  static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGHUP, SIGQUIT]
  /// Faults that re-execute the failing instruction when the handler returns: returning (after
  /// reinstating the previous handler) lets Swift's backtracer report the crash.
  static func isSynchronous(_ number: Int32) -> Bool {
    switch number {
    case SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE: true
    default: false
    }
  }

  nonisolated(unsafe) static var input: Int32 = 0
  nonisolated(unsafe) static var output: Int32 = 1
  /// The bytes as a C buffer the handler writes without touching Swift's runtime.
  nonisolated(unsafe) static var buffer: UnsafeMutablePointer<UInt8>?
  nonisolated(unsafe) static var bufferCount = 0
  nonisolated(unsafe) static var savedTermios = UnsafeMutablePointer<termios>.allocate(capacity: 1)
  nonisolated(unsafe) static var previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

  static func arm(input: Int32, output: Int32, termios: termios, bytes: [UInt8]) {
    Self.input = input
    Self.output = output
    savedTermios.pointee = termios
    let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
    copy.initialize(from: bytes, count: bytes.count)
    buffer = copy
    bufferCount = bytes.count
    for number in signals {
      var action = sigaction()
      action.__sigaction_handler.sa_sigaction = { number, info, _ in
        // si_code > 0: the kernel raised it for a fault of this thread; otherwise kill(2) sent it.
        CrashRestore.handle(number, sentByKill: (info?.pointee.si_code ?? 0) <= 0)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = SA_SIGINFO
      sigaction(number, &action, previousActions + Int(number))
    }
  }

  static func disarm() {
    for number in signals { sigaction(number, previousActions + Int(number), nil) }
  }

  /// Async-signal-safe: write(2), tcsetattr(3), sigaction(2), raise(3). A fault returns, so the
  /// faulting instruction runs again under the previous handler (Swift's backtracer); a non-fault
  /// signal (SIGABRT from a trap, SIGHUP) is raised again for the previous handler.
  static func handle(_ number: Int32, sentByKill: Bool) {
    if let buffer { _ = Glibc.write(output, buffer, bufferCount) }
    _ = tcsetattr(input, TCSAFLUSH, savedTermios)
    if sentByKill {
      // Someone ended the process: die of the signal (a backtrace of kill(2) tells nothing, and
      // Swift's backtracer returns from one, which would leave the process running).
      signal(number, SIG_DFL)
      raise(number)
      return
    }
    sigaction(number, previousActions + Int(number), nil)
    if !isSynchronous(number) { raise(number) }
  }
}
