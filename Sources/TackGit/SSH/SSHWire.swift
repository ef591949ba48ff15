/// The SSH wire encoding (RFC 4251 §5): big-endian uint32, length-prefixed strings and mpints.
/// Used for public key blobs and the OpenSSH private key container.
struct SSHWireWriter {
  private(set) var bytes: [UInt8] = []

  mutating func uint32(_ value: UInt32) {
    bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
  }

  mutating func string(_ value: [UInt8]) {
    uint32(UInt32(value.count))
    bytes += value
  }

  mutating func string(_ value: String) { string(Array(value.utf8)) }

  /// A non-negative big integer from big-endian magnitude bytes: leading zeros stripped, and a zero
  /// byte prepended when the top bit is set so it does not read as negative.
  mutating func mpint(_ magnitude: [UInt8]) {
    var value = Array(magnitude.drop(while: { $0 == 0 }))
    if let first = value.first, first & 0x80 != 0 { value.insert(0, at: 0) }
    string(value)
  }

  mutating func raw(_ value: [UInt8]) { bytes += value }
}

struct SSHWireReader {
  private var bytes: ArraySlice<UInt8>

  init(_ bytes: [UInt8]) { self.bytes = bytes[...] }
  init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

  var isAtEnd: Bool { bytes.isEmpty }
  var remaining: ArraySlice<UInt8> { bytes }

  struct Truncated: Error {}

  mutating func uint32() throws(Truncated) -> UInt32 {
    guard bytes.count >= 4 else { throw Truncated() }
    let value = bytes.prefix(4).reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
    bytes = bytes.dropFirst(4)
    return value
  }

  mutating func string() throws(Truncated) -> [UInt8] {
    let length = Int(try uint32())
    guard bytes.count >= length else { throw Truncated() }
    let value = Array(bytes.prefix(length))
    bytes = bytes.dropFirst(length)
    return value
  }

  mutating func text() throws(Truncated) -> String {
    String(decoding: try string(), as: UTF8.self)
  }

  /// An mpint's magnitude, without the sign byte.
  mutating func mpint() throws(Truncated) -> [UInt8] {
    Array(try string().drop(while: { $0 == 0 }))
  }

  mutating func bytes(_ count: Int) throws(Truncated) -> [UInt8] {
    guard bytes.count >= count else { throw Truncated() }
    let value = Array(bytes.prefix(count))
    bytes = bytes.dropFirst(count)
    return value
  }
}
