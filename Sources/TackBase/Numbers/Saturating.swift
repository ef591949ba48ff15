/// Arithmetic that clamps instead of trapping. Numbers read from the API, from files or from flags
/// are data: a Canary with `iterations: 9223372036854775807` must render, not kill the process with
/// an overflow trap. Use these wherever such a number meets `+`, `-`, `*` or a conversion.
extension FixedWidthInteger {
  /// `self + other`, clamped to the type's range.
  public func saturatingAdding(_ other: Self) -> Self {
    let (sum, overflow) = addingReportingOverflow(other)
    guard overflow else { return sum }
    return other > 0 ? .max : .min
  }

  /// `self - other`, clamped to the type's range.
  public func saturatingSubtracting(_ other: Self) -> Self {
    let (difference, overflow) = subtractingReportingOverflow(other)
    guard overflow else { return difference }
    return other > 0 ? .min : .max
  }

  /// `self * other`, clamped to the type's range.
  public func saturatingMultiplied(by other: Self) -> Self {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    guard overflow else { return product }
    return (self < 0) == (other < 0) ? .max : .min
  }

  /// `value` truncated towards zero and clamped to the type's range; NaN becomes 0. (`Int(value)`
  /// traps on all three of NaN, infinity and out-of-range.)
  public init(saturating value: Double) {
    if value.isNaN {
      self = 0
    } else if value >= Double(Self.max) {
      // Double(Int64.max) rounds up to 2^63, so `>=` also catches values that would not fit.
      self = .max
    } else if value <= Double(Self.min) {
      self = .min
    } else {
      self = Self(value)
    }
  }
}

extension Duration {
  /// Whole nanoseconds, clamped to `Int64` (a `Duration` holds far more than 292 years).
  public var saturatingNanoseconds: Int64 {
    let (seconds, attoseconds) = components
    return seconds.saturatingMultiplied(by: 1_000_000_000).saturatingAdding(attoseconds / 1_000_000_000)
  }
}
