import Crypto
import Foundation
import SwiftASN1
import X509

/// A certificate and its private key, both PEM-encoded (what a kubeconfig or a TLS server needs).
public struct IssuedCertificate: Sendable {
  public var certificatePEM: String
  public var privateKeyPEM: String
}

/// A throwaway certificate authority for a test server (the API server, the HTTPS Git server, the
/// release download server): it signs the server's certificate and the client certificates users
/// authenticate with (CN = user name, O = groups, as kube-apiserver reads them). Keys are P-256:
/// quick to generate, and accepted by Go (kubectl) and libcurl alike.
public struct CertificateAuthority: Sendable {
  public let certificatePEM: String
  let certificate: Certificate
  let privateKey: P256.Signing.PrivateKey
  public let name: String

  /// Generates a new CA named `name`, valid for a day either side of now.
  public init(name: String = "tack-test-ca") throws {
    let key = P256.Signing.PrivateKey()
    let subject = try DistinguishedName {
      CommonName(name)
      OrganizationName("tack test")
    }
    let now = Date()
    let certificate = try Certificate(
      version: .v3,
      serialNumber: Certificate.SerialNumber(),
      publicKey: .init(key.publicKey),
      notValidBefore: now.addingTimeInterval(-86_400),
      notValidAfter: now.addingTimeInterval(86_400 * 30),
      issuer: subject,
      subject: subject,
      signatureAlgorithm: .ecdsaWithSHA256,
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
        Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
        SubjectKeyIdentifier(hash: .init(key.publicKey))
      },
      issuerPrivateKey: .init(key))
    self.certificate = certificate
    self.privateKey = key
    self.name = name
    self.certificatePEM = try certificate.serializeAsPEM().pemString + "\n"
  }

  /// A server certificate for the given DNS names and IP addresses (IPv4 dotted or IPv6 text).
  public func issueServerCertificate(
    dnsNames: [String] = ["localhost"], ipAddresses: [String] = ["127.0.0.1", "::1"]
  ) throws -> IssuedCertificate {
    var names: [GeneralName] = dnsNames.map { .dnsName($0) }
    for address in ipAddresses {
      if let bytes = Self.ipBytes(address) { names.append(.ipAddress(ASN1OctetString(contentBytes: bytes[...]))) }
    }
    return try issue(
      subject: try DistinguishedName { CommonName(dnsNames.first ?? "kube-apiserver") },
      usage: [.serverAuth], alternativeNames: names)
  }

  /// A client certificate for user `commonName` in `organizations` (the user's groups).
  public func issueClientCertificate(commonName: String, organizations: [String] = []) throws
    -> IssuedCertificate
  {
    let subject = try DistinguishedName {
      for organization in organizations { OrganizationName(organization) }
      CommonName(commonName)
    }
    return try issue(subject: subject, usage: [.clientAuth], alternativeNames: [])
  }

  func issue(subject: DistinguishedName, usage: [ExtendedKeyUsage.Usage], alternativeNames: [GeneralName])
    throws -> IssuedCertificate
  {
    let key = P256.Signing.PrivateKey()
    let now = Date()
    let certificate = try Certificate(
      version: .v3,
      serialNumber: Certificate.SerialNumber(),
      publicKey: .init(key.publicKey),
      notValidBefore: now.addingTimeInterval(-3_600),
      notValidAfter: now.addingTimeInterval(86_400 * 7),
      issuer: self.certificate.subject,
      subject: subject,
      signatureAlgorithm: .ecdsaWithSHA256,
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.notCertificateAuthority)
        Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
        try ExtendedKeyUsage(usage)
        if !alternativeNames.isEmpty { SubjectAlternativeNames(alternativeNames) }
      },
      issuerPrivateKey: .init(privateKey))
    return IssuedCertificate(
      certificatePEM: try certificate.serializeAsPEM().pemString + "\n",
      privateKeyPEM: key.pemRepresentation + "\n")
  }

  /// The user name (CN) and groups (O) of a DER-encoded client certificate.
  public static func identity(fromDER der: [UInt8]) -> (user: String, groups: [String])? {
    guard let certificate = try? Certificate(derEncoded: der) else { return nil }
    var user: String?
    var groups: [String] = []
    for rdn in certificate.subject {
      for attribute in rdn {
        if attribute.type == .RDNAttributeType.commonName { user = String(describing: attribute.value) }
        if attribute.type == .RDNAttributeType.organizationName {
          groups.append(String(describing: attribute.value))
        }
      }
    }
    guard let user else { return nil }
    return (user, groups)
  }

  static func ipBytes(_ text: String) -> [UInt8]? {
    if text.contains(":") {
      var address = in6_addr()
      guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
      return withUnsafeBytes(of: &address) { Array($0) }
    }
    let parts = text.split(separator: ".").compactMap { UInt8($0) }
    return parts.count == 4 ? parts : nil
  }
}
