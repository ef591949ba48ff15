import TackCore
import Testing

/// The redraw bytes, checked on a tiny terminal model that understands exactly the sequences a
/// real terminal would get (`ESC[nF`, `ESC[K`, `ESC[J`, newline).
@Suite struct LiveFrameTests {
  struct Screen {
    var rows: [[Character]] = [[]]
    var row = 0
    var col = 0

    mutating func feed(_ text: String) {
      var chars = Array(text)
      var i = 0
      while i < chars.count {
        let c = chars[i]
        if c == "\u{1B}", i + 1 < chars.count, chars[i + 1] == "[" {
          var j = i + 2
          var digits = ""
          while j < chars.count, chars[j].isNumber {
            digits.append(chars[j])
            j += 1
          }
          let n = Int(digits) ?? 1
          switch chars[j] {
          case "F":
            row = max(0, row - n)
            col = 0
          case "K":
            if row < rows.count { rows[row] = Array(rows[row].prefix(col)) }
          case "J":
            if row < rows.count {
              rows[row] = Array(rows[row].prefix(col))
              rows.removeSubrange((row + 1)...)
            }
          default: Issue.record("unexpected escape \(chars[j])")
          }
          i = j + 1
          continue
        }
        if c == "\n" {
          row += 1
          col = 0
          while rows.count <= row { rows.append([]) }
        } else {
          while rows.count <= row { rows.append([]) }
          if col < rows[row].count { rows[row][col] = c } else { rows[row].append(c) }
          col += 1
        }
        i += 1
      }
      chars = []
    }

    var lines: [String] { rows.map { String($0) }.filter { !$0.isEmpty } }
  }

  @Test func redrawsInPlaceWithoutStaleLines() {
    var frame = LiveFrame()
    var screen = Screen()
    screen.feed("$ tack canary status podinfo --watch\n")
    screen.feed(frame.update(["Status: Progressing", "Weight: 10% with a long tail", "History:", "  a", "  b"]))
    screen.feed(frame.update(["Status: Progressing", "Weight: 20%", "History:", "  a", "  b", "  c"]))
    #expect(screen.lines == ["$ tack canary status podinfo --watch", "Status: Progressing", "Weight: 20%", "History:", "  a", "  b", "  c"])
    // a shorter frame clears what the longer one left below it
    screen.feed(frame.update(["Status: Succeeded", "Weight: 0%"]))
    #expect(screen.lines == ["$ tack canary status podinfo --watch", "Status: Succeeded", "Weight: 0%"])
  }

  @Test func unchangedFrameWritesNothing() {
    var frame = LiveFrame()
    _ = frame.update(["a", "b"])
    #expect(frame.update(["a", "b"]) == "")
    #expect(frame.update(["a", "c"]) == "\u{1B}[2Fa\u{1B}[K\nc\u{1B}[K\n")
  }

  @Test func neverBlanksTheScreenBeforeDrawing() {
    var frame = LiveFrame()
    _ = frame.update(["one", "two", "three"])
    let bytes = frame.update(["uno", "dos"])
    // no full-screen clear (ESC[2J) and no clearing before the first line is written
    #expect(!bytes.contains("\u{1B}[2J"))
    #expect(bytes.hasPrefix("\u{1B}[3Funo"))
  }
}
