/// Bech32 (BIP 173, checksum constant 1) as age uses it for keys: no 90-character limit, one case
/// throughout, checksum computed over the lowercase form.
enum Bech32 {
  static let charset: [UInt8] = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
  static let reverse: [Int8] = {
    var table = [Int8](repeating: -1, count: 128)
    for (index, c) in charset.enumerated() { table[Int(c)] = Int8(index) }
    return table
  }()

  static func polymod(_ values: [UInt8]) -> UInt32 {
    let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
    var chk: UInt32 = 1
    for value in values {
      let top = chk >> 25
      chk = (chk & 0x1ff_ffff) << 5 ^ UInt32(value)
      for i in 0..<5 where (top >> i) & 1 == 1 { chk ^= generator[i] }
    }
    return chk
  }

  static func expand(_ hrp: [UInt8]) -> [UInt8] {
    hrp.map { $0 >> 5 } + [0] + hrp.map { $0 & 31 }
  }

  /// Regroups bits; `pad` adds zero bits to finish the last group (encoding), otherwise leftover
  /// bits must be fewer than `from` and zero (decoding).
  static func convertBits(_ data: [UInt8], from: Int, to: Int, pad: Bool) -> [UInt8]? {
    var accumulator = 0
    var bits = 0
    var out: [UInt8] = []
    let maxValue = (1 << to) - 1
    for value in data {
      guard Int(value) >> from == 0 else { return nil }
      accumulator = accumulator << from | Int(value)
      bits += from
      while bits >= to {
        bits -= to
        out.append(UInt8((accumulator >> bits) & maxValue))
      }
    }
    if pad {
      if bits > 0 { out.append(UInt8((accumulator << (to - bits)) & maxValue)) }
    } else if bits >= from || (accumulator << (to - bits)) & maxValue != 0 {
      return nil
    }
    return out
  }

  /// Encodes `data` under `hrp`; the result is lowercase unless `uppercase`.
  static func encode(hrp: String, data: [UInt8], uppercase: Bool = false) -> String {
    let hrpBytes = Array(hrp.lowercased().utf8)
    let values = convertBits(data, from: 8, to: 5, pad: true)!
    let checksumInput = expand(hrpBytes) + values + [0, 0, 0, 0, 0, 0]
    let mod = polymod(checksumInput) ^ 1
    let checksum = (0..<6).map { UInt8((mod >> (5 * (5 - $0))) & 31) }
    let text = String(decoding: hrpBytes + [UInt8(ascii: "1")] + (values + checksum).map { charset[Int($0)] }, as: UTF8.self)
    return uppercase ? text.uppercased() : text
  }

  /// Decodes a Bech32 string; returns the lowercase HRP and the data bytes, or nil when the string
  /// is not valid Bech32 (mixed case, bad characters, bad checksum, bad padding).
  static func decode(_ text: String) -> (hrp: String, data: [UInt8])? {
    let bytes = Array(text.utf8)
    guard bytes.allSatisfy({ $0 >= 33 && $0 <= 126 }) else { return nil }
    let hasLower = bytes.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    let hasUpper = bytes.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    guard !(hasLower && hasUpper) else { return nil }
    let lower = bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
    guard let separator = lower.lastIndex(of: UInt8(ascii: "1")), separator >= 1,
      separator + 7 <= lower.count
    else { return nil }
    let hrp = Array(lower[..<separator])
    var values: [UInt8] = []
    for c in lower[(separator + 1)...] {
      guard c < 128, reverse[Int(c)] >= 0 else { return nil }
      values.append(UInt8(reverse[Int(c)]))
    }
    guard polymod(expand(hrp) + values) == 1 else { return nil }
    guard let data = convertBits(Array(values.dropLast(6)), from: 5, to: 8, pad: false) else { return nil }
    return (String(decoding: hrp, as: UTF8.self), data)
  }
}
