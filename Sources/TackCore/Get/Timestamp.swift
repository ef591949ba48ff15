#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The RFC 3339 timestamps Kubernetes writes (`2026-08-07T16:50:15Z`, with optional fraction and
/// offset), read without Foundation: tables need the instant, the age, and flux's local-time rendering.
public struct Timestamp: Sendable, Hashable, Comparable {
  /// Seconds since the Unix epoch (fractions dropped: tables show whole seconds).
  public var epochSeconds: Int64

  public init(epochSeconds: Int64) { self.epochSeconds = epochSeconds }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.epochSeconds < rhs.epochSeconds }

  /// The current wall-clock time.
  public static func now() -> Timestamp {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Timestamp(epochSeconds: Int64(spec.tv_sec))
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`; `nil` for anything else.
  public init?(rfc3339 text: String) {
    let b = Array(text.utf8)
    guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
      b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
      b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
      let year = Self.digits(b, 0, 4), let month = Self.digits(b, 5, 2), let day = Self.digits(b, 8, 2),
      let hour = Self.digits(b, 11, 2), let minute = Self.digits(b, 14, 2), let second = Self.digits(b, 17, 2),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var i = 19
    if i < b.count, b[i] == UInt8(ascii: ".") {
      i += 1
      let start = i
      while i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) { i += 1 }
      guard i > start else { return nil }
    }
    guard i < b.count else { return nil }
    var offset = 0
    switch b[i] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      guard i + 1 == b.count else { return nil }
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      guard i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"), let oh = Self.digits(b, i + 1, 2),
        let om = Self.digits(b, i + 4, 2)
      else { return nil }
      offset = (oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
    default:
      return nil
    }
    let days = Self.daysFromCivil(year: year, month: month, day: day)
    epochSeconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
  }

  /// UTC, `2026-08-07T16:50:15Z`.
  public var rfc3339UTC: String { Self.format(epochSeconds, offsetSeconds: 0) }

  /// Local time with its offset, as Go's `Time.Format(time.RFC3339)` prints a parsed API time
  /// (flux's LAST SCAN and LAST RUN columns); `Z` when the local zone is UTC.
  public var rfc3339Local: String {
    var seconds = time_t(epochSeconds)
    var parts = tm()
    guard localtime_r(&seconds, &parts) != nil else { return rfc3339UTC }
    return Self.format(epochSeconds, offsetSeconds: Int(parts.tm_gmtoff))
  }

  static func format(_ epoch: Int64, offsetSeconds: Int) -> String {
    let local = epoch + Int64(offsetSeconds)
    let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    let secondsOfDay = Int(local - Int64(days) * 86_400)
    let (year, month, day) = civilFromDays(days)
    var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
    text += pad(secondsOfDay / 3600, 2) + ":" + pad(secondsOfDay / 60 % 60, 2) + ":" + pad(secondsOfDay % 60, 2)
    if offsetSeconds == 0 { return text + "Z" }
    let sign = offsetSeconds < 0 ? "-" : "+"
    let magnitude = abs(offsetSeconds)
    return text + sign + pad(magnitude / 3600, 2) + ":" + pad(magnitude / 60 % 60, 2)
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }

  static func digits(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
    guard start + count <= b.count else { return nil }
    var value = 0
    for i in start..<(start + count) {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) else { return nil }
      value = value * 10 + Int(b[i] - UInt8(ascii: "0"))
    }
    return value
  }

  /// Howard Hinnant's days-from-civil: proleptic Gregorian date → days since 1970-01-01.
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civilFromDays(_ z: Int) -> (Int, Int, Int) {
    let z = z + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

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
  public static func age(since created: Timestamp?, now: Timestamp) -> String {
    guard let created else { return "<unknown>" }
    return format(seconds: now.epochSeconds - created.epochSeconds)
  }
}
