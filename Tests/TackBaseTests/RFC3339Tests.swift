import TackBase
import Testing

@Suite struct RFC3339Tests {
  @Test func parsesKubernetesTimestamps() throws {
    #expect(RFC3339Time("1970-01-01T00:00:00Z")?.epochSeconds == 0)
    #expect(RFC3339Time("1970-01-01T00:00:00Z")?.seconds == 0)
    #expect(RFC3339Time("2026-08-07T16:50:15Z")?.epochSeconds == 1_786_121_415)
    #expect(RFC3339Time("2026-08-07T16:50:15.123456789Z")?.epochSeconds == 1_786_121_415)
    #expect(RFC3339Time("2026-08-07T16:50:15.123456789Z")?.nanoseconds == 123_456_789)
    #expect(RFC3339Time("2026-08-07T18:50:15+02:00")?.epochSeconds == 1_786_121_415)
    #expect(RFC3339Time("2026-08-07t16:50:15z")?.epochSeconds == 1_786_121_415)
    #expect(RFC3339Time("2024-02-29T12:30:15.5Z")?.seconds == 1_709_209_815.5)
    #expect(RFC3339Time("2024-02-29T14:30:15+02:00")?.seconds == 1_709_209_815)
    #expect(RFC3339Time("2024-02-29T10:00:15-02:30")?.seconds == 1_709_209_815)
    let t = try #require(RFC3339Time("2026-11-28T15:04:05Z"))
    #expect(RFC3339Time("2026-11-28T15:04:05.5+01:00")!.seconds == t.seconds - 3600 + 0.5)
    // Go reads and drops digits past nanoseconds.
    #expect(RFC3339Time("2026-08-07T16:50:15.1234567891Z")?.nanoseconds == 123_456_789)
  }

  @Test(arguments: [
    "2026-08-07", "2026-13-07T16:50:15Z", "2026-08-07T16:50:15", "2024-02-29 14:30:15", "2024-02-29 14:30:15Z",
    "2026-08-07T16:50:15.Z", "2026-08-07T16:50:15+0200", "2026-08-07T16:50:15Zjunk", "2026-08-07T24:00:00Z",
    "yesterday", "",
  ])
  func rejectsWhatKubernetesRejects(_ text: String) {
    #expect(RFC3339Time(text) == nil)
  }

  @Test func formatsRoundTrip() {
    for text in ["2026-08-07T16:50:15Z", "2000-02-29T23:59:59Z", "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z"] {
      #expect(RFC3339Time(text)?.rfc3339 == text)
      #expect(RFC3339Time(text)?.description == text)
    }
    #expect(RFC3339Time(epochSeconds: 1_709_209_815).rfc3339 == "2024-02-29T12:30:15Z")
    #expect(RFC3339Time(seconds: 1_709_209_815.75).rfc3339 == "2024-02-29T12:30:15Z", "whole seconds, rounded down")
    #expect(RFC3339Time("2026-11-28T15:04:05Z")?.clock == "15:04:05")
  }

  @Test func formatsRFC3339NanoAsGoDoes() {
    #expect(RFC3339Time("2026-08-07T16:50:15Z")?.rfc3339Nano == "2026-08-07T16:50:15Z")
    #expect(RFC3339Time("2026-08-07T16:50:15.250Z")?.rfc3339Nano == "2026-08-07T16:50:15.25Z")
    #expect(RFC3339Time("2026-08-07T18:50:15.123456789+02:00")?.rfc3339Nano == "2026-08-07T16:50:15.123456789Z")
    #expect(RFC3339Time("2026-08-07T16:50:15.000001Z")?.rfc3339Nano == "2026-08-07T16:50:15.000001Z")
    #expect(RFC3339Time(epochSeconds: -1, nanoseconds: 500_000_000).rfc3339Nano == "1969-12-31T23:59:59.5Z")
    #expect(RFC3339Time(seconds: -0.5) == RFC3339Time(epochSeconds: -1, nanoseconds: 500_000_000))
  }

  @Test func ordersByInstant() throws {
    let a = try #require(RFC3339Time("2026-08-07T16:50:15.1Z"))
    let b = try #require(RFC3339Time("2026-08-07T18:50:15.2+02:00"))
    #expect(a < b)
    #expect(RFC3339Time("2026-08-07T18:50:15+02:00") == RFC3339Time("2026-08-07T16:50:15Z"))
    let now = RFC3339Time.now()
    #expect(now > a && (0..<1_000_000_000).contains(now.nanoseconds))
  }
}
