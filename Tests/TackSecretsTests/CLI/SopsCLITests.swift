import Foundation
import TackTesting
import TackTestSupport
import Testing

@testable import TackSecrets

/// `tack secrets encrypt|decrypt|keygen`, run as the built binary.
struct SopsCLITests {
  /// A scratch directory with the sample files copied in (../shared is read-only).
  final class Workspace {
    let url: URL
    init() throws {
      url = try TestEnvironment.temporaryDirectory()
      try FileManager.default.createDirectory(at: url.appendingPathComponent(".home"), withIntermediateDirectories: true)
      for name in ["secret.yaml", "secret.enc.yaml", "values.enc.json", "age-key.txt", "multi.yaml"] {
        try FileManager.default.copyItem(
          at: TestEnvironment.sopsSamples.appendingPathComponent(name), to: url.appendingPathComponent(name))
      }
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func text(_ name: String) throws -> String { try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) }
    func write(_ text: String, to name: String) throws { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
    func mode(_ name: String) throws -> Int {
      (try FileManager.default.attributesOfItem(atPath: path(name))[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
    func run(_ arguments: [String], environment: [String: String] = [:], stdin: [UInt8]? = nil) async throws -> ProcessResult {
      try await TackBinary.run(arguments, in: url, environment: environment, stdin: stdin)
    }
  }

  static let keyEnvironment = ["SOPS_AGE_KEY_FILE": "age-key.txt"]

  // MARK: decrypt

  @Test func decryptsTheSampleSecret() async throws {
    let workspace = try Workspace()
    let result = try await workspace.run(["secrets", "decrypt", "secret.enc.yaml"], environment: Self.keyEnvironment)
    #expect(result.exitCode == 0)
    #expect(result.stderr == "")
    Golden.check(result.stdout, "decrypt-secret.stdout")
  }

  @Test func decryptsJSONAndExtractsValues() async throws {
    let workspace = try Workspace()
    let json = try await workspace.run(["secrets", "decrypt", "values.enc.json"], environment: Self.keyEnvironment)
    #expect(json.exitCode == 0)
    Golden.check(json.stdout, "decrypt-values.stdout")
    let extract = try await workspace.run(
      ["secrets", "decrypt", "--extract", "[\"stringData\"][\"password\"]", "secret.enc.yaml"], environment: Self.keyEnvironment)
    #expect(extract.exitCode == 0)
    #expect(extract.stdout == "s3cr3t-P@ss")
    // The identity can come from --identity and SOPS_AGE_KEY too, and input from stdin.
    let key = try workspace.text("age-key.txt")
    let fromStdin = try await workspace.run(
      ["secrets", "decrypt", "--extract", "[\"l\"][1]", "--input-type", "json", "-"], environment: ["SOPS_AGE_KEY": key],
      stdin: Array(try workspace.text("values.enc.json").utf8))
    #expect(fromStdin.exitCode == 0)
    // A mapping is printed as a file of the input's format, as sops does.
    #expect(fromStdin.stdout == "{\n\t\"q\": \"r\"\n}\n")
    let viaFlag = try await workspace.run(["secrets", "decrypt", "--identity", "age-key.txt", "--extract", "[\"type\"]", "secret.enc.yaml"])
    #expect(viaFlag.stdout == "Opaque")
  }

  @Test func macMismatchWritesNothingAndNamesTheFile() async throws {
    let workspace = try Workspace()
    try workspace.write(try workspace.text("secret.enc.yaml").replacingOccurrences(of: "namespace: default", with: "namespace: prod"), to: "edited.yaml")
    let result = try await workspace.run(["secrets", "decrypt", "-o", "plain.yaml", "edited.yaml"], environment: Self.keyEnvironment)
    #expect(result.exitCode == 1)
    #expect(result.stdout == "")
    Golden.check(result.stderr, "decrypt-mac-mismatch.stderr")
    #expect(!workspace.exists("plain.yaml"))
    // In place, the original stays untouched.
    let before = try workspace.text("edited.yaml")
    #expect(try await workspace.run(["secrets", "decrypt", "--in-place", "edited.yaml"], environment: Self.keyEnvironment).exitCode == 1)
    #expect(try workspace.text("edited.yaml") == before)
    // --ignore-mac decrypts anyway.
    let ignored = try await workspace.run(["secrets", "decrypt", "--ignore-mac", "edited.yaml"], environment: Self.keyEnvironment)
    #expect(ignored.exitCode == 0)
    #expect(ignored.stdout.contains("password: s3cr3t-P@ss"))
  }

  @Test func missingIdentitiesAndFilesAreExplained() async throws {
    let workspace = try Workspace()
    let noKey = try await workspace.run(["secrets", "decrypt", "secret.enc.yaml"])
    #expect(noKey.exitCode == 1)
    Golden.check(noKey.stderr, "decrypt-no-identity.stderr")
    let wrongKey = try await workspace.run(["secrets", "decrypt", "secret.enc.yaml"], environment: ["SOPS_AGE_KEY": AgeX25519Identity.generate().secretKeyString])
    #expect(wrongKey.exitCode == 1)
    Golden.check(wrongKey.stderr, "decrypt-wrong-identity.stderr")
    let missing = try await workspace.run(["secrets", "decrypt", "nope.yaml"], environment: Self.keyEnvironment)
    #expect(missing.exitCode == 5)
    Golden.check(missing.stderr, "decrypt-missing-file.stderr")
    // A malformed key file is named, its content never printed.
    try workspace.write("AGE-SECRET-KEY-1QQQQ\n", to: "bad.txt")
    let bad = try await workspace.run(["secrets", "decrypt", "secret.enc.yaml"], environment: ["SOPS_AGE_KEY_FILE": "bad.txt"])
    #expect(bad.exitCode == 1)
    Golden.check(bad.stderr, "decrypt-bad-key-file.stderr")
  }

  @Test func keysFromTheDefaultLocationAreUsed() async throws {
    let workspace = try Workspace()
    let directory = workspace.url.appendingPathComponent(".home/.config/sops/age")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: workspace.url.appendingPathComponent("age-key.txt"), to: directory.appendingPathComponent("keys.txt"))
    let result = try await workspace.run(["secrets", "decrypt", "--extract", "[\"data\"][\"token\"]", "secret.enc.yaml"])
    #expect(result.exitCode == 0)
    #expect(result.stdout == "c3VwZXJzZWNyZXQ=")
  }

  // MARK: encrypt

  @Test(.requires(.sops)) func encryptsASecretForFluxAndSopsReadsIt() async throws {
    let workspace = try Workspace()
    let recipient = AgeKeyTests.sampleRecipient
    let result = try await workspace.run(["secrets", "encrypt", "--age", recipient, "secret.yaml"])
    #expect(result.exitCode == 0)
    Golden.check(result.stderr, "encrypt-secret.stderr")
    let text = result.stdout
    #expect(text.contains("encrypted_regex: ^(data|stringData)$"))
    #expect(text.contains("mac: ENC[AES256_GCM,data:"))
    #expect(!text.contains("s3cr3t"))
    try workspace.write(text, to: "out.enc.yaml")
    let back = try await workspace.run(["secrets", "decrypt", "out.enc.yaml"], environment: Self.keyEnvironment)
    #expect(back.stdout == (try workspace.text("secret.yaml")))
    let official = try await ProcessRunner.run(
      try Oracle.require(.sops), ["decrypt", workspace.path("out.enc.yaml")],
      environment: ["SOPS_AGE_KEY_FILE": workspace.path("age-key.txt"), "SOPS_DISABLE_VERSION_CHECK": "1"])
    #expect(official.exitCode == 0, "\(official.stderr)")
    #expect(official.stdout.contains("password: s3cr3t-P@ss"))
    // Encrypting it again is refused.
    let again = try await workspace.run(["secrets", "encrypt", "--age", recipient, "out.enc.yaml"])
    #expect(again.exitCode == 1)
    Golden.check(again.stderr, "encrypt-already-encrypted.stderr")
  }

  @Test func inPlaceIsAtomicAndKeepsTheMode() async throws {
    let workspace = try Workspace()
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: workspace.path("secret.yaml"))
    let result = try await workspace.run(["secrets", "encrypt", "--age", AgeKeyTests.sampleRecipient, "--in-place", "secret.yaml"])
    #expect(result.exitCode == 0)
    #expect(result.stdout == "")
    #expect(try workspace.mode("secret.yaml") == 0o640)
    #expect(try workspace.text("secret.yaml").contains("sops:"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.contains(".tack-") }
    #expect(leftovers.isEmpty)
    // A failure (bad recipient) leaves the file as it was.
    let before = try workspace.text("multi.yaml")
    #expect(try await workspace.run(["secrets", "encrypt", "--age", "age1nope", "-i", "multi.yaml"]).exitCode == 1)
    #expect(try workspace.text("multi.yaml") == before)
  }

  @Test func rulesComeFromSopsYaml() async throws {
    let workspace = try Workspace()
    try workspace.write(
      "creation_rules:\n  - path_regex: other/.*\n    age: age1nothere\n  - path_regex: \\.yaml$\n    unencrypted_regex: ^(apiVersion|kind|metadata)$\n    age: \(AgeKeyTests.sampleRecipient)\n",
      to: ".sops.yaml")
    let result = try await workspace.run(["secrets", "encrypt", "multi.yaml"])
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("unencrypted_regex: ^(apiVersion|kind|metadata)$"))
    #expect(result.stdout.contains("name: b\n"))
    try workspace.write(result.stdout, to: "multi.enc.yaml")
    let back = try await workspace.run(["secrets", "decrypt", "multi.enc.yaml"], environment: Self.keyEnvironment)
    #expect(back.exitCode == 0)
    // As sops writes it (yaml.v3): a key that YAML 1.1 reads as a boolean (`y`) comes back quoted.
    let expected = try workspace.text("multi.yaml").replacingOccurrences(of: "\n  y: why", with: "\n  \"y\": why")
    #expect(back.stdout == expected)
    // A config whose rules do not match, and no --age: a clear error.
    try workspace.write("creation_rules:\n  - path_regex: nothing-matches\n    age: \(AgeKeyTests.sampleRecipient)\n", to: "strict.sops.yaml")
    let unmatched = try await workspace.run(["secrets", "encrypt", "--config", "strict.sops.yaml", "secret.yaml"])
    #expect(unmatched.exitCode == 1)
    Golden.check(unmatched.stderr, "encrypt-no-matching-rule.stderr")
  }

