import TackBase
import Testing

@Suite struct TrimmingTests {
  @Test func trimsTheGivenCharactersAtBothEnds() {
    #expect("  a b \t".trimming(" \t") == "a b")
    #expect("--a--".trimming("-") == "a")
    #expect("".trimming(" ") == "")
    #expect(Substring("\n key \n").trimming(" \n") == "key")
  }

  @Test func comparesCharactersSoCRLFIsOne() {
    #expect("line\r\n".trimming("\r\n") == "line")
    #expect("line\r\n".trimming("\n") == "line\r\n", "\\r\\n is one character, not \\n")
    #expect("token\n".trimming(" \n\r\t") == "token")
  }

  @Test func whitespaceMeansUnicodeWhitespace() {
    #expect("\u{00A0} x \r\n".trimmingWhitespace() == "x")
    #expect("x".trimmingWhitespace() == "x")
  }
}

@Suite struct PercentEncodingTests {
  @Test func decodesEscapes() {
    #expect(PercentEncoding.decode("bot%40ci") == "bot@ci")
    #expect(PercentEncoding.decode("%E2%9C%94") == "✔")
    #expect(PercentEncoding.decode("50%") == "50%", "a lone percent stays")
    #expect(PercentEncoding.decode("%zz") == "%zz")
  }

  @Test func plusIsASpaceOnlyInQueries() {
    #expect(PercentEncoding.decode("a+b%3Dc", plusAsSpace: true) == "a b=c")
    #expect(PercentEncoding.decode("a+b") == "a+b")
  }
}
