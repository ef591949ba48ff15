import TackJSON
import Testing

@testable import TackKustomize

/// The goyaml.v2 output conventions kubectl kustomize shows (see the reference's §7).
@Suite struct GoYAMLTests {
  @Test func naturalKeyOrder() {
    let keys = ["key10", "key9", "Key", "_x", "a", "A-b", "0", "a.b", "item2x", "item02", "Z", "é"]
    #expect(keys.sorted(by: NaturalKeyOrder.less) == ["_x", "0", "A-b", "Key", "Z", "a", "a.b", "item2x", "item02", "key9", "key10", "é"])
  }

  @Test(arguments: [
    ("1234567.5", "1.2345675e+06"), ("123456.5", "123456.5"), ("0.00001234", "1.234e-05"), ("1.0", "1"),
    ("1e20", "1e+20"), ("18446744073709551616", "1.8446744073709552e+19"), ("9223372036854775808", "9223372036854775808"),
    ("-0", "0"), ("0.0001", "0.0001"), ("1e-7", "1e-07"),
  ])
  func numbers(_ input: String, _ expected: String) {
    #expect(GoNumber.canonical(input) == expected)
  }

  @Test(arguments: [
    ("0x1F", "31"), ("0o17", "15"), ("017", "15"), ("0b101", "5"), ("+1", "1"), ("-9223372036854775808", "-9223372036854775808"),
  ])
  func integerLiterals(_ input: String, _ expected: String) {
    #expect(GoNumber.parseInteger(input) == expected)
  }

  @Test func scalarStyles() {
    let doc: JSON = [
      "plain": "it's", "single": "foo: bar", "double": "yes", "empty": "", "block": "a\nb\n", "trailing": "x \n",
      "tab": "a\tb", "emoji": "😀",
    ]
    #expect(
      GoYAMLWriter.document(doc) == """
        block: |
          a
          b
        double: "yes"
        emoji: "\\U0001F600"
        empty: ""
        plain: it's
        single: 'foo: bar'
        tab: "a\\tb"
        trailing: "x \\n"

        """)
  }

  @Test func longValuesFoldAtEightyColumns() {
    let text = "This is a very long string with many words that should exceed eighty characters for sure in total length"
    #expect(
      GoYAMLWriter.document(["zz": .string(text)]) == """
        zz: This is a very long string with many words that should exceed eighty characters
          for sure in total length

        """)
  }

  @Test func resourcesUseYAML12BooleansAndGoTimestamps() throws {
    let value = try #require(try GoYAMLReader(flavour: .v3).single("a: yes\nb: 2024-01-01\nc: [2024-01-01T10:00:00Z]\nd: 017\n"))
    #expect(value == ["a": "yes", "b": "2024-01-01T00:00:00Z", "c": ["2024-01-01T10:00:00Z"], "d": 15])
  }

  @Test func kustomizationFilesUseYAML11Booleans() throws {
    let value = try #require(try GoYAMLReader(flavour: .v2).single("a: yes\nb: n\nc: 2024-01-01\n"))
    #expect(value == ["a": true, "b": false, "c": "2024-01-01"])
  }
}
