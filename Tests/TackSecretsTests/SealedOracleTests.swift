import Foundation
import TackBase
import TackJSON
import TackTesting
import TackTestSupport
import Testing

@testable import TackSecrets

/// tack-sealed values opened by kubesealpy (Python `cryptography`'s OAEP), in every scope, and
/// refused with a wrong label; kubesealpy-sealed values opened by tack.
@Suite(.requires(.kubesealpy))
struct SealedOracleTests {
  static let decryptScript = """
    import sys, base64
    from cryptography.hazmat.primitives import serialization
    from kubesealpy import crypto
    key = serialization.load_pem_private_key(open(sys.argv[1], 'rb').read(), password=None)
    blob = base64.b64decode(sys.argv[2])
    try:
        sys.stdout.buffer.write(crypto.decrypt(blob, key, sys.argv[3].encode()))
    except Exception as error:
        print(type(error).__name__, file=sys.stderr)
        sys.exit(3)
    """

  static func pythonDecrypt(_ blob: String, label: String) async throws -> ProcessResult {
    let key = TestEnvironment.sealedSamples.appendingPathComponent("tls.key").path
    return try await TestEnvironment.python(decryptScript, [key, blob, label])
  }

  @Test(arguments: SealingScope.allCases)
  func kubesealpyOpensTackSealedValues(_ scope: SealingScope) async throws {
    let secret = try JSON.parseYAML(SealedSamples.text("secret.yaml"))
    let sealed = try SealedSecretSealer(certificate: SealedSamples.certificate())
      .seal(secret: secret, scope: scope, namespaceFlag: nil, defaultNamespace: "default")
    let value = try #require(sealed[path: "spec", "encryptedData", "password"]?.stringValue)
    let label = String(decoding: scope.label(namespace: "default", name: "demo-credentials"), as: UTF8.self)
    let opened = try await Self.pythonDecrypt(value, label: label)
    #expect(opened.exitCode == 0, "\(opened.stderr)")
    #expect(opened.stdout == "s3cr3t-P@ss")
    // Every other scope's label must fail.
    for other in SealingScope.allCases where other != scope {
      let wrong = String(decoding: other.label(namespace: "default", name: "demo-credentials"), as: UTF8.self)
      #expect(try await Self.pythonDecrypt(value, label: wrong).exitCode == 3)
    }
    #expect(try await Self.pythonDecrypt(value, label: "default/other-name").exitCode != 0)
  }

  @Test func kubesealpySealsAndTackUnseals() async throws {
    let script = """
      import sys
      from kubesealpy import Sealer
      from kubesealpy.scopes import SealingScope
      sealer = Sealer.from_certificate_file(sys.argv[1])
      print(sealer.seal(name='fresh', namespace='team', data={'k': b'value-42'}, scope=SealingScope.STRICT).to_yaml())
      """
    let certificate = TestEnvironment.sealedSamples.appendingPathComponent("tls.crt").path
    let result = try await TestEnvironment.python(script, [certificate])
    #expect(result.exitCode == 0, "\(result.stderr)")
    let sealed = try JSON.parseYAML(result.stdout)
    let secret = try SealedSecretUnsealer(privateKey: SealedSamples.privateKey()).unseal(sealed)
    #expect(secret[path: "data", "k"]?.stringValue == Base64.encode(Array("value-42".utf8)))
  }
}
