/// Standard-alphabet base64 (RFC 4648 §4), the one implementation in tack. Encoding always writes
/// canonical text; decoding takes the grammar the format in hand demands, because the formats tack
/// reads disagree: SOPS, Sealed Secrets, Secret `data` and age armor are padded and canonical, age
/// header stanzas are unpadded and canonical, and kubeconfig `-data` fields (and the PEM bodies in
/// them) are what Go's `StdEncoding` reads there — wrapped lines and sloppy trailing bits accepted.
/// Foundation's decoder matches none of these exactly, so none of tack's formats uses it.
///
/// ```swift
/// Base64.encode(Array("fo".utf8))                       // "Zm8="
/// Base64.encode(Array("fo".utf8), padded: false)        // "Zm8"
/// Base64.decode("Zm8=", grammar: .strict)               // [0x66, 0x6F]
/// Base64.decode("Zm\n8=", grammar: .lenient)            // [0x66, 0x6F]
/// Base64.decode("Zm9=", grammar: .strict)               // nil: non-zero bits after the last byte
/// ```
public enum Base64 {
  /// What a decoder accepts.
  public enum Grammar: Sendable, Equatable {
    /// Alphabet characters only, `=` padding to a multiple of four, and zero bits after the last
    /// byte, so each byte string has exactly one accepted text (SOPS values, Sealed Secrets, Secret
    /// `data`, age armor lines).
    case strict
    /// As `strict` but without padding, so `=` is refused anywhere (age header stanzas).
    case strictUnpadded
    /// ASCII whitespace (space, tab, CR, LF) skipped anywhere, padding required to a multiple of
    /// four, non-zero trailing bits accepted (kubeconfig `*-data` fields and PEM bodies).
    case lenient
  }

  static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// 0–63 for alphabet characters, 0xFF for everything else.
  static let decodeTable: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
    return table
  }()

  // MARK: encoding

  /// Encodes bytes; `padded` adds `=` to a multiple of four characters.
  public static func encode(_ bytes: some Collection<UInt8>, padded: Bool = true) -> String {
    String(decoding: encodedBytes(bytes, padded: padded), as: UTF8.self)
  }

  /// `encode` as ASCII bytes, for writers that assemble byte buffers (age headers and armor).
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

  // MARK: decoding

  /// The bytes `text` stands for under `grammar`, or nil when the grammar refuses it.
  public static func decode(_ text: some StringProtocol, grammar: Grammar) -> [UInt8]? {
    decode(bytes: Array(text.utf8), grammar: grammar)
  }

  public static func decode(bytes input: [UInt8], grammar: Grammar) -> [UInt8]? {
    switch grammar {
    case .strict:
      guard input.count % 4 == 0 else { return nil }
      var count = input.count
      if count > 0, input[count - 1] == UInt8(ascii: "=") {
        count -= 1
        if input[count - 1] == UInt8(ascii: "=") { count -= 1 }
      }
      return decodeCharacters(input, count: count, canonical: true)
    case .strictUnpadded:
      return decodeCharacters(input, count: input.count, canonical: true)
    case .lenient:
      var characters: [UInt8] = []
      characters.reserveCapacity(input.count)
      var padding = 0
      for byte in input {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
          continue
        case UInt8(ascii: "="):
          padding += 1
        default:
          // Nothing but whitespace and more padding may follow padding.
          guard padding == 0, decodeTable[Int(byte)] != 0xFF else { return nil }
          characters.append(byte)
        }
      }
      guard (characters.count + padding) % 4 == 0, padding <= 2 else { return nil }
      return decodeCharacters(characters, count: characters.count, canonical: false)
    }
  }

  /// Decodes the first `count` characters, all of which must be in the alphabet. A final group of
  /// two or three characters stands for one or two bytes; `canonical` refuses non-zero bits after
  /// them.
  private static func decodeCharacters(_ input: [UInt8], count: Int, canonical: Bool) -> [UInt8]? {
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
    switch count - index {
    case 0:
      break
    case 2:
      let a = decodeTable[Int(input[index])], b = decodeTable[Int(input[index + 1])]
      guard a < 64, b < 64, !canonical || b & 0x0F == 0 else { return nil }
      out.append(a << 2 | b >> 4)
    case 3:
      let a = decodeTable[Int(input[index])], b = decodeTable[Int(input[index + 1])]
      let c = decodeTable[Int(input[index + 2])]
      guard a < 64, b < 64, c < 64, !canonical || c & 0x03 == 0 else { return nil }
      out.append(a << 2 | b >> 4)
      out.append(b << 4 | c >> 2)
    default:
      return nil
    }
    return out
  }
}
