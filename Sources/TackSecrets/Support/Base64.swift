/// RFC 4648 standard-alphabet base64, written here because every format in this module is strict
/// about it in a different way: SOPS and Sealed Secrets use padded text, age headers use unpadded
/// text and reject non-canonical encodings (non-zero trailing bits), and age armor is padded and
/// canonical. Foundation's decoder is lenient about all of these.
public enum Base64 {
  static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  static let decodeTable: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
    return table
  }()

  /// Encodes bytes; `padded` adds `=` to a multiple of four characters.
  public static func encode(_ bytes: some Collection<UInt8>, padded: Bool = true) -> String {
    String(decoding: encodedBytes(bytes, padded: padded), as: UTF8.self)
  }

  public static func encodedBytes(_ bytes: some Collection<UInt8>, padded: Bool = true) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var iterator = bytes.makeIterator()
    while let b0 = iterator.next() {
      let b1 = iterator.next()
      let b2 = b1 == nil ? nil : iterator.next()
      out.append(alphabet[Int(b0 >> 2)])
      out.append(alphabet[Int((b0 & 0x03) << 4 | (b1 ?? 0) >> 4)])
      if let b1 {
        out.append(alphabet[Int((b1 & 0x0F) << 2 | (b2 ?? 0) >> 6)])
      } else if padded {
        out.append(UInt8(ascii: "="))
      }
      if let b2 {
        out.append(alphabet[Int(b2 & 0x3F)])
      } else if padded {
        out.append(UInt8(ascii: "="))
      }
    }
    return out
  }

  /// Decodes canonical base64: only alphabet characters, padding exactly as `padded` requires, and
  /// zero bits after the last full byte. Returns nil for anything else.
  public static func decode(_ text: some StringProtocol, padded: Bool = true) -> [UInt8]? {
    decode(bytes: Array(text.utf8), padded: padded)
  }

  public static func decode(bytes input: [UInt8], padded: Bool) -> [UInt8]? {
    var count = input.count
    if padded {
      guard count % 4 == 0 else { return nil }
      if count > 0, input[count - 1] == UInt8(ascii: "=") {
        count -= 1
        if input[count - 1] == UInt8(ascii: "=") { count -= 1 }
      }
    } else if count % 4 == 1 {
      return nil
    }
    var out: [UInt8] = []
    out.reserveCapacity(count * 3 / 4)
    var index = 0
    while index + 4 <= count {
      let a = decodeTable[Int(input[index])], b = decodeTable[Int(input[index + 1])]
      let c = decodeTable[Int(input[index + 2])], d = decodeTable[Int(input[index + 3])]
      guard a < 64, b < 64, c < 64, d < 64 else { return nil }
      out.append(a << 2 | b >> 4)
      out.append(b << 4 | c >> 2)
      out.append(c << 6 | d)
      index += 4
    }
    let rest = count - index
    if rest == 2 {
      let a = decodeTable[Int(input[index])], b = decodeTable[Int(input[index + 1])]
      guard a < 64, b < 64, b & 0x0F == 0 else { return nil }
      out.append(a << 2 | b >> 4)
    } else if rest == 3 {
      let a = decodeTable[Int(input[index])], b = decodeTable[Int(input[index + 1])]
      let c = decodeTable[Int(input[index + 2])]
      guard a < 64, b < 64, c < 64, c & 0x03 == 0 else { return nil }
      out.append(a << 2 | b >> 4)
      out.append(b << 4 | c >> 2)
    } else if rest != 0 {
      return nil
    }
    return out
  }
}

/// Lowercase and uppercase hex, as SOPS (uppercase MAC) and tests (lowercase) write it.
public enum Hex {
  public static func encode(_ bytes: some Sequence<UInt8>, uppercase: Bool = false) -> String {
    let digits = Array((uppercase ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
    var out: [UInt8] = []
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  public static func decode(_ text: some StringProtocol) -> [UInt8]? {
    let chars = Array(text.utf8)
    guard chars.count % 2 == 0 else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(chars.count / 2)
    var index = 0
    while index < chars.count {
      guard let high = nibble(chars[index]), let low = nibble(chars[index + 1]) else { return nil }
      out.append(high << 4 | low)
      index += 2
    }
    return out
  }

  static func nibble(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}

/// Random bytes for keys, nonces and IVs. `SystemRandomNumberGenerator` is the platform CSPRNG
/// (getrandom(2) on Linux).
enum SecureRandom {
  static func bytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    var out = [UInt8](repeating: 0, count: count)
    var index = 0
    while index < count {
      var word = generator.next()
      for _ in 0..<8 where index < count {
        out[index] = UInt8(truncatingIfNeeded: word)
        word >>= 8
        index += 1
      }
    }
    return out
  }
}
