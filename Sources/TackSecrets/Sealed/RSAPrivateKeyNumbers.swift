import _CryptoExtras

/// An RSA private key as numbers, for offline unsealing (`kubeseal --recovery-unseal`) and for
/// tests. Reads PKCS#1 and PKCS#8 PEM (a controller's `tls.key`).
public struct RSAPrivateKeyNumbers: Sendable {
  public let publicKey: RSAPublicKeyNumbers
  private let privateExponent: [UInt8]

  public init(pem: String) throws(SealedSecretError) {
    guard let key = try? _RSA.Signing.PrivateKey(unsafePEMRepresentation: pem) else {
      throw SealedSecretError(.privateKey, "not an RSA private key in PEM form (PKCS#1 or PKCS#8)")
    }
    // BoringSSL writes the private key as PKCS#1: SEQUENCE { version, n, e, d, p, q, … }.
    guard let integers = DERIntegers.sequence(Array(key.derRepresentation)), integers.count >= 4 else {
      throw SealedSecretError(.privateKey, "cannot read the RSA private key's numbers")
    }
    publicKey = try RSAPublicKeyNumbers(modulus: integers[1], publicExponent: integers[2])
    privateExponent = integers[3]
  }

  /// RSADP: c^d mod n.
  func decryptRaw(_ ciphertext: [UInt8]) -> [UInt8]? {
    guard ciphertext.count == publicKey.size, publicKey.montgomery.isReduced(ciphertext) else { return nil }
    return MontgomeryModulus.bigEndian(
      publicKey.montgomery.power(ciphertext, exponent: privateExponent), length: publicKey.size)
  }

  func decryptOAEP(_ ciphertext: [UInt8], label: [UInt8]) -> [UInt8]? {
    guard let encoded = decryptRaw(ciphertext) else { return nil }
    return RSAOAEP.decode(encoded, label: label, k: publicKey.size)
  }
}

/// Just enough DER to read a SEQUENCE of INTEGERs.
enum DERIntegers {
  static func sequence(_ der: [UInt8]) -> [[UInt8]]? {
    var index = 0
    guard let (tag, content) = element(der, &index), tag == 0x30 else { return nil }
    var inner = content.startIndex
    var result: [[UInt8]] = []
    while inner < content.endIndex {
      guard let (tag, value) = element(content, &inner), tag == 0x02 else { return nil }
      result.append(Array(value.drop { $0 == 0 }))
    }
    return result
  }

  private static func element<C: RandomAccessCollection>(_ bytes: C, _ index: inout C.Index) -> (UInt8, C.SubSequence)?
  where C.Element == UInt8, C.Index == Int {
    guard index + 2 <= bytes.endIndex else { return nil }
    let tag = bytes[index]
    var length = Int(bytes[index + 1])
    index += 2
    if length & 0x80 != 0 {
      let count = length & 0x7F
      guard count > 0, count <= 4, index + count <= bytes.endIndex else { return nil }
      length = 0
      for byte in bytes[index..<(index + count)] { length = length << 8 | Int(byte) }
      index += count
    }
    guard length >= 0, index + length <= bytes.endIndex else { return nil }
    let value = bytes[index..<(index + length)]
    index += length
    return (tag, value)
  }
}
