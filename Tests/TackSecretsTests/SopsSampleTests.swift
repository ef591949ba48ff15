import Foundation
import TackJSON
import Testing

@testable import TackSecrets

/// The files sops 3.11.0 wrote (../shared/testdata/secrets/sops): tack must read every one.
@Suite struct SopsSampleTests {
  static let samples: [(encrypted: String, plain: String, format: SopsFormat, dataKey: String)] = [
    ("secret.enc.yaml", "secret.yaml", .yaml, "secret.datakey.hex"),
    ("mixed.enc.yaml", "mixed.yaml", .yaml, "mixed.datakey.hex"),
    ("multi.enc.yaml", "multi.yaml", .yaml, "multi.datakey.hex"),
    ("values.enc.json", "values.json", .json, "values.datakey.hex"),
  ]

  @Test(arguments: 0..<samples.count)
  func decryptsWithTheAgeKey(_ index: Int) throws {
    let sample = Self.samples[index]
    let encrypted = try SopsFile.parse(SopsSamples.text(sample.encrypted), format: sample.format)
    let decrypted = try Sops.decrypt(encrypted, identities: SopsSamples.identities())
    let expected = try SopsFile.parse(SopsSamples.text(sample.plain), format: sample.format)
    #expect(plainJSON(decrypted) == plainJSON(expected))
    #expect(!decrypted.isEncrypted)
  }

  @Test(arguments: 0..<samples.count)
  func unwrapsTheRecordedDataKey(_ index: Int) throws {
    let sample = Self.samples[index]
    let encrypted = try SopsFile.parse(SopsSamples.text(sample.encrypted), format: sample.format)
    let metadata = try Sops.metadata(of: encrypted)
    #expect(try Sops.dataKey(for: metadata, identities: SopsSamples.identities()) == SopsSamples.dataKey(sample.dataKey))
    #expect(metadata.version == "3.11.0")
  }

  @Test func readsTheMetadataOfEverySample() throws {
    let secret = try Sops.metadata(of: SopsFile.parse(SopsSamples.text("secret.enc.yaml"), format: .yaml))
    #expect(secret.cryptRule == .encryptedRegex("^(data|stringData)$"))
    #expect(secret.lastModified == "2026-11-28T14:14:07Z")
    #expect(secret.ageKeys.map(\.recipient) == [AgeKeyTests.sampleRecipient])
    let mixed = try Sops.metadata(of: SopsFile.parse(SopsSamples.text("mixed.enc.yaml"), format: .yaml))
    #expect(mixed.cryptRule == .unencryptedSuffix("_unencrypted"))
  }

  @Test func mixedFileKeepsTypes() throws {
    let encrypted = try SopsFile.parse(SopsSamples.text("mixed.enc.yaml"), format: .yaml)
    let decrypted = try Sops.decrypt(encrypted, identities: SopsSamples.identities())
    let document = decrypted.documents[0]
    #expect(document["count"]?.value == .int(42))
    #expect(document["ratio"]?.value == .float(1.5))
    #expect(document["enabled"]?.value == .bool(true))
    #expect(document["empty"]?.value == .string(""))
    #expect(document["nothing"]?.value == .null)
    #expect(document["password_unencrypted"]?.value == .string("visible"))
    let yaml = decrypted.serialized()
    #expect(yaml.contains("count: 42\n"))
    #expect(yaml.contains("ratio: 1.5\n"))
    #expect(yaml.contains("empty: \"\"\n"))
    #expect(!yaml.contains("sops:"))
  }

  // MARK: tampering: each a clear, specific error

  static func secretEncrypted() throws -> String { try SopsSamples.text("secret.enc.yaml") }

  static func decrypt(_ text: String, ignoreMAC: Bool = false, identities: [any AgeIdentity]? = nil) throws -> SopsFile {
    try Sops.decrypt(
      SopsFile.parse(text, format: .yaml), identities: identities ?? SopsSamples.identities(), ignoreMAC: ignoreMAC)
  }

  @Test func tamperedValueIsReportedWithItsPath() throws {
    let text = try Self.secretEncrypted().replacingOccurrences(of: "data:m32/wvOSguy9HHk=", with: "data:m32/wvOSguy9HHs=")
    do {
      _ = try Self.decrypt(text)
      Issue.record("a tampered value decrypted")
    } catch let error as SopsError {
      #expect(error.kind == .valueDecryption)
      #expect(error.description.contains("[\"stringData\"][\"password\"]"))
      #expect(!error.description.contains("s3cr3t"))
    }
  }

  @Test func tamperedMACIsAMACError() throws {
    let text = try Self.secretEncrypted().replacingOccurrences(of: "mac: ENC[AES256_GCM,data:lM/w", with: "mac: ENC[AES256_GCM,data:lM/x")
    do {
      _ = try Self.decrypt(text)
      Issue.record("a tampered MAC was accepted")
    } catch let error as SopsError {
      #expect(error.kind == .macMismatch)
    }
    // --ignore-mac still decrypts, as sops does.
    #expect(try Self.decrypt(text, ignoreMAC: true).documents[0][ "stringData"]?["password"]?.stringValue == "s3cr3t-P@ss")
  }

  @Test func editedPlainFieldIsAMACMismatch() throws {
    let text = try Self.secretEncrypted().replacingOccurrences(of: "name: demo-credentials", with: "name: demo-credentials-2")
    do {
      _ = try Self.decrypt(text)
      Issue.record("an edited unencrypted field passed the MAC check")
    } catch let error as SopsError {
      #expect(error.kind == .macMismatch)
      #expect(error.description.contains("--ignore-mac"))
    }
  }

  @Test func renamedKeyDoesNotDecrypt() throws {
    let text = try Self.secretEncrypted().replacingOccurrences(of: "    password: ENC", with: "    passwd: ENC")
    do {
      _ = try Self.decrypt(text)
      Issue.record("a value under a renamed key decrypted")
    } catch let error as SopsError {
      #expect(error.kind == .valueDecryption)
      #expect(error.description.contains("[\"stringData\"][\"passwd\"]"))
    }
  }

  @Test func wrongIdentityNamesTheRecipients() throws {
    do {
      _ = try Self.decrypt(Self.secretEncrypted(), identities: [AgeX25519Identity.generate()])
      Issue.record("a wrong identity decrypted")
    } catch let error as SopsError {
      #expect(error.kind == .noDataKey)
      #expect(error.description.contains(AgeKeyTests.sampleRecipient))
    }
  }

  @Test func plaintextIsNotDecryptable() throws {
    #expect(throws: SopsError.self) { try Self.decrypt(SopsSamples.text("secret.yaml")) }
  }
}
