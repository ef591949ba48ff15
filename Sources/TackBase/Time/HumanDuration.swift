/// How tack writes a duration for people. Each format copies the tool whose output it stands beside,
/// so they differ on purpose; Go's own `time.Duration` text (flags, Flux and Flagger specs,
/// `timed out after 5m0s`) is `GoDuration`.
///
/// | format            | examples                                  | where                              |
/// |-------------------|-------------------------------------------|------------------------------------|
/// | `age(seconds:)`   | `45s` `3m20s` `25m` `5h10m` `3d4h` `2y10d` | AGE columns (kubectl's)            |
/// | `short(seconds:)` | `45s` `3m` `2m30s` `1h5m`                  | canary ETA                         |
/// | `elapsed(_:)`     | `0.4s` `12.3s` `1m05s`                     | the timer on a live wait line      |
/// | `seconds(_:)`     | `30s` `1.500s`                             | request deadlines in error details |
public enum HumanDuration {
  /// kubectl's AGE column (`HumanDuration` in apimachinery): precise while young, coarser with age.
  public static func age(seconds: Int64) -> String {
    if seconds < -1 { return "<invalid>" }
    if seconds < 0 { return "0s" }
    if seconds < 120 { return "\(seconds)s" }
    let minutes = seconds / 60
    if minutes < 10 {
      let s = seconds % 60
      return s == 0 ? "\(minutes)m" : "\(minutes)m\(s)s"
    }
    if minutes < 180 { return "\(minutes)m" }
    let hours = seconds / 3600
    if hours < 8 {
      let m = minutes % 60
      return m == 0 ? "\(hours)h" : "\(hours)h\(m)m"
    }
    if hours < 48 { return "\(hours)h" }
    if hours < 24 * 8 {
      let h = hours % 24
      return h == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(h)h"
    }
    if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
    if hours < 24 * 365 * 8 {
      let days = (hours / 24) % 365
      return days == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(days)d"
    }
    return "\(hours / 24 / 365)y"
  }

  /// The age of an object created at `created`, seen at `now`; `<unknown>` without a timestamp.
  public static func age(since created: RFC3339Time?, now: RFC3339Time) -> String {
    guard let created else { return "<unknown>" }
    return age(seconds: now.epochSeconds.saturatingSubtracting(created.epochSeconds))
  }

  /// Whole seconds, minutes and hours, at most two units: `45s`, `3m`, `2m30s`, `1h5m`; `∞` from
  /// the longest Go duration on (an ETA that saturated).
  public static func short(seconds: Double) -> String {
    if seconds.isNaN { return "-" }
    if seconds >= GoDuration.max.seconds { return "∞" }
    let s = max(0, Int(saturating: seconds.rounded()))
    if s < 60 { return "\(s)s" }
    if s < 3600 { return s % 60 == 0 ? "\(s / 60)m" : "\(s / 60)m\(s % 60)s" }
    let m = s / 60 % 60
    return m == 0 ? "\(s / 3600)h" : "\(s / 3600)h\(m)m"
  }

  /// `0.4s`, `12.3s`, `1m05s`: tenths while short, calm when long (the digits do not flicker).
  public static func elapsed(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    if seconds < 60 {
      let tenths = attoseconds / 100_000_000_000_000_000
      return "\(seconds).\(tenths)s"
    }
    let minutes = seconds / 60
    let rest = seconds % 60
    return "\(minutes)m" + (rest < 10 ? "0" : "") + "\(rest)s"
  }

  /// Seconds, with milliseconds when there are any: `30s`, `1.500s`, `0.250s`.
  public static func seconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let millis = attoseconds / 1_000_000_000_000_000
    return millis == 0 ? "\(seconds)s" : "\(seconds).\(String(millis + 1000).dropFirst())s"
  }
}

extension Duration {
  /// The duration in whole milliseconds (truncated, clamped to `Int`), as libcurl's `_MS` options and
  /// log lines take it.
  public var wholeMilliseconds: Int {
    let (seconds, attoseconds) = components
    return Int(seconds).saturatingMultiplied(by: 1000).saturatingAdding(Int(attoseconds / 1_000_000_000_000_000))
  }
}
