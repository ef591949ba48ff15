import TackJSON
import Testing

@Suite struct YAMLScalarSpanTests {
  static func spans(_ text: String) throws -> [YAMLScalarSpan?] {
    try JSON.yamlDocuments(text, scalarAt: ["spec", "chart", "spec", "version"]).map(\.span)
  }

  static func slice(_ text: String, _ span: YAMLScalarSpan) -> String {
    String(decoding: Array(text.utf8)[span.range], as: UTF8.self)
  }

  @Test func findsPlainAndQuotedScalarsInEveryDocument() throws {
    let text = """
      # leading comment, ünïcode ✓
      apiVersion: v1
      kind: ConfigMap
      ---
      spec:
        chart:
          spec:   {chart: demo,   version: "1.0.0" }   # flow style
      ---
      spec:
        chart:
          spec:
            version: 2.3.4 # pinned by CI
      ---
      spec: {chart: {spec: {version: '6.0.1'}}}

      """
    let spans = try Self.spans(text)
    #expect(spans.count == 4)
    #expect(spans[0] == nil)
    let quoted = try #require(spans[1])
    #expect(quoted.value == "1.0.0" && quoted.quoted && Self.slice(text, quoted) == "1.0.0")
    let plain = try #require(spans[2])
    #expect(plain.value == "2.3.4" && !plain.quoted && Self.slice(text, plain) == "2.3.4")
    let single = try #require(spans[3])
    #expect(single.value == "6.0.1" && Self.slice(text, single) == "6.0.1")
  }

  @Test func aScalarWhoseSourceIsNotItsValueHasNoSpan() throws {
    let escaped = "spec:\n  chart:\n    spec:\n      version: \"1.\\u0030.0\"\n"
    #expect(try Self.spans(escaped) == [nil])
    let folded = "spec:\n  chart:\n    spec:\n      version: >-\n        1.0.0\n"
    #expect(try Self.spans(folded) == [nil])
  }
}
