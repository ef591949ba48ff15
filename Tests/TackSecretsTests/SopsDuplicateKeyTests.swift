import Foundation
import Testing

@testable import TackSecrets

/// Found by the sops-yaml fuzz target (FUZZING.md, finding 9): a key under a local tag
/// (`!gcreati: unencrypted_suffix`) and the same key plain are two keys to YAML but one to SOPS. The
/// writer dropped the tag, so the file it wrote held the key twice and no longer read back.
@Suite struct SopsDuplicateKeyTests {
  static let fuzzInput = "I0VOQ1tBRVMyNTZfR0NNLGRhdGE6cENoSURIV1dQemlkSWxlQnVmZmVyUG9pOiBFTkNbQUVTMjU2X0dDTSxkYXRhOmd3PT0saXY6OGI4UU16M1BGUGgrOXlyVG1OWDhiS2lSZ09pY3FMdzV1eTRSVXRmL2FPST0sdGFnOkEyYmJBcCtwaVJ6RlZ6anVOVkVtcmc9PSx0eXBlOnN0cl0KcGFzc3dvcmRfdW5lbmNyeXB0ZWQ6IHZpc2libGUKb3BzczoKICAgIGFnZToKICAgICAgICAtIHJlY2lwaWVudDogYWdlMTNoamhqMGU4cHJhcmFoeHh0dDZkYzRsNWg5dTdsZmFqYWc2MHpma2RlZWZ2eGQ3YW51cHE3dWFjeTQKICAgICAgICAgIGVuYzogfAogICAgICAgICAgICAtLS0tLUJFR0lOIEFHRSBFTkNSWVBURUQgRklMRS0tLS0tCiAgICBpcGl6ZW50Om46IEVOQ1tBRVMyNTZfR0NNLGRhdGE6NHdLQTdRZ3JMVGlKSXc2LzhRd2JoQT09LGl2OkJwZTpzdHJdCnNvcHM6wiAgICAhZ2NyZWF0aToKICAtIHk1CnJlOgogICAgYTo0d0tBN1FnckxUaUpJdzIvOFF3YmhBPT0saXY6QnBlOnN0cl0Kc29wczoKICAgICFnY3JlYXRpOiB1bmVuY3J5cHRlZF9zdWZmaXg6IF91biAgICAgICAgWVdkbExXVnVZM0o1Y0hScGIyNHViM0puTDNZeENpMCtJRmd5TlRVeE9TQlVkRVUxICAgIC0tLS0tRU5EIEFHRSBFTkNSWVBURUQgRklMRS0tLS0tCiAgICBsYXN0bW9kaWZpZWQ6ICIyMDI2LTExLTI4VDE0OjE0OjI5WiIKICAgIG1hYzogRU5DW0FFUzI1Nl9HQ00sZGF0YTovNFZrOVJaejZhaE0yUkk0TTM3UHhKOXRSODFtbUNGM3Vlbm1HeDNrZXRlZVpTTkhUaEZ5OTdwbm04amZsY2xVcWxReUtNY0xObm82L00kUVlnWSszMVc3QzJteWR4UWlsQlJCSFkyYlMvTS80MHRVRzcrZmlPWmJOM0FRWGZVdG55eENKcERZZXROVVd6QjZ1aGlFZVBpd2pXZFV1ZXo5RXZSM3l5M3p1U2s9LGl2OkExem9GTlZLcy8vVHRrVnlMN3F6TFFLUStEcTN1TThLYm95UkpwRVhrWm89LHRhZzpXN3MzL0p4L0tDWWpTQXJTbndYZWNRPT0sdHlwZTpzdHJdCiAgICB1bmVuY3J5cHRlZF9zdWZmaXg6IF91bmVuY3JMcHRlZAogICAgdmVyc2lvbjogMy4xMS4wCg=="

  @Test func theFuzzInputIsRefusedNamingTheKey() throws {
    let data = try #require(Data(base64Encoded: Self.fuzzInput))
    let text = String(decoding: data, as: UTF8.self)
    #expect {
      try SopsFile.parse(text, format: .yaml)
    } throws: { error in
      "\(error)".contains("key \"unencrypted_suffix\" on line") && "\(error)".contains("defined twice")
    }
  }

  @Test(arguments: ["a: 1\n!x a: 2\n", "!!str a: 1\na: 2\n", "m:\n  ! k: 1\n  k: 2\n"])
  func keysThatDifferOnlyByTagAreRefused(_ text: String) {
    #expect(throws: SopsError.self) { try SopsFile.parse(text, format: .yaml) }
  }

  @Test func distinctKeysStillRead() throws {
    let file = try SopsFile.parse("a: 1\n!x b: 2\n", format: .yaml)
    let again = try SopsFile.parse(file.serialized(), format: .yaml)
    #expect(again.serialized() == file.serialized())
  }
}

/// JSON's duplicate keys: the API server keeps the last one, but a SOPS file must not lose the other
/// without a word (sops itself keeps both and writes a file with the key twice).
@Suite struct SopsJSONDuplicateKeyTests {
  @Test(arguments: ["{\"a\": \"x\", \"a\": \"y\"}", "{\"m\": {\"k\": 1, \"b\": 2, \"k\": 3}}"])
  func aRepeatedKeyIsRefusedNamingIt(_ text: String) {
    #expect {
      try SopsFile.parse(text, format: .json)
    } throws: { error in
      "\(error)".contains("appears twice in one object")
    }
  }
}
