/// Modular exponentiation for RSA: swift-crypto exposes no raw RSA operation and its OAEP takes no
/// label, so Sealed Secrets' labelled OAEP runs m^e mod n here. Numbers are little-endian arrays
/// of 64-bit limbs; multiplication is Montgomery's (CIOS), so no division is ever needed.
struct MontgomeryModulus {
  let limbs: [UInt64]
  /// −n⁻¹ mod 2⁶⁴.
  private let inverse: UInt64
  /// R² mod n, with R = 2^(64·count), to move numbers into Montgomery form.
  private let rSquared: [UInt64]

  var count: Int { limbs.count }

  /// `modulus` is big-endian and odd.
  init?(bigEndian modulus: some Collection<UInt8>) {
    var limbs = Self.limbs(bigEndian: modulus)
    while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
    guard let low = limbs.first, low & 1 == 1, limbs.count > 1 || low > 1 else { return nil }
    self.limbs = limbs
    // Newton's iteration for n⁻¹ mod 2⁶⁴: each step doubles the number of correct bits.
    var x: UInt64 = 1
    for _ in 0..<6 { x = x &* (2 &- low &* x) }
    inverse = 0 &- x
    // R² mod n by doubling 1 (2·64·count times), reducing after every step.
    var r = [UInt64](repeating: 0, count: limbs.count)
    r[0] = 1
    for _ in 0..<(2 * 64 * limbs.count) { Self.doubleMod(&r, limbs) }
    rSquared = r
  }

  static func limbs(bigEndian bytes: some Collection<UInt8>) -> [UInt64] {
    let array = Array(bytes)
    var limbs = [UInt64](repeating: 0, count: max(1, (array.count + 7) / 8))
    for (index, byte) in array.reversed().enumerated() {
      limbs[index / 8] |= UInt64(byte) << (8 * UInt64(index % 8))
    }
    return limbs
  }

