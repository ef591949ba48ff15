import TackJSON
import Testing

/// The alias budget and depth limit of the one YAML reader, through TackJSON's conversion.
@Suite(.timeLimit(.minutes(1))) struct GuardedYAMLTests {
  /// Nine levels of nine: 9⁹ scalars from about 1 KB.
  static func laughs(levels: Int = 9, width: Int = 9) -> String {
    var text = "l0: &l0 [" + Array(repeating: "lol", count: width).joined(separator: ",") + "]\n"
    for level in 1..<levels {
      text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: width).joined(separator: ",") + "]\n"
    }
    return text
  }

  /// The reason a conversion was refused; nil when it was not.
  static func refusal(_ body: () throws -> Any) -> String? {
    do {
      _ = try body()
      return nil
    } catch let error as YAMLConversionError {
      return error.reason
    } catch {
      return "\(error)"
    }
  }

  @Test func aBillionLaughsIsRefusedAtOnce() {
    let start = ContinuousClock.now
    #expect(Self.laughs().utf8.count < 1100)
    #expect(Self.refusal { try JSON.parseYAMLDocuments(Self.laughs()) } == "document contains excessive aliasing")
    #expect(ContinuousClock.now - start < .seconds(5))
  }

  /// Yams hashes mapping keys while composing: an aliased bomb as a key must be refused before.
  @Test func aBombUsedAsAMappingKeyIsRefusedBeforeComposing() {
    let start = ContinuousClock.now
    #expect(Self.refusal { try JSON.parseYAMLDocuments(Self.laughs() + "? *l8\n: x\n") } == "document contains excessive aliasing")
    #expect(Self.refusal { try JSON.parseYAMLDocuments(Self.laughs() + "{[*l8, *l8]: x}: y\n") } == "document contains excessive aliasing")
    #expect(ContinuousClock.now - start < .seconds(5))
  }

  @Test func aliasingInALaterDocumentIsCaughtToo() {
    #expect(Self.refusal { try JSON.parseYAMLDocuments("a: 1\n---\n" + Self.laughs()) } == "document contains excessive aliasing")
  }

  @Test func afewAliasesAndSmallExpansionsPass() throws {
    let merge = try JSON.parseYAML("base: &b {x: 1, y: 2}\nk: {<<: *b, y: 3}\nl: *b\n")
    #expect(merge[path: "k", "y"] == 3)
    #expect(merge[path: "l", "x"] == 1)
    // 3 levels of 9: about 900 nodes, under the floor of 1000 below which nothing is refused.
    let small = try JSON.parseYAML(Self.laughs(levels: 3))
    #expect(small["l2"]?.arrayValue?.count == 9)
    // Many uses of one small anchor in a large document: aliased nodes stay a minority.
    var text = "anchor: &a x\n"
    for i in 0..<2000 { text += "k\(i): [\(i), \(i), *a]\n" }
    #expect(try JSON.parseYAML(text).objectValue?.count == 2001)
  }

  @Test func nestingIsCappedAt512() throws {
    func nested(_ depth: Int) -> String { String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
    #expect(try JSON.parseYAML(nested(512)).arrayValue != nil)
    #expect(Self.refusal { try JSON.parseYAML(nested(513)) } == "document nests deeper than 512 levels")
    // Block style counts the same: mappings inside mappings.
    var block = ""
    for level in 0..<600 { block += String(repeating: " ", count: level) + "k:\n" }
    #expect(Self.refusal { try JSON.parseYAML(block) } == "document nests deeper than 512 levels")
    // Aliases add depth as they expand.
    let chained = "a: &a " + nested(300) + "\nb: [[[" + String(repeating: "[", count: 250) + "*a" + String(repeating: "]", count: 253) + "\n"
    #expect(Self.refusal { try JSON.parseYAML(chained) } == "document nests deeper than 512 levels")
  }
}
