import Crypto
import Foundation
import SwiftASN1
import X509

/// A throwaway certificate authority and a server certificate for 127.0.0.1/localhost, for the
/// HTTPS git server. (The TLS/ folder has a similar helper for the API server; this one stays here
/// so the git servers do not depend on it.)
public struct GitTestCertificateAuthority: Sendable {
  public let caCertificate: Certificate
  private let caKey: P256.Signing.PrivateKey

  public init(commonName: String = "tack git test CA") throws {
    let key = P256.Signing.PrivateKey()
    let name = try DistinguishedName { CommonName(commonName) }
    let now = Date()
    caCertificate = try Certificate(
      version: .v3,
      serialNumber: Certificate.SerialNumber(),
      publicKey: .init(key.publicKey),
      notValidBefore: now - 3600,
      notValidAfter: now + 86400,
      issuer: name,
      subject: name,
      signatureAlgorithm: .ecdsaWithSHA256,
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
        Critical(KeyUsage(keyCertSign: true, cRLSign: true))
      },
      issuerPrivateKey: .init(key))
    caKey = key
  }

  /// The CA certificate as PEM (what a client passes as its CA bundle).
  public var caPEM: String {
    (try? caCertificate.serializeAsPEM().pemString) ?? ""
  }

  /// A server certificate signed by this CA.
  public struct ServerIdentity: Sendable {
    public let certificateDER: [UInt8]
    public let privateKeyPEM: String
  }

  public func issueServerCertificate(
    hosts: [String] = ["127.0.0.1", "localhost"], validFor: TimeInterval = 86400
  ) throws -> ServerIdentity {
    let key = P256.Signing.PrivateKey()
    let now = Date()
    let names: [GeneralName] = hosts.map { host in
      if let bytes = Self.ipv4Bytes(host) { return .ipAddress(ASN1OctetString(contentBytes: bytes[...])) }
      return .dnsName(host)
    }
    let certificate = try Certificate(
      version: .v3,
      serialNumber: Certificate.SerialNumber(),
      publicKey: .init(key.publicKey),
      notValidBefore: now - 3600,
      notValidAfter: now + validFor,
      issuer: caCertificate.subject,
      subject: try DistinguishedName { CommonName(hosts.first ?? "localhost") },
      signatureAlgorithm: .ecdsaWithSHA256,
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.notCertificateAuthority)
        Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
        try ExtendedKeyUsage([.serverAuth])
        SubjectAlternativeNames(names)
      },
      issuerPrivateKey: .init(caKey))
    var serializer = DER.Serializer()
    try serializer.serialize(certificate)
    return ServerIdentity(certificateDER: serializer.serializedBytes, privateKeyPEM: key.pemRepresentation)
  }

  static func ipv4Bytes(_ host: String) -> [UInt8]? {
    let parts = host.split(separator: ".")
    guard parts.count == 4 else { return nil }
    let bytes = parts.compactMap { UInt8($0) }
    return bytes.count == 4 ? bytes : nil
  }
}
