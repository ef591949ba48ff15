import TackBase

/// When and how long to wait before trying a request again. A pure value: `decision(...)` is
/// unit-tested without I/O.
///
/// Only safe retries: idempotent requests (reads, and writes the caller marks idempotent) are
/// retried on 429, on 500 with `Retry-After`, on 502/503/504 and on a broken connection; anything
/// else (a create) only when the request never reached the server (DNS or connect failure).
public struct RetryPolicy: Sendable, Equatable {
  /// Attempts in total, the first included.
  public var maxAttempts: Int
  public var baseDelay: Duration
  public var maxDelay: Duration
  /// The longest `Retry-After` honoured.
  public var maxRetryAfter: Duration

  public init(
    maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(5),
    maxRetryAfter: Duration = .seconds(30)
  ) {
    self.maxAttempts = maxAttempts
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.maxRetryAfter = maxRetryAfter
  }

  public static let standard = RetryPolicy()
  public static let never = RetryPolicy(maxAttempts: 1)

  /// How safe a request is to send twice.
  public enum Safety: Sendable, Equatable {
    /// Reads, and writes that leave the same state when repeated (a PUT, a DELETE, a Kubernetes
    /// PATCH with a resourceVersion precondition).
    case idempotent
    /// POST (create) and anything else with side effects.
    case unsafe
  }

  public enum Outcome: Sendable {
    case response(status: Int, retryAfter: String?)
    case transportError(HTTPTransportError)
  }

  /// nil: do not retry. Otherwise the delay before attempt `attempt + 1` (`attempt` counts from 1).
  public func delay(after outcome: Outcome, attempt: Int, safety: Safety, jitter: Double = Double.random(in: 0.5...1.0))
    -> Duration?
  {
    guard attempt < maxAttempts else { return nil }
    switch outcome {
    case .transportError(let error):
      if error.neverSent { return backoff(attempt, jitter: jitter) }
      guard safety == .idempotent, error.kind == .connectionReset else { return nil }
      return backoff(attempt, jitter: jitter)
    case .response(let status, let retryAfter):
      guard safety == .idempotent else { return nil }
      let hint = retryAfter.flatMap(Self.parseRetryAfter)
      switch status {
      case 429, 503:
        return hint.map { min($0, maxRetryAfter) } ?? backoff(attempt, jitter: jitter)
      case 500:
        guard let hint else { return nil }
        return min(hint, maxRetryAfter)
      case 502, 504:
        return hint.map { min($0, maxRetryAfter) } ?? backoff(attempt, jitter: jitter)
      default:
        return nil
      }
    }
  }

  /// Capped exponential backoff with jitter (a factor of 0.5–1).
  func backoff(_ attempt: Int, jitter: Double) -> Duration {
    let exponent = min(attempt - 1, 20)
    let raw = baseDelay * (1 << exponent)
    return min(raw, maxDelay) * jitter
  }

  /// `Retry-After: <seconds>`; the HTTP-date form is ignored (the Kubernetes API server never sends it).
  static func parseRetryAfter(_ text: String) -> Duration? {
    guard let seconds = Int(text.trimming(" ")), seconds >= 0 else { return nil }
    return .seconds(seconds)
  }
}
