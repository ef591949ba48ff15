import Crypto
import Foundation
import TackTesting
import TackTestSupport
import Testing

@testable import TackSecrets

/// Interop with independent age implementations, both directions: Debian's `age`/`age-keygen`
/// (Go, filippo.io/age 1.1.1) and pyrage (Rust, rage) from the oracle virtualenv.
/// Skipped when the tools are missing; `make test` (.ci/run) installs them, so CI runs these.
@Suite(.requires(.age))
struct AgeOracleTests {
  static let sizes = [0, 1, 65_535, 65_536, 65_537]

  static func payload(_ size: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
  }

  /// An identity made by age-keygen, with its recipient from `age-keygen -y`.
  static func keygen(in directory: URL, name: String) async throws -> (file: URL, recipient: String) {
    let file = directory.appendingPathComponent(name)
    try await ProcessRunner.run("age-keygen", ["-o", file.path])
    let recipient = try await ProcessRunner.run("age-keygen", ["-y", file.path]).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return (file, recipient)
  }

  @Test func ageKeygenKeysWorkInTackAndTackKeysWorkInAge() async throws {
    let directory = try TestEnvironment.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (file, recipient) = try await Self.keygen(in: directory, name: "key.txt")
    let identities = try AgeKeyFile.identities(in: TestEnvironment.read(file), source: file.path)
    #expect(identities.map(\.recipientString) == [recipient])

    let ours = AgeX25519Identity.generate()
    let ourFile = directory.appendingPathComponent("tack.txt")
    try AgeKeyFile.keygenFile(for: ours).write(to: ourFile, atomically: true, encoding: .utf8)
    let derived = try await ProcessRunner.run("age-keygen", ["-y", ourFile.path])
    #expect(derived.exitCode == 0)
    #expect(derived.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == ours.recipient.description)
  }

  /// Around tack's sealing batch (8 chunks plus one read ahead): the final chunk full at the end
  /// of a batch, carried over, and short in the look-ahead slot.
  static let batchEdges = [8 * 65_536, 9 * 65_536, 9 * 65_536 + 1]

  @Test(arguments: sizes + batchEdges + [10 * 1024 * 1024])
  func tackEncryptedAgeDecrypts(_ size: Int) async throws {
    let directory = try TestEnvironment.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var keys: [(file: URL, recipient: String)] = []
    for index in 0..<3 { keys.append(try await Self.keygen(in: directory, name: "k\(index).txt")) }
    let plaintext = Self.payload(size)
    for armored in [false, true] {
      let recipients = try keys.map { try AgeX25519Recipient($0.recipient) }
      let ciphertext = try Age.encrypt(plaintext, to: recipients, armored: armored)
      let input = directory.appendingPathComponent("in.age")
      try Data(ciphertext).write(to: input)
      for key in [keys[0], keys[2]] {
        let result = try await ProcessRunner.run("age", ["-d", "-i", key.file.path, input.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdoutBytes == plaintext)
      }
    }
  }

  @Test(arguments: sizes + batchEdges + [10 * 1024 * 1024])
  func ageEncryptedTackDecrypts(_ size: Int) async throws {
    let directory = try TestEnvironment.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var keys: [(file: URL, recipient: String)] = []
    for index in 0..<3 { keys.append(try await Self.keygen(in: directory, name: "k\(index).txt")) }
    let plaintext = Self.payload(size)
    let input = directory.appendingPathComponent("plain")
    try Data(plaintext).write(to: input)
    for armored in [false, true] {
      for recipientCount in [1, 3] {
        var arguments = armored ? ["-a"] : []
        for key in keys.prefix(recipientCount) { arguments += ["-r", key.recipient] }
        let result = try await ProcessRunner.run("age", arguments + [input.path])
        #expect(result.exitCode == 0)
        let identities = try AgeKeyFile.identities(in: TestEnvironment.read(keys[recipientCount - 1].file), source: "k")
        #expect(try Age.decrypt(result.stdoutBytes, identities: identities) == plaintext)
      }
    }
  }

  @Test(.requires(.pyrage))
  func pyrageInteropBothWays() async throws {
    let identity = AgeX25519Identity.generate()
    let plaintext = Self.payload(70_000)
    // pyrage → tack (rage adds a random "grease" stanza that readers must skip).
    let script = """
      import sys, pyrage
      from pyrage import x25519
      data = sys.stdin.buffer.read()
      sys.stdout.buffer.write(pyrage.encrypt(data, [x25519.Recipient.from_str(sys.argv[1])], armored=True))
      """
    let encrypted = try await TestEnvironment.python(script, [identity.recipient.description], stdin: plaintext)
    #expect(encrypted.exitCode == 0, "\(encrypted.stderr)")
    #expect(try Age.decrypt(encrypted.stdoutBytes, identities: [identity]) == plaintext)
    // tack → pyrage.
    let ours = try Age.encrypt(plaintext, to: [identity.recipient], armored: false)
    let decrypt = """
      import sys, pyrage
      from pyrage import x25519
      data = sys.stdin.buffer.read()
      sys.stdout.buffer.write(pyrage.decrypt(data, [x25519.Identity.from_str(sys.argv[1])]))
      """
    let decrypted = try await TestEnvironment.python(decrypt, [identity.secretKeyString], stdin: ours)
    #expect(decrypted.exitCode == 0, "\(decrypted.stderr)")
    #expect(decrypted.stdoutBytes == plaintext)
  }
}
