/// Standard base64 (with padding), for Secret data, `binaryData` and `!!binary` scalars.
enum Base64 {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
  private static let reverse: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
    return table
  }()

  static func encode<Bytes: Collection>(_ input: Bytes) -> String where Bytes.Element == UInt8 {
    let data = Array(input)
    var out: [UInt8] = []
    out.reserveCapacity((data.count + 2) / 3 * 4)
    var i = 0
    while i + 2 < data.count {
      let n = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2])
      out.append(alphabet[Int(n >> 18 & 63)])
      out.append(alphabet[Int(n >> 12 & 63)])
      out.append(alphabet[Int(n >> 6 & 63)])
      out.append(alphabet[Int(n & 63)])
      i += 3
    }
    let rest = data.count - i
    if rest == 1 {
      let n = UInt32(data[i]) << 16
      out.append(alphabet[Int(n >> 18 & 63)])
      out.append(alphabet[Int(n >> 12 & 63)])
      out.append(UInt8(ascii: "="))
      out.append(UInt8(ascii: "="))
    } else if rest == 2 {
      let n = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8
      out.append(alphabet[Int(n >> 18 & 63)])
      out.append(alphabet[Int(n >> 12 & 63)])
      out.append(alphabet[Int(n >> 6 & 63)])
      out.append(UInt8(ascii: "="))
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Decodes padded standard base64; nil for anything else.
  static func decode(_ text: String) -> [UInt8]? {
    let input = Array(text.utf8)
    guard input.count % 4 == 0 else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(input.count / 4 * 3)
    var i = 0
    while i < input.count {
      var n: UInt32 = 0
      var padding = 0
      for k in 0..<4 {
        let byte = input[i + k]
        if byte == UInt8(ascii: "=") {
          guard i + 4 == input.count, k >= 2 else { return nil }
          padding += 1
          n <<= 6
          continue
        }
        guard padding == 0 else { return nil }
        let value = reverse[Int(byte)]
        guard value != 0xFF else { return nil }
        n = n << 6 | UInt32(value)
      }
      out.append(UInt8(n >> 16 & 0xFF))
      if padding < 2 { out.append(UInt8(n >> 8 & 0xFF)) }
      if padding < 1 { out.append(UInt8(n & 0xFF)) }
      i += 4
    }
    return out
  }
}
