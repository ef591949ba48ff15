#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An instant as Kubernetes writes it: RFC 3339 (`metav1.Time`, `2026-08-07T16:50:15Z`) or RFC 3339
/// with fractional seconds (`metav1.MicroTime`, RFC3339Nano), read and written without Foundation's
/// date formatters (they pull in ICU). The one time type of tack's product code: API timestamps,
/// exec-credential expiry, table columns and canary history all go through it.
///
/// ```swift
/// let t = RFC3339Time("2026-08-07T18:50:15.25+02:00")!   // offsets and fractions accepted
/// t.rfc3339        // "2026-08-07T16:50:15Z"   (UTC, whole seconds: what metav1.Time writes)
/// t.rfc3339Nano    // "2026-08-07T16:50:15.25Z" (Go's RFC3339Nano: trailing zeros dropped)
/// t.seconds        // 1786121415.25
/// ```
public struct RFC3339Time: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Whole seconds since the Unix epoch (floor, so negative instants keep `nanoseconds` positive).
  public var epochSeconds: Int64
  /// 0 ..< 1_000_000_000.
  public var nanoseconds: Int32

  public init(epochSeconds: Int64, nanoseconds: Int32 = 0) {
    self.epochSeconds = epochSeconds
    self.nanoseconds = nanoseconds
  }

  /// Seconds since the epoch with a fraction; nanoseconds are rounded. Infinities and values past
  /// `Int64` clamp to its ends; NaN is the epoch.
  public init(seconds: Double) {
    guard seconds.isFinite, abs(seconds) < 9.0e18 else {
      self.init(epochSeconds: seconds.isNaN ? 0 : seconds > 0 ? .max : .min)
      return
    }
    let whole = seconds.rounded(.down)
    var nanos = ((seconds - whole) * 1e9).rounded()
    var epoch = Int64(whole)
    if nanos >= 1e9 {
      nanos -= 1e9
      epoch += 1
    }
    self.init(epochSeconds: epoch, nanoseconds: Int32(nanos))
  }

  /// The wall clock now.
  public static func now() -> RFC3339Time {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return RFC3339Time(epochSeconds: Int64(spec.tv_sec), nanoseconds: Int32(spec.tv_nsec))
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (`t` and `z` also in lower case); `nil` for
  /// anything else.
  public init?(_ text: String) {
    let b = Array(text.utf8)
    guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
      b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
      b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
      let year = Self.digits(b, 0, 4), let month = Self.digits(b, 5, 2), let day = Self.digits(b, 8, 2),
      let hour = Self.digits(b, 11, 2), let minute = Self.digits(b, 14, 2), let second = Self.digits(b, 17, 2),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var i = 19
    var nanos = 0
    if i < b.count, b[i] == UInt8(ascii: ".") {
      i += 1
      let start = i
      var scale = 100_000_000
      while i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) {
        // Digits past nanoseconds are read and dropped, as Go does.
        nanos += Int(b[i] - UInt8(ascii: "0")) * scale
        scale /= 10
        i += 1
      }
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
    self.init(
      epochSeconds: Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset),
      nanoseconds: Int32(nanos))
  }

  public static func < (lhs: RFC3339Time, rhs: RFC3339Time) -> Bool {
    (lhs.epochSeconds, lhs.nanoseconds) < (rhs.epochSeconds, rhs.nanoseconds)
  }

  /// Seconds since the epoch, with the fraction.
  public var seconds: Double { Double(epochSeconds) + Double(nanoseconds) / 1e9 }

  /// RFC 3339 in UTC with whole seconds, as `metav1.Time` is written: `2026-08-07T16:50:15Z`.
  public var rfc3339: String { Self.format(epochSeconds, offsetSeconds: 0) }

  /// Go's `time.RFC3339Nano` in UTC: the fraction with trailing zeros dropped, none when zero
  /// (`2026-08-07T16:50:15.25Z`, `2026-08-07T16:50:15Z`).
  public var rfc3339Nano: String { rfc3339Nano(offsetSeconds: 0) }

  /// Go's `time.RFC3339Nano` at a UTC offset: `2026-08-07T19:30:15.12+03:00`, `Z` for offset 0.
  public func rfc3339Nano(offsetSeconds: Int) -> String {
    let whole = Self.format(epochSeconds, offsetSeconds: offsetSeconds)
    guard nanoseconds > 0 else { return whole }
    var fraction = Self.pad(Int(nanoseconds), 9)
    while fraction.hasSuffix("0") { fraction.removeLast() }
    // The fraction goes between the seconds (always 19 characters in) and the zone.
    let seconds = whole.index(whole.startIndex, offsetBy: 19)
    return String(whole[..<seconds]) + "." + fraction + String(whole[seconds...])
  }

  /// `rfc3339Nano` in the local time zone: how flux writes `reconcile.fluxcd.io/requestedAt`.
  public var rfc3339NanoLocal: String { rfc3339Nano(offsetSeconds: Self.localOffset(at: epochSeconds)) }

  /// Whole seconds in the local time zone with its offset, as Go's `Time.Format(time.RFC3339)`
  /// prints a parsed API time (flux's LAST SCAN and LAST RUN columns); `Z` when local is UTC.
  public var rfc3339Local: String { Self.format(epochSeconds, offsetSeconds: Self.localOffset(at: epochSeconds)) }

  /// The local time zone's UTC offset at an instant, in seconds (0 when it cannot be told).
  static func localOffset(at epoch: Int64) -> Int {
    var seconds = time_t(epoch)
    var parts = tm()
    guard localtime_r(&seconds, &parts) != nil else { return 0 }
    return Int(parts.tm_gmtoff)
  }

  /// `rfc3339`.
  public var description: String { rfc3339 }

  /// `15:04:05`, UTC.
  public var clock: String { String(rfc3339.dropFirst(11).dropLast()) }

  static func format(_ epoch: Int64, offsetSeconds: Int) -> String {
    // Saturating: an instant near Int64's ends (read from outside) still prints.
    let local = epoch.saturatingAdding(Int64(offsetSeconds))
    let days = Int(local >= 0 ? local / 86_400 : local.saturatingSubtracting(86_399) / 86_400)
    let secondsOfDay = Int(local - Int64(days) * 86_400)
    let (year, month, day) = civil(fromDays: days)
    var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
    text += pad(secondsOfDay / 3600, 2) + ":" + pad(secondsOfDay / 60 % 60, 2) + ":" + pad(secondsOfDay % 60, 2)
    if offsetSeconds == 0 { return text + "Z" }
    let magnitude = abs(offsetSeconds)
    return text + (offsetSeconds < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + ":" + pad(magnitude / 60 % 60, 2)
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

  /// Howard Hinnant's civil-from-days.
  static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
