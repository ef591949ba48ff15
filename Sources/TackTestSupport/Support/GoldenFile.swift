#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A golden file that did not match, with a readable line diff.
public struct GoldenFileMismatch: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var diff: String
  public var description: String {
    "golden file \(path) differs (run with TACK_RECORD=1 to re-record):\n\(diff)"
  }
}

/// Compares output with a committed golden file.
///
/// `TACK_RECORD=1` (re)writes the file instead of comparing; without it a missing file is a failure,
/// never silently created. Tests call it with `try`, so a mismatch fails the test with a diff:
///
/// ```swift
/// try GoldenFile.verify(output.stdout, at: GoldenFile.path("get-table.txt"))
/// ```
public enum GoldenFile {
  /// True when `TACK_RECORD=1` (or any non-empty value other than `0`).
  public static var isRecording: Bool { isRecording(environment: ProcessInfo.processInfo.environment) }

  /// Whether `environment` asks for recording (`TACK_RECORD` set, non-empty and not `0`).
  public static func isRecording(environment: [String: String]) -> Bool {
    let value = environment["TACK_RECORD"] ?? ""
    return !value.isEmpty && value != "0"
  }

  /// `Tests/<Target>/Fixtures/<name>` next to the calling test file.
  public static func path(_ name: String, testFile: String = #filePath) -> String {
    let dir = String(testFile[..<(testFile.lastIndex(of: "/") ?? testFile.endIndex)])
    return dir + "/Fixtures/" + name
  }

  /// Throws ``GoldenFileMismatch`` when `actual` differs from the file's contents (or the file is
  /// missing); when `recording` (default: ``isRecording``) writes `actual` to the file instead.
  public static func verify(_ actual: String, at path: String, recording: Bool = isRecording) throws {
    if recording {
      let parent = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
      try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
      return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw GoldenFileMismatch(path: path, diff: "(file missing)\n+++ actual\n\(actual)")
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
      throw GoldenFileMismatch(path: path, diff: lineDiff(expected: expected, actual: actual))
    }
  }

  /// A unified-style diff (`-` expected, `+` actual) with up to 3 lines of context.
  public static func lineDiff(expected: String, actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Longest common subsequence table; golden files are small.
    var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    var lines: [(Character, String)] = []
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        lines.append((" ", a[i])); i += 1; j += 1
      } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
        lines.append(("+", b[j])); j += 1
      } else {
        lines.append(("-", a[i])); i += 1
      }
    }
    var keep = Array(repeating: false, count: lines.count)
    for (index, line) in lines.enumerated() where line.0 != " " {
      for k in max(0, index - 3)...min(lines.count - 1, index + 3) { keep[k] = true }
    }
    var out = "--- expected\n+++ actual\n"
    var skipped = false
    for (index, line) in lines.enumerated() {
      if keep[index] {
        out += "\(line.0)\(line.1)\n"
        skipped = false
      } else if !skipped {
        out += "@@\n"
        skipped = true
      }
    }
    return out
  }
}
