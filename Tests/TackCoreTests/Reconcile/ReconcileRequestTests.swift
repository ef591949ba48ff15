import TackCore
import TackJSON
import Testing

@Suite struct ReconcileRequestTests {
  @Test func formatsRFC3339NanoLikeGo() {
    let instant = RFC3339Nano.Instant(seconds: 1_786_120_215, nanoseconds: 123_456_789)
    #expect(RFC3339Nano.format(instant, utcOffset: 3 * 3600) == "2026-08-07T19:30:15.123456789+03:00")
    #expect(RFC3339Nano.format(instant, utcOffset: 0) == "2026-08-07T16:30:15.123456789Z")
    // Go drops trailing zeros of the fraction, and the whole fraction when it is zero.
    #expect(
      RFC3339Nano.format(RFC3339Nano.Instant(seconds: 1_786_120_215, nanoseconds: 120_000_000), utcOffset: 0)
        == "2026-08-07T16:30:15.12Z")
    #expect(
      RFC3339Nano.format(RFC3339Nano.Instant(seconds: 1_786_120_215, nanoseconds: 0), utcOffset: -5 * 3600 - 1800)
        == "2026-08-07T11:00:15-05:30")
  }

  @Test func parsesWhatItFormats() throws {
    let text = "2026-08-07T19:30:15.123456789+03:00"
    let instant = try #require(RFC3339Nano.parse(text))
    #expect(instant == RFC3339Nano.Instant(seconds: 1_786_120_215, nanoseconds: 123_456_789))
    #expect(RFC3339Nano.parse("2026-08-07T16:30:15Z")?.seconds == 1_786_120_215)
    #expect(RFC3339Nano.parse("2026-08-07T16:30:15.5Z")?.nanoseconds == 500_000_000)
    #expect(RFC3339Nano.parse("yesterday") == nil)
    #expect(RFC3339Nano.parse("2026-08-07T16:30:15") == nil)
    let now = RFC3339Nano.now()
    #expect(RFC3339Nano.parse(now) != nil, "now() must parse back: \(now)")
  }

  @Test func patchCarriesTheTokenAndHelmReleaseExtras() {
    let request = ReconcileRequest(token: "2026-08-07T16:30:15.1Z", force: true, reset: true)
    #expect(
      request.patch(for: .kustomization)
        == ["metadata": ["annotations": ["reconcile.fluxcd.io/requestedAt": "2026-08-07T16:30:15.1Z"]]])
    #expect(
      request.patch(for: .helmRelease)
        == [
          "metadata": [
            "annotations": [
              "reconcile.fluxcd.io/requestedAt": "2026-08-07T16:30:15.1Z",
              "reconcile.fluxcd.io/forceAt": "2026-08-07T16:30:15.1Z",
              "reconcile.fluxcd.io/resetAt": "2026-08-07T16:30:15.1Z",
            ]
          ]
        ])
  }

  @Test func handledMeansOurTokenOrALaterOne() {
    let request = ReconcileRequest(token: "2026-08-07T16:30:15.1+02:00")
    func object(_ handled: String?) -> JSON {
      var object: JSON = ["status": [:]]
      if let handled { object[path: "status", "lastHandledReconcileAt"] = .string(handled) }
      return object
    }
    #expect(!request.isHandled(by: object(nil)))
    #expect(request.isHandled(by: object("2026-08-07T16:30:15.1+02:00")))
    #expect(!request.isHandled(by: object("2026-08-07T14:30:15.09Z")))
    #expect(request.isHandled(by: object("2026-08-07T14:30:15.2Z")))
    #expect(!request.isHandled(by: object("not a time")))
  }
}
