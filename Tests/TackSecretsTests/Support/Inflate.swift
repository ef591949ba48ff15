/// A small zlib/DEFLATE decoder (RFC 1950/1951) for the age test vectors stored with
/// `compressed: zlib`. Test-only: no zlib binding is linked into the project for this.
enum Inflate {
  struct Failure: Error {}

  private struct BitReader {
    let bytes: [UInt8]
    var position = 0
    var bitBuffer: UInt32 = 0
    var bitCount = 0

    mutating func bits(_ count: Int) throws -> Int {
      while bitCount < count {
        guard position < bytes.count else { throw Failure() }
        bitBuffer |= UInt32(bytes[position]) << UInt32(bitCount)
        position += 1
        bitCount += 8
      }
      let value = Int(bitBuffer & ((1 << UInt32(count)) - 1))
      bitBuffer >>= UInt32(count)
      bitCount -= count
      return value
    }

    mutating func alignToByte() {
      bitBuffer = 0
      bitCount = 0
    }
  }

  /// Canonical Huffman decoding table: symbols by code length.
  private struct Huffman {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []

    init(lengths: [Int]) {
      for length in lengths { counts[length] += 1 }
      counts[0] = 0
      var offsets = [Int](repeating: 0, count: 16)
      for length in 1..<16 { offsets[length] = offsets[length - 1] + counts[length - 1] }
      symbols = [Int](repeating: 0, count: lengths.count)
      for (symbol, length) in lengths.enumerated() where length != 0 {
        symbols[offsets[length]] = symbol
        offsets[length] += 1
      }
    }

    func decode(_ reader: inout BitReader) throws -> Int {
      var code = 0, first = 0, index = 0
      for length in 1..<16 {
        code |= try reader.bits(1)
        let count = counts[length]
        if code - count < first { return symbols[index + (code - first)] }
        index += count
        first += count
        first <<= 1
        code <<= 1
      }
      throw Failure()
    }
  }

  private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
  private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
  private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
  private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

  /// Decodes a zlib stream (2-byte header, DEFLATE data; the Adler-32 trailer is not checked).
  static func zlib(_ data: [UInt8]) throws -> [UInt8] {
    guard data.count > 2, data[0] & 0x0F == 8 else { throw Failure() }
    var reader = BitReader(bytes: Array(data[2...]))
    var out: [UInt8] = []
    var final = false
    while !final {
      final = try reader.bits(1) == 1
      switch try reader.bits(2) {
      case 0:
        reader.alignToByte()
        guard reader.position + 4 <= reader.bytes.count else { throw Failure() }
        let length = Int(reader.bytes[reader.position]) | Int(reader.bytes[reader.position + 1]) << 8
        reader.position += 4
        guard reader.position + length <= reader.bytes.count else { throw Failure() }
        out += reader.bytes[reader.position..<(reader.position + length)]
        reader.position += length
      case 1:
        let literal = Huffman(lengths: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
        let distance = Huffman(lengths: [Int](repeating: 5, count: 30))
        try block(&reader, &out, literal, distance)
      case 2:
        let literalCount = try reader.bits(5) + 257
        let distanceCount = try reader.bits(5) + 1
        let codeCount = try reader.bits(4) + 4
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeCount { codeLengths[order[index]] = try reader.bits(3) }
        let codeHuffman = Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
          let symbol = try codeHuffman.decode(&reader)
          switch symbol {
          case 0..<16: lengths.append(symbol)
          case 16:
            guard let previous = lengths.last else { throw Failure() }
            lengths += [Int](repeating: previous, count: 3 + (try reader.bits(2)))
          case 17: lengths += [Int](repeating: 0, count: 3 + (try reader.bits(3)))
          default: lengths += [Int](repeating: 0, count: 11 + (try reader.bits(7)))
          }
        }
        try block(
          &reader, &out, Huffman(lengths: Array(lengths[..<literalCount])),
          Huffman(lengths: Array(lengths[literalCount..<(literalCount + distanceCount)])))
      default:
        throw Failure()
      }
    }
    return out
  }

  private static func block(_ reader: inout BitReader, _ out: inout [UInt8], _ literal: Huffman, _ distance: Huffman) throws {
    while true {
      let symbol = try literal.decode(&reader)
      if symbol < 256 {
        out.append(UInt8(symbol))
      } else if symbol == 256 {
        return
      } else {
        let index = symbol - 257
        guard index < lengthBase.count else { throw Failure() }
        let length = lengthBase[index] + (try reader.bits(lengthExtra[index]))
        let distanceSymbol = try distance.decode(&reader)
        guard distanceSymbol < distanceBase.count else { throw Failure() }
        let back = distanceBase[distanceSymbol] + (try reader.bits(distanceExtra[distanceSymbol]))
        guard back <= out.count else { throw Failure() }
        for _ in 0..<length { out.append(out[out.count - back]) }
      }
    }
  }
}
