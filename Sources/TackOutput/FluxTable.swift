/// A table laid out byte for byte as flux prints it (olekukonko/tablewriter as flux configures it):
/// no borders, every cell padded with spaces to its column's width and cells joined by a TAB; each
/// data row ends with a TAB; the header row does not, and its last cell is padded one wider.
///
/// Scripts that cut flux's output on TABs or spaces keep working on tack's.
public struct FluxTable: Sendable, Equatable {
  public var header: [String]
  public var rows: [[String]]

  public init(header: [String], rows: [[String]] = []) {
    self.header = header
    self.rows = rows
  }

  /// Column widths: the widest line of any cell (header included) in each column.
  public func columnWidths(includingHeader: Bool = true) -> [Int] {
    var widths = Array(repeating: 0, count: header.count)
    func measure(_ row: [String]) {
      for (i, cell) in row.enumerated() where i < widths.count {
        for line in TerminalText.sanitize(cell).split(separator: "\n", omittingEmptySubsequences: false) {
          widths[i] = max(widths[i], DisplayWidth.of(line))
        }
      }
    }
    if includingHeader { measure(header) }
    rows.forEach(measure)
    return widths
  }

  /// The whole table; `showHeader: false` is `--no-header` (widths still count the header, as flux's do).
  public func render(showHeader: Bool = true) -> String {
    let widths = columnWidths()
    var text = ""
    if showHeader { text += Self.renderHeader(header, widths: widths) }
    for row in rows { text += Self.renderRow(row, widths: widths) }
    return text
  }

  public static func renderHeader(_ header: [String], widths: [Int]) -> String {
    var cells: [String] = []
    for (i, title) in header.enumerated() {
      let width = i == header.count - 1 ? widths[i] + 1 : widths[i]
      cells.append(pad(TerminalText.sanitize(title), to: width))
    }
    return cells.joined(separator: "\t") + "\n"
  }

  /// One data row; a cell with newlines spans several lines, as tablewriter prints it. Cells hold
  /// what the server sent, so control characters and escape sequences are stripped (`TerminalText`).
  public static func renderRow(_ row: [String], widths: [Int]) -> String {
    let split = widths.indices.map { i in
      TerminalText.sanitize(i < row.count ? row[i] : "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    let height = split.map(\.count).max() ?? 1
    var text = ""
    for line in 0..<height {
      var cells: [String] = []
      for (i, width) in widths.enumerated() {
        cells.append(pad(line < split[i].count ? split[i][line] : "", to: width))
      }
      text += cells.joined(separator: "\t") + "\t\n"
    }
    return text
  }

  static func pad(_ text: String, to width: Int) -> String {
    let missing = width - DisplayWidth.of(text)
    return missing > 0 ? text + String(repeating: " ", count: missing) : text
  }
}

/// Terminal columns a string occupies: wide East Asian characters and most emoji take two, combining
/// marks and zero-width characters none (what go-runewidth computes for the table writer).
public enum DisplayWidth {
  public static func of(_ text: some StringProtocol) -> Int {
    var width = 0
    for scalar in text.unicodeScalars { width += of(scalar) }
    return width
  }

  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x300 { return v < 0x20 || (0x7F..<0xA0).contains(v) ? 0 : 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if v == 0x200B || (0xFE00...0xFE0F).contains(v) { return 0 }
    if scalar.properties.isEmojiPresentation { return 2 }
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }
}
