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
    // swift-crypto always writes a well-formed two-prime RSAPrivateKey.
    let integers = (try? DERIntegers.sequence(Array(key.derRepresentation))) ?? []
    precondition(integers.count >= 9, "unexpected PKCS#1 encoding from swift-crypto")
    // version, n, e, d, p, q, dp, dq, qinv
    n = integers[1]
    e = integers[2]
    d = integers[3]
    p = integers[4]
    q = integers[5]
    iqmp = integers[8]
  }
}

/// Just enough DER to read a SEQUENCE of INTEGERs (PKCS#1).
enum DERIntegers {
  struct Malformed: Error {}

  static func sequence(_ der: [UInt8]) throws(Malformed) -> [[UInt8]] {
    var position = 0
    let (tag, content) = try element(der, &position)
    guard tag == 0x30 else { throw Malformed() }
    var inner = 0
    var integers: [[UInt8]] = []
    while inner < content.count {
      let (itemTag, value) = try element(content, &inner)
      guard itemTag == 0x02 else { throw Malformed() }
      integers.append(Array(value.drop(while: { $0 == 0 })))
    }
    return integers
  }

  private static func element(_ bytes: [UInt8], _ position: inout Int) throws(Malformed) -> (UInt8, [UInt8]) {
    guard position + 2 <= bytes.count else { throw Malformed() }
    let tag = bytes[position]
    var length = Int(bytes[position + 1])
    position += 2
    if length & 0x80 != 0 {
      let count = length & 0x7f
      guard count > 0, count <= 4, position + count <= bytes.count else { throw Malformed() }
      length = 0
      for _ in 0..<count {
        length = (length << 8) | Int(bytes[position])
        position += 1
      }
    }
    guard position + length <= bytes.count else { throw Malformed() }
    let value = Array(bytes[position..<(position + length)])
    position += length
    return (tag, value)
  }
}
