import SwiftASN1
import X509
import _CryptoExtras

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The Sealed Secrets controller's certificate, as kubeseal uses it: the first PEM certificate,
/// which must hold an RSA key and must not have expired.
public struct SealedSecretsCertificate: Sendable {
  public let publicKey: RSAPublicKeyNumbers
  public let notValidAfter: Date
  public let subject: String
  /// The PEM text as given, for `fetch-cert`.
  public let pem: String

  public init(pem: String, now: Date = Date()) throws(SealedSecretError) {
    let documents: [PEMDocument]
    do {
      documents = try PEMDocument.parseMultiple(pemString: pem)
    } catch {
      throw SealedSecretError(.certificate, "not a PEM certificate (expected -----BEGIN CERTIFICATE-----)")
    }
    guard let first = documents.first(where: { $0.discriminator == "CERTIFICATE" }) else {
      throw SealedSecretError(.certificate, "no CERTIFICATE block found in the PEM text")
    }
    // Checked before swift-certificates parses the certificate: it refuses short RSA keys with a
    // message about parameter sizes, where the user needs to hear that the key is too short.
    if let bits = Self.rsaModulusBits(certificateDER: first.derBytes), bits < Self.minimumRSABits {
      throw SealedSecretError(.certificate, "the certificate's RSA key has \(bits) bits; sealing needs at least \(Self.minimumRSABits) (a short key can be factored and every secret sealed to it read)")
    }
    let certificate: Certificate
    do {
      certificate = try Certificate(derEncoded: first.derBytes)
    } catch {
      throw SealedSecretError(.certificate, "the certificate cannot be parsed: \(error)")
    }
    guard let rsa = _RSA.Signing.PublicKey(certificate.publicKey) else {
      throw SealedSecretError(.certificate, "the certificate does not hold an RSA public key; Sealed Secrets controllers use RSA")
    }
    guard now <= certificate.notValidAfter else {
      throw SealedSecretError(.certificate, "the certificate expired on \(Self.day(certificate.notValidAfter)); fetch the controller's current one with `tack secrets fetch-cert`")
    }
    publicKey = try RSAPublicKeyNumbers(rsa)
    notValidAfter = certificate.notValidAfter
    subject = certificate.subject.description
    self.pem = pem
  }

  /// RSA keys below this are refused, as kubeseal's own controller never makes them (it uses 4096).
  static let minimumRSABits = 2048

  /// The bit length of the RSA modulus in a certificate's SubjectPublicKeyInfo; nil when the
  /// certificate does not hold an RSA key or cannot be walked.
  static func rsaModulusBits(certificateDER: [UInt8]) -> Int? {
    func children(_ node: ASN1Node) -> [ASN1Node]? {
      guard case .constructed(let nodes) = node.content else { return nil }
      return Array(nodes)
    }
    guard let root = try? DER.parse(certificateDER), let certificate = children(root),
      let tbs = certificate.first.flatMap(children)
    else { return nil }
    // TBSCertificate: [0] version (optional), serial, signature, issuer, validity, subject, SPKI.
    let fields = tbs.first?.identifier.tagClass == .contextSpecific ? Array(tbs.dropFirst()) : tbs
    guard fields.count > 5, let spki = children(fields[5]), spki.count == 2,
      let algorithm = children(spki[0]), let oid = algorithm.first,
      (try? ASN1ObjectIdentifier(derEncoded: oid)) == .AlgorithmIdentifier.rsaEncryption,
      let bitString = try? ASN1BitString(derEncoded: spki[1]),
      let key = try? DER.parse(Array(bitString.bytes)), let numbers = children(key), let modulus = numbers.first,
      let integer = try? ArraySlice<UInt8>(derEncoded: modulus)
    else { return nil }
    let significant = integer.drop { $0 == 0 }
    guard let top = significant.first else { return 0 }
    return significant.count * 8 - top.leadingZeroBitCount
  }

  /// The expiry day, `2036-11-25`.
  public var expiryDay: String { Self.day(notValidAfter) }

  /// `2036-11-25`, for messages.
  static func day(_ date: Date) -> String {
    String(SopsMetadata.timestamp(date).prefix(10))
  }
}
