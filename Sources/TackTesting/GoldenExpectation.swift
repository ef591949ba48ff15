import TackTestSupport
import Testing

extension GoldenFile {
  /// Compares `actual` with the golden file at `path` and records an issue with a line diff when they
  /// differ (the test goes on, so stdout, stderr and exit code are all reported); with
  /// `TACK_RECORD=1` writes the file instead.
  public static func expect(_ actual: String, at path: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      try verify(actual, at: path)
    } catch {
      Issue.record(Comment(rawValue: "\(error)"), sourceLocation: sourceLocation)
    }
  }
}
