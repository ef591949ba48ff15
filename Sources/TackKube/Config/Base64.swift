/// Standard base64 (RFC 4648 §4), as Go's `encoding/base64.StdEncoding` reads kubeconfig `-data`
/// fields. Whitespace is skipped; anything else outside the alphabet, or a wrong padding, fails.
enum Base64 {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
  private static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, char) in alphabet.enumerated() { table[Int(char)] = UInt8(index) }
    return table
  }()

  static func decode(_ text: String) -> [UInt8]? {
    var sextets: [UInt8] = []
    sextets.reserveCapacity(text.utf8.count)
    var padding = 0
    for char in text.utf8 {
      switch char {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
        continue
      case UInt8(ascii: "="):
        padding += 1
      default:
        guard padding == 0 else { return nil }
        let value = values[Int(char)]
        guard value != 0xFF else { return nil }
        sextets.append(value)
      }
    }
    guard (sextets.count + padding) % 4 == 0, padding <= 2, sextets.count % 4 != 1 else { return nil }
    if padding > 0, (sextets.count + padding) % 4 != 0 { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(sextets.count * 3 / 4)
    var index = 0
    while index + 4 <= sextets.count {
      let n = UInt32(sextets[index]) << 18 | UInt32(sextets[index + 1]) << 12
        | UInt32(sextets[index + 2]) << 6 | UInt32(sextets[index + 3])
      bytes.append(UInt8(truncatingIfNeeded: n >> 16))
      bytes.append(UInt8(truncatingIfNeeded: n >> 8))
      bytes.append(UInt8(truncatingIfNeeded: n))
      index += 4
    }
    let rest = sextets.count - index
    if rest == 2 {
      let n = UInt32(sextets[index]) << 18 | UInt32(sextets[index + 1]) << 12
      bytes.append(UInt8(truncatingIfNeeded: n >> 16))
    } else if rest == 3 {
      let n = UInt32(sextets[index]) << 18 | UInt32(sextets[index + 1]) << 12 | UInt32(sextets[index + 2]) << 6
      bytes.append(UInt8(truncatingIfNeeded: n >> 16))
      bytes.append(UInt8(truncatingIfNeeded: n >> 8))
    }
    return bytes
  }

  static func encode(_ bytes: some Collection<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var iterator = bytes.makeIterator()
    while let first = iterator.next() {
      let second = iterator.next()
      let third = iterator.next()
      let n = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
      out.append(alphabet[Int(n >> 18 & 63)])
      out.append(alphabet[Int(n >> 12 & 63)])
      out.append(second == nil ? UInt8(ascii: "=") : alphabet[Int(n >> 6 & 63)])
      out.append(third == nil ? UInt8(ascii: "=") : alphabet[Int(n & 63)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
