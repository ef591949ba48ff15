import TackBase
import TackOutput

extension DashboardView {
  static let overviewStates: [ObjectState] = [.ready, .reconciling, .progressing, .waiting, .failed, .suspended, .unknown]

  // MARK: overview

  /// Kind × state counts, the canaries in flight, then what needs attention (severity, then age).
  static func overview(_ state: DashboardState, into frame: inout Frame, _ body: Region) {
    var row = body.top
    let kindWidth = 16
    let cell = 6
    frame.put("KIND", row: row, column: 1, style: .bold)
    frame.put("TOTAL", row: row, column: 1 + kindWidth, style: .bold)
    for (i, s) in overviewStates.enumerated() {
      frame.put(s.glyph, row: row, column: 1 + kindWidth + 7 + i * cell, style: CellStyle(color: s.color, bold: true))
    }
    row += 1
    for kind in state.kinds where row < body.bottom {
      let feed = state.feed(kind)
      if feed == .notInstalled { continue }
      frame.put(kind.kind, row: row, column: 1, limit: kindWidth - 1)
      switch feed {
      case .connecting:
        frame.put("connecting…", row: row, column: 1 + kindWidth, style: .colored(.gray))
      case .failed(let message):
        frame.put("✖ " + message, row: row, column: 1 + kindWidth, style: .colored(.red))
      case .watching, .notInstalled:
        let counts = state.counts(kind)
        frame.put(String(counts.values.reduce(0, +)), row: row, column: 1 + kindWidth)
        for (i, s) in overviewStates.enumerated() {
          let n = counts[s, default: 0]
          frame.put(
            n == 0 ? "·" : String(n), row: row, column: 1 + kindWidth + 7 + i * cell,
            style: .colored(n == 0 ? .gray : s.color), limit: cell - 1)
        }
      }
      row += 1
    }
    if row < body.bottom {
      let legend = overviewStates.map { "\($0.glyph) \($0.word)" }.joined(separator: "  ")
      frame.put(legend, row: row, column: 1, style: .colored(.gray))
      row += 2
    }

    let unreachable = state.clusters.filter { if case .unreachable = state.clusterFeeds[$0] { true } else { false } }
    if !unreachable.isEmpty, row < body.bottom {
      let names = unreachable.joined(separator: ", ")
      frame.put(
        "✖ \(unreachable.count) of \(state.clusters.count) contexts unreachable: \(names) (4: fleet)", row: row,
        column: 1, style: .colored(.red))
      row += 2
    }

    let inFlight = state.listedCanaries.filter { $0.state == .progressing || $0.state == .waiting }
    if row < body.bottom, state.feed(.canary) != .notInstalled {
      frame.put("Canaries in progress (\(inFlight.count))", row: row, column: 1, style: .bold)
      row += 1
      for canary in inFlight where row < body.bottom - 2 {
        canaryLine(canary, into: &frame, row: row, column: 3, width: body.width - 4)
        row += 1
      }
      row += 1
    }

    guard row < body.bottom else { return }
    let attention = state.filteredObjects(where: { $0.state.needsAttention }).sorted(by: DashboardState.problemsFirst)
    frame.put("Needs attention (\(attention.count))", row: row, column: 1, style: .bold)
    row += 1
    if attention.isEmpty, row < body.bottom {
      let text =
        state.objectCount == 0 ? connectingText(state) : "nothing needs attention: \(state.objectCount) objects watched"
      frame.put(text, row: row, column: 3, style: .colored(state.objectCount == 0 ? .gray : .green))
      return
    }
    for (i, object) in attention.enumerated() where row < body.bottom {
      if row == body.bottom - 1, i < attention.count - 1 {
        frame.put("… \(attention.count - i) more (2: objects)", row: row, column: 3, style: .colored(.gray))
        break
      }
      var x = 3
      x += frame.put(object.state.glyph + " ", row: row, column: x, style: .colored(object.state.color))
      let cluster = object.key.cluster.isEmpty ? "" : object.key.cluster + ": "
      x += frame.put(cluster + "\(object.key.kind.kind) \(object.key.namespace)/\(object.key.name)", row: row, column: x, limit: 48)
      x += 2
      let age = age(object.since, now: state.now)
      x += frame.put(age, row: row, column: x, style: .colored(.gray))
      x += 2
      let reason = object.reason.isEmpty ? "" : object.reason + ": "
      frame.put(reason + object.message, row: row, column: x, limit: body.width - x - 1)
      row += 1
    }
  }

