import Foundation
import Testing
@testable import TackTestSupport

/// The golden-file helper: a mismatch fails with a readable diff, recording rewrites, a missing
/// file fails unless recording. Recording is passed explicitly: setting TACK_RECORD in this process
/// would make every other golden test running in parallel rewrite its files.
@Suite struct GoldenFileTests {
  func withDirectory(_ body: (TemporaryDirectory) throws -> Void) throws {
    let directory = try TemporaryDirectory(prefix: "tack-golden")
    defer { directory.remove() }
    try body(directory)
  }

  @Test func matchingOutputPasses() throws {
    try withDirectory { directory in
      let path = try directory.write("table.txt", contents: "NAME\tREADY\npodinfo\tTrue\n")
      try GoldenFile.verify("NAME\tREADY\npodinfo\tTrue\n", at: path, recording: false)
    }
  }

  @Test func aMismatchThrowsWithADiff() throws {
    try withDirectory { directory in
      let expected = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
      let path = try directory.write("out.txt", contents: expected)
      let actual = expected.replacingOccurrences(of: "line 5\n", with: "line five\n")
      do {
        try GoldenFile.verify(actual, at: path, recording: false)
        Issue.record("a mismatch passed")
      } catch let mismatch as GoldenFileMismatch {
        #expect(mismatch.path == path)
        #expect(mismatch.diff.contains("-line 5\n"))
        #expect(mismatch.diff.contains("+line five\n"))
        #expect(mismatch.diff.contains(" line 4\n"))  // context
        #expect(!mismatch.diff.contains("line 1\n"))  // beyond 3 lines of context
        #expect(mismatch.description.contains("TACK_RECORD=1"))
      }
      // Nothing was rewritten.
      #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
    }
  }

  @Test func recordingRewritesAndCreatesFiles() throws {
    try withDirectory { directory in
      let path = try directory.write("out.txt", contents: "old\n")
      try GoldenFile.verify("new\n", at: path, recording: true)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
      try GoldenFile.verify("new\n", at: path, recording: false)
      let nested = directory.file("Fixtures/sub/fresh.txt")
      try GoldenFile.verify("fresh\n", at: nested, recording: true)
      #expect(try String(contentsOfFile: nested, encoding: .utf8) == "fresh\n")
    }
  }

  @Test func aMissingGoldenFileFailsUnlessRecording() throws {
    try withDirectory { directory in
      let path = directory.file("missing.txt")
      #expect(throws: GoldenFileMismatch.self) { try GoldenFile.verify("anything\n", at: path, recording: false) }
      #expect(!FileManager.default.fileExists(atPath: path))  // never created silently
    }
  }

  @Test func recordingFollowsTackRecord() {
    #expect(!GoldenFile.isRecording(environment: [:]))
    #expect(!GoldenFile.isRecording(environment: ["TACK_RECORD": ""]))
    #expect(!GoldenFile.isRecording(environment: ["TACK_RECORD": "0"]))
    #expect(GoldenFile.isRecording(environment: ["TACK_RECORD": "1"]))
    #expect(GoldenFile.isRecording(environment: ["TACK_RECORD": "yes"]))
  }

  @Test func pathIsNextToTheCallingTest() {
    let path = GoldenFile.path("x.txt")
    #expect(path.hasSuffix("/Tests/TackTestSupportTests/Fixtures/x.txt"))
  }
}
