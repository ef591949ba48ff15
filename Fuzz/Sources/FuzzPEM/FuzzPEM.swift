import FuzzSupport
import TackBase

@testable import TackGit
@testable import TackKube
@testable import TackSecrets

// PEM, DER and X.509: the PEM block reader, kubeconfig's certificate and key checks, the sealing
// certificate and the Git CA bundle. Input starting with a SEQUENCE tag (0x30) is taken as DER and
// wrapped as a CERTIFICATE block first, so mutations reach the X.509 parser directly.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = FuzzInput.bytes(data, size)
  let text: String
  if bytes.first == 0x30 {
    _ = TackKube.PEM.isDER(bytes)
    text = "-----BEGIN CERTIFICATE-----\n" + Base64.encode(bytes) + "\n-----END CERTIFICATE-----\n"
  } else {
    text = FuzzInput.text(data, size)
  }
  let blocks = (try? TackBase.PEM.blocks(in: text)) ?? []
  let pemBytes = Array(text.utf8)
  _ = try? TackKube.PEM.validateCertificates(pemBytes)
  _ = try? TackKube.PEM.validatePrivateKey(pemBytes)
  _ = try? SealedSecretsCertificate(pem: text)
  if let verifier = try? TLSCertificateVerifier(pem: text) {
    for block in blocks.prefix(4) {
      _ = verifier.verify(leafDER: block.bytes, host: "example.com")
      _ = verifier.verify(leafDER: block.bytes, host: "127.0.0.1")
    }
  }
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