  /// `▶ test/podinfo  Progressing  [███▒▒░░…] 20%→40%  step 2/5  checks 0/5  gate …`
  static func canaryLine(_ canary: DashboardObject, into frame: inout Frame, row: Int, column: Int, width: Int) {
    guard let summary = canary.canary else { return }
    let end = column + width
    var x = column
    x += frame.put(canary.state.glyph + " ", row: row, column: x, style: .colored(canary.state.color))
    let cluster = canary.key.cluster.isEmpty ? "" : canary.key.cluster + ": "
    x += frame.put(cluster + "\(canary.key.namespace)/\(canary.key.name)", row: row, column: x, limit: min(28, end - x))
    x += 2
    let progress = summary.progress
    x += frame.put(progress.phase, row: row, column: x, style: .colored(canary.state.color), limit: max(end - x, 0))
    x += 2
    guard x < end else { return }
    x += frame.put(weightBar(progress, cells: 10) + " " + weightText(progress), row: row, column: x, limit: end - x)
    x += 2
    guard x < end else { return }
    x += frame.put(stepText(progress), row: row, column: x, limit: end - x)
    x += 2
    guard x < end else { return }
    x += frame.put("checks \(progress.failedText)", row: row, column: x, style: .colored(checksColor(progress)), limit: end - x)
    if let gate = summary.gate, x + 2 < end {
      frame.put("gate " + gate, row: row, column: x + 2, style: .colored(.yellow), limit: end - x - 2)
    }
  }

  // MARK: objects

  struct Column {
    var title: String
    var width: Int
  }

  /// The columns that fit: REVISION from 100 columns up; MESSAGE takes what is left.
  static func objectColumns(width: Int, fleet: Bool = false) -> [Column] {
    let wide = width >= 100
    let wider = width >= 160
    // Narrow terminals keep the state's glyph and colour, and give the words' room to MESSAGE.
    var columns = [
      Column(title: wide ? "STATE" : "", width: wide ? 13 : 1), Column(title: "KIND", width: wide ? 15 : 14),
      Column(title: "NAMESPACE", width: wide ? 16 : 12), Column(title: "NAME", width: wider ? 36 : wide ? 28 : 20),
    ]
    if fleet { columns.insert(Column(title: "CLUSTER", width: wide ? 12 : 10), at: 1) }
    // With a CLUSTER column, REVISION waits for a wide terminal: MESSAGE needs the room more.
    if fleet ? wider : wide { columns.append(Column(title: "REVISION", width: wider ? 30 : 20)) }
    columns.append(Column(title: "AGE", width: wide ? 6 : 4))
    let used = columns.reduce(1) { $0 + $1.width + 1 }
    columns.append(Column(title: "MESSAGE", width: max(width - used - 1, 0)))
    return columns
  }

  static func objects(_ state: DashboardState, into frame: inout Frame, _ body: Region) {
    let rows = state.listedObjects
    table(rows, state: state, into: &frame, body, empty: "no objects") { object in
      var revision = object.revision
      if !object.attemptedRevision.isEmpty, object.attemptedRevision != object.revision {
        revision = object.attemptedRevision
      }
      let reason = object.reason.isEmpty || object.key.kind == .canary ? "" : object.reason + ": "
      return [
        object.key.cluster, object.key.kind.kind, object.key.namespace, object.key.name, HexShortening.shorten(revision),
        age(object.since, now: state.now), reason + object.message,
      ]
    }
  }

