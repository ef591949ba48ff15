import Crypto
import SwiftASN1
import TackBase
import TackJSON
import _CryptoExtras

@testable import TackSecrets

/// An RSA private key as numbers, for the tests that open what tack sealed. It lives with the tests
/// because `tack` never unseals: a private-key operation in the shipped binary would be one more
/// piece of code that must be constant-time and blinded, for no feature. Reads PKCS#1 and PKCS#8 PEM (a controller's `tls.key`).
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

/// Opens SealedSecrets with a controller's private key: `kubeseal --recovery-unseal`, and the
/// check tests use.
public struct SealedSecretUnsealer: Sendable {
  public let privateKey: RSAPrivateKeyNumbers
  public init(privateKey: RSAPrivateKeyNumbers) { self.privateKey = privateKey }

  /// The Secret a SealedSecret stands for, with its values base64-encoded under `data`.
  public func unseal(_ sealed: JSON) throws(SealedSecretError) -> JSON {
    guard let name = sealed[path: "metadata", "name"]?.stringValue else {
      throw SealedSecretError(.invalidSecret, "the SealedSecret has no metadata.name")
    }
    let namespace = sealed[path: "metadata", "namespace"]?.stringValue ?? ""
    var annotations = sealed[path: "metadata", "annotations"]?.objectValue ?? JSONObject()
    for member in sealed[path: "spec", "template", "metadata", "annotations"]?.objectValue ?? [:] where annotations[member.key] == nil {
      annotations[member.key] = member.value
    }
    let label = SealingScope.of(annotations: annotations).label(namespace: namespace, name: name)
    var data = JSONObject()
    for member in sealed[path: "spec", "encryptedData"]?.objectValue ?? [:] {
      guard let text = member.value.stringValue, let blob = Base64.decode(text, grammar: .strict),
        let plaintext = SealedSecretsCrypto.open(blob, label: label, privateKey: privateKey)
      else {
        throw SealedSecretError(.unseal, "SealedSecret \(name): \(member.key) does not unseal with this key for namespace \"\(namespace)\" and its scope (no key could decrypt secret)")
      }
      data[member.key] = .string(Base64.encode(plaintext))
    }
    var metadata = sealed[path: "spec", "template", "metadata"]?.objectValue ?? JSONObject()
    metadata["name"] = .string(name)
    if !namespace.isEmpty { metadata["namespace"] = .string(namespace) }
    var secret: JSON = ["apiVersion": "v1", "kind": "Secret", "metadata": .object(metadata)]
    if let type = sealed[path: "spec", "template", "type"] { secret["type"] = type }
    secret["data"] = .object(data)
    return secret
  }
}

extension SealedSecretsCrypto {
  /// Opens a sealed value; nil when the key or the label is wrong or the value is damaged.
  public static func open(_ sealed: [UInt8], label: [UInt8], privateKey: RSAPrivateKeyNumbers) -> [UInt8]? {
    guard sealed.count >= 2 else { return nil }
    let length = Int(sealed[0]) << 8 | Int(sealed[1])
    guard sealed.count >= 2 + length + 16,
      let sessionKey = privateKey.decryptOAEP(Array(sealed[2..<(2 + length)]), label: label), sessionKey.count == 32
    else { return nil }
    let rest = sealed[(2 + length)...]
    guard let nonce = try? AES.GCM.Nonce(data: [UInt8](repeating: 0, count: 12)),
      let box = try? AES.GCM.SealedBox(nonce: nonce, ciphertext: rest.dropLast(16), tag: rest.suffix(16)),
      let plaintext = try? AES.GCM.open(box, using: SymmetricKey(data: sessionKey))
    else { return nil }
    return Array(plaintext)
  }
}
