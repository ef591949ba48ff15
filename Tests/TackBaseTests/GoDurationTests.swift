import TackBase
import Testing

@Suite struct GoDurationTests {
  @Test(arguments: [
    ("5m", "5m0s"), ("1m30s", "1m30s"), ("1h", "1h0m0s"), ("250ms", "250ms"), ("1.5s", "1.5s"),
    ("0", "0s"), ("90s", "1m30s"), ("10m0s", "10m0s"), ("2h45m", "2h45m0s"), ("1us", "1µs"),
  ])
  func parsesAndFormatsLikeGo(_ input: String, _ formatted: String) throws {
    let duration = try #require(GoDuration(input))
    #expect(duration.description == formatted)
  }

  @Test(arguments: ["", "5", "m", "5x", "1.2.3s", "--1s", ".s"])
  func rejectsWhatGoRejects(_ input: String) {
    #expect(GoDuration(input) == nil)
  }

  @Test func formatsSwiftDurationsAsFluxPrintsTimeouts() {
    #expect(GoDuration(Duration.seconds(300)).description == "5m0s")
    #expect(GoDuration(Duration.milliseconds(1500)).description == "1.5s")
    #expect(GoDuration(Duration.seconds(3600)).duration == .seconds(3600))
  }
}
