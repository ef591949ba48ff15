import TackTestSupport
import TackTesting
import Testing

/// Golden files under `Tests/TackCoreTests/Canary/Fixtures/` (`TACK_RECORD=1` rewrites them).
enum Golden {
  /// `Canary/Fixtures/<name>`, next to this file's folder.
  static func path(_ name: String, support: String = #filePath) -> String {
    let canary = support.split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/")
    return canary + "/Fixtures/" + name
  }

  static func assert(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    GoldenFile.expect(actual, at: path(name), sourceLocation: sourceLocation)
  }
}
