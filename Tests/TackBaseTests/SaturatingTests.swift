import TackBase
import Testing

/// Numbers from outside meet arithmetic only through these: each case here trapped (SIGILL) with
/// the plain operator.
@Suite struct SaturatingTests {
  @Test func addingClampsAtBothEnds() {
    #expect(Int.max.saturatingAdding(3) == .max)
    #expect(Int.min.saturatingAdding(-1) == .min)
    #expect(Int(40).saturatingAdding(2) == 42)
    #expect(UInt8(250).saturatingAdding(10) == 255)
  }

  @Test func subtractingClampsAtBothEnds() {
    #expect(Int.min.saturatingSubtracting(10) == .min)
    #expect(Int.max.saturatingSubtracting(-1) == .max)
    #expect(Int(100).saturatingSubtracting(Int.min) == .max)
    #expect(UInt8(3).saturatingSubtracting(5) == 0)
    #expect(Int(5).saturatingSubtracting(7) == -2)
  }

  @Test func multiplyingKeepsTheSign() {
    #expect(Int64.max.saturatingMultiplied(by: 2) == .max)
    #expect(Int64.max.saturatingMultiplied(by: -2) == .min)
    #expect(Int64.min.saturatingMultiplied(by: -1) == .max)
    #expect(Int64(-3).saturatingMultiplied(by: Int64.max) == .min)
    #expect(Int64(6).saturatingMultiplied(by: 7) == 42)
  }

  @Test func doublesClampAndNaNIsZero() {
    #expect(Int(saturating: Double.nan) == 0)
    #expect(Int(saturating: Double.infinity) == .max)
    #expect(Int(saturating: -Double.infinity) == .min)
    #expect(Int64(saturating: 9.3e18) == .max)
    #expect(Int64(saturating: Double(Int64.max)) == .max)
    #expect(Int64(saturating: -9.3e18) == .min)
    #expect(Int32(saturating: 1e10) == .max)
    #expect(Int(saturating: -2.9) == -2)
    #expect(Int(saturating: 41.99) == 41)
  }

  @Test func durationsBeyondGoRangeClamp() {
    #expect(Duration.seconds(Int64.max).saturatingNanoseconds == .max)
    #expect(Duration.seconds(Int64.min).saturatingNanoseconds == .min)
    #expect(Duration.milliseconds(1500).saturatingNanoseconds == 1_500_000_000)
    #expect(Duration.seconds(Int64.max).wholeMilliseconds == .max)
    #expect(Duration.seconds(2).wholeMilliseconds == 2000)
  }
}
