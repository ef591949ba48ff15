import TackBase
import TackOutput

/// Draws a `DashboardState` into a `Frame`: state in, frame out, no terminal. Every screen shares
/// the chrome: a header (context, namespace, totals), the tabs, the body, a status line (or the
/// prompt being typed) and the key bar.
public enum DashboardView {
  /// Below this the layout cannot hold a table; a card says so instead.
  public static let minimumSize = (columns: 60, rows: 12)

  public static func render(_ state: DashboardState, columns: Int, rows: Int) -> Frame {
    var frame = Frame(width: columns, height: rows)
    guard columns >= minimumSize.columns, rows >= minimumSize.rows else {
      let text = "terminal too small: \(columns)×\(rows) (tack ui needs \(minimumSize.columns)×\(minimumSize.rows))"
      frame.put(text, row: rows / 2, column: 0)
      frame.put("q quits", row: rows / 2 + 1, column: 0)
      return frame
    }
    header(state, into: &frame)
    tabs(state, into: &frame)
    let body = Region(top: 2, left: 0, width: columns, height: rows - 4)
    if state.showHelp {
      help(state, into: &frame, body)
    } else if let key = state.detail {
      detail(state, key, into: &frame, body)
    } else {
      switch state.screen {
      case .overview: overview(state, into: &frame, body)
      case .objects: objects(state, into: &frame, body)
      case .canaries: canaries(state, into: &frame, body)
      case .fleet: fleet(state, into: &frame, body)
      case .tree: tree(state, into: &frame, body)
      }
    }
    statusLine(state, into: &frame, row: rows - 2)
    keyBar(state, into: &frame, row: rows - 1)
    return frame
  }

  /// A rectangle of the frame a screen draws into.
  struct Region {
    var top: Int
    var left: Int
    var width: Int
    var height: Int
    var bottom: Int { top + height }
  }

  // MARK: chrome

  static func header(_ state: DashboardState, into frame: inout Frame) {
    let bar = CellStyle.reverse
    frame.fill(row: 0, style: bar)
    var x = frame.put(" tack ui ", row: 0, column: 0, style: CellStyle(bold: true, reverse: true))
    let context = state.isFleet ? "\(state.clusters.count) contexts" : state.context
    x += frame.put(" ctx: \(context) ", row: 0, column: x, style: bar)
    x += frame.put(" ns: \(state.namespace ?? "all") ", row: 0, column: x, style: bar)
    let totals = state.totals
    var summary = " "
    for s in [ObjectState.ready, .reconciling, .progressing, .waiting, .failed, .suspended] where totals[s, default: 0] > 0 {
      summary += "\(s.glyph)\(totals[s, default: 0]) "
    }
    if state.objectCount == 0 { summary += connectingText(state) + " " }
    x += frame.put(summary, row: 0, column: x, style: bar)
    let right = " ?:help  q:quit "
    let rightWidth = DisplayWidth.of(right)
    if x + rightWidth <= frame.width { frame.put(right, row: 0, column: frame.width - rightWidth, style: bar) }
  }

  static func connectingText(_ state: DashboardState) -> String {
    state.feeds.values.contains(.connecting) ? "connecting…" : "no objects"
  }

  static func tabs(_ state: DashboardState, into frame: inout Frame) {
    var x = 1
    for screen in state.screens {
      let active = state.screen == screen && state.detail == nil && !state.showHelp
      let label = " \(screen.rawValue + 1) \(screen.title) "
      x += frame.put(label, row: 1, column: x, style: active ? CellStyle(color: .cyan, bold: true, reverse: true) : .plain)
      x += 1
    }
    var notes: [String] = []
    if let kind = state.kindFilter { notes.append("kind: \(kind.kind)") }
    if !state.filter.isEmpty { notes.append("filter: \(state.filter)") }
    if !notes.isEmpty {
      let text = notes.joined(separator: "  ") + " "
      let width = DisplayWidth.of(text)
      if x + width < frame.width {
        frame.put(text, row: 1, column: frame.width - width, style: .colored(.yellow))
      }
    }
  }

