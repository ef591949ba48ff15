import TackBase

/// The two output streams of a command and how to decorate them. Data (tables, JSON, YAML) goes to
/// `out`; progress and diagnostics go to `err` in flux's `► ✔ ◎ ✗ ⚠️` style.
public struct Console: Sendable {
  public let out: any OutputSink
  public let err: any OutputSink
  public let style: TerminalStyle

  public init(out: any OutputSink, err: any OutputSink, style: TerminalStyle) {
    self.out = out
    self.err = err
    self.style = style
  }

  public static func standard(environment: [String: String]) -> Console {
    Console(
      out: FileDescriptorSink.standardOutput(), err: FileDescriptorSink.standardError(),
      style: .detect(environment: environment))
  }

  // MARK: data (stdout)

  /// Writes a line (a newline is added) to stdout.
  public func print(_ line: String) { out.write(line + "\n") }
  /// Writes text as is to stdout.
  public func write(_ text: String) { out.write(text) }

  // MARK: progress (stderr), the symbols flux's logger uses

  public func action(_ message: String) { log(.action, message) }
  public func generate(_ message: String) { log(.generate, message) }
  public func waiting(_ message: String) { log(.waiting, message) }
  public func success(_ message: String) { log(.success, message) }
  public func warning(_ message: String) { log(.warning, message) }
  public func failure(_ message: String) { log(.failure, message) }

  /// Messages often quote the server (conditions, events, `remote:` lines): control characters and
  /// escape sequences are stripped before they reach the terminal (`TerminalText`).
  public func log(_ symbol: LogSymbol, _ message: String) {
    err.write(symbol.render(colored: style.decoratesStderr) + " " + TerminalText.sanitize(message) + "\n")
  }

  /// A line on stderr without a symbol (hints, usage notes), stripped as `log` strips.
  public func note(_ message: String) { err.write(TerminalText.sanitize(message) + "\n") }
}

extension LogSymbol {
  /// The symbol, coloured as flux colours it when `colored`.
  public func render(colored: Bool) -> String {
    guard colored else { return rawValue }
    switch self {
    case .action, .generate: return ANSIColor.blue.wrap(rawValue, enabled: true)
    case .waiting: return ANSIColor.cyan.wrap(rawValue, enabled: true)
    case .success: return ANSIColor.green.wrap(rawValue, enabled: true)
    case .warning: return ANSIColor.yellow.wrap(rawValue, enabled: true)
    case .failure: return ANSIColor.red.wrap(rawValue, enabled: true)
    }
  }
}
