import TackBase
import TackCore
import TackJSON
import Testing

@Suite struct ReconcileRequestTests {
  @Test func tokensAreGoRFC3339NanoInLocalTime() throws {
    let instant = RFC3339Time(epochSeconds: 1_786_120_215, nanoseconds: 123_456_789)
    #expect(instant.rfc3339Nano(offsetSeconds: 3 * 3600) == "2026-08-07T19:30:15.123456789+03:00")
    #expect(instant.rfc3339Nano(offsetSeconds: 0) == "2026-08-07T16:30:15.123456789Z")
    // Go drops trailing zeros of the fraction, and the whole fraction when it is zero.
    #expect(RFC3339Time(epochSeconds: 1_786_120_215, nanoseconds: 120_000_000).rfc3339Nano == "2026-08-07T16:30:15.12Z")
    #expect(
      RFC3339Time(epochSeconds: 1_786_120_215).rfc3339Nano(offsetSeconds: -5 * 3600 - 1800) == "2026-08-07T11:00:15-05:30")
    let token = ReconcileRequest().token
    #expect(RFC3339Time(token) != nil, "the default token must parse back: \(token)")
    #expect(RFC3339Time("2026-08-07T19:30:15.123456789+03:00") == instant)
  }

  @Test func aLaterHandledTokenCoversOurs() {
    let request = ReconcileRequest(token: "2026-08-07T19:30:15.1+03:00")
    #expect(request.isHandled(by: ["status": ["lastHandledReconcileAt": "2026-08-07T19:30:15.1+03:00"]]))
    #expect(request.isHandled(by: ["status": ["lastHandledReconcileAt": "2026-08-07T16:30:15.2Z"]]))
    #expect(!request.isHandled(by: ["status": ["lastHandledReconcileAt": "2026-08-07T16:30:15Z"]]))
    #expect(!request.isHandled(by: ["status": ["lastHandledReconcileAt": "yesterday"]]))
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