  static func statusLine(_ state: DashboardState, into frame: inout Frame, row: Int) {
    switch state.mode {
    case .filter(let text):
      frame.put("/" + text + "▏", row: row, column: 0, style: .bold)
    case .command(let text):
      frame.put(":" + text + "▏", row: row, column: 0, style: .bold)
    case .confirm(let pending):
      let question =
        "\(pending.action.rawValue) \(pending.target.kind.kind) \(pending.target.namespace)/\(pending.target.name)"
        + " in context \(pending.target.cluster.isEmpty ? state.context : pending.target.cluster)? y = yes, any other key = no"
      frame.put(question, row: row, column: 0, style: CellStyle(color: .yellow, bold: true))
    case .normal:
      if let status = state.status {
        frame.put(status.text, row: row, column: 0, style: .colored(status.isError ? .red : .none))
      }
    }
  }

  static func keyBar(_ state: DashboardState, into frame: inout Frame, row: Int) {
    let keys: [(String, String)]
    if state.showHelp {
      keys = [("?", "close help"), ("q", "close help")]
    } else if state.detail != nil {
      keys = [("j/k", "scroll"), ("r", "reconcile"), ("s", "suspend"), ("u", "resume"), ("p", "promote"), ("a", "abort"),
        ("q/Esc", "back")]
    } else {
      keys = [("r", "reconcile"), ("s", "suspend"), ("u", "resume"), ("p", "promote"), ("a", "abort"), ("/", "filter"),
        (":", "jump"), ("Enter", "detail"), ("?", "help"), ("q", "quit")]
    }
    var x = 1
    for (key, label) in keys {
      let width = DisplayWidth.of(key) + 1 + DisplayWidth.of(label)
      guard x + width <= frame.width else { break }
      x += frame.put(key, row: row, column: x, style: CellStyle(color: .cyan, bold: true))
      x += frame.put(" " + label, row: row, column: x, style: .colored(.gray))
      x += 2
    }
  }

  // MARK: shared pieces

  /// `✖ Failed` in the state's colour.
  @discardableResult
  static func stateLabel(_ state: ObjectState, into frame: inout Frame, row: Int, column: Int, limit: Int? = nil) -> Int {
    frame.put("\(state.glyph) \(state.word)", row: row, column: column, style: .colored(state.color), limit: limit)
  }

  static func age(_ time: RFC3339Time?, now: RFC3339Time) -> String {
    guard let time else { return "-" }
    return HumanDuration.age(since: time, now: now)
  }

  /// Words laid into lines of at most `width` columns (a long word is cut across lines).
  static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in TerminalText.sanitize(text).split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        var word = String(word)
        var wordWidth = DisplayWidth.of(word)
        if lineWidth > 0, lineWidth + 1 + wordWidth > width {
          lines.append(line)
          (line, lineWidth) = ("", 0)
        }
        while wordWidth > width {
          var head = ""
          var headWidth = 0
          for character in word {
            let w = DisplayWidth.of(String(character))
            if headWidth + w > width { break }
            head.append(character)
            headWidth += w
          }
          if head.isEmpty { break }
          lines.append(head)
          word.removeFirst(head.count)
          wordWidth = DisplayWidth.of(word)
        }
        if lineWidth > 0 {
          line += " "
          lineWidth += 1
        }
        line += word
        lineWidth += wordWidth
      }
      lines.append(line)
    }
    return lines
  }

  /// The weight bar: `█` the weight Flagger reports, `▒` up to the weight it intends, `░` the rest.
  static func weightBar(_ progress: CanaryProgress, cells: Int = 16) -> String {
    func filled(_ weight: Int) -> Int { min(max(weight, 0), 100) * cells / 100 }
    let reported = filled(progress.weight)
    let intended = max(filled(progress.intendedWeight), reported)
    return "[" + String(repeating: "█", count: reported) + String(repeating: "▒", count: intended - reported)
      + String(repeating: "░", count: cells - intended) + "]"
  }

  /// `30%`, or `30%→50%` when Flagger routes other than it reports (`0%→50%` in WaitingPromotion).
  static func weightText(_ progress: CanaryProgress) -> String {
    progress.intendedWeight == progress.weight
      ? "\(progress.weight)%" : "\(progress.weight)%→\(progress.intendedWeight)%"
  }

  static func stepText(_ progress: CanaryProgress) -> String {
    guard let step = progress.step else { return progress.skipsAnalysis ? "analysis skipped" : "no steps" }
    return "\(progress.unit == .step ? "step" : "iteration") \(step.done)/\(step.total)"
  }

  static func checksColor(_ progress: CanaryProgress) -> ScreenColor {
    progress.failedChecks == 0 ? .none : progress.failedChecks >= progress.threshold - 1 ? .red : .yellow
  }
}
