#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import TackJSON

/// The annotation protocol every Flux controller honours: set
/// `reconcile.fluxcd.io/requestedAt` to a fresh token and the controller reconciles, then copies the
/// token to `status.lastHandledReconcileAt`. HelmRelease also acts on `forceAt`/`resetAt` when they
/// carry the same token.
public struct ReconcileRequest: Sendable, Equatable {
  public static let requestedAtAnnotation = "reconcile.fluxcd.io/requestedAt"
  public static let forceAtAnnotation = "reconcile.fluxcd.io/forceAt"
  public static let resetAtAnnotation = "reconcile.fluxcd.io/resetAt"

  /// The token: the time of the request in RFC3339Nano, as flux writes it.
  public var token: String
  /// HelmRelease `--force`: a one-off install or upgrade.
  public var force: Bool
  /// HelmRelease `--reset`: reset the failure counts.
  public var reset: Bool

  public init(token: String = RFC3339Nano.now(), force: Bool = false, reset: Bool = false) {
    self.token = token
    self.force = force
    self.reset = reset
  }

  /// The merge patch for an object of `kind`. Metadata only, so `metadata.generation` does not move.
  public func patch(for kind: FluxKind) -> JSON {
    var annotations: JSON = [Self.requestedAtAnnotation: .string(token)]
    if kind == .helmRelease {
      if force { annotations[Self.forceAtAnnotation] = .string(token) }
      if reset { annotations[Self.resetAtAnnotation] = .string(token) }
    }
    return ["metadata": ["annotations": annotations]]
  }

  /// Whether the controller has handled this request: `lastHandledReconcileAt` carries our token,
  /// or a later one (someone asked again meanwhile, and that reconcile covers ours too).
  public func isHandled(by object: JSON) -> Bool {
    guard let handled = object[path: "status", "lastHandledReconcileAt"]?.stringValue else { return false }
    if handled == token { return true }
    guard let mine = RFC3339Nano.parse(token), let theirs = RFC3339Nano.parse(handled) else { return false }
    return theirs > mine
  }
}

/// RFC 3339 timestamps with nanoseconds, formatted as Go's `time.RFC3339Nano` does (trailing zeros
/// of the fraction dropped, `Z` for UTC, `+hh:mm` otherwise).
public enum RFC3339Nano {
  /// An instant: seconds and nanoseconds since the Unix epoch.
  public struct Instant: Sendable, Hashable, Comparable {
    public var seconds: Int64
    public var nanoseconds: Int32
    public init(seconds: Int64, nanoseconds: Int32) {
      self.seconds = seconds
      self.nanoseconds = nanoseconds
    }
    public static func < (lhs: Instant, rhs: Instant) -> Bool {
      (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
  }

  /// Now, in the local time zone (what flux writes).
  public static func now() -> String {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    var seconds = spec.tv_sec
    var local = tm()
    localtime_r(&seconds, &local)
    return format(
      Instant(seconds: Int64(spec.tv_sec), nanoseconds: Int32(spec.tv_nsec)), utcOffset: Int(local.tm_gmtoff))
  }

  public static func format(_ instant: Instant, utcOffset: Int) -> String {
    let local = instant.seconds + Int64(utcOffset)
    var days = local / 86_400
    var secondOfDay = local % 86_400
    if secondOfDay < 0 {
      secondOfDay += 86_400
      days -= 1
    }
    let (year, month, day) = civil(fromDays: days)
    var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
    text += pad(Int64(secondOfDay / 3600), 2) + ":" + pad(Int64(secondOfDay / 60 % 60), 2) + ":"
    text += pad(Int64(secondOfDay % 60), 2)
    if instant.nanoseconds > 0 {
      var fraction = pad(Int64(instant.nanoseconds), 9)
      while fraction.hasSuffix("0") { fraction.removeLast() }
      text += "." + fraction
    }
    if utcOffset == 0 { return text + "Z" }
    let sign = utcOffset < 0 ? "-" : "+"
    let minutes = abs(utcOffset) / 60
    return text + sign + pad(Int64(minutes / 60), 2) + ":" + pad(Int64(minutes % 60), 2)
  }

  /// Parses `2026-08-07T16:50:15.123456789+03:00` (any fraction length, `Z` or an offset).
  public static func parse(_ text: String) -> Instant? {
    let bytes = Array(text.utf8)
    func number(_ start: Int, _ count: Int) -> Int64? {
      guard start + count <= bytes.count else { return nil }
      var value: Int64 = 0
      for byte in bytes[start..<start + count] {
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int64(byte - 48)
      }
      return value
    }
    guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 116,
      bytes[13] == 58, bytes[16] == 58,
      let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2)
    else { return nil }
    var index = 19
    var nanos: Int64 = 0
    if index < bytes.count, bytes[index] == 46 {
      index += 1
      var digits = 0
      while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
        if digits < 9 { nanos = nanos * 10 + Int64(bytes[index] - 48) }
        digits += 1
        index += 1
      }
      guard digits > 0 else { return nil }
      for _ in digits..<max(digits, 9) { nanos *= 10 }
    }
    guard index < bytes.count else { return nil }
    var offset: Int64 = 0
    if bytes[index] == 90 || bytes[index] == 122 {
      guard index + 1 == bytes.count else { return nil }
    } else {
      guard bytes[index] == 43 || bytes[index] == 45, index + 6 == bytes.count, bytes[index + 3] == 58,
        let hours = number(index + 1, 2), let minutes = number(index + 4, 2)
      else { return nil }
      offset = (hours * 60 + minutes) * 60 * (bytes[index] == 45 ? -1 : 1)
    }
    let days = days(fromCivil: year, month, day)
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
    return Instant(seconds: seconds, nanoseconds: Int32(nanos))
  }

  static func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
  static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
