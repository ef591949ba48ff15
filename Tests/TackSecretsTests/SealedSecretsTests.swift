import Foundation
import TackBase
import TackJSON
import Testing

@testable import TackSecrets

enum SealedSamples {
  static func text(_ name: String) throws -> String {
    try TestEnvironment.read(TestEnvironment.sealedSamples.appendingPathComponent(name))
  }
  static func certificate() throws -> SealedSecretsCertificate { try SealedSecretsCertificate(pem: text("tls.crt")) }
  static func privateKey() throws -> RSAPrivateKeyNumbers { try RSAPrivateKeyNumbers(pem: text("tls.key")) }
}

@Suite struct SealedSecretsTests {
  @Test func readsTheControllerCertificate() throws {
    let certificate = try SealedSamples.certificate()
    #expect(certificate.publicKey.size == 512)
    #expect(certificate.publicKey.publicExponent == [0x01, 0x00, 0x01])
    #expect(try SealedSamples.privateKey().publicKey.modulus == certificate.publicKey.modulus)
  }

  @Test func refusesExpiredAndNonRSACertificates() throws {
    let pem = try SealedSamples.text("tls.crt")
    let later = Date(timeIntervalSince1970: 2_200_000_000)  // 2039, after NotAfter (2036)
    do {
      _ = try SealedSecretsCertificate(pem: pem, now: later)
      Issue.record("an expired certificate was accepted")
    } catch {
      #expect(error.description.contains("expired on 2036-11-25"))
    }
    #expect(throws: SealedSecretError.self) { try SealedSecretsCertificate(pem: "not a cert") }
    do {
      _ = try SealedSecretsCertificate(pem: Self.ecdsaCertificate)
      Issue.record("an ECDSA certificate was accepted")
    } catch {
      #expect(error.description.contains("RSA"))
    }
  }

  /// A self-signed P-256 certificate (not RSA), made with openssl.
  static let ecdsaCertificate = """
    -----BEGIN CERTIFICATE-----
    MIIBfjCCASOgAwIBAgIUDE8Q66w161iDL459TqSBZ8lhhiAwCgYIKoZIzj0EAwIw
    FDESMBAGA1UEAwwJZWMtc2VhbGVyMB4XDTI2MTEyODE2MDk1NFoXDTM2MTEyNTE2
    MDk1NFowFDESMBAGA1UEAwwJZWMtc2VhbGVyMFkwEwYHKoZIzj0CAQYIKoZIzj0D
    AQcDQgAEe3b4ha4AAXkWr/cS0LKQRyIMlye6nQuGABPg93M7eBlFLrLBDzMqpBiT
    p56/0QZK87K72ZFAR6LuWlcFGyBzVaNTMFEwHQYDVR0OBBYEFKbyJ65PH7kR/qcT
    dYrTZJ2q6Qx4MB8GA1UdIwQYMBaAFKbyJ65PH7kR/qcTdYrTZJ2q6Qx4MA8GA1Ud
    EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhAKf8g5A6oLl2Rn17hWGc7fmZ
    SZAZiQMxHqLZQztEgbGUAiEA8txvsYC/2jJNP84q5BeVmJlSFPjzbK8U5P7QI0QN
    n3s=
    -----END CERTIFICATE-----
    """

  @Test func oaepRoundTripsWithItsLabelOnly() throws {
    let key = try SealedSamples.privateKey()
    let message = Array("session key material 32 bytes!!".utf8)
    let sealed = try #require(RSAOAEP.encrypt(message, label: Array("ns/name".utf8), key: key.publicKey))
    #expect(sealed.count == 512)
    #expect(key.decryptOAEP(sealed, label: Array("ns/name".utf8)) == message)
    #expect(key.decryptOAEP(sealed, label: Array("ns/other".utf8)) == nil)
    #expect(key.decryptOAEP(sealed, label: []) == nil)
  }

  /// The samples were sealed by kubesealpy; tack's unsealer opens them in every scope.
  @Test(arguments: ["sealed-strict.yaml", "sealed-namespace-wide.yaml", "sealed-cluster-wide.yaml"])
  func unsealsTheSamples(_ name: String) throws {
    let sealed = try JSON.parseYAML(SealedSamples.text(name))
    let secret = try SealedSecretUnsealer(privateKey: SealedSamples.privateKey()).unseal(sealed)
    #expect(secret[path: "data", "username"]?.stringValue == Base64.encode(Array("admin".utf8)))
    #expect(secret[path: "data", "password"]?.stringValue == Base64.encode(Array("s3cr3t-P@ss".utf8)))
    #expect(secret[path: "metadata", "namespace"]?.stringValue == "default")
  }

  @Test func opensTheRawValueFromTheSecondImplementation() throws {
    let raw = try SealedSamples.text("raw-strict-default-demo-credentials.b64").trimmingCharacters(in: .whitespacesAndNewlines)
    let blob = try #require(Base64.decode(raw, grammar: .strict))
    let key = try SealedSamples.privateKey()
    #expect(SealedSecretsCrypto.open(blob, label: Array("default/demo-credentials".utf8), privateKey: key) == Array("hello-from-oaep".utf8))
    #expect(SealedSecretsCrypto.open(blob, label: Array("default".utf8), privateKey: key) == nil)
  }

