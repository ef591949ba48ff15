import Crypto
import Foundation
import TackJSON
import Testing

@testable import TackSecrets

@Suite struct SopsEncryptTests {
  static let secret = """
    apiVersion: v1
    kind: Secret
    metadata:
      name: demo
      namespace: apps
      labels:
        app: demo
    type: Opaque
    stringData:
      password: "s3cr3t"
      multi: |
        line one
        line two
    data:
      token: c3VwZXI=
    immutable: true

    """

  static func encrypt(_ text: String, format: SopsFormat = .yaml, rule: SopsCryptRule? = nil, macOnly: Bool = false) throws -> (SopsFile, AgeX25519Identity) {
    let identity = AgeX25519Identity.generate()
    let file = try SopsFile.parse(text, format: format)
    let encrypted = try Sops.encrypt(
      file, options: SopsEncryptionOptions(recipients: [identity.recipient], cryptRule: rule, macOnlyEncrypted: macOnly))
    return (encrypted, identity)
  }

  @Test func kubernetesSecretDefaultsToDataAndStringData() throws {
    let (encrypted, identity) = try Self.encrypt(Self.secret)
    let text = encrypted.serialized()
    #expect(text.contains("encrypted_regex: ^(data|stringData)$"))
    #expect(text.contains("name: demo\n"))
    #expect(text.contains("kind: Secret\n"))
    #expect(text.contains("immutable: true\n"))
    #expect(!text.contains("s3cr3t"))
    #expect(text.contains("mac: ENC[AES256_GCM,data:"))
    // The input's 2-space indent is kept, down into the sops block.
    #expect(text.contains("\n  lastmodified: \""))
    #expect(text.contains("    enc: |\n      -----BEGIN AGE ENCRYPTED FILE-----\n"))
    // Read back from text, as another tool would.
    let reread = try SopsFile.parse(text, format: .yaml)
    let decrypted = try Sops.decrypt(reread, identities: [identity])
    #expect(plainJSON(decrypted) == plainJSON(try SopsFile.parse(Self.secret, format: .yaml)))
  }

  @Test func keepsTheInputsIndentAndKeyOrder() throws {
    let (encrypted, _) = try Self.encrypt(Self.secret)
    let lines = encrypted.serialized().split(separator: "\n")
    #expect(lines.prefix(4) == ["apiVersion: v1", "kind: Secret", "metadata:", "  name: demo"])
    #expect(lines.contains("  labels:"))
    #expect(lines.contains("    app: demo"))
  }

  @Test func everyValueIsEncryptedWithItsPathAsAdditionalData() throws {
    let dataKey = [UInt8](repeating: 7, count: 32)
    let file = try SopsFile.parse("a:\n  b: hello\n  list:\n    - x\n    - nested:\n        k: v\n", format: .yaml)
    let encrypted = try Sops.encrypt(
      file, dataKey: dataKey, ageKeys: [], rule: .default, macOnlyEncrypted: false, lastModified: "2026-01-01T00:00:00Z")
    let cipher = SopsCipher(dataKey: dataKey)
    let document = encrypted.documents[0]
    let b = try #require(document["a"]?["b"]?.stringValue)
    #expect(try cipher.decrypt(b, additionalData: Array("a:b:".utf8)).bytes == Array("hello".utf8))
    let items = try #require(document["a"]?["list"]?.items)
    #expect(try cipher.decrypt(items[0].stringValue!, additionalData: Array("a:list:".utf8)).bytes == Array("x".utf8))
    let k = try #require(items[1]["nested"]?["k"]?.stringValue)
    #expect(try cipher.decrypt(k, additionalData: Array("a:list:nested:k:".utf8)).bytes == Array("v".utf8))
    // 32-byte IVs, 16-byte tags, padded base64.
    let parsed = try #require(SopsCipher.parse(b))
    #expect(parsed.iv.count == 32 && parsed.tag.count == 16 && parsed.type == "str")
  }

  @Test func macCoversEveryValueInDocumentOrder() throws {
    let dataKey = [UInt8](repeating: 9, count: 32)
    let text = "s: x\ni: 42\nf: 1.50\nb: true\nn: null\ne: \"\"\nkeep_unencrypted: plain\n"
    let file = try SopsFile.parse(text, format: .yaml)
    let encrypted = try Sops.encrypt(
      file, dataKey: dataKey, ageKeys: [], rule: .default, macOnlyEncrypted: false, lastModified: "2026-01-01T00:00:00Z")
    let metadata = try Sops.metadata(of: encrypted)
    let stored = try SopsCipher(dataKey: dataKey).decrypt(metadata.mac, additionalData: Array("2026-01-01T00:00:00Z".utf8))
    let expected = Hex.encode(SHA512.hash(data: Array("x421.5Trueplain".utf8)), uppercase: true)
    #expect(String(decoding: stored.bytes, as: UTF8.self) == expected)
    #expect(encrypted.documents[0]["e"]?.value == .string(""))
    #expect(encrypted.documents[0]["n"]?.value == .null)
    #expect(encrypted.documents[0]["keep_unencrypted"]?.value == .string("plain"))
  }

