/// A Kubernetes timestamp (RFC 3339, `2026-11-28T15:04:05Z`, fractions and offsets allowed) as
/// seconds since the epoch, without Foundation's date formatters (they pull in ICU).
public struct RFC3339Time: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var seconds: Double

  public init(seconds: Double) { self.seconds = seconds }

  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    func number(_ from: Int, _ count: Int) -> Int? {
      guard from + count <= bytes.count else { return nil }
      var value = 0
      for b in bytes[from..<(from + count)] {
        guard b >= 48, b <= 57 else { return nil }
        value = value * 10 + Int(b - 48)
      }
      return value
    }
    guard bytes.count >= 20, let year = number(0, 4), bytes[4] == 45, let month = number(5, 2),
      bytes[7] == 45, let day = number(8, 2), bytes[10] == 84 || bytes[10] == 116, let hour = number(11, 2),
      bytes[13] == 58, let minute = number(14, 2), bytes[16] == 58, let second = number(17, 2),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var index = 19
    var fraction = 0.0
    if bytes[index] == 46 {
      index += 1
      var scale = 0.1
      while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
        fraction += Double(bytes[index] - 48) * scale
        scale /= 10
        index += 1
      }
    }
    guard index < bytes.count else { return nil }
    var offset = 0
    switch bytes[index] {
    case 90, 122: index += 1
    case 43, 45:
      guard let oh = number(index + 1, 2), bytes.count > index + 3, bytes[index + 3] == 58,
        let om = number(index + 4, 2)
      else { return nil }
      offset = (oh * 3600 + om * 60) * (bytes[index] == 45 ? -1 : 1)
      index += 6
    default: return nil
    }
    guard index == bytes.count else { return nil }
    let days = Self.daysFromCivil(year: year, month: month, day: day)
    seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
  }

  public static func < (lhs: RFC3339Time, rhs: RFC3339Time) -> Bool { lhs.seconds < rhs.seconds }

  /// Howard Hinnant's days-from-civil.
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

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

  /// RFC 3339 in UTC with whole seconds, as Kubernetes writes `metav1.Time`.
  public var description: String {
    let whole = Int(seconds.rounded(.down))
    let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
    let rest = whole - days * 86_400
    let (y, mo, d) = Self.civil(fromDays: days)
    return "\(pad(y, 4))-\(pad(mo))-\(pad(d))T\(pad(rest / 3600)):\(pad(rest / 60 % 60)):\(pad(rest % 60))Z"
  }

  /// `15:04:05`, UTC.
  public var clock: String { String(description.dropFirst(11).dropLast()) }

  func pad(_ value: Int, _ width: Int = 2) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}

/// Short human durations: `45s`, `3m`, `2m30s`, `1h5m`.
public enum ShortDuration {
  public static func format(seconds: Double) -> String {
    let s = max(0, Int(seconds.rounded()))
    if s < 60 { return "\(s)s" }
    if s < 3600 { return s % 60 == 0 ? "\(s / 60)m" : "\(s / 60)m\(s % 60)s" }
    let m = s / 60 % 60
    return m == 0 ? "\(s / 3600)h" : "\(s / 3600)h\(m)m"
  }
}
