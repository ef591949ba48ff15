import TackBase

/// Where a followed pod log has been read to, so that reading it again after the stream broke
/// neither repeats nor loses a line.
///
/// A resumed read asks for the lines since the last one's time, but the apiserver passes `sinceTime`
/// to the kubelet in whole seconds, so the new stream starts with lines already delivered: those
/// older than the last time are skipped, and of those with exactly the last time (a burst can share
/// one), as many as were delivered. Kubelet timestamps never go backwards within a container.
///
/// ```swift
/// var cursor = LogFollowCursor()
/// cursor.admit(t1)        // true
/// cursor.reopen()         // the stream broke; the next read starts at `cursor.resumeTime`
/// cursor.admit(t1)        // false: already delivered
/// ```
public struct LogFollowCursor: Sendable, Equatable {
  /// The time of the last line delivered.
  public private(set) var time: RFC3339Time?
  /// How many delivered lines carry exactly ``time``.
  private var delivered = 0
  /// How many lines with exactly ``time`` the current stream has repeated so far.
  private var repeated = 0
  /// How many lines were delivered in all (a resumed read that adds none is not progress).
  public private(set) var count = 0

  public init() {}

  /// The `sinceTime` of a resumed read (the apiserver rounds it down to the second).
  public var resumeTime: RFC3339Time? { time }

  /// A new stream starts: it may repeat what the last one delivered.
  public mutating func reopen() { repeated = 0 }

  /// Whether a line stamped `stamp` is new (and counts it as delivered if so).
  public mutating func admit(_ stamp: RFC3339Time) -> Bool {
    guard let time else {
      self.time = stamp
      delivered = 1
      repeated = 1
      count += 1
      return true
    }
    if stamp < time { return false }
    if stamp == time {
      repeated += 1
      guard repeated > delivered else { return false }
      delivered += 1
      repeated = delivered
      count += 1
      return true
    }
    self.time = stamp
    delivered = 1
    repeated = 1
    count += 1
    return true
  }

  /// Splits `2026-03-01T10:00:00.123456789Z <line>` as `timestamps=true` sends it; a line without a
  /// time (which the kubelet never sends) comes back whole with none.
  public static func split(_ line: Substring) -> (time: RFC3339Time?, text: Substring) {
    guard let space = line.firstIndex(of: " "), let time = RFC3339Time(String(line[..<space])) else { return (nil, line) }
    return (time, line[line.index(after: space)...])
  }
}
