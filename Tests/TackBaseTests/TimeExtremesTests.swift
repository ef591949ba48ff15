import TackBase
import Testing

/// Durations and instants at the ends of their ranges, as hostile objects and flags write them:
/// parsing refuses what Go refuses, formatting never traps.
@Suite struct TimeExtremesTests {
  @Test(arguments: ["9999999999h", "9223372036854775808ns", "2562048h", "1e3s", "NaNs", "infh", "99999999999999999999999999999s"])
  func goRejectsDurationsPastItsRange(_ text: String) {
    #expect(GoDuration(text) == nil)
  }

  @Test func theLongestDurationsParseAndPrint() throws {
    let long = try #require(GoDuration("2562047h"))
    #expect(long.description == "2562047h0m0s")
    #expect(GoDuration.max.description == "2562047h47m16.854775807s")
    #expect(GoDuration(nanoseconds: .min).description == "-2562047h47m16.854775808s")
  }

  @Test func conversionsSaturate() {
    #expect(GoDuration(seconds: .infinity) == .max)
    #expect(GoDuration(seconds: 1e300).nanoseconds == .max)
    #expect(GoDuration(seconds: -1e300).nanoseconds == .min)
    #expect(GoDuration(seconds: .nan).nanoseconds == 0)
    #expect(GoDuration(Duration.seconds(Int64.max)) == .max)
    #expect(GoDuration(seconds: 60).multiplied(by: Int.max) == .max)
    #expect(GoDuration(seconds: 60).multiplied(by: Int.min).nanoseconds == .min)
    #expect(GoDuration(seconds: 60).multiplied(by: 3).description == "3m0s")
  }

  @Test func humanDurationsOfExtremes() {
    #expect(HumanDuration.short(seconds: GoDuration.max.seconds) == "∞")
    #expect(HumanDuration.short(seconds: .infinity) == "∞")
    #expect(HumanDuration.short(seconds: 1e300) == "∞")
    #expect(HumanDuration.short(seconds: .nan) == "-")
    #expect(HumanDuration.short(seconds: -1e300) == "0s")
    #expect(HumanDuration.short(seconds: 3900) == "1h5m")
    #expect(HumanDuration.age(seconds: .max) == "292471208677y")
    #expect(HumanDuration.age(seconds: .min) == "<invalid>")
    let now = RFC3339Time(epochSeconds: .max)
    #expect(HumanDuration.age(since: RFC3339Time(epochSeconds: .min), now: now) == "292471208677y")
    #expect(HumanDuration.age(since: now, now: RFC3339Time(epochSeconds: .min)) == "<invalid>")
  }

  @Test func instantsAtTheEndsOfTimeStillPrint() {
    #expect(RFC3339Time(seconds: .infinity).epochSeconds == .max)
    #expect(RFC3339Time(seconds: -.infinity).epochSeconds == .min)
    #expect(RFC3339Time(seconds: .nan).epochSeconds == 0)
    #expect(RFC3339Time(seconds: 1e19).epochSeconds == .max)
    // Printing does not trap, whatever it says for a year no calendar reaches.
    #expect(!RFC3339Time(epochSeconds: .max).rfc3339.isEmpty)
    #expect(!RFC3339Time(epochSeconds: .min).rfc3339.isEmpty)
    #expect(!RFC3339Time(epochSeconds: .max).rfc3339Nano(offsetSeconds: 3600).isEmpty)
    #expect(RFC3339Time("9999-12-31T23:59:59Z")?.rfc3339 == "9999-12-31T23:59:59Z")
  }
}
