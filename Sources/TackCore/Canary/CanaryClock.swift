import TackBase

/// Wall time and sleeping, injectable so tests can run a release in virtual time.
public protocol CanaryClock: Sendable {
  func now() -> RFC3339Time
  func sleep(seconds: Double) async throws
}

public struct SystemCanaryClock: CanaryClock {
  public init() {}
  public func now() -> RFC3339Time { .now() }
  public func sleep(seconds: Double) async throws {
    try await Task.sleep(for: .milliseconds(Int64(max(0, seconds) * 1000)))
  }
}

/// Progress a use case reports while it works; the CLI prints it in flux's symbols on stderr.
public enum CanaryNote: Sendable, Equatable {
  case action(String)
  case waiting(String)
  case success(String)
  case warning(String)
  case failure(String)
  /// A new state during a wait (`--wait` prints one line per change).
  case state(String)
}
