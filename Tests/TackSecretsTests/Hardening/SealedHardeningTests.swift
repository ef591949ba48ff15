import Foundation
import Testing

@testable import TackSecrets

/// What a sealing certificate must be before tack seals anything to it.
@Suite struct SealedHardeningTests {
  /// A self-signed certificate with a 1024-bit RSA key (openssl req -x509 -newkey rsa:1024), valid to 2126.
  static let shortKeyCertificate = """
    -----BEGIN CERTIFICATE-----
    MIICDjCCAXegAwIBAgIUP5W02hwwNQ/SRmmNEabnA4N8cm8wDQYJKoZIhvcNAQEL
    BQAwGDEWMBQGA1UEAwwNc2VhbGVkLXNlY3JldDAgFw0yNjEyMDcxMjE3NTNaGA8y
    MTI2MTExMzEyMTc1M1owGDEWMBQGA1UEAwwNc2VhbGVkLXNlY3JldDCBnzANBgkq
    hkiG9w0BAQEFAAOBjQAwgYkCgYEA20XZ/QEvBmmUrCzDvaYreKicgz+wTHaGtbu7
    SoLor6LUVTkCwthA4JofGREkwDHtPeBDWePXsFlw6ufGO22ytyrEh35+8RIXb7Ur
    y4Vd75yB3HT4aAWPXjTTZFAS0qMaW+iAu5RvNnoFrPG3OF3a/dYuqDMVzyxpakow
    x7RN21kCAwEAAaNTMFEwHQYDVR0OBBYEFJpGL0RnZH/JkwsIvOcF9kjYC4hsMB8G
    A1UdIwQYMBaAFJpGL0RnZH/JkwsIvOcF9kjYC4hsMA8GA1UdEwEB/wQFMAMBAf8w
    DQYJKoZIhvcNAQELBQADgYEAmmm7jbzZI/KdSwZ1lan3o3BPYkrVsFIPnC+TLAlE
    qRv2Cb0DQu03gJMcf6tYUpMpd1miiX6SmOgV0wqy0UFVoQX6/Kug1+Bp3RZgup+6
    GjJ61s5z7hfGk3E8V860JLd0WKvCd6nA2Lbvi8eTS1q3QmaZA3IQfdFcn+5QMWB5
    3tc=
    -----END CERTIFICATE-----
    """

  @Test func aShortRSAKeyIsRefusedByName() {
    do {
      _ = try SealedSecretsCertificate(pem: Self.shortKeyCertificate)
      Issue.record("a 1024-bit sealing key must be refused")
    } catch {
      #expect(error.description.contains("1024 bits"))
      #expect(error.description.contains("at least 2048"))
    }
  }

  @Test func theSampleControllerKeyIsLongEnough() throws {
    let pem = try TestEnvironment.read(TestEnvironment.sealedSamples.appendingPathComponent("tls.crt"))
    let der = try #require(PEMBlocks.first(in: pem))
    #expect(try #require(SealedSecretsCertificate.rsaModulusBits(certificateDER: der)) >= 2048)
    #expect(SealedSecretsCertificate.rsaModulusBits(certificateDER: Array(Self.shortKeyDER)) == 1024)
  }

  static var shortKeyDER: [UInt8] { PEMBlocks.first(in: shortKeyCertificate) ?? [] }
}

/// The first PEM block's bytes, for the tests above.
enum PEMBlocks {
  static func first(in pem: String) -> [UInt8]? {
    let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
    return Data(base64Encoded: body).map(Array.init)
  }
}