  @Test func usageErrorsExit64() async throws {
    let workspace = try Workspace()
    let both = try await workspace.run(["secrets", "encrypt", "--encrypted-regex", "a", "--unencrypted-suffix", "b", "secret.yaml"])
    #expect(both.exitCode == 64)
    let noRecipients = try await workspace.run(["secrets", "encrypt", "secret.yaml"])
    #expect(noRecipients.exitCode == 64)
    Golden.check(noRecipients.stderr, "encrypt-no-recipients.stderr")
    #expect(try await workspace.run(["secrets", "decrypt", "-i", "-o", "x", "secret.enc.yaml"]).exitCode == 64)
  }

  // MARK: keygen

  @Test(.requires(.age)) func keygenWritesAPrivateKeyFileOnce() async throws {
    let workspace = try Workspace()
    let result = try await workspace.run(["secrets", "keygen", "-o", "new.agekey"])
    #expect(result.exitCode == 0)
    #expect(try workspace.mode("new.agekey") == 0o600)
    let recipient = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(recipient.hasPrefix("age1") && recipient.count == 62)
    let identities = try AgeKeyFile.identities(in: workspace.text("new.agekey"), source: "new.agekey")
    #expect(identities.map(\.recipientString) == [recipient])
    #expect(try await ProcessRunner.run("age-keygen", ["-y", workspace.path("new.agekey")]).stdout == recipient + "\n")
    let before = try workspace.text("new.agekey")
    let again = try await workspace.run(["secrets", "keygen", "-o", "new.agekey"])
    #expect(again.exitCode == 1)
    Golden.check(again.stderr, "keygen-exists.stderr")
    #expect(try workspace.text("new.agekey") == before)
    #expect(try await workspace.run(["secrets", "keygen", "-o", "new.agekey", "--force"]).exitCode == 0)
    #expect(try workspace.text("new.agekey") != before)
    #expect(try workspace.mode("new.agekey") == 0o600)
    // Without -o the key file goes to stdout.
    let printed = try await workspace.run(["secrets", "keygen"])
    #expect(printed.stdout.hasPrefix("# created: "))
    #expect(printed.stdout.contains("\nAGE-SECRET-KEY-1"))
  }
}
