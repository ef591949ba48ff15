import Crypto
import _CryptoExtras

/// An RSA public key as numbers, for the raw operation OAEP needs.
public struct RSAPublicKeyNumbers: Sendable {
  /// Big-endian modulus without leading zeros.
  public let modulus: [UInt8]
  public let publicExponent: [UInt8]
  let montgomery: MontgomeryModulus

  public init(modulus: some Collection<UInt8>, publicExponent: some Collection<UInt8>) throws(SealedSecretError) {
    let n = Array(modulus.drop { $0 == 0 })
    guard let montgomery = MontgomeryModulus(bigEndian: n), n.count >= 128 else {
      throw SealedSecretError(.certificate, "the RSA modulus is invalid or shorter than 1024 bits")
    }
    self.modulus = n
    self.publicExponent = Array(publicExponent.drop { $0 == 0 })
    self.montgomery = montgomery
  }

  init(_ key: _RSA.Signing.PublicKey) throws(SealedSecretError) {
    guard let primitives = try? key.getKeyPrimitives() else {
      throw SealedSecretError(.certificate, "cannot read the RSA key's modulus and exponent")
    }
    try self.init(modulus: Array(primitives.modulus), publicExponent: Array(primitives.publicExponent))
  }

  /// The modulus length in bytes (k in RFC 8017).
  public var size: Int { modulus.count }

  /// RSAEP: m^e mod n, as `size` bytes.
  func encryptRaw(_ message: [UInt8]) -> [UInt8] {
    MontgomeryModulus.bigEndian(montgomery.power(message, exponent: publicExponent), length: size)
  }
}

/// RSAES-OAEP with SHA-256 and MGF1-SHA-256 (RFC 8017 §7.1), with a label: what Sealed Secrets
/// uses to bind a value to its scope.
enum RSAOAEP {
  static let hashLength = 32

  static func mgf1(_ seed: [UInt8], length: Int) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(length + hashLength)
    var counter: UInt32 = 0
    while output.count < length {
      var hasher = SHA256()
      hasher.update(data: seed)
      hasher.update(data: [UInt8(counter >> 24), UInt8(truncatingIfNeeded: counter >> 16), UInt8(truncatingIfNeeded: counter >> 8), UInt8(truncatingIfNeeded: counter)])
      output += hasher.finalize()
      counter += 1
    }
    return Array(output.prefix(length))
  }

  /// EME-OAEP encoding of `message` for a `k`-byte modulus; `seed` is random unless a test fixes it.
  static func encode(_ message: [UInt8], label: [UInt8], k: Int, seed: [UInt8] = SecureRandom.bytes(32)) -> [UInt8]? {
    guard message.count <= k - 2 * hashLength - 2 else { return nil }
    let labelHash = Array(SHA256.hash(data: label))
    var db = labelHash
    db += [UInt8](repeating: 0, count: k - message.count - 2 * hashLength - 2)
    db.append(0x01)
    db += message
    let dbMask = mgf1(seed, length: k - hashLength - 1)
    let maskedDB = zip(db, dbMask).map { $0 ^ $1 }
    let seedMask = mgf1(maskedDB, length: hashLength)
    let maskedSeed = zip(seed, seedMask).map { $0 ^ $1 }
    return [0x00] + maskedSeed + maskedDB
  }

  /// EME-OAEP decoding; nil when the encoding or the label does not check out.
  static func decode(_ encoded: [UInt8], label: [UInt8], k: Int) -> [UInt8]? {
    guard encoded.count == k, k >= 2 * hashLength + 2 else { return nil }
    let maskedSeed = Array(encoded[1...hashLength])
    let maskedDB = Array(encoded[(hashLength + 1)...])
    let seed = zip(maskedSeed, mgf1(maskedDB, length: hashLength)).map { $0 ^ $1 }
    let db = zip(maskedDB, mgf1(seed, length: k - hashLength - 1)).map { $0 ^ $1 }
    let labelHash = Array(SHA256.hash(data: label))
    // Check everything before answering, so the failure does not say which part was wrong.
    var bad = encoded[0]
    for (a, b) in zip(db.prefix(hashLength), labelHash) { bad |= a ^ b }
    var separator: Int?
    for index in hashLength..<db.count where separator == nil {
      if db[index] == 0x01 {
        separator = index
      } else if db[index] != 0x00 {
        bad |= 1
      }
    }
    guard bad == 0, let separator else { return nil }
    return Array(db[(separator + 1)...])
  }

  static func encrypt(_ message: [UInt8], label: [UInt8], key: RSAPublicKeyNumbers) -> [UInt8]? {
    guard let encoded = encode(message, label: label, k: key.size) else { return nil }
    return key.encryptRaw(encoded)
  }
}
