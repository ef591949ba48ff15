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
    let text = String(decoding: bytes, as: UTF8.self)
    var result: [Block] = []
    var label: String?
    var body = ""
    for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
      let line = rawLine.trimming(" ")
      if line.hasPrefix("-----BEGIN "), line.hasSuffix("-----") {
        label = String(line.dropFirst(11).dropLast(5))
        body = ""
      } else if line.hasPrefix("-----END "), let current = label {
        guard let der = Base64.decode(body, grammar: .lenient) else { throw .badBase64(current) }
        guard isDER(der) else { throw .notDER(current) }
        result.append(Block(label: current, der: der))
        label = nil
      } else if label != nil {
        // Encrypted legacy keys carry "Proc-Type:" headers; they fail below as not DER or base64.
        body += line
      }
    }
    if let label { throw .missingEnd(label) }
    guard !result.isEmpty else { throw .noBlocks }
    return result
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
