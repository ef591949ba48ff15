/// Turns successive frames into the bytes that bring the terminal from the last one to the next:
/// only changed runs of cells, with cursor moves and SGR changes, inside one synchronized-output
/// block (DEC mode 2026: terminals that know it show the frame at once, the rest ignore it). An
/// unchanged frame costs no bytes at all, so an idle dashboard writes nothing.
public struct FrameEncoder: Sendable {
  public var depth: ColorDepth
  /// The frame the terminal shows now; `nil` after `invalidate()` (start, resize, Ctrl-L).
  private var front: Frame?

  public init(depth: ColorDepth) { self.depth = depth }

  /// Forgets what is on screen: the next frame is drawn whole (after a resize the terminal's own
  /// reflow makes the old content unreliable).
  public mutating func invalidate() { front = nil }

  static let beginSync = "\u{1B}[?2026h"
  static let endSync = "\u{1B}[?2026l"

  /// The bytes for `frame`; empty when nothing changed.
  public mutating func encode(_ frame: Frame) -> [UInt8] {
    let previous = front.flatMap { $0.width == frame.width && $0.height == frame.height ? $0 : nil }
    var out = ""
    var current: CellStyle?
    if previous == nil {
      // Whole repaint: clear once, then every cell is written below.
      out += "\u{1B}[0m\u{1B}[2J"
      current = .plain
    }
    for row in 0..<frame.height {
      var x = 0
      while x < frame.width {
        guard let old = previous, old[row, x] == frame[row, x] else {
          // A changed run: start on the lead of a wide cell, stop at the next unchanged cell.
          var start = x
          while start > 0, frame[row, start].isContinuation { start -= 1 }
          var end = x
          while end < frame.width, previous.map({ $0[row, end] != frame[row, end] }) ?? true { end += 1 }
          while end < frame.width, frame[row, end].isContinuation { end += 1 }
          out += "\u{1B}[\(row + 1);\(start + 1)H"
          for column in start..<end {
            let cell = frame[row, column]
            if cell.isContinuation { continue }
            if current != cell.style {
              out += sgr(cell.style)
              current = cell.style
            }
            out += cell.text
          }
          x = end
          continue
        }
        x += 1
      }
    }
    front = frame
    if previous != nil, out.isEmpty { return [] }
    return Array((Self.beginSync + out + "\u{1B}[0m" + Self.endSync).utf8)
  }

  func sgr(_ style: CellStyle) -> String {
    var parameters = ["0"]
    if style.bold { parameters.append("1") }
    if style.reverse { parameters.append("7") }
    let color = depth.foreground(style.color)
    if !color.isEmpty { parameters.append(color) }
    return "\u{1B}[" + parameters.joined(separator: ";") + "m"
  }
}
