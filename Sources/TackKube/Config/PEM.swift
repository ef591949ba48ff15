import TackBase

/// Minimal PEM checks, so a certificate or key that cannot parse fails at load time with the file or
/// field named, instead of as an opaque TLS error later.
enum PEM {
  struct Block: Equatable {
    var label: String
    var der: [UInt8]
  }

  enum Problem: Error, Equatable {
    case noBlocks
    case badBase64(String)
    case notDER(String)
    case missingEnd(String)

    var reason: String {
      switch self {
      case .noBlocks: "no PEM data found (expected -----BEGIN ...-----)"
      case .badBase64(let label): "the \(label) PEM block is not valid base64"
      case .notDER(let label): "the \(label) PEM block does not hold a DER structure"
      case .missingEnd(let label): "the \(label) PEM block has no END line"
      }
    }
  }

  static func blocks(_ bytes: [UInt8]) throws(Problem) -> [Block] {
    let found: [TackBase.PEM.Block]
    do {
      found = try TackBase.PEM.blocks(in: String(decoding: bytes, as: UTF8.self))
    } catch {
      switch error {
      case .noBlocks: throw .noBlocks
      case .badBase64(let label): throw .badBase64(label)
      case .missingEnd(let label): throw .missingEnd(label)
      }
    }
    return try found.map { block throws(Problem) in
      // Encrypted legacy keys carry "Proc-Type:" headers: nothing a client can use.
      guard block.headers.isEmpty else { throw .badBase64(block.label) }
      guard isDER(block.bytes) else { throw .notDER(block.label) }
      return Block(label: block.label, der: block.bytes)
    }
  }

  /// An outer ASN.1 SEQUENCE whose length covers the data.
  static func isDER(_ der: [UInt8]) -> Bool {
    guard der.count >= 2, der[0] == 0x30 else { return false }
    var length = Int(der[1])
    var header = 2
    if length & 0x80 != 0 {
      let count = length & 0x7F
      guard count >= 1, count <= 4, der.count >= 2 + count else { return false }
      length = 0
      for byte in der[2..<(2 + count)] { length = length << 8 | Int(byte) }
      header += count
    }
    return header + length == der.count
  }

  static func validateCertificates(_ bytes: [UInt8]) throws(Problem) {
    let found = try blocks(bytes)
    guard found.contains(where: { $0.label == "CERTIFICATE" }) else { throw .noBlocks }
  }

  static func validatePrivateKey(_ bytes: [UInt8]) throws(Problem) {
    let found = try blocks(bytes)
    guard found.contains(where: { $0.label.hasSuffix("PRIVATE KEY") }) else { throw .noBlocks }
  }
}
