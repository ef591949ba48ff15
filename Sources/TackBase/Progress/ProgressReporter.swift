/// The symbols of flux's logger that start every progress line: `► ✚ ◎ ✔ ⚠️ ✗`. How they are
/// coloured on a terminal is TackOutput's business (`LogSymbol.render(colored:)`).
public enum LogSymbol: String, Sendable, CaseIterable {
  case action = "►"
  case generate = "✚"
  case waiting = "◎"
  case success = "✔"
  case warning = "⚠️"
  case failure = "✗"
}

/// Where use cases report progress — the one way they do: flux's symbol lines, plain lines, and
/// waits that show a live spinner and elapsed time on a terminal. Library code (get, reconcile,
/// bootstrap, install, check, canary) talks to this protocol and never to a console; the CLI hands
/// it a `ConsoleProgress`, tests a recorder.
public protocol ProgressReporter: Sendable {
  /// One `<symbol> <message>` line on stderr.
  func log(_ symbol: LogSymbol, _ message: String)
  /// One line without a symbol (a hint, a change set entry, a canary's new state).
  func note(_ message: String)
  /// A wait starts: `◎ <message>`. On a terminal the line stays live (spinner, elapsed time, the
  /// latest detail) until `endWait()`.
  func beginWait(_ message: String)
  /// What the wait is at now (`2/5 reconciled`, the controller's progress message); shown only on a
  /// terminal, never in logs.
  func updateWait(_ detail: String)
  /// The wait is over: the live line becomes the plain `◎ <message>` line.
  func endWait()
}

extension ProgressReporter {
  public func action(_ message: String) { log(.action, message) }
  public func generate(_ message: String) { log(.generate, message) }
  public func success(_ message: String) { log(.success, message) }
  public func waiting(_ message: String) { log(.waiting, message) }
  public func warning(_ message: String) { log(.warning, message) }
  public func failure(_ message: String) { log(.failure, message) }
}
