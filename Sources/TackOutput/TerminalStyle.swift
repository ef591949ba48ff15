#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the terminal on each stream can show. Colour and live redraws (spinners, `canary status
/// --watch`) only when the stream is a TTY, `NO_COLOR` is unset and `TERM` is not `dumb`.
public struct TerminalStyle: Sendable, Equatable {
  public var stdoutIsTerminal: Bool
  public var stderrIsTerminal: Bool
  public var stdinIsTerminal: Bool
  /// Colour and cursor movement allowed on stderr (progress lines).
  public var decoratesStderr: Bool
  /// Colour and cursor movement allowed on stdout (live views).
  public var decoratesStdout: Bool
  /// Columns of the terminal, when known.
  public var width: Int?

  public init(
    stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false, stdinIsTerminal: Bool = false,
    decoratesStderr: Bool = false, decoratesStdout: Bool = false, width: Int? = nil
  ) {
    self.stdoutIsTerminal = stdoutIsTerminal
    self.stderrIsTerminal = stderrIsTerminal
    self.stdinIsTerminal = stdinIsTerminal
    self.decoratesStderr = decoratesStderr
    self.decoratesStdout = decoratesStdout
    self.width = width
  }

  /// Plain output: what tests, pipes and CI see.
  public static let plain = TerminalStyle()

  /// Reads the real streams and environment.
  public static func detect(environment: [String: String]) -> TerminalStyle {
    let out = isatty(1) == 1
    let err = isatty(2) == 1
    let input = isatty(0) == 1
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let dumb = environment["TERM"] == "dumb"
    let allowed = !noColor && !dumb
    var width: Int? = environment["COLUMNS"].flatMap(Int.init)
    if width == nil, out || err {
      var size = winsize()
      if ioctl(out ? 1 : 2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { width = Int(size.ws_col) }
    }
    return TerminalStyle(
      stdoutIsTerminal: out, stderrIsTerminal: err, stdinIsTerminal: input,
      decoratesStderr: err && allowed, decoratesStdout: out && allowed, width: width)
  }
}

/// ANSI colours, applied only when the stream may be decorated.
public enum ANSIColor: String, Sendable {
  case red = "31"
  case green = "32"
  case yellow = "33"
  case blue = "34"
  case cyan = "36"
  case gray = "90"
  case bold = "1"

  public func wrap(_ text: String, enabled: Bool) -> String {
    enabled ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
  }
}
