/// Durations in Go's `time.Duration` syntax (`5m`, `1m30s`, `250ms`, `1h`), which flux's flags and
/// Flux/Flagger specs use. Stored as nanoseconds.
public struct GoDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var nanoseconds: Int64

  public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }
  /// Clamped to Go's range (about ±292 years); NaN is 0.
  public init(seconds: Double) { nanoseconds = Int64(saturating: seconds * 1e9) }
  /// A Swift `Duration`, to the nanosecond (truncated, clamped to Go's range), e.g. to print
  /// `--timeout` as flux does.
  public init(_ duration: Duration) { nanoseconds = duration.saturatingNanoseconds }

  /// The longest duration Go can hold (`2562047h47m16.854775807s`): where saturated sums end.
  public static let max = GoDuration(nanoseconds: .max)

  /// `self × factor`, clamped to Go's range: an interval times a count read from the API.
  public func multiplied(by factor: Int) -> GoDuration {
    GoDuration(nanoseconds: nanoseconds.saturatingMultiplied(by: Int64(factor)))
  }

  public static func < (lhs: GoDuration, rhs: GoDuration) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

  public var seconds: Double { Double(nanoseconds) / 1e9 }
  public var duration: Duration { .nanoseconds(nanoseconds) }

  static let units: [(String, Int64)] = [
    ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000),
    ("m", 60_000_000_000), ("h", 3_600_000_000_000),
  ]

  /// Parses Go syntax; `nil` for anything Go's `time.ParseDuration` would reject.
  public init?(_ text: String) {
    var rest = Substring(text)
    var negative = false
    if rest.first == "-" || rest.first == "+" {
      negative = rest.first == "-"
      rest = rest.dropFirst()
    }
    if rest == "0" {
      nanoseconds = 0
      return
    }
    guard !rest.isEmpty else { return nil }
    var total: Double = 0
    while !rest.isEmpty {
      let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      guard !number.isEmpty, number != ".", let value = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      let unitText = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
      guard let unit = Self.units.first(where: { $0.0 == unitText }) else { return nil }
      rest = rest.dropFirst(unitText.count)
      total += value * Double(unit.1)
    }
    // Past Go's range (about 2562047h) Go refuses the text; so does this, and the conversion
    // below cannot trap (Double(Int64.max) is 2^63, one past the largest Int64).
    guard total < Double(Int64.max) else { return nil }
    nanoseconds = Int64(total.rounded()) * (negative ? -1 : 1)
  }

  /// Go's `Duration.String()`: `1h0m0s`, `5m0s`, `1.5s`, `250ms`, `0s`.
  public var description: String {
    if nanoseconds == 0 { return "0s" }
    let sign = nanoseconds < 0 ? "-" : ""
    let ns = nanoseconds.magnitude
    if ns < 1_000 { return "\(sign)\(ns)ns" }
    if ns < 1_000_000 { return sign + Self.fraction(ns, 1_000) + "µs" }
    if ns < 1_000_000_000 { return sign + Self.fraction(ns, 1_000_000) + "ms" }
    let hours = ns / 3_600_000_000_000
    let minutes = (ns / 60_000_000_000) % 60
    let secondsPart = ns % 60_000_000_000
    var text = sign
    if hours > 0 { text += "\(hours)h" }
    if hours > 0 || minutes > 0 { text += "\(minutes)m" }
    text += Self.fraction(secondsPart, 1_000_000_000) + "s"
    return text
  }

  static func fraction(_ value: UInt64, _ unit: UInt64) -> String {
    let whole = value / unit
    var rest = value % unit
    guard rest > 0 else { return "\(whole)" }
    var digits = String(rest)
    let places = String(unit - 1).count
    digits = String(repeating: "0", count: places - digits.count) + digits
    while digits.hasSuffix("0") { digits.removeLast() }
    rest = 0
    return "\(whole).\(digits)"
  }
}