  /// A selectable table, scrolled so the selection shows; the first column is the state.
  static func table(
    _ rows: [DashboardObject], state: DashboardState, into frame: inout Frame, _ body: Region, empty: String,
    cells: (DashboardObject) -> [String]
  ) {
    let columns = objectColumns(width: body.width, fleet: state.isFleet)
    var x = 1
    for column in columns {
      frame.put(column.title, row: body.top, column: x, style: .bold, limit: column.width)
      x += column.width + 1
    }
    let visible = body.height - 1
    guard !rows.isEmpty else {
      let text = state.objectCount == 0 ? connectingText(state) : state.filter.isEmpty ? empty : "nothing matches /\(state.filter)"
      frame.put(text, row: body.top + 1, column: 1, style: .colored(.gray))
      return
    }
    let selected = state.selectedIndex(in: rows)
    let offset = selected >= visible ? selected - visible + 1 : 0
    if rows.count > visible {
      let position = " \(selected + 1)/\(rows.count) "
      frame.put(position, row: body.top, column: body.width - DisplayWidth.of(position), style: .colored(.gray))
    }
    let hasRevision = columns.contains { $0.title == "REVISION" }
    for (i, object) in rows[offset..<min(rows.count, offset + visible)].enumerated() {
      let row = body.top + 1 + i
      var values = cells(object)
      if !hasRevision { values.remove(at: 4) }
      if !state.isFleet { values.removeFirst() }
      x = 1
      if columns[0].width < 4 {
        frame.put(object.state.glyph, row: row, column: x, style: .colored(object.state.color))
      } else {
        stateLabel(object.state, into: &frame, row: row, column: x, limit: columns[0].width)
      }
      x += columns[0].width + 1
      for (column, value) in zip(columns.dropFirst(), values) {
        frame.put(value, row: row, column: x, limit: column.width)
        x += column.width + 1
      }
      if offset + i == selected {
        frame.restyle(row: row) { $0.reverse = true }
      }
    }
  }

  // MARK: canaries

  /// Three lines per Canary: name and target; weight bar, step, checks, ETA; the gate or message.
  static func canaries(_ state: DashboardState, into frame: inout Frame, _ body: Region) {
    if state.feed(.canary) == .notInstalled {
      frame.put("Flagger's Canary CRD is not installed in this cluster", row: body.top, column: 1, style: .colored(.gray))
      return
    }
    let rows = state.listedCanaries
    guard !rows.isEmpty else {
      let text = state.feed(.canary) == .connecting ? "connecting…" : state.filter.isEmpty ? "no canaries" : "nothing matches /\(state.filter)"
      frame.put(text, row: body.top, column: 1, style: .colored(.gray))
      return
    }
    let perCanary = 3
    let visible = max(body.height / perCanary, 1)
    let selected = state.selectedIndex(in: rows)
    let offset = selected >= visible ? selected - visible + 1 : 0
    for (i, canary) in rows[offset..<min(rows.count, offset + visible)].enumerated() {
      guard let summary = canary.canary else { continue }
      let progress = summary.progress
      let row = body.top + i * perCanary
      var x = 1
      x += stateLabel(canary.state, into: &frame, row: row, column: x)
      x += 2
      let cluster = canary.key.cluster.isEmpty ? "" : canary.key.cluster + ": "
      x += frame.put(cluster + "\(canary.key.namespace)/\(canary.key.name)", row: row, column: x, style: .bold, limit: 40)
      x += 1
      x += frame.put("→ \(summary.target)", row: row, column: x, style: .colored(.gray), limit: 40)
      if progress.phase != canary.state.word, !progress.phase.isEmpty {
        frame.put("  \(progress.phase)", row: row, column: x, style: .colored(canary.state.color))
      }
      if offset + i == selected { frame.restyle(row: row) { $0.reverse = true } }

      x = 3
      x += frame.put("weight ", row: row + 1, column: x, style: .colored(.gray))
      x += frame.put(weightBar(progress), row: row + 1, column: x, style: .colored(.cyan))
      x += frame.put(" " + weightText(progress), row: row + 1, column: x)
      if progress.reportedWeightIsZeroed { x += frame.put(" (reported \(progress.weight)%)", row: row + 1, column: x, style: .colored(.gray)) }
      x += 3
      x += frame.put(stepText(progress), row: row + 1, column: x)
      x += 3
      x += frame.put("checks \(progress.failedText)", row: row + 1, column: x, style: .colored(checksColor(progress)))
      if let eta = progress.eta {
        x += 3
        frame.put("ETA ~" + HumanDuration.short(seconds: eta.seconds), row: row + 1, column: x)
      }

      if let gate = summary.gate {
        frame.put("held at gate \(gate) (p promotes)", row: row + 2, column: 3, style: .colored(.yellow))
      } else if !canary.message.isEmpty {
        frame.put(canary.message, row: row + 2, column: 3, style: .colored(canary.state == .failed ? .red : .gray))
      }
    }
  }
}

extension DashboardState {
  public func filteredObjects(where predicate: (DashboardObject) -> Bool) -> [DashboardObject] {
    objects.values.filter(predicate)
  }
}
