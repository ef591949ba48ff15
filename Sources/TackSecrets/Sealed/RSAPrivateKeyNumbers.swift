import SwiftASN1
import _CryptoExtras

/// An RSA private key as numbers, for offline unsealing (`kubeseal --recovery-unseal`) and for
/// tests. Reads PKCS#1 and PKCS#8 PEM (a controller's `tls.key`).
public struct RSAPrivateKeyNumbers: Sendable {
  public let publicKey: RSAPublicKeyNumbers
  private let privateExponent: [UInt8]
  /// The CRT form (p, q, d mod p−1, d mod q−1, q⁻¹ mod p), four times faster than c^d mod n.
  private let crt: CRT?

  struct CRT: Sendable {
    let p: MontgomeryModulus
    let q: MontgomeryModulus
    let dp: [UInt8]
    let dq: [UInt8]
    let qInverse: [UInt64]
  }

  public init(pem: String) throws(SealedSecretError) {
    guard let key = try? _RSA.Signing.PrivateKey(unsafePEMRepresentation: pem) else {
      throw SealedSecretError(.privateKey, "not an RSA private key in PEM form (PKCS#1 or PKCS#8)")
    }
    // BoringSSL writes the private key as PKCS#1: SEQUENCE { version, n, e, d, p, q, … }.
    guard
      let integers = try? DER.sequence(
        of: ArraySlice<UInt8>.self, identifier: .sequence, rootNode: DER.parse(Array(key.derRepresentation))
      ).map({ Array($0) }), integers.count >= 4
    else {
      throw SealedSecretError(.privateKey, "cannot read the RSA private key's numbers")
    }
    publicKey = try RSAPublicKeyNumbers(modulus: integers[1], publicExponent: integers[2])
    privateExponent = integers[3]
    crt = Self.crt(integers)
  }

  private static func crt(_ integers: [[UInt8]]) -> CRT? {
    guard integers.count >= 9, let p = MontgomeryModulus(bigEndian: integers[4]),
      let q = MontgomeryModulus(bigEndian: integers[5]), p.count == q.count
    else { return nil }
    var qInverse = MontgomeryModulus.limbs(bigEndian: integers[8])
    guard qInverse.count <= p.count else { return nil }
    qInverse += [UInt64](repeating: 0, count: p.count - qInverse.count)
    return CRT(p: p, q: q, dp: integers[6], dq: integers[7], qInverse: qInverse)
  }

  /// RSADP: c^d mod n, by the CRT when the key has its factors.
  func decryptRaw(_ ciphertext: [UInt8]) -> [UInt8]? {
    guard ciphertext.count == publicKey.size, publicKey.montgomery.isReduced(ciphertext) else { return nil }
    if let crt, let cp = crt.p.reduce(ciphertext), let cq = crt.q.reduce(ciphertext) {
      let m1 = crt.p.power(limbs: cp, exponent: crt.dp)
      let m2 = crt.q.power(limbs: cq, exponent: crt.dq)
      // h = q⁻¹ (m1 − m2) mod p; m = m2 + h·q.
      guard let m2p = crt.p.reduce(MontgomeryModulus.bigEndian(m2, length: 8 * m2.count)) else { return nil }
      var difference = m1
      MontgomeryModulus.subtractMod(&difference, m2p, crt.p.limbs)
      let h = crt.p.multiplyMod(crt.qInverse, difference)
      let m = MontgomeryModulus.sum(MontgomeryModulus.product(h, crt.q.limbs), m2)
      return MontgomeryModulus.bigEndian(m, length: publicKey.size)
    }
    return MontgomeryModulus.bigEndian(
      publicKey.montgomery.power(ciphertext, exponent: privateExponent), length: publicKey.size)
  }

  func decryptOAEP(_ ciphertext: [UInt8], label: [UInt8]) -> [UInt8]? {
    guard let encoded = decryptRaw(ciphertext) else { return nil }
    return RSAOAEP.decode(encoded, label: label, k: publicKey.size)
  }
}
