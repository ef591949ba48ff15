import Testing

@testable import TackKube

#if canImport(Glibc)
  import Glibc
#endif

/// Compares text with a golden file under `Tests/TackKubeTests/Fixtures/`; `TACK_RECORD=1` rewrites
/// it. A mismatch shows a line diff.
enum Golden {
  static var fixturesDirectory: String {
    LocalFiles.directory(of: LocalFiles.directory(of: #filePath)) + "/Fixtures"
  }

  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = fixturesDirectory + "/" + name
    if let record = getenv("TACK_RECORD"), String(cString: record) == "1" {
      _ = LocalFiles.writeAtomically(Array(actual.utf8), to: path)
      return
    }
    guard let expected = try? LocalFiles.readText(path) else {
      Issue.record("golden file \(name) is missing; run with TACK_RECORD=1 to create it", sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      Issue.record("golden \(name) differs:\n\(diff(expected, actual))", sourceLocation: sourceLocation)
    }
  }

  static func diff(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [String] = []
    for index in 0..<max(a.count, b.count) {
      let left = index < a.count ? String(a[index]) : nil
      let right = index < b.count ? String(b[index]) : nil
      if left != right {
        if let left { lines.append("-\(index + 1): \(left)") }
        if let right { lines.append("+\(index + 1): \(right)") }
      }
    }
    return lines.joined(separator: "\n")
  }

  static func sharedDirectory() -> String {
    // Tests/TackKubeTests/Support/Golden.swift → project root → ../shared
    let root = LocalFiles.directory(of: LocalFiles.directory(of: LocalFiles.directory(of: LocalFiles.directory(of: #filePath))))
    return LocalFiles.directory(of: root) + "/shared"
  }
}
