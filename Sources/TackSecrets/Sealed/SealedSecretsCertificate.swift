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

  /// The expiry day, `2036-11-25`.
  public var expiryDay: String { Self.day(notValidAfter) }

  /// `2036-11-25`, for messages.
  static func day(_ date: Date) -> String {
    String(SopsMetadata.timestamp(date).prefix(10))
  }
}
