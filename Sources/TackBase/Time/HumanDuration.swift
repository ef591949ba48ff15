/// kubectl's AGE column (`HumanDuration` in apimachinery): `45s`, `3m20s`, `25m`, `5h10m`, `3d4h`, `2y10d`.
public enum HumanDuration {
  public static func format(seconds: Int64) -> String {
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
    return format(seconds: now.epochSeconds - created.epochSeconds)
  }
}
