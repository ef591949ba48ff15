/// What to do after one answer from a hosting service's API: a pure value, unit-tested without I/O.
///
/// - A spent rate limit (403/429 with `remaining: 0`, or a `Retry-After`) is waited out when the
///   wait is short (`maxRateLimitWait`), otherwise it ends the call with the reset time.
/// - 5xx answers and broken connections are retried with capped exponential backoff, but only for
///   requests that are safe to repeat: a create that may have happened is not sent twice.
public struct ProviderRetryDecision: Sendable, Equatable {
  public var maxAttempts: Int
  public var baseDelay: Duration
  public var maxDelay: Duration
  /// The longest wait for a rate limit to reset before giving up with its reset time.
  public var maxRateLimitWait: Duration

  public init(
    maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8),
    maxRateLimitWait: Duration = .seconds(90)
  ) {
    self.maxAttempts = maxAttempts
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.maxRateLimitWait = maxRateLimitWait
  }

  /// The rate-limit headers of one answer, whichever spelling the service uses.
  public struct RateLimit: Sendable, Equatable {
    /// Requests left in the window; nil when the answer did not say.
    public var remaining: Int?
    /// When the window resets, in seconds since 1970.
    public var reset: Int64?
    /// `Retry-After` in seconds (secondary limits, 429).
    public var retryAfter: Int?

    public init(remaining: Int? = nil, reset: Int64? = nil, retryAfter: Int? = nil) {
      self.remaining = remaining
      self.reset = reset
      self.retryAfter = retryAfter
    }

    /// From `x-ratelimit-*` (GitHub, Gitea), `ratelimit-*` (GitLab) and `retry-after`.
    public init(header: (String) -> String?) {
      func int(_ names: String...) -> Int? {
        for name in names { if let value = header(name).flatMap({ Int($0.filter { !$0.isWhitespace }) }) { return value } }
        return nil
      }
      remaining = int("x-ratelimit-remaining", "ratelimit-remaining")
      reset = int("x-ratelimit-reset", "ratelimit-reset").map(Int64.init)
      retryAfter = int("retry-after")
    }
  }

  public enum Outcome: Sendable, Equatable {
    /// The answer stands (success or an error to report).
    case accept
    case retry(after: Duration)
    /// The limit is spent until this time (seconds since 1970).
    case rateLimited(reset: Int64)
  }

  /// - Parameters:
  ///   - status: the answer's status, nil when the connection failed.
  ///   - attempt: attempts made so far, counting from 1.
  ///   - repeatable: whether sending the request again is harmless.
  ///   - now: the current time in seconds since 1970.
  public func decide(status: Int?, rateLimit: RateLimit, attempt: Int, repeatable: Bool, now: Int64) -> Outcome {
    let spent = (status == 403 || status == 429) && (rateLimit.remaining == 0 || rateLimit.retryAfter != nil)
    if spent || status == 429 {
      let wait: Int64
      if let retryAfter = rateLimit.retryAfter {
        wait = Int64(max(retryAfter, 0))
      } else if let reset = rateLimit.reset {
        wait = max(reset - now, 0) + 1
      } else {
        wait = 60
      }
      let resetAt = now.addingReportingOverflow(wait).overflow ? Int64.max : now + wait
      guard attempt < maxAttempts, Duration.seconds(wait) <= maxRateLimitWait else { return .rateLimited(reset: resetAt) }
      return .retry(after: .seconds(wait))
    }
    guard attempt < maxAttempts, repeatable else { return .accept }
    if let status, !(500...599).contains(status) { return .accept }
    let exponent = min(attempt - 1, 16)
    return .retry(after: min(baseDelay * (1 << exponent), maxDelay))
  }
}
