import SwiftASN1
import _CryptoExtras

/// The numbers of an RSA private key, read from its PKCS#1 DER (`RSAPrivateKey`): the OpenSSH
/// format stores n, e, d, iqmp, p and q, which swift-crypto does not expose directly.
struct RSANumbers {
  var n: [UInt8]
  var e: [UInt8]
  var d: [UInt8]
  var p: [UInt8]
  var q: [UInt8]
  var iqmp: [UInt8]

  init(_ key: _RSA.Signing.PrivateKey) {
    // swift-crypto always writes a well-formed two-prime RSAPrivateKey:
    // SEQUENCE { version, n, e, d, p, q, dp, dq, qinv }, each an unsigned INTEGER.
    let integers =
      (try? DER.sequence(
        of: ArraySlice<UInt8>.self, identifier: .sequence, rootNode: DER.parse(Array(key.derRepresentation)))) ?? []
    precondition(integers.count >= 9, "unexpected PKCS#1 encoding from swift-crypto")
    n = Array(integers[1])
    e = Array(integers[2])
    d = Array(integers[3])
    p = Array(integers[4])
    q = Array(integers[5])
    iqmp = Array(integers[8])
  }
}
