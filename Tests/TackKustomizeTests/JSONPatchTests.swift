import TackJSON
import Testing

@testable import TackKustomize

@Suite struct JSONPatchTests {
  private func apply(_ document: JSON, _ ops: String) throws -> JSON {
    var doc = document
    try JSONPatch(try JSON.parse(ops)).apply(to: &doc)
    return doc
  }

  private let doc: JSON = ["a": ["b": [1, 2, 3]], "m": ["x/y": "slash", "t~": "tilde"]]

  @Test func addAppendsInsertsAndCountsNegativeIndicesFromTheNewEnd() throws {
    #expect(try apply(doc, #"[{"op":"add","path":"/a/b/-","value":4}]"#)[path: "a", "b"] == [1, 2, 3, 4])
    #expect(try apply(doc, #"[{"op":"add","path":"/a/b/0","value":0}]"#)[path: "a", "b"] == [0, 1, 2, 3])
    #expect(try apply(doc, #"[{"op":"add","path":"/a/b/-1","value":9}]"#)[path: "a", "b"] == [1, 2, 3, 9])
  }

  @Test func escapedTokens() throws {
    let result = try apply(doc, #"[{"op":"replace","path":"/m/x~1y","value":"s"},{"op":"remove","path":"/m/t~0"}]"#)
    #expect(result["m"] == ["x/y": "s"])
  }

  @Test func addNeedsTheParent() {
    #expect(throws: JSONPatch.PatchError.self) { _ = try apply(doc, #"[{"op":"add","path":"/missing/x","value":1}]"#) }
  }

  @Test func replaceOfAMissingMemberAddsIt() throws {
    #expect(try apply(doc, #"[{"op":"replace","path":"/new","value":1}]"#)["new"] == 1)
  }

  @Test func removeOfAMissingMemberFails() {
    #expect(throws: JSONPatch.PatchError.self) { _ = try apply(doc, #"[{"op":"remove","path":"/nope"}]"#) }
  }

  @Test func moveCopyAndTest() throws {
    let result = try apply(
      doc,
      #"[{"op":"copy","from":"/a/b","path":"/c"},{"op":"move","from":"/a","path":"/d"},{"op":"test","path":"/c/0","value":1.0}]"#)
    #expect(result["c"] == [1, 2, 3])
    #expect(result["d"] == ["b": [1, 2, 3]])
    #expect(result["a"] == nil)
    #expect(throws: JSONPatch.PatchError.self) { _ = try apply(doc, #"[{"op":"test","path":"/a/b/0","value":2}]"#) }
  }
}
