import ArgumentParser
import Dispatch
import Synchronization
import TackBase
import TackOutput

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process edge: parses the command line, runs the command under signal handling, and turns
/// whatever it throws into one rendered line and an exit code. Nothing below this prints errors.
public enum TackMain {
  public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
    signal(SIGPIPE, SIG_IGN)
    let context = CommandContext.live()
    let code = await runCancellable(console: context.console, temporaryFiles: context.temporaryFiles) {
      await execute(arguments, context: context)
    }
    terminate(code)
  }

  /// Ends the process without running `atexit` handlers. `exit` would run OpenSSL's cleanup (which
  /// libcurl's and libgit2's TLS register) while a libcurl multi thread or a libgit2 transfer may
  /// still be inside SSL on another thread: a use-after-free that aborts (SIGABRT) now and then,
  /// right after a command finished. Everything tack writes goes straight to its descriptors
  /// (`FileDescriptorSink`), files are renamed into place before this point, and the kernel closes
  /// sockets; only C stdio may hold buffered bytes, so it is flushed first.
  static func terminate(_ code: Int32) -> Never {
    fflush(nil)
    _exit(code)
  }

  /// Parses and runs one command line in this process against `context`: everything `tack` does
  /// but signal handling and `exit`. Returns the exit status; an error is rendered once, on
  /// `context.console`. Tests run commands this way when they need no real process.
  public static func execute(_ arguments: [String], context: CommandContext) async -> Int32 {
    let code = await executeCommand(arguments, context: context)
    return outputChecked(code, console: context.console)
  }

  /// The exit status once stdout's fate is known: a failed write to stdout outranks what the command
  /// returned, since whatever it printed did not all arrive. A closed pipe is quiet (the reader
  /// chose to stop); a full disk or an I/O error is one line naming stdout.
  static func outputChecked(_ code: Int32, console: Console) -> Int32 {
    guard let failure = console.out.writeFailure else { return code }
    if failure.isBrokenPipe { return ExitStatus.brokenPipe.rawValue }
    console.failure(failure.description)
    return ExitStatus.failure.rawValue
  }

  private static func executeCommand(_ arguments: [String], context: CommandContext) async -> Int32 {
    var command: any ParsableCommand
    do {
      command = try Tack.parseAsRoot(BooleanFlagSyntax.normalize(arguments))
    } catch {
      return parseFailure(error, console: context.console)
    }
    do {
      switch command {
      case let command as any TackCommand:
        try await command.execute(context: context)
      case var command as any AsyncParsableCommand:
        try await command.run()
      default:
        try command.run()
      }
      return 0
    } catch {
      return status(for: error, console: context.console)
    }
  }

  /// What argument-parser's `exit(withError:)` prints for a parse error (help and `--version` on
  /// stdout, the rest on stderr), without exiting.
  static func parseFailure(_ error: any Error, console: Console) -> Int32 {
    let code = Tack.exitCode(for: error)
    let message = Tack.fullMessage(for: error)
    if !message.isEmpty {
      if code == .success { console.print(message) } else { console.note(message) }
    }
    return code.rawValue
  }

  static func environment() -> [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let eq = text.firstIndex(of: "=") {
        result[String(text[..<eq])] = String(text[text.index(after: eq)...])
      }
      pointer += 1
    }
    return result
  }

  /// Runs the command in a task that SIGINT/SIGTERM cancel. The command unwinds (closing
  /// connections, removing temp files, never leaving a half-written file) and we exit 130. A second
  /// signal while unwinding exits at once.
  static func runCancellable(
    console: Console, temporaryFiles: TemporaryFiles = TemporaryFiles(),
    _ body: @escaping @Sendable () async -> Int32
  ) async -> Int32 {
    signal(SIGINT, SIG_IGN)
    signal(SIGTERM, SIG_IGN)
    let task = Task { await body() }
    // Nobody reads stdout any more (`| head`) or the disk is full: stop a command that would go on
    // (a watch) instead of producing output into the void.
    console.out.whenWriteFails { task.cancel() }
    let queue = DispatchQueue(label: "tack.signals")
    let interrupted = SignalLatch()
    var sources: [any DispatchSourceSignal] = []
    for number in [SIGINT, SIGTERM] {
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler {
        if interrupted.trip() {
          // Exiting without unwinding: remove what the atomic writes have not committed yet.
          temporaryFiles.removeAll()
          console.note("")
          terminate(ExitStatus.interrupted.rawValue)
        }
        task.cancel()
      }
      source.resume()
      sources.append(source)
    }
    let code = await task.value
    sources.forEach { $0.cancel() }
    return interrupted.isTripped ? ExitStatus.interrupted.rawValue : code
  }

  /// Renders an error once and picks the exit code.
  static func status(for error: any Error, console: Console) -> Int32 {
    switch error {
    case let error as FileError where error.isBrokenPipe:
      // Streaming to a closed pipe (`tack secrets age decrypt … | head -c1`): quiet, as for `get`.
      return ExitStatus.brokenPipe.rawValue
    case let error as any TackError:
      if error.exitStatus != .interrupted, !(error is SilentExit) { console.failure(error.description) }
      return error.exitStatus.rawValue
    case is CancellationError:
      return ExitStatus.interrupted.rawValue
    case let exitCode as ExitCode:
      return exitCode.rawValue
    default:
      // Argument-parser's own errors (validation → 64, help, clean exit) keep its rendering.
      let code = Tack.exitCode(for: error)
      if code == .success || code.rawValue == ExitStatus.usage.rawValue || error is CleanExit {
        let message = Tack.fullMessage(for: error)
        if !message.isEmpty {
          if code == .success { console.print(message) } else { console.note(message) }
        }
        return code.rawValue
      }
      console.failure("\(error)")
      return ExitStatus.failure.rawValue
    }
  }
}

/// Exits with a status after the command already printed everything it had to say.
public struct SilentExit: TackError {
  public let exitStatus: ExitStatus
  public init(_ status: ExitStatus) { exitStatus = status }
  public var description: String { "exit \(exitStatus.rawValue)" }
}

/// Remembers whether a signal arrived; the second one exits at once.
final class SignalLatch: Sendable {
  private let tripped = Mutex(false)
  /// Returns true when this is the second signal.
  func trip() -> Bool {
    tripped.withLock { state in
      let wasTripped = state
      state = true
      return wasTripped
    }
  }
  var isTripped: Bool { tripped.withLock { $0 } }
}