  @Test func macOnlyEncryptedHashesOnlyEncryptedValues() throws {
    let dataKey = [UInt8](repeating: 3, count: 32)
    let file = try SopsFile.parse("metadata:\n  name: x\ndata:\n  k: v\n", format: .yaml)
    let encrypted = try Sops.encrypt(
      file, dataKey: dataKey, ageKeys: [], rule: .kubernetesSecret, macOnlyEncrypted: true, lastModified: "2026-01-01T00:00:00Z")
    let metadata = try Sops.metadata(of: encrypted)
    #expect(metadata.macOnlyEncrypted)
    let stored = try SopsCipher(dataKey: dataKey).decrypt(metadata.mac, additionalData: Array("2026-01-01T00:00:00Z".utf8))
    let expected = Hex.encode(SHA512.hash(data: SopsMetadata.macOnlyEncryptedInitialization + Array("v".utf8)), uppercase: true)
    #expect(String(decoding: stored.bytes, as: UTF8.self) == expected)
    // Editing a plain field no longer breaks the MAC.
    var edited = encrypted
    edited.documents[0] = SopsNode.mapping(
      [SopsMember("metadata", .mapping([SopsMember("name", .string("renamed"))]))] + edited.documents[0].members!.dropFirst())
    #expect(try Sops.decrypt(edited, dataKey: dataKey, metadata: metadata, ignoreMAC: false).documents[0]["data"]?["k"]?.stringValue == "v")
  }

  @Test func refusesAnAlreadyEncryptedFile() throws {
    let (encrypted, _) = try Self.encrypt(Self.secret)
    let again = try SopsFile.parse(encrypted.serialized(), format: .yaml)
    do {
      _ = try Sops.encrypt(again, options: SopsEncryptionOptions(recipients: [SopsSamples.recipient]))
      Issue.record("an encrypted file was encrypted again")
    } catch {
      #expect(error.kind == .alreadyEncrypted)
    }
  }

  @Test func multiDocumentFileSharesOneMACAndMetadata() throws {
    let (encrypted, identity) = try Self.encrypt(SopsSamples.text("multi.yaml"))
    let text = encrypted.serialized()
    #expect(text.components(separatedBy: "\nsops:\n").count == 3)
    #expect(text.contains("\n---\n"))
    let decrypted = try Sops.decrypt(SopsFile.parse(text, format: .yaml), identities: [identity])
    #expect(plainJSON(decrypted) == plainJSON(try SopsFile.parse(SopsSamples.text("multi.yaml"), format: .yaml)))
  }

  @Test func jsonIsWrittenWithTabsAndFluxsMarker() throws {
    let (encrypted, identity) = try Self.encrypt(SopsSamples.text("values.json"), format: .json)
    let text = encrypted.serialized()
    #expect(text.hasPrefix("{\n\t\"a\": \"ENC[AES256_GCM,"))
    #expect(text.contains("\"mac\": \"ENC["))
    #expect(text.contains("type:int]"))
    let decrypted = try Sops.decrypt(SopsFile.parse(text, format: .json), identities: [identity])
    #expect(decrypted.serialized() == "{\n\t\"a\": \"x\",\n\t\"n\": 3,\n\t\"f\": 2.5,\n\t\"b\": false,\n\t\"l\": [\n\t\t\"p\",\n\t\t{\n\t\t\t\"q\": \"r\"\n\t\t}\n\t]\n}\n")
  }

  @Test func commentRulesAreRefusedForEncryption() throws {
    #expect(throws: SopsError.self) { try Self.encrypt("a: b\n", rule: .encryptedCommentRegex("sops:enc")) }
  }

  @Test func extractsLikeSops() throws {
    let (encrypted, identity) = try Self.encrypt(Self.secret)
    let decrypted = try Sops.decrypt(encrypted, identities: [identity])
    #expect(try decrypted.extract(SopsTreePath(parsing: "[\"stringData\"][\"password\"]")) == "s3cr3t")
    #expect(try decrypted.extract(SopsTreePath(parsing: "['metadata']['labels']")) == "app: demo\n")
    #expect(throws: SopsError.self) { try decrypted.extract(SopsTreePath(parsing: "[\"nope\"]")) }
    #expect(throws: SopsError.self) { try SopsTreePath(parsing: "data.password") }
  }
}
