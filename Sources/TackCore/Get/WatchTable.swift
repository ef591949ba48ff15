import TackOutput

/// The table `get --watch` prints: the header once, then one row per change, with column widths
/// fixed from the initial list so rows line up (flux re-pads every event on its own, issue #1848).
/// A row that does not fit widens its columns, and the header is printed again at the new widths
/// so everything below it lines up; widths never shrink.
public struct WatchTable: Sendable {
  public let header: [String]
  public let showHeader: Bool
  public private(set) var widths: [Int]

  /// `minimumWidths` reserves room for values known to come (READY's `Unknown`), so the common
  /// transitions never force a new header.
  public init(header: [String], initialRows: [[String]], showHeader: Bool, minimumWidths: [Int] = []) {
    self.header = header
    self.showHeader = showHeader
    var widths = FluxTable(header: header, rows: initialRows).columnWidths(includingHeader: showHeader)
    for (i, minimum) in minimumWidths.enumerated() where i < widths.count { widths[i] = max(widths[i], minimum) }
    self.widths = widths
  }

  /// The header (unless `--no-header`) and the initial rows.
  public func start(rows: [[String]]) -> String {
    var text = showHeader ? FluxTable.renderHeader(header, widths: widths) : ""
    for row in rows { text += FluxTable.renderRow(row, widths: widths) }
    return text
  }

  /// One changed row; widens and re-prints the header first when the row would not fit.
  public mutating func render(_ row: [String]) -> String {
    let needed = FluxTable(header: header, rows: [row]).columnWidths(includingHeader: false)
    var widened = false
    for (i, width) in needed.enumerated() where i < widths.count && width > widths[i] {
      widths[i] = width
      widened = true
    }
    var text = widened && showHeader ? FluxTable.renderHeader(header, widths: widths) : ""
    text += FluxTable.renderRow(row, widths: widths)
    return text
  }
}
