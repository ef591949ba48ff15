import TackBase
import TackOutput

extension DashboardView {
  /// The tree screen: one line per node, the state first, then the branches and the object;
  /// `⇢ after` names what it depends on and a failing object says why. Scrolled so the selected
  /// object shows.
  static func tree(_ state: DashboardState, into frame: inout Frame, _ body: Region) {
    let rows = DashboardTree.rows(state)
    guard rows.contains(where: { $0.key != nil }) else {
      frame.put(state.objectCount == 0 ? connectingText(state) : "no sources, Kustomizations or HelmReleases",
        row: body.top, column: 1, style: .colored(.gray))
      return
    }
    let selectable = rows.compactMap { $0.key.flatMap(state.object) }
    let selectedKey = selectable.isEmpty ? nil : selectable[state.selectedIndex(in: selectable)].key
    let selected = rows.firstIndex { $0.key != nil && $0.key == selectedKey } ?? 0
    let visible = body.height
    let offset = selected >= visible ? selected - visible + 1 : 0
    let stateWidth = body.width >= 100 ? 13 : 2
    if rows.count > visible {
      let position = " \(selected + 1)/\(rows.count) "
      frame.put(position, row: body.top, column: body.width - DisplayWidth.of(position), style: .colored(.gray))
    }
    for (i, line) in rows[offset..<min(rows.count, offset + visible)].enumerated() {
      let row = body.top + i
      var x = 1
      if let objectState = line.state {
        if stateWidth < 4 {
          frame.put(objectState.glyph, row: row, column: x, style: .colored(objectState.color))
        } else {
          stateLabel(objectState, into: &frame, row: row, column: x, limit: stateWidth)
        }
      }
      x += stateWidth + 1
      x += frame.put(line.prefix, row: row, column: x, style: .colored(.gray))
      let heading = line.key == nil && line.state == nil && line.prefix.isEmpty
      let labelStyle: CellStyle = line.key == nil ? (heading ? .bold : .colored(.gray)) : .plain
      x += frame.put(line.label, row: row, column: x, style: labelStyle, limit: max(body.width - x, 0))
      if !line.dependsOn.isEmpty, x + 3 < body.width {
        x += frame.put("  ⇢ after " + line.dependsOn.joined(separator: ", "), row: row, column: x,
          style: .colored(.blue), limit: body.width - x)
      }
      if !line.problem.isEmpty, x + 3 < body.width {
        frame.put("  " + line.problem, row: row, column: x, style: .colored(line.state?.color ?? .red),
          limit: body.width - x - 2)
      }
      if offset + i == selected { frame.restyle(row: row) { $0.reverse = true } }
    }
  }
}
