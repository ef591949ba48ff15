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
    try await Task.sleep(for: .milliseconds(Int64(saturating: max(0, seconds) * 1000)))
  }
}
