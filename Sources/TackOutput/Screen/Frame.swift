/// One colour of a full-screen view, named by role in a 16-colour palette; `FrameEncoder` maps it
/// to the terminal's depth (or drops it under `NO_COLOR`), so glyph + word still carry the meaning.
public enum ScreenColor: UInt8, Sendable, Hashable {
  case none, red, green, yellow, blue, magenta, cyan, gray
}

/// How a cell is drawn.
public struct CellStyle: Sendable, Hashable {
  public var color: ScreenColor
  public var bold: Bool
  public var reverse: Bool

  public init(color: ScreenColor = .none, bold: Bool = false, reverse: Bool = false) {
    self.color = color
    self.bold = bold
    self.reverse = reverse
  }

  public static let plain = CellStyle()
  public static func colored(_ color: ScreenColor) -> CellStyle { CellStyle(color: color) }
  public static let bold = CellStyle(bold: true)
  public static let reverse = CellStyle(reverse: true)
}

/// One terminal cell: a grapheme cluster one or two columns wide. The column after a wide
/// grapheme is a continuation (empty text) that draws nothing of its own.
public struct Cell: Sendable, Hashable {
  public var text: String
  public var style: CellStyle
  /// 1, or 2 for a wide grapheme; 0 marks the continuation of the wide cell before it.
  public var width: UInt8

  public init(_ text: String = " ", style: CellStyle = .plain, width: UInt8 = 1) {
    self.text = text
    self.style = style
    self.width = width
  }

  public static let blank = Cell()
  var isContinuation: Bool { width == 0 }
}

/// A screenful of cells, drawn by a pure view (state in, frame out) and sent to the terminal by
/// `FrameEncoder`. Text put into it is server text: control characters and escape sequences are
/// stripped, and it is cut by display width (wide characters count two) with `…`.
public struct Frame: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(width, 0)
    self.height = max(height, 0)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  public subscript(row: Int, column: Int) -> Cell {
    cells[row * width + column]
  }

  /// Writes `text` at `row`, `column`, at most `limit` columns wide (default: to the right edge),
  /// cut with `…` when longer. Returns the columns used.
  @discardableResult
  public mutating func put(_ text: String, row: Int, column: Int, style: CellStyle = .plain, limit: Int? = nil) -> Int {
    guard row >= 0, row < height, column >= 0, column < width else { return 0 }
    let available = min(limit ?? (width - column), width - column)
    guard available > 0 else { return 0 }
    let clean = Self.flatten(text)
    let fits = DisplayWidth.of(clean) <= available
    var x = column
    let end = column + available
    for character in clean {
      let w = min(DisplayWidth.of(String(character)), 2)
      if w == 0 {
        // A combining mark or zero-width character joins the grapheme before it.
        if x > column { appendToCellBefore(row: row, column: x, String(character)) }
        continue
      }
      // Keep one column for the ellipsis when the text does not fit.
      let room = fits ? end - x : end - x - 1
      if w > room {
        break
      }
      set(row: row, column: x, Cell(String(character), style: style, width: UInt8(w)))
      if w == 2 { set(row: row, column: x + 1, Cell("", style: style, width: 0)) }
      x += w
    }
    if !fits, x < end {
      set(row: row, column: x, Cell("…", style: style))
      x += 1
    }
    return x - column
  }

  /// Paints `count` cells of `row` from `column` with blanks in `style` (a selection bar, a header).
  public mutating func fill(row: Int, column: Int = 0, count: Int? = nil, style: CellStyle) {
    guard row >= 0, row < height else { return }
    let end = min(width, column + (count ?? width))
    guard column < end else { return }
    for x in max(column, 0)..<end { set(row: row, column: x, Cell(" ", style: style)) }
  }

  /// Restyles the cells of `row` in `columns` (keeping their text): a selected row.
  public mutating func restyle(row: Int, column: Int = 0, count: Int? = nil, _ change: (inout CellStyle) -> Void) {
    guard row >= 0, row < height else { return }
    let end = min(width, column + (count ?? width))
    guard column < end else { return }
    for x in max(column, 0)..<end { change(&cells[row * width + x].style) }
  }

  /// The frame as plain text lines, trailing blanks trimmed: what a golden file compares and what
  /// tmux's `capture-pane` shows.
  public var textLines: [String] {
    (0..<height).map { row in
      var line = ""
      for x in 0..<width where !self[row, x].isContinuation { line += self[row, x].text }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }

  /// One letter per column for the colour and attributes (` ` plain, `r g y b m c d` colours,
  /// upper case when bold, `#` reversed): the style layer of a golden file.
  public var styleLines: [String] {
    (0..<height).map { row in
      var line = ""
      for x in 0..<width {
        let style = self[row, x].style
        if style.reverse {
          line += "#"
          continue
        }
        var letter: String
        switch style.color {
        case .none: letter = style.bold ? "*" : " "
        case .red: letter = "r"
        case .green: letter = "g"
        case .yellow: letter = "y"
        case .blue: letter = "b"
        case .magenta: letter = "m"
        case .cyan: letter = "c"
        case .gray: letter = "d"
        }
        if style.bold, style.color != .none { letter = letter.uppercased() }
        line += letter
      }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }

  /// Writing over half of a wide cell blanks its other half, so no orphan continuation or lead is
  /// left for the encoder to draw.
  mutating func set(row: Int, column: Int, _ cell: Cell) {
    let index = row * width + column
    let old = cells[index]
    if old.width == 2, column + 1 < width, cell.width != 2 { cells[index + 1] = Cell(" ", style: cells[index + 1].style) }
    if old.isContinuation, !cell.isContinuation, column > 0 { cells[index - 1] = Cell(" ", style: cells[index - 1].style) }
    cells[index] = cell
  }

  mutating func appendToCellBefore(row: Int, column: Int, _ text: String) {
    var x = column - 1
    while x > 0, cells[row * width + x].isContinuation { x -= 1 }
    cells[row * width + x].text += text
  }

  /// One line of server text: escape sequences gone, newlines and tabs as spaces.
  static func flatten(_ text: String) -> String {
    let clean = TerminalText.sanitize(text)
    guard clean.contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r\n" }) else { return clean }
    return String(clean.map { $0 == "\n" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
  }
}