  /// The number as `length` big-endian bytes.
  static func bigEndian(_ limbs: [UInt64], length: Int) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: length)
    for index in 0..<length {
      let limb = index / 8
      guard limb < limbs.count else { break }
      out[length - 1 - index] = UInt8(truncatingIfNeeded: limbs[limb] >> (8 * UInt64(index % 8)))
    }
    return out
  }

  /// x ← 2x mod n, for x < n.
  private static func doubleMod(_ x: inout [UInt64], _ n: [UInt64]) {
    var carry: UInt64 = 0
    for i in 0..<x.count {
      let next = x[i] >> 63
      x[i] = x[i] << 1 | carry
      carry = next
    }
    if carry == 1 || !isLess(x, n) { subtract(&x, n) }
  }

  private static func isLess(_ a: [UInt64], _ b: [UInt64]) -> Bool {
    for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] { return a[i] < b[i] }
    return false
  }

  private static func subtract(_ a: inout [UInt64], _ b: [UInt64]) {
    var borrow: UInt64 = 0
    for i in 0..<a.count {
      let (d1, o1) = a[i].subtractingReportingOverflow(b[i])
      let (d2, o2) = d1.subtractingReportingOverflow(borrow)
      a[i] = d2
      borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
    }
  }

  /// a·b·R⁻¹ mod n (coarsely integrated operand scanning). Plain `while` loops over raw buffers:
  /// this is the one hot loop, and it must not crawl in debug builds either.
  func multiply(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
    let s = count
    var t = [UInt64](repeating: 0, count: s + 2)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        limbs.withUnsafeBufferPointer { n in
          t.withUnsafeMutableBufferPointer { t in
            let a = a.baseAddress!, b = b.baseAddress!, n = n.baseAddress!, t = t.baseAddress!
            var i = 0
            while i < s {
              var carry: UInt64 = 0
              let ai = a[i]
              var j = 0
              while j < s {
                let (high, low) = ai.multipliedFullWidth(by: b[j])
                let (sum1, o1) = low.addingReportingOverflow(t[j])
                let (sum2, o2) = sum1.addingReportingOverflow(carry)
                t[j] = sum2
                carry = high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                j += 1
              }
              let (top, overflow) = t[s].addingReportingOverflow(carry)
              t[s] = top
              t[s + 1] = overflow ? 1 : 0
              let m = t[0] &* inverse
              let (high0, low0) = m.multipliedFullWidth(by: n[0])
              let (_, o0) = low0.addingReportingOverflow(t[0])
              carry = high0 &+ (o0 ? 1 : 0)
              j = 1
              while j < s {
                let (high, low) = m.multipliedFullWidth(by: n[j])
                let (sum1, o1) = low.addingReportingOverflow(t[j])
                let (sum2, o2) = sum1.addingReportingOverflow(carry)
                t[j - 1] = sum2
                carry = high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                j += 1
              }
              let (top2, overflow2) = t[s].addingReportingOverflow(carry)
              t[s - 1] = top2
              t[s] = t[s + 1] &+ (overflow2 ? 1 : 0)
              i += 1
            }
          }
        }
      }
    }
    var result = Array(t[0..<s])
    if t[s] != 0 || !Self.isLess(result, limbs) { Self.subtract(&result, limbs) }
    return result
  }

  /// x mod n for x < R·n, where R = 2^(64·count); n's top limb must have its top bit set (then
  /// anything below R is below 2n).
  func reduce(_ bigEndian: some Collection<UInt8>) -> [UInt64]? {
    guard let top = limbs.last, top >> 63 == 1 else { return nil }
    var x = Self.limbs(bigEndian: bigEndian)
    guard x.count <= 2 * count else { return nil }
    x += [UInt64](repeating: 0, count: 2 * count - x.count)
    var low = Array(x[0..<count]), high = Array(x[count...])
    if !Self.isLess(low, limbs) { Self.subtract(&low, limbs) }
    if !Self.isLess(high, limbs) { Self.subtract(&high, limbs) }
    // high·R mod n, via Montgomery: high · R² · R⁻¹.
    var sum = multiply(high, rSquared)
    Self.addMod(&sum, low, limbs)
    return sum
  }

  /// a ← (a + b) mod n for a, b < n.
  static func addMod(_ a: inout [UInt64], _ b: [UInt64], _ n: [UInt64]) {
    var carry: UInt64 = 0
    for i in 0..<a.count {
      let (s1, o1) = a[i].addingReportingOverflow(b[i])
      let (s2, o2) = s1.addingReportingOverflow(carry)
      a[i] = s2
      carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
    }
    if carry == 1 || !isLess(a, n) { subtract(&a, n) }
  }

  /// a ← (a − b) mod n for a, b < n.
  static func subtractMod(_ a: inout [UInt64], _ b: [UInt64], _ n: [UInt64]) {
    if isLess(a, b) {
      var sum = a
      var carry: UInt64 = 0
      for i in 0..<sum.count {
        let (s1, o1) = sum[i].addingReportingOverflow(n[i])
        let (s2, o2) = s1.addingReportingOverflow(carry)
        sum[i] = s2
        carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
      }
      // a + n − b fits: the borrow out of the top limb cancels the carry.
      subtract(&sum, b)
      a = sum
    } else {
      subtract(&a, b)
    }
  }

  /// a·b mod n for a, b < n (in ordinary, not Montgomery, form).
  func multiplyMod(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
    multiply(multiply(a, b), rSquared)
  }

  /// The plain product of two numbers.
  static func product(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
    var out = [UInt64](repeating: 0, count: a.count + b.count)
    for i in 0..<a.count {
      var carry: UInt64 = 0
      for j in 0..<b.count {
        let (high, low) = a[i].multipliedFullWidth(by: b[j])
        let (s1, o1) = low.addingReportingOverflow(out[i + j])
        let (s2, o2) = s1.addingReportingOverflow(carry)
        out[i + j] = s2
        carry = high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
      }
      out[i + b.count] = carry
    }
    return out
  }

  /// a + b, a at least as long as b.
  static func sum(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
    var out = a
    var carry: UInt64 = 0
    for i in 0..<out.count {
      let (s1, o1) = out[i].addingReportingOverflow(i < b.count ? b[i] : 0)
      let (s2, o2) = s1.addingReportingOverflow(carry)
      out[i] = s2
      carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
    }
    return out
  }

  /// base^exponent mod n for base < n given as limbs.
  func power(limbs base: [UInt64], exponent: some Collection<UInt8>) -> [UInt64] {
    let montBase = multiply(base, rSquared)
    var one = [UInt64](repeating: 0, count: count)
    one[0] = 1
    var accumulator = multiply(one, rSquared)
    for byte in exponent {
      var bit = 7
      while bit >= 0 {
        accumulator = multiply(accumulator, accumulator)
        if (byte >> UInt8(bit)) & 1 == 1 { accumulator = multiply(accumulator, montBase) }
        bit -= 1
      }
    }
    return multiply(accumulator, one)
  }

  /// base^exponent mod n; `base` and `exponent` are big-endian, `base` < n.
  func power(_ base: some Collection<UInt8>, exponent: some Collection<UInt8>) -> [UInt64] {
    var b = Self.limbs(bigEndian: base)
    b += [UInt64](repeating: 0, count: max(0, count - b.count))
    return power(limbs: Array(b.prefix(count)), exponent: exponent)
  }

  /// Whether the big-endian number is smaller than the modulus.
  func isReduced(_ value: some Collection<UInt8>) -> Bool {
    var v = Self.limbs(bigEndian: value)
    if v.count > count { return v[count...].allSatisfy { $0 == 0 } ? Self.isLess(Array(v.prefix(count)), limbs) : false }
    v += [UInt64](repeating: 0, count: count - v.count)
    return Self.isLess(v, limbs)
  }
}
