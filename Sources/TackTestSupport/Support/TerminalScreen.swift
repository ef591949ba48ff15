import Foundation

/// A terminal model for the sequences tack's live output writes (`ESC[nF`, `ESC[K`, `ESC[J`, CR,
/// LF), so a test can check what a user ends up seeing. Other sequences (colours) are ignored, and
/// their final characters kept in ``escapes`` for tests that allow none.
///
/// ```swift
/// var screen = TerminalScreen()
/// screen.feed(output)
/// #expect(screen.lines.last == "✔ canary test/podinfo Succeeded")
/// ```
public struct TerminalScreen: Sendable {
  public private(set) var rows: [[Character]] = [[]]
  var row = 0
  var col = 0
  /// The final character of every escape sequence fed, in order (`F`, `K`, `J`, `m`, …).
  public private(set) var escapes: [Character] = []

  public init() {}

  public mutating func feed(_ text: String) {
    let chars = Array(text)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "\u{1B}", i + 1 < chars.count, chars[i + 1] == "[" {
        var j = i + 2
        var digits = ""
        while j < chars.count, chars[j].isNumber || chars[j] == ";" || chars[j] == "?" {
          digits.append(chars[j])
          j += 1
        }
        guard j < chars.count else { break }
        let n = Int(digits) ?? 1
        escapes.append(chars[j])
        switch chars[j] {
        case "F":
          row = max(0, row - n)
          col = 0
        case "K": rows[row] = Array(rows[row].prefix(col))
        case "J":
          rows[row] = Array(rows[row].prefix(col))
          if row + 1 < rows.count { rows.removeSubrange((row + 1)...) }
        default: break
        }
        i = j + 1
        continue
      }
      switch c {
      case "\r": col = 0
      case "\n", "\r\n":
        if c == "\r\n" { col = 0 }
        row += 1
        if c == "\n" { col = 0 }
        while rows.count <= row { rows.append([]) }
      default:
        if col < rows[row].count { rows[row][col] = c } else { rows[row].append(c) }
        col += 1
      }
      i += 1
    }
  }

  /// The screen's lines, blank ones left out.
  public var lines: [String] { rows.map { String($0) }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
}
