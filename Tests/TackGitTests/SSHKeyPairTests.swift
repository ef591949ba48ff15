import Foundation
import TackTesting
import Testing
import TackTestSupport

@testable import TackGit

@Suite struct SSHKeyPairTests {
  static let algorithms: [SSHKeyPair.Algorithm] = [
    .ecdsaP256, .ecdsaP384, .ecdsaP521, .ed25519, .rsa(bits: 2048), .rsa(bits: 4096),
  ]

  /// One key per algorithm for the whole suite: RSA-4096 generation costs seconds in a debug build,
  /// and a synchronous test holds one of the few threads every other test needs meanwhile.
  static let generated: [(algorithm: SSHKeyPair.Algorithm, pair: SSHKeyPair)] = algorithms.map {
    ($0, try! SSHKeyPair.generate($0, comment: "flux-system"))
  }

  static func pair(_ algorithm: SSHKeyPair.Algorithm) -> SSHKeyPair {
    generated.first { $0.algorithm == algorithm }!.pair
  }

  @Test(arguments: algorithms)
  func openSSHRoundTrip(algorithm: SSHKeyPair.Algorithm) throws {
    let pair = Self.pair(algorithm)
    let text = pair.openSSHPrivateKey
    #expect(text.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----\n"))
    #expect(text.hasSuffix("-----END OPENSSH PRIVATE KEY-----\n"))
    let parsed = try SSHKeyPair.parse(privateKey: text)
    #expect(parsed.algorithm == algorithm)
    #expect(parsed.publicKeyBlob == pair.publicKeyBlob)
    #expect(parsed.comment == "flux-system")
    #expect(pair.authorizedKey.hasPrefix(algorithm.sshKeyType + " "))
    #expect(pair.authorizedKey.hasSuffix(" flux-system"))
    #expect(try SSHKeyPair.publicKey(ofPrivateKey: text).blob == pair.publicKeyBlob)
  }

  @Test(arguments: algorithms.filter { $0 != .ed25519 })
  func pemRoundTrip(algorithm: SSHKeyPair.Algorithm) throws {
    let pair = Self.pair(algorithm)
    let pem = try #require(pair.pemPrivateKey)
    let parsed = try SSHKeyPair.parse(privateKey: pem)
    #expect(parsed.publicKeyBlob == pair.publicKeyBlob)
  }

  @Test(
    .requires(.sshKeygen),
    arguments: algorithms)
  func sshKeygenReadsThePrivateKey(algorithm: SSHKeyPair.Algorithm) throws {
    let pair = Self.pair(algorithm)
    let directory = try TestDirectory()
    defer { directory.remove() }
    for (name, text) in [("openssh", pair.openSSHPrivateKey), ("pem", pair.pemPrivateKey)] {
      guard let text else { continue }
      let file = directory.path + "/\(name)"
      try text.write(toFile: file, atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
      let printed = try ProcessRunner.output(["ssh-keygen", "-y", "-f", file])
      let fields = printed.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
      let expected = pair.authorizedKey.split(separator: " ")
      #expect(fields.prefix(2) == expected.prefix(2), "\(name): ssh-keygen -y printed \(printed)")
    }
    // And the fingerprint agrees with ssh-keygen -l.
    let pub = directory.path + "/key.pub"
    try (pair.authorizedKey + "\n").write(toFile: pub, atomically: true, encoding: .utf8)
    let listed = try ProcessRunner.output(["ssh-keygen", "-l", "-E", "sha256", "-f", pub])
    #expect(listed.contains(pair.fingerprintSHA256))
  }

  @Test(.requires(.sshKeygen),
    arguments: ["ed25519", "ecdsa", "rsa"])
  func readsKeysMadeBySSHKeygen(type: String) throws {
    let directory = try TestDirectory()
    defer { directory.remove() }
    let file = directory.path + "/id"
    try ProcessRunner.output(["ssh-keygen", "-q", "-t", type, "-N", "", "-C", "someone@host", "-f", file])
    let pair = try SSHKeyPair.parse(privateKey: try String(contentsOfFile: file, encoding: .utf8))
    let pub = try String(contentsOfFile: file + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(pair.authorizedKey == pub)
  }

  @Test(
    .requires(.sshKeygen),
    arguments: ["ed25519", "ecdsa"])
  func passphraseProtectedOpenSSHKeys(type: String) throws {
    let directory = try TestDirectory()
    defer { directory.remove() }
    let file = directory.path + "/id"
    // Few bcrypt rounds keep the test fast; the default (16) works the same way.
    try ProcessRunner.output(["ssh-keygen", "-q", "-t", type, "-a", "4", "-N", "correct horse", "-f", file])
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let pub = try String(contentsOfFile: file + ".pub", encoding: .utf8)
    let noPassphrase = #expect(throws: GitError.self) { try SSHKeyPair.parse(privateKey: text) }
    #expect(noPassphrase?.description.contains("passphrase") == true)
    let wrong = #expect(throws: GitError.self) { try SSHKeyPair.parse(privateKey: text, passphrase: "battery staple") }
    #expect(wrong?.description.contains("wrong") == true)
    let pair = try SSHKeyPair.parse(privateKey: text, passphrase: "correct horse")
    #expect(pub.contains(Data(pair.publicKeyBlob).base64EncodedString()))
    // The public key is readable without the passphrase (it is stored in clear).
    #expect(pub.contains(try Data(SSHKeyPair.publicKey(ofPrivateKey: text).blob).base64EncodedString()))
  }

  @Test func bcryptPBKDFKnownAnswer() {
    // Known answer from OpenBSD's bcrypt_pbkdf regression test ("password", "salt", 4 rounds).
    let derived = BcryptPBKDF.derive(password: Array("password".utf8), salt: Array("salt".utf8), rounds: 4, count: 32)
    let hex = derived.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    #expect(hex == "5bbf0cc293587f1c3635555c27796598d47e579071bf427e9d8fbe842aba34d9")
  }

  @Test func fluxFlagsSelectAlgorithms() throws {
    #expect(try SSHKeyPair.Algorithm(name: "ecdsa") == .ecdsaP384)
    #expect(try SSHKeyPair.Algorithm(name: "ecdsa", ecdsaCurve: "p521") == .ecdsaP521)
    #expect(try SSHKeyPair.Algorithm(name: "rsa", rsaBits: 4096) == .rsa(bits: 4096))
    #expect(throws: GitError.self) { try SSHKeyPair.Algorithm(name: "dsa") }
    #expect(throws: GitError.self) { try SSHKeyPair.Algorithm(name: "rsa", rsaBits: 1024) }
  }

  @Test func garbageIsRejected() {
    #expect(throws: GitError.self) { try SSHKeyPair.parse(privateKey: "not a key") }
    #expect(throws: GitError.self) {
      try SSHKeyPair.parse(privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n")
    }
  }
}
