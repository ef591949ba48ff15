import TackBase
import TackCore
import TackJSON
import Testing

#if canImport(Glibc)
  import Glibc
#endif
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Loads the shared get fixtures and compares output with golden files under `Get/Fixtures/`.
/// `TACK_RECORD=1` rewrites the golden files instead of comparing.
enum GetFixtures {
  static let directory: String = {
    // Golden tables render LAST SCAN / LAST RUN in local time, as flux does: pin the zone.
    setenv("TZ", "UTC", 1)
    tzset()
    let file = #filePath
    return String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) + "/Fixtures"
  }()

  /// Every fixture object, in file order.
  static let objects: [JSON] = {
    let text = (try? String(contentsOfFile: directory + "/objects.yaml", encoding: .utf8)) ?? ""
    return (try? JSON.parseYAMLDocuments(text)) ?? []
  }()

  static func objects(of kind: FluxKind, namespace: String? = "flux-system") -> [JSON] {
    objects.filter {
      $0["kind"]?.stringValue == kind.kind && $0["apiVersion"]?.stringValue == kind.apiVersion
        && (namespace == nil || $0[path: "metadata", "namespace"]?.stringValue == namespace)
    }
  }

  /// A fixed "now" (touching `directory` first pins the time zone) so AGE columns are stable: 2026-08-07T17:00:00Z.
  static let now: RFC3339Time = {
    _ = directory
    return RFC3339Time("2026-08-07T17:00:00Z")!
  }()

  static var isRecording: Bool {
    let value = ProcessInfo.processInfo.environment["TACK_RECORD"] ?? ""
    return !value.isEmpty && value != "0"
  }

  /// Compares `actual` with `Fixtures/golden/<name>`; records it with TACK_RECORD=1.
  static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = directory + "/golden/" + name
    if isRecording {
      try? FileManager.default.createDirectory(atPath: directory + "/golden", withIntermediateDirectories: true)
      FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
      return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      Issue.record("golden file \(name) is missing; run with TACK_RECORD=1 to record it", sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
      Issue.record(
        "golden file \(name) differs (TACK_RECORD=1 re-records):\n\(diff(expected, actual))",
        sourceLocation: sourceLocation)
    }
  }

  /// Line diff: `-` expected, `+` actual (golden files are small; quadratic LCS is fine).
  static func diff(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    var out = ""
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        out += "  \(a[i])\n"
        i += 1
        j += 1
      } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
        out += "+ \(b[j].replacingOccurrences(of: "\t", with: "→"))\n"
        j += 1
      } else {
        out += "- \(a[i].replacingOccurrences(of: "\t", with: "→"))\n"
        i += 1
      }
    }
    return out
  }
}
