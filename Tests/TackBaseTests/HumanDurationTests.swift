import TackBase
import Testing

/// The duration formats of `HumanDuration` and Go's `GoDuration`, each against the tool it copies.
@Suite struct HumanDurationTests {
  @Test(arguments: [
    (0, "0s"), (-1, "0s"), (-5, "<invalid>"), (45, "45s"), (119, "119s"), (200, "3m20s"), (240, "4m"),
    (1500, "25m"), (3 * 3600 + 60, "3h1m"), (5 * 3600, "5h"), (30 * 3600, "30h"), (3 * 86400 + 4 * 3600, "3d4h"),
    (10 * 86400, "10d"), (800 * 86400, "2y70d"), (3000 * 86400, "8y"),
  ] as [(Int64, String)])
  func agesLikeKubectl(_ seconds: Int64, _ expected: String) {
    #expect(HumanDuration.age(seconds: seconds) == expected)
  }

  @Test func ageOfAnObject() {
    let now = RFC3339Time("2026-08-07T17:00:00Z")!
    #expect(HumanDuration.age(since: RFC3339Time("2026-08-07T16:56:40Z"), now: now) == "3m20s")
    #expect(HumanDuration.age(since: nil, now: now) == "<unknown>")
  }

  @Test func elapsedIsShortWhileShort() {
    #expect(HumanDuration.elapsed(.milliseconds(420)) == "0.4s")
    #expect(HumanDuration.elapsed(.seconds(12.34)) == "12.3s")
    #expect(HumanDuration.elapsed(.seconds(65)) == "1m05s")
  }

  @Test(arguments: [
    (0, "0s"), (-3, "0s"), (44.6, "45s"), (180, "3m"), (150, "2m30s"), (3600, "1h"), (3900, "1h5m"),
    (3930, "1h5m"),
  ] as [(Double, String)])
  func shortKeepsTwoUnits(_ seconds: Double, _ expected: String) {
    #expect(HumanDuration.short(seconds: seconds) == expected)
  }

  @Test func secondsShowMillisecondsOnlyWhenThere() {
    #expect(HumanDuration.seconds(.seconds(30)) == "30s")
    #expect(HumanDuration.seconds(.milliseconds(1500)) == "1.500s")
    #expect(HumanDuration.seconds(.milliseconds(250)) == "0.250s")
    #expect(HumanDuration.seconds(.milliseconds(1007)) == "1.007s")
  }

  @Test func wholeMilliseconds() {
    #expect(Duration.milliseconds(1500).wholeMilliseconds == 1500)
    #expect(Duration.microseconds(2999).wholeMilliseconds == 2)
    #expect(Duration.seconds(0).wholeMilliseconds == 0)
  }
}
