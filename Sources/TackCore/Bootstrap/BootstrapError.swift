import TackBase

/// Why bootstrap stopped. Each message names the flag or object involved and what to do.
public struct BootstrapError: TackError, Equatable {
  public enum Reason: Sendable, Equatable {
    /// A flag value is wrong or flags contradict each other (exit 64).
    case usage
    /// The question a prompt would ask has no answer: stdin is not a terminal.
    case needsAnswer
    /// The repository, the cluster or the credentials said no.
    case failed
    /// Waiting for Flux to report the sync ran out of time.
    case timedOut
    /// Flux reported a failure (Ready=False).
    case resourceFailed
    /// The user declined a confirmation.
    case cancelled
  }

  public var reason: Reason
  public var message: String

  public init(_ reason: Reason, _ message: String) {
    self.reason = reason
    self.message = message
  }

  public static func usage(_ message: String) -> BootstrapError { BootstrapError(.usage, message) }
  public static func failed(_ message: String) -> BootstrapError { BootstrapError(.failed, message) }

  public var description: String { message }
  public var exitStatus: ExitStatus {
    switch reason {
    case .usage, .needsAnswer: .usage
    case .failed, .cancelled: .failure
    case .timedOut: .timedOut
    case .resourceFailed: .resourceFailed
    }
  }
}
