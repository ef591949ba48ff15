import Testing
import TackJSON

@Suite struct JSONParsingTests {
  @Test func keepsKeyOrderAndNumberText() throws {
    let text = #"{"z":1,"a":{"n":0.50,"big":12345678901234567890,"neg":-3e2},"s":"x\ny\u00e9\ud83d\ude00"}"#
    let value = try JSON.parse(text)
    #expect(value.objectValue?.keys == ["z", "a", "s"])
    #expect(value[path: "a", "n"] == .number("0.50"))
    #expect(value[path: "a", "big"] == .number("12345678901234567890"))
    #expect(value["s"]?.stringValue == "x\nyé😀")
    #expect(value.serialized() == #"{"z":1,"a":{"n":0.50,"big":12345678901234567890,"neg":-3e2},"s":"x\nyé😀"}"#)
  }

  @Test(arguments: [
    "", "{", "[1,]", #"{"a" 1}"#, "01", "1.", "-", "tru", #""\x""#, "\"a\u{01}\"", "[1] 2", #"{"a":1,}"#,
  ])
  func rejectsMalformedInput(_ text: String) {
    #expect(throws: JSONParseError.self) { try JSON.parse(text) }
  }

  @Test func lastDuplicateKeyWins() throws {
    let value = try JSON.parse(#"{"a":1,"b":2,"a":3}"#)
    #expect(value.serialized() == #"{"a":3,"b":2}"#)
  }

  @Test func aDuplicateKeyCanBeRefused() throws {
    #expect {
      try JSON.parse(#"{"a":1,"b":{},"a":3}"#, duplicateKeys: .reject)
    } throws: { error in
      "\(error)" == #"invalid JSON at byte 14: the key "a" appears twice in one object"#
    }
    // Keys in different objects are not duplicates.
    #expect(try JSON.parse(#"{"a":{"a":1},"b":[{"a":2}]}"#, duplicateKeys: .reject)[path: "a", "a"] == .number("1"))
  }

  @Test func boundsNesting() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONParseError.self) { try JSON.parse(deep) }
  }

  @Test func loneSurrogateBecomesReplacementCharacter() throws {
    #expect(try JSON.parse(#""\ud800x""#) == .string("\u{FFFD}x"))
  }
}

@Suite struct JSONWritingTests {
  @Test func kubectlStyleSortsIndentsAndEscapesHTML() {
    let value: JSON = ["kind": "List", "items": [], "metadata": [:], "a": ["<b>&", 1, true, nil]]
    let expected = """
      {
          "a": [
              "\\u003cb\\u003e\\u0026",
              1,
              true,
              null
          ],
          "items": [],
          "kind": "List",
          "metadata": {}
      }
      """
    #expect(value.serialized(.kubectl) == expected)
  }

  @Test func pathSetterCreatesIntermediateObjects() {
    var value: JSON = ["metadata": ["name": "x"]]
    value[path: "metadata", "annotations", "a"] = "b"
    value[path: "spec", "suspend"] = true
    #expect(value.serialized() == #"{"metadata":{"name":"x","annotations":{"a":"b"}},"spec":{"suspend":true}}"#)
    value[path: "metadata", "name"] = nil
    #expect(value[path: "metadata", "name"] == nil)
  }

  @Test func equalityIgnoresMemberOrder() {
    let a: JSON = ["x": 1, "y": ["z": 2]]
    let b: JSON = ["y": ["z": 2], "x": 1]
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
  }
}

@Suite struct YAMLBridgeTests {
  @Test func resolvesScalarsAsKubernetesDoes() throws {
    let docs = try JSON.parseYAMLDocuments("""
      ---
      a: yes
      b: "yes"
      c: 0x1F
      d: 1.50
      e: ~
      f: 2001-12-14
      g: 017
      h: '42'
      ---
      ---
      - x
      """)
    #expect(docs.count == 2)
    let d = docs[0]
    #expect(d["a"] == .bool(true))
    #expect(d["b"] == .string("yes"))
    #expect(d["c"] == .number("31"))
    #expect(d["d"] == .number("1.50"))
    #expect(d["e"] == .null)
    #expect(d["f"] == .string("2001-12-14"))
    #expect(d["g"] == .number("15"))
    #expect(d["h"] == .string("42"))
    #expect(docs[1] == ["x"])
  }

  @Test func writesStringsThatReadBackAsStrings() throws {
    let value: JSON = [
      "plain": "hello", "bool": "true", "num": "123", "empty": "", "colon": "a: b",
      "multi": "line1\nline2\n", "list": [1, "x"], "nested": ["k": nil],
    ]
    let yaml = value.yaml(.kubectl)
    #expect(try JSON.parseYAML(yaml) == value)
    #expect(yaml.contains("bool: \"true\"\n"))
    #expect(yaml.contains("plain: hello\n"))
    #expect(yaml.contains("list:\n- 1\n- x\n"))
  }

  @Test func reportsSyntaxErrorsOnOneLine() {
    #expect(throws: YAMLConversionError.self) { try JSON.parseYAMLDocuments("a: b: c") }
  }
}
