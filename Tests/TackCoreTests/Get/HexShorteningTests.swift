import TackCore
import Testing

@Suite struct HexShorteningTests {
  @Test(arguments: [
    ("main@sha1:696f056df216eea4f9401adbee0ff744d4df390f", "main@sha1:696f056d"),
    (
      "latest@sha256:a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90",
      "latest@sha256:a1b2c3d4"
    ),
    (
      "stored artifact for revision 'main@sha1:696f056df216eea4f9401adbee0ff744d4df390f'",
      "stored artifact for revision 'main@sha1:696f056d'"
    ),
    ("sha1:0123456789abcdef0123456789abcdef01234567 and 0123456789abcdef0123456789abcdef01234567",
      "sha1:01234567 and 01234567"),
  ])
  func shortensDigests(_ input: String, _ expected: String) {
    #expect(HexShortening.shorten(input) == expected)
  }

  @Test(arguments: [
    "",
    "6.5.4",
    // 39 characters: too short.
    "main@sha1:696f056df216eea4f9401adbee0ff744d4df390",
    // Uppercase is not hex to flux.
    "main@sha1:696F056DF216EEA4F9401ADBEE0FF744D4DF390F",
    // Glued to other word characters: no word boundary.
    "X696f056df216eea4f9401adbee0ff744d4df390f",
    "696f056df216eea4f9401adbee0ff744d4df390f_",
    // 129 hex characters: longer than SHA-512.
    String(repeating: "a", count: 129),
  ])
  func leavesOtherTextAlone(_ input: String) {
    #expect(HexShortening.shorten(input) == input)
  }

  @Test func boundsAreInclusive() {
    #expect(HexShortening.shorten(String(repeating: "a", count: 40)) == "aaaaaaaa")
    #expect(HexShortening.shorten(String(repeating: "b", count: 128)) == "bbbbbbbb")
    // Non-ASCII letters are not word characters to Go's \b.
    #expect(HexShortening.shorten("é" + String(repeating: "c", count: 40)) == "écccccccc")
  }
}

@Suite struct StatusSelectorTests {
  let conditions: [TackJSON.JSON] = [
    ["type": "Reconciling", "status": "True"],
    ["type": "Ready", "status": "False"],
  ]

  @Test func parsesBothForms() throws {
    let equal = try StatusSelector(parsing: "Ready=True")
    #expect(equal == StatusSelector(conditionType: "Ready", status: "True"))
    let notEqual = try StatusSelector(parsing: "ready!=true")
    #expect(notEqual == StatusSelector(conditionType: "ready", status: "true", negated: true))
    #expect(notEqual.description == "ready!=true")
  }

  @Test func malformedIsAUsageErrorWithFluxWording() {
    #expect(throws: StatusSelectorError(text: "Ready")) { try StatusSelector(parsing: "Ready") }
    #expect(
      StatusSelectorError(text: "Ready").description
        == "expected status selector in type=status or type!=status format, but found: Ready")
    #expect(StatusSelectorError(text: "x").exitStatus == .usage)
  }

  @Test func matchesCaseInsensitively() throws {
    #expect(try StatusSelector(parsing: "ready=false").matches(conditions: conditions))
    #expect(try !StatusSelector(parsing: "Ready=True").matches(conditions: conditions))
    #expect(try StatusSelector(parsing: "Ready!=True").matches(conditions: conditions))
    #expect(try StatusSelector(parsing: "RECONCILING=true").matches(conditions: conditions))
  }

  @Test func negationIncludesObjectsWithoutTheCondition() throws {
    #expect(try StatusSelector(parsing: "Stalled!=True").matches(conditions: conditions))
    #expect(try !StatusSelector(parsing: "Stalled=True").matches(conditions: conditions))
    #expect(try StatusSelector(parsing: "Ready!=True").matches(conditions: []))
  }

  @Test func alwaysReadyKindsOnlyMatchReadyTrue() throws {
    #expect(try StatusSelector(parsing: "ready=true").matchesAlwaysReady())
    #expect(try !StatusSelector(parsing: "Ready=False").matchesAlwaysReady())
    #expect(try StatusSelector(parsing: "Ready!=False").matchesAlwaysReady())
    #expect(try !StatusSelector(parsing: "foo=bar").matchesAlwaysReady())
  }
}

import TackJSON

@Suite struct TimestampTests {
  @Test func parsesKubernetesTimestamps() throws {
    #expect(Timestamp(rfc3339: "1970-01-01T00:00:00Z")?.epochSeconds == 0)
    #expect(Timestamp(rfc3339: "2026-08-07T16:50:15Z")?.epochSeconds == 1_786_121_415)
    #expect(Timestamp(rfc3339: "2026-08-07T16:50:15.123456789Z")?.epochSeconds == 1_786_121_415)
    #expect(Timestamp(rfc3339: "2026-08-07T18:50:15+02:00")?.epochSeconds == 1_786_121_415)
    #expect(Timestamp(rfc3339: "2026-08-07") == nil)
    #expect(Timestamp(rfc3339: "2026-13-07T16:50:15Z") == nil)
    #expect(Timestamp(rfc3339: "2026-08-07T16:50:15") == nil)
  }

  @Test func formatsRoundTrip() {
    for text in ["2026-08-07T16:50:15Z", "2000-02-29T23:59:59Z", "1969-12-31T23:59:59Z"] {
      #expect(Timestamp(rfc3339: text)?.rfc3339UTC == text)
    }
  }

  @Test(arguments: [
    (0, "0s"), (-1, "0s"), (-5, "<invalid>"), (45, "45s"), (119, "119s"), (200, "3m20s"), (240, "4m"),
    (1500, "25m"), (3 * 3600 + 60, "3h1m"), (5 * 3600, "5h"), (30 * 3600, "30h"), (3 * 86400 + 4 * 3600, "3d4h"),
    (10 * 86400, "10d"), (800 * 86400, "2y70d"), (3000 * 86400, "8y"),
  ] as [(Int64, String)])
  func agesLikeKubectl(_ seconds: Int64, _ expected: String) {
    #expect(HumanDuration.format(seconds: seconds) == expected)
  }
}
