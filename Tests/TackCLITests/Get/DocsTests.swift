import Foundation
import TackCLI
import Testing

/// The committed man pages and completion scripts must match the command tree. Other helpers add
/// commands in parallel: whoever lands last regenerates them.
@Suite struct DocsTests {
  @Test func committedDocsAreCurrent() throws {
    let files = try GeneratedDocs.files()
    #expect(files.contains { $0.path == "man/tack.1" })
    #expect(files.contains { $0.path == "man/tack-get-kustomizations.1" })
    var stale: [String] = []
    for file in files {
      let path = CLIPaths.projectRoot + "/" + file.path
      let committed = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
      if committed != file.contents { stale.append(file.path) }
    }
    let generated = Set(files.map(\.path))
    let manDirectory = CLIPaths.projectRoot + "/man"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: manDirectory)) ?? [] where name.hasSuffix(".1") {
      if !generated.contains("man/" + name) { stale.append("man/\(name) (no such command any more)") }
    }
    #expect(
      stale.isEmpty,
      "man pages / completion scripts are stale: \(stale.joined(separator: ", ")). Regenerate them with `make docs` and commit the result.")
  }

  @Test func manPagesDocumentExitCodesAndJSONLines() throws {
    let files = try GeneratedDocs.files()
    let root = try #require(files.first { $0.path == "man/tack.1" })
    for code in ["\\fB0\\fR", "\\fB5\\fR", "\\fB64\\fR", "\\fB130\\fR"] { #expect(root.contents.contains(code)) }
    let get = try #require(files.first { $0.path == "man/tack-get-kustomizations.1" })
    #expect(get.contents.contains("readyBool"))
    #expect(get.contents.contains("\\-\\-status\\-selector"))
  }
}
