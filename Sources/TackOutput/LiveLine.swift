import Synchronization
import TackBase

/// `ProgressReporter` over a `Console`: plain lines off a terminal (or with NO_COLOR/TERM=dumb),
/// a `LiveLine` for waits on one.
public final class ConsoleProgress: ProgressReporter {
  public let console: Console
  private let live = Mutex<LiveLine?>(nil)

  public init(console: Console) { self.console = console }

  public func log(_ symbol: LogSymbol, _ message: String) {
    live.withLock { line in
      if let line {
        line.printAbove(symbol.render(colored: console.style.decoratesStderr) + " " + TerminalText.sanitize(message))
      } else {
        console.log(symbol, message)
      }
    }
  }

  public func note(_ message: String) {
    live.withLock { line in
      if let line { line.printAbove(TerminalText.sanitize(message)) } else { console.note(message) }
    }
  }

  public func beginWait(_ message: String) {
    live.withLock { line in
      line?.finish()
      guard console.style.decoratesStderr else {
        line = nil
        console.waiting(message)
        return
      }
      let newLine = LiveLine(sink: console.err, message: message, width: console.style.width)
      newLine.start()
      line = newLine
    }
  }

  public func updateWait(_ detail: String) {
    live.withLock { $0?.update(detail: detail) }
  }

  public func endWait() {
    live.withLock { line in
      line?.finish()
      line = nil
    }
  }
}

/// A status line redrawn in place on a terminal: `⠹ waiting for Kustomization reconciliation 4.2s
/// (detail)`. Lines printed meanwhile go above it. `finish()` replaces it with the plain `◎` line, so
/// the scrollback reads like a log.
public final class LiveLine: Sendable {
  static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
  static let refresh: Duration = .milliseconds(100)

  struct State {
    var detail = ""
    var frame = 0
    var finished = false
    var ticker: Task<Void, Never>?
  }

  let sink: any OutputSink
  let message: String
  let started: ContinuousClock.Instant
  /// Terminal columns; the line is cut to fit, since a wrapped line cannot be redrawn in place.
  let width: Int?
  private let state = Mutex(State())

  public init(
    sink: any OutputSink, message: String, width: Int? = nil, started: ContinuousClock.Instant = .now
  ) {
    self.sink = sink
    self.message = TerminalText.sanitize(message)
    self.width = width
    self.started = started
  }

  /// Draws the line and keeps redrawing it every 100 ms until `finish()`.
  public func start() {
    draw()
    let ticker = Task { [weak self] in
      while !Task.isCancelled {
        try? await Task.sleep(for: LiveLine.refresh)
        guard let self, !Task.isCancelled else { return }
        self.tick()
      }
    }
    state.withLock { $0.ticker = ticker }
  }

  public func update(detail: String) {
    state.withLock { $0.detail = TerminalText.sanitize(detail) }
  }

  /// Advances the spinner and redraws (the ticker calls this; tests call it directly).
  public func tick() {
    state.withLock { state in
      guard !state.finished else { return }
      state.frame = (state.frame + 1) % Self.frames.count
      sink.write(Self.clear + render(state, now: .now))
    }
  }

  /// Prints a whole line above the live one.
  public func printAbove(_ line: String) {
    state.withLock { state in
      if state.finished {
        sink.write(line + "\n")
      } else {
        sink.write(Self.clear + line + "\n" + render(state, now: .now))
      }
    }
  }

  /// Ends the live line: it becomes `◎ <message>` and a newline.
  public func finish() {
    let ticker: Task<Void, Never>? = state.withLock { state in
      guard !state.finished else { return nil }
      state.finished = true
      sink.write(Self.clear + LogSymbol.waiting.render(colored: true) + " " + message + "\n")
      return state.ticker
    }
    ticker?.cancel()
  }

  func draw() {
    state.withLock { state in sink.write(Self.clear + render(state, now: .now)) }
  }

  /// Carriage return and erase-line: redraw without scrolling.
  static let clear = "\r\u{1B}[2K"

  func render(_ state: State, now: ContinuousClock.Instant) -> String {
    var rest = message + " " + HumanDuration.elapsed(now - started)
    if !state.detail.isEmpty { rest += " (\(state.detail))" }
    if let width, width > 4, DisplayWidth.of(rest) + 2 >= width {
      var cut = ""
      for character in rest {
        if DisplayWidth.of(cut) + DisplayWidth.of(String(character)) + 4 > width { break }
        cut.append(character)
      }
      rest = cut + "…"
    }
    return ANSIColor.cyan.wrap(Self.frames[state.frame], enabled: true) + " " + rest
  }
}
