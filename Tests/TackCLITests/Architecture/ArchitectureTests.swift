import Foundation
import TackTestSupport
import Testing

/// ARCHITECTURE.md's module table is the contract for who may import whom: each row names targets
/// and lists their imports. This keeps the map true as the code moves.
@Suite struct ArchitectureTests {
  /// Imports every target may use without the map saying so.
  static let platform: Set<String> = [
    "Foundation", "FoundationEssentials", "Glibc", "Musl", "Darwin", "Dispatch", "Synchronization",
  ]

  @Test func everyTargetImportsWhatTheMapSays() throws {
    let root = ProjectPaths.projectRoot()
    let map = try Self.moduleTable(String(contentsOfFile: root + "/ARCHITECTURE.md", encoding: .utf8))
    let targets = try FileManager.default.contentsOfDirectory(atPath: root + "/Sources").sorted()
    for target in targets {
      guard let allowed = map[target] else {
        Issue.record("Sources/\(target) has no row in ARCHITECTURE.md's module table")
        continue
      }
      let imported = try Self.imports(under: root + "/Sources/" + target).subtracting(Self.platform)
      #expect(imported == allowed, "\(target): imports \(imported.sorted()), ARCHITECTURE.md says \(allowed.sorted())")
    }
  }

  @Test func theTableReaderSeesEveryRow() throws {
    let table = try Self.moduleTable("""
      | module | what | imports |
      |---|---|---|
      | `A`, `B` | two | X, Y (only here) |
      | `C` | none | — |
      """)
    #expect(table == ["A": ["X", "Y"], "B": ["X", "Y"], "C": []])
  }

  /// Rows `| `Name`[, `Name`] | description | Import, Import (note) |` → name → imports.
  static func moduleTable(_ markdown: String) throws -> [String: Set<String>] {
    var table: [String: Set<String>] = [:]
    for line in markdown.split(separator: "\n") where line.hasPrefix("| `") {
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 4 else { continue }
      let names = cells[1].split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }
      let imports = Set(cells[cells.count - 2].split(separator: ",").compactMap { item -> String? in
        let word = item.trimmingCharacters(in: .whitespaces).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return word.isEmpty ? nil : String(word)
      })
      for name in names { table[name] = imports }
    }
    return table
  }

  /// Module names after `import` (with any attributes, access level or declaration kind before them).
  static func imports(under directory: String) throws -> Set<String> {
    var modules: Set<String> = []
    let files = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
    for file in files where file.hasSuffix(".swift") {
      let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
      for line in text.split(separator: "\n") {
        let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
        guard let index = words.firstIndex(of: "import") else { continue }
        let before = words[..<index]
        guard before.allSatisfy({ ["public", "internal", "package", "private", "fileprivate"].contains($0) }) else { continue }
        var rest = words[(index + 1)...]
        if let kind = rest.first, ["struct", "class", "enum", "func", "protocol", "typealias", "var", "let"].contains(kind) {
          rest = rest.dropFirst()
        }
        if let name = rest.first?.split(separator: ".").first { modules.insert(String(name)) }
      }
    }
    return modules
  }
}
