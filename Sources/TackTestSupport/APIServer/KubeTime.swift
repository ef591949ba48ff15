#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Kubernetes timestamps: RFC 3339 in UTC with second precision (`metav1.Time`) or microseconds
/// (`metav1.MicroTime`), written without Foundation's formatters (they pull in ICU).
public enum KubeTime {
  /// `2024-05-01T12:00:00Z`
  public static func format(_ date: Date) -> String {
    format(seconds: Int64(date.timeIntervalSince1970.rounded(.down)))
  }

  public static func format(seconds: Int64) -> String {
    let (y, m, d, hh, mm, ss) = civil(seconds)
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(hh, 2)):\(pad(mm, 2)):\(pad(ss, 2))Z"
  }

  /// `2024-05-01T12:00:00.123456Z`
  public static func formatMicro(_ date: Date) -> String {
    let total = date.timeIntervalSince1970
    let seconds = Int64(total.rounded(.down))
    let micros = Int((total - Double(seconds)) * 1_000_000)
    let base = format(seconds: seconds)
    return String(base.dropLast()) + "." + pad(micros, 6) + "Z"
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`; nil when malformed.
  public static func parse(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    func number(_ start: Int, _ count: Int) -> Int? {
      guard start + count <= bytes.count else { return nil }
      var value = 0
      for b in bytes[start..<(start + count)] {
        guard b >= 48 && b <= 57 else { return nil }
        value = value * 10 + Int(b - 48)
      }
      return value
    }
    guard bytes.count >= 20, let y = number(0, 4), bytes[4] == 45, let mo = number(5, 2), bytes[7] == 45,
      let d = number(8, 2), bytes[10] == 84 || bytes[10] == 116, let h = number(11, 2), bytes[13] == 58,
      let mi = number(14, 2), bytes[16] == 58, let s = number(17, 2),
      (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
    else { return nil }
    var index = 19
    var fraction = 0.0
    if index < bytes.count, bytes[index] == 46 {
      index += 1
      var scale = 0.1
      let start = index
      while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
        fraction += Double(bytes[index] - 48) * scale
        scale /= 10
        index += 1
      }
      if index == start { return nil }
    }
    guard index < bytes.count else { return nil }
    var offset = 0
    if bytes[index] == 90 || bytes[index] == 122 {
      index += 1
    } else if bytes[index] == 43 || bytes[index] == 45, let oh = number(index + 1, 2),
      bytes.count > index + 3, bytes[index + 3] == 58, let om = number(index + 4, 2)
    {
      offset = (oh * 3600 + om * 60) * (bytes[index] == 43 ? 1 : -1)
      index += 6
    } else {
      return nil
    }
    guard index == bytes.count else { return nil }
    let days = daysFromCivil(y, mo, d)
    let seconds = Double(days * 86_400 + h * 3600 + mi * 60 + s - offset) + fraction
    return Date(timeIntervalSince1970: seconds)
  }

  /// Go's `duration.HumanDuration` (k8s.io/apimachinery), which kubectl's AGE column shows.
  public static func humanDuration(_ interval: TimeInterval) -> String {
    let d = interval
    let seconds = Int(d)
    if seconds < -1 { return "<invalid>" }
    if seconds < 0 { return "0s" }
    if seconds < 60 * 2 { return "\(seconds)s" }
    let minutes = seconds / 60
    if minutes < 10 {
      let s = seconds % 60
      return s == 0 ? "\(minutes)m" : "\(minutes)m\(s)s"
    }
    if minutes < 60 * 3 { return "\(minutes)m" }
    let hours = minutes / 60
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
      let dy = (hours / 24) % 365
      return dy == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(dy)d"
    }
    return "\(hours / 24 / 365)y"
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }

  /// Howard Hinnant's civil-from-days.
  static func civil(_ seconds: Int64) -> (Int, Int, Int, Int, Int, Int) {
    let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    let rem = Int(seconds - Int64(days) * 86_400)
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return (y, m, d, rem / 3600, (rem % 3600) / 60, rem % 60)
  }

  static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
