import TackJSON
import Testing

@testable import TackKustomize

/// The suffixes kustomize computes (recorded from kubectl kustomize v5.5).
@Suite struct NameHasherTests {
  @Test(arguments: [
    (["kind": "ConfigMap", "metadata": ["name": "any"], "data": ["a": "b"]] as JSON, "4h2mbtbbt6"),
    (["kind": "ConfigMap", "metadata": ["name": "other-name"], "data": ["a": "b"]] as JSON, "4h2mbtbbt6"),
    (["kind": "ConfigMap", "metadata": ["name": "x"]] as JSON, "6ct58987ht"),
    (["kind": "Secret", "metadata": ["name": "x"], "type": "Opaque", "data": ["password": "czNjcjN0"]] as JSON, "25k92892fb"),
    (["kind": "Secret", "metadata": ["name": "x"], "type": "Opaque", "data": [:]] as JSON, "46f8b28mk5"),
    (["kind": "ConfigMap", "metadata": ["name": "x"], "binaryData": ["bin.dat": "//4AYmluYXJ5"]] as JSON, "f4t29gdd42"),
  ])
  func suffix(_ object: JSON, _ expected: String) throws {
    #expect(NameHasher.suffix(for: try #require(object.objectValue)) == expected)
  }

  @Test func hashedTextIsGoJSONWithHTMLEscapes() {
    #expect(GoJSON.encode(["b": "<a&b>", "a": "\u{2028}\t\u{1}"]) == #"{"a":"\u2028\t\u0001","b":"\u003ca\u0026b\u003e"}"#)
  }

  @Test func otherKindsAreNotHashed() {
    #expect(NameHasher.suffix(for: ["kind": "Deployment"]) == nil)
  }
}