  @Test(arguments: SealingScope.allCases)
  func sealsASecretInEveryScope(_ scope: SealingScope) throws {
    let secret = try JSON.parseYAML(SealedSamples.text("secret.yaml"))
    let sealer = SealedSecretSealer(certificate: try SealedSamples.certificate())
    let sealed = try sealer.seal(secret: secret, scope: scope, namespaceFlag: nil, defaultNamespace: "default")
    #expect(sealed["kind"] == "SealedSecret")
    #expect(sealed[path: "metadata", "creationTimestamp"] == .null)
    let annotations = sealed[path: "metadata", "annotations"]?.objectValue
    #expect(SealingScope.of(annotations: annotations) == scope)
    #expect(sealed[path: "spec", "template", "type"] == "Opaque")
    let value = try #require(sealed[path: "spec", "encryptedData", "password"]?.stringValue)
    #expect(value.hasPrefix("Ag"))
    #expect(Base64.decode(value, grammar: .strict)?.count == 2 + 512 + "s3cr3t-P@ss".utf8.count + 16)
    let unsealed = try SealedSecretUnsealer(privateKey: SealedSamples.privateKey()).unseal(sealed)
    #expect(unsealed[path: "data", "password"]?.stringValue == Base64.encode(Array("s3cr3t-P@ss".utf8)))
  }

  @Test func kubesealJSONLayout() throws {
    let secret: JSON = [
      "apiVersion": "v1", "kind": "Secret",
      "metadata": [
        "name": "s", "namespace": "n", "uid": "123", "resourceVersion": "9",
        "annotations": ["kubectl.kubernetes.io/last-applied-configuration": "{secret}", "b": "2", "a": "1"],
      ],
      "data": ["z": "eg==", "a": "YQ=="],
    ]
    let sealer = SealedSecretSealer(certificate: try SealedSamples.certificate())
    let sealed = try sealer.seal(secret: secret, scope: nil, namespaceFlag: nil, defaultNamespace: "default")
    #expect(sealed.objectValue?.keys == ["kind", "apiVersion", "metadata", "spec"])
    #expect(sealed["spec"]?.objectValue?.keys == ["template", "encryptedData"])
    #expect(sealed[path: "spec", "encryptedData"]?.objectValue?.keys == ["a", "z"])
    let templateMetadata = try #require(sealed[path: "spec", "template", "metadata"]?.objectValue)
    #expect(templateMetadata.keys == ["name", "namespace", "creationTimestamp", "annotations"])
    #expect(templateMetadata["annotations"]?.objectValue?.keys == ["a", "b"])
    #expect(!sealed.serialized().contains("{secret}"))
  }

  @Test func scopeAndNamespaceRules() throws {
    let sealer = SealedSecretSealer(certificate: try SealedSamples.certificate())
    var secret: JSON = ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s"], "stringData": ["k": "v"]]
    // No namespace: -n fills it, then the default.
    #expect(try sealer.seal(secret: secret, scope: nil, namespaceFlag: "team", defaultNamespace: "default")[path: "metadata", "namespace"] == "team")
    #expect(try sealer.seal(secret: secret, scope: nil, namespaceFlag: nil, defaultNamespace: "default")[path: "metadata", "namespace"] == "default")
    // Cluster-wide needs no namespace.
    #expect(try sealer.seal(secret: secret, scope: .clusterWide, namespaceFlag: nil, defaultNamespace: "")[path: "metadata", "namespace"] == nil)
    // A set namespace that disagrees with -n is refused.
    secret[path: "metadata", "namespace"] = "a"
    #expect(throws: SealedSecretError.self) { try sealer.seal(secret: secret, scope: nil, namespaceFlag: "b", defaultNamespace: "default") }
    // The Secret's own annotation sets the scope when --scope is not given.
    secret[path: "metadata", "annotations"] = ["sealedsecrets.bitnami.com/namespace-wide": "true"]
    let sealed = try sealer.seal(secret: secret, scope: nil, namespaceFlag: nil, defaultNamespace: "default")
    #expect(SealingScope.of(annotations: sealed[path: "metadata", "annotations"]?.objectValue) == .namespaceWide)
    // Nothing to seal, no name, not a Secret: refused.
    #expect(throws: SealedSecretError.self) {
      try sealer.seal(secret: ["kind": "Secret", "metadata": ["name": "x"]], scope: nil, namespaceFlag: nil, defaultNamespace: "d")
    }
    #expect(throws: SealedSecretError.self) {
      try sealer.seal(secret: ["kind": "Secret", "stringData": ["a": "b"]], scope: nil, namespaceFlag: nil, defaultNamespace: "d")
    }
    #expect(throws: SealedSecretError.self) {
      try sealer.seal(secret: ["kind": "ConfigMap", "metadata": ["name": "x"], "data": ["a": "b"]], scope: nil, namespaceFlag: nil, defaultNamespace: "d")
    }
  }
}
