import Testing

@testable import TackHTTP

@Suite struct RetryPolicyTests {
  let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .milliseconds(250))
  let reset = HTTPTransportError(kind: .connectionReset, url: "u", detail: "")
  let refused = HTTPTransportError(kind: .connectionRefused, url: "u", detail: "", neverSent: true)
  let tls = HTTPTransportError(kind: .tls, url: "u", detail: "")

  @Test func readsRetryOnTransientStatuses() {
    for status in [429, 502, 503, 504] {
      #expect(policy.delay(after: .response(status: status, retryAfter: nil), attempt: 1, safety: .idempotent, jitter: 1) == .milliseconds(100))
    }
    #expect(policy.delay(after: .response(status: 500, retryAfter: nil), attempt: 1, safety: .idempotent) == nil)
    #expect(policy.delay(after: .response(status: 500, retryAfter: "2"), attempt: 1, safety: .idempotent) == .seconds(2))
    #expect(policy.delay(after: .response(status: 429, retryAfter: "3"), attempt: 1, safety: .idempotent) == .seconds(3))
    #expect(policy.delay(after: .response(status: 404, retryAfter: nil), attempt: 1, safety: .idempotent) == nil)
    #expect(policy.delay(after: .response(status: 409, retryAfter: nil), attempt: 1, safety: .idempotent) == nil)
  }

  @Test func backoffGrowsAndIsCapped() {
    let delays = (1...3).map {
      policy.delay(after: .transportError(reset), attempt: $0, safety: .idempotent, jitter: 1)
    }
    #expect(delays == [.milliseconds(100), .milliseconds(200), .milliseconds(250)])
    #expect(policy.delay(after: .transportError(reset), attempt: 4, safety: .idempotent) == nil)
    let jittered = policy.delay(after: .transportError(reset), attempt: 1, safety: .idempotent, jitter: 0.5)
    #expect(jittered == .milliseconds(50))
  }

  @Test func createsOnlyWhenNeverSent() {
    #expect(policy.delay(after: .response(status: 503, retryAfter: nil), attempt: 1, safety: .unsafe) == nil)
    #expect(policy.delay(after: .response(status: 429, retryAfter: "1"), attempt: 1, safety: .unsafe) == nil)
    #expect(policy.delay(after: .transportError(reset), attempt: 1, safety: .unsafe) == nil)
    #expect(policy.delay(after: .transportError(refused), attempt: 1, safety: .unsafe, jitter: 1) == .milliseconds(100))
    #expect(policy.delay(after: .transportError(tls), attempt: 1, safety: .idempotent) == nil)
  }
}
