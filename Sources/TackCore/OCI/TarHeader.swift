/// One tar header as Go's `archive/tar` writes it for Flux artifacts: USTAR when the name fits
/// (splitting a long ASCII path into prefix and name as Go does), PAX extended records otherwise.
/// Owner, group and times are always zero, so equal trees give equal bytes.
struct TarHeader: Equatable {
  enum Kind: UInt8 {
    case file = 0x30  // '0'
    case directory = 0x35  // '5'
  }

  var name: String
  var kind: Kind
  /// Permission bits plus setuid/setgid/sticky, as found on disk.
  var mode: Int
  var size: Int

  static let blockSize = 512
  private static let nameSize = 100
  private static let prefixSize = 155
  /// Go switches to a PAX `size` record at 8 GiB (11 octal digits).
  private static let maxOctalSize = 0o77777777777

  /// The header blocks (one, or three and more with PAX records) that precede the entry's data.
  func encoded() -> [UInt8] {
    let bytes = Array(name.utf8)
    let ascii = bytes.allSatisfy { $0 < 0x80 && $0 != 0 }
    var records: [(String, String)] = []
    var nameField = bytes
    var prefixField: [UInt8] = []
    if !ascii || bytes.count > Self.nameSize {
      if ascii, let (prefix, suffix) = Self.splitUSTARPath(bytes) {
        prefixField = prefix
        nameField = suffix
      } else {
        records.append(("path", name))
      }
    }
    if size > Self.maxOctalSize { records.append(("size", String(size))) }
    var out: [UInt8] = []
    if !records.isEmpty {
      out += Self.paxHeader(for: bytes, records: records)
      // Go's PAX main header keeps the ASCII part of the name, truncated to the field.
      nameField = Array(bytes.filter { $0 < 0x80 && $0 != 0 }.prefix(Self.nameSize))
      prefixField = []
    }
    out += Self.block(
      name: nameField, mode: mode, size: size > Self.maxOctalSize ? 0 : size, typeflag: kind.rawValue,
      prefix: prefixField)
    return out
  }

  /// The two zero blocks that end an archive (Go pads no further).
  static let footer = [UInt8](repeating: 0, count: 2 * blockSize)

  /// Zeros up to the next block boundary after `size` data bytes.
  static func padding(after size: Int) -> [UInt8] {
    let rest = size % blockSize
    return rest == 0 ? [] : [UInt8](repeating: 0, count: blockSize - rest)
  }

  private static func block(name: [UInt8], mode: Int, size: Int, typeflag: UInt8, prefix: [UInt8]) -> [UInt8] {
    var block = [UInt8](repeating: 0, count: blockSize)
    put(name, at: 0, width: 100, into: &block)
    put(octal(mode, width: 8), at: 100, width: 8, into: &block)
    put(octal(0, width: 8), at: 108, width: 8, into: &block)  // uid
    put(octal(0, width: 8), at: 116, width: 8, into: &block)  // gid
    put(octal(size, width: 12), at: 124, width: 12, into: &block)
    put(octal(0, width: 12), at: 136, width: 12, into: &block)  // mtime: the Unix epoch
    block[156] = typeflag
    put(Array("ustar\0".utf8), at: 257, width: 6, into: &block)
    put(Array("00".utf8), at: 263, width: 2, into: &block)
    // uname and gname stay empty.
    put(octal(0, width: 8), at: 329, width: 8, into: &block)  // devmajor
    put(octal(0, width: 8), at: 337, width: 8, into: &block)  // devminor
    put(prefix, at: 345, width: 155, into: &block)
    // The checksum counts its own field as spaces; Go writes six digits, NUL, space.
    for index in 148..<156 { block[index] = 0x20 }
    let sum = block.reduce(0) { $0 + Int($1) }
    put(octal(sum, width: 7), at: 148, width: 7, into: &block)
    block[154] = 0
    block[155] = 0x20
    return block
  }

  /// `typeflag x` with `len key=value\n` records sorted by key, named `PaxHeaders.0/<base>` as Go does.
  private static func paxHeader(for name: [UInt8], records: [(String, String)]) -> [UInt8] {
    var data: [UInt8] = []
    for (key, value) in records.sorted(by: { $0.0 < $1.0 }) {
      data += paxRecord(key: key, value: value)
    }
    let text = String(decoding: name, as: UTF8.self)
    let slash = text.lastIndex(of: "/")
    let directory = slash.map { String(text[...$0]) } ?? ""
    let base = slash.map { String(text[text.index(after: $0)...]) } ?? text
    var headerName = Array((directory + "PaxHeaders.0/" + base).utf8.filter { $0 < 0x80 && $0 != 0 }.prefix(nameSize))
    while headerName.last == UInt8(ascii: "/") { headerName.removeLast() }
    var out = block(name: headerName, mode: 0, size: data.count, typeflag: UInt8(ascii: "x"), prefix: [])
    out += data
    out += padding(after: data.count)
    return out
  }

  /// `"%d %s=%s\n"` where the length counts itself.
  static func paxRecord(key: String, value: String) -> [UInt8] {
    let body = " \(key)=\(value)\n"
    let bodyLength = body.utf8.count
    var length = bodyLength + String(bodyLength).count
    if String(length).count + bodyLength != length { length = bodyLength + String(length).count }
    return Array("\(length)\(body)".utf8)
  }

  /// Go's `splitUSTARPath`: the last `/` that leaves a name of at most 100 bytes and a prefix of
  /// at most 155.
  static func splitUSTARPath(_ name: [UInt8]) -> ([UInt8], [UInt8])? {
    var length = name.count
    guard length > nameSize else { return nil }
    if length > prefixSize + 1 {
      length = prefixSize + 1
    } else if name[length - 1] == UInt8(ascii: "/") {
      length -= 1
    }
    guard let slash = name[..<length].lastIndex(of: UInt8(ascii: "/")) else { return nil }
    let suffixLength = name.count - slash - 1
    guard slash > 0, suffixLength <= nameSize, suffixLength > 0, slash <= prefixSize else { return nil }
    return (Array(name[..<slash]), Array(name[(slash + 1)...]))
  }

  /// Zero-padded octal leaving room for a NUL (Go's `formatOctal`).
  static func octal(_ value: Int, width: Int) -> [UInt8] {
    let digits = String(value, radix: 8)
    return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8)
  }

  private static func put(_ bytes: [UInt8], at offset: Int, width: Int, into block: inout [UInt8]) {
    for (index, byte) in bytes.prefix(width).enumerated() { block[offset + index] = byte }
  }
}
