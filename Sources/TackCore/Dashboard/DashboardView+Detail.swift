import TackBase
import TackOutput

extension DashboardView {
  /// A line of the detail pane: text, its style, and an indent for wrapped continuation.
  struct Line {
    var text: String
    var style: CellStyle = .plain
    var label: String? = nil
  }

  /// Everything about one object: state, revisions, source, conditions, the last error whole
  /// (wrapped, never cut), and its recent events; scrolled with j/k.
  static func detail(_ state: DashboardState, _ key: DashboardKey, into frame: inout Frame, _ body: Region) {
    let width = body.width - 2
    var lines: [Line] = []
    guard let object = state.object(key) else {
      frame.put("\(key.kind.kind) \(key.namespace)/\(key.name) is gone (deleted, or out of the watched namespace)",
        row: body.top, column: 1, style: .colored(.gray))
      return
    }
    let labelWidth = 12
    func field(_ label: String, _ value: String, _ style: CellStyle = .plain) {
      guard !value.isEmpty else { return }
      for (i, part) in wrap(value, width: width - labelWidth).enumerated() {
        lines.append(Line(text: part, style: style, label: i == 0 ? label : ""))
      }
    }
    lines.append(Line(text: "\(key.kind.kind) \(key.namespace)/\(key.name)", style: .bold))
    field("Cluster", key.cluster)
    field("State", "\(object.state.glyph) \(object.state.word)" + (object.since.map { "  since \(age($0, now: state.now))" } ?? ""),
      .colored(object.state.color))
    if let requested = object.reconcileRequested { field("Reconcile", "◌ requested \(requested), not handled yet", .colored(.cyan)) }
    field("Revision", object.revision)
    if object.attemptedRevision != object.revision { field("Attempted", object.attemptedRevision) }
    field(key.kind == .canary ? "Target" : "Source", object.source)
    if let summary = object.canary {
      let progress = summary.progress
      field("Phase", progress.phase.isEmpty ? "(no status yet)" : progress.phase)
      field("Weight", weightBar(progress) + " " + weightText(progress)
        + (progress.reportedWeightIsZeroed ? "  (reported \(progress.weight)%, Flagger zeroes it in this phase)" : ""))
      field("Progress", stepText(progress) + "   checks \(progress.failedText)"
        + (progress.eta.map { "   ETA ~" + HumanDuration.short(seconds: $0.seconds) } ?? ""))
      if let gate = summary.gate { field("Gate", "held at \(gate): p promotes, a aborts", .colored(.yellow)) }
    }
    lines.append(Line(text: ""))
    lines.append(Line(text: "Conditions", style: .bold))
    if object.conditions.isEmpty { lines.append(Line(text: "  none yet", style: .colored(.gray))) }
    for condition in object.conditions {
      let when = condition.lastTransitionTime.flatMap(RFC3339Time.init).map { age($0, now: state.now) } ?? "-"
      let color: ScreenColor = condition.type == "Ready" ? (condition.isTrue ? .green : condition.isFalse ? .red : .cyan) : .none
      let message = condition.type == "Ready" && !object.message.isEmpty ? "" : "  " + condition.message
      lines.append(
        Line(text: "  \(condition.type)=\(condition.status)  \(condition.reason)  \(when)" + message, style: .colored(color)))
    }
    if object.state == .failed || object.state == .waiting, !object.message.isEmpty {
      lines.append(Line(text: ""))
      lines.append(Line(text: object.state == .failed ? "Last error" : "Waiting for", style: .bold))
      for part in wrap(object.message, width: width - 2) {
        lines.append(Line(text: "  " + part, style: .colored(object.state == .failed ? .red : .yellow)))
      }
    } else if !object.message.isEmpty {
      lines.append(Line(text: ""))
      lines.append(Line(text: "Message", style: .bold))
      for part in wrap(object.message, width: width - 2) { lines.append(Line(text: "  " + part)) }
    }
    lines.append(Line(text: ""))
    lines.append(Line(text: "Recent events", style: .bold))
    switch state.detailEvents {
    case nil: lines.append(Line(text: "  loading…", style: .colored(.gray)))
    case .some(let records) where records.isEmpty: lines.append(Line(text: "  none (events expire after an hour)", style: .colored(.gray)))
    case .some(let records):
      for record in records.suffix(20).reversed() {
        let warning = record.type == "Warning"
        let head = "  " + pad(age(record.lastSeen, now: state.now), 5) + pad(record.type, 8) + record.reason + "  "
        let parts = wrap(record.message, width: max(width - DisplayWidth.of(head), 20))
        for (i, part) in parts.enumerated() {
          lines.append(Line(text: (i == 0 ? head : String(repeating: " ", count: DisplayWidth.of(head))) + part,
            style: .colored(warning ? .yellow : .none)))
        }
      }
    }

    let scroll = min(state.detailScroll, max(lines.count - body.height, 0))
    for (i, line) in lines.dropFirst(scroll).prefix(body.height).enumerated() {
      var x = 1
      if let label = line.label {
        frame.put(label, row: body.top + i, column: x, style: .colored(.gray), limit: labelWidth)
        x += labelWidth
      }
      frame.put(line.text, row: body.top + i, column: x, style: line.style, limit: body.width - x - 1)
    }
    if lines.count > body.height {
      let position = " \(scroll + 1)–\(scroll + min(body.height, lines.count))/\(lines.count) "
      frame.put(position, row: body.top, column: body.width - DisplayWidth.of(position), style: .colored(.gray))
    }
  }

  static func pad(_ text: String, _ width: Int) -> String {
    let missing = width - DisplayWidth.of(text)
    return missing > 0 ? text + String(repeating: " ", count: missing) : text + " "
  }

  static let helpLines: [(String, String)] = [
    ("1 2 3 5, Tab", "overview, objects, canaries, tree"),
    ("↑ ↓ j k", "move; PgUp PgDn, g G: page, ends"),
    ("Enter", "detail of the selected object (Esc or q: back)"),
    ("/", "filter by kind/namespace/name; !text inverts; Esc clears"),
    (":", "jump: :ks :hr :git :oci :helmrepo :bucket :chart :canary :all :fleet :tree :ns NAME|all :q"),
    ("4", "fleet: one row per context (with --contexts or --all-contexts)"),
    ("5", "tree: sources → Kustomizations → HelmReleases → workloads"),
    ("r", "reconcile (Flux's reconcile request annotation)"),
    ("s  u", "suspend, resume (asks first: y)"),
    ("p", "promote a Canary held at a gate (asks first: y)"),
    ("a", "abort a Canary through its rollback gate (asks first: y)"),
    ("Ctrl-L", "repaint"),
    ("?", "this help"),
    ("q, Ctrl-C", "back; quit"),
  ]

  static func help(_ state: DashboardState, into frame: inout Frame, _ body: Region) {
    frame.put("Keys", row: body.top, column: 1, style: .bold)
    for (i, (key, text)) in helpLines.enumerated() where body.top + 1 + i < body.bottom {
      frame.put(key, row: body.top + 1 + i, column: 3, style: CellStyle(color: .cyan, bold: true), limit: 12)
      frame.put(text, row: body.top + 1 + i, column: 16)
    }
    let legendRow = body.top + helpLines.count + 2
    if legendRow < body.bottom {
      let legend = overviewStates.map { "\($0.glyph) \($0.word)" }.joined(separator: "  ")
      frame.put("States: " + legend, row: legendRow, column: 1, style: .colored(.gray))
    }
  }
}
