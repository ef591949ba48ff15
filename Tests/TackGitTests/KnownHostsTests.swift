import Crypto
import Foundation
import TackTesting
import TackTestSupport
import Testing

@testable import TackGit

@Suite struct KnownHostsTests {
  let keyA = try! SSHKeyPair.generate(.ed25519)
  let keyB = try! SSHKeyPair.generate(.ed25519)
  let ecdsa = try! SSHKeyPair.generate(.ecdsaP256)

  func line(_ hosts: String, _ key: SSHKeyPair) -> String {
    "\(hosts) \(key.algorithm.sshKeyType) \(Data(key.publicKeyBlob).base64EncodedString())"
  }

  @Test func plainEntriesWithPortsAndLists() throws {
    let knownHosts = try KnownHosts(
      parsing: """
        # comment
        github.com,140.82.121.4 \(line("x", keyA).split(separator: " ").dropFirst().joined(separator: " "))
        \(line("[127.0.0.1]:2222", keyB))

        """)
    #expect(knownHosts.verify(host: "github.com", port: 22, keyType: "ssh-ed25519", key: keyA.publicKeyBlob) == .trusted)
    #expect(knownHosts.verify(host: "140.82.121.4", port: 22, keyType: "ssh-ed25519", key: keyA.publicKeyBlob) == .trusted)
    #expect(knownHosts.verify(host: "github.com", port: 22, keyType: "ssh-ed25519", key: keyB.publicKeyBlob) == .mismatch)
    #expect(knownHosts.verify(host: "127.0.0.1", port: 2222, keyType: "ssh-ed25519", key: keyB.publicKeyBlob) == .trusted)
    // The same host on the default port is a different known_hosts name.
    #expect(
      knownHosts.verify(host: "127.0.0.1", port: 22, keyType: "ssh-ed25519", key: keyB.publicKeyBlob)
        == .unknown(knownTypes: []))
    #expect(
      knownHosts.verify(host: "github.com", port: 22, keyType: ecdsa.algorithm.sshKeyType, key: ecdsa.publicKeyBlob)
        == .unknown(knownTypes: ["ssh-ed25519"]))
  }

  @Test func hashedEntries() throws {
    let salt = Array((0..<20).map { UInt8($0 * 7 % 256) })
    let name = "[git.example.com]:2222"
    let hash = HMAC<Insecure.SHA1>.authenticationCode(for: Data(name.utf8), using: SymmetricKey(data: salt))
    let hashed = "|1|\(Data(salt).base64EncodedString())|\(Data(hash).base64EncodedString())"
    let knownHosts = try KnownHosts(parsing: line(hashed, keyA))
    #expect(knownHosts.verify(host: "git.example.com", port: 2222, keyType: "ssh-ed25519", key: keyA.publicKeyBlob) == .trusted)
    #expect(
      knownHosts.verify(host: "other.example.com", port: 2222, keyType: "ssh-ed25519", key: keyA.publicKeyBlob)
        == .unknown(knownTypes: []))
  }

  @Test(.requires(.sshKeygen))
  func hashedBySSHKeygen() throws {
    let directory = try TestDirectory()
    defer { directory.remove() }
    let file = directory.path + "/known_hosts"
    try (line("[10.1.2.3]:2200", keyA) + "\n").write(toFile: file, atomically: true, encoding: .utf8)
    _ = try ProcessRunner.output(["ssh-keygen", "-H", "-f", file])
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.hasPrefix("|1|"))
    let knownHosts = try KnownHosts(parsing: text)
    #expect(knownHosts.verify(host: "10.1.2.3", port: 2200, keyType: "ssh-ed25519", key: keyA.publicKeyBlob) == .trusted)
  }

  @Test func wildcardsNegationAndRevoked() throws {
    let knownHosts = try KnownHosts(
      parsing: """
        *.example.com,!evil.example.com \(line("x", keyA).split(separator: " ").dropFirst().joined(separator: " "))
        @revoked * \(line("x", keyB).split(separator: " ").dropFirst().joined(separator: " "))
        """)
    #expect(knownHosts.verify(host: "git.example.com", port: 22, keyType: "ssh-ed25519", key: keyA.publicKeyBlob) == .trusted)
    #expect(
      knownHosts.verify(host: "evil.example.com", port: 22, keyType: "ssh-ed25519", key: keyA.publicKeyBlob)
        == .unknown(knownTypes: []))
    #expect(knownHosts.verify(host: "git.example.com", port: 22, keyType: "ssh-ed25519", key: keyB.publicKeyBlob) == .revoked)
  }

  @Test func malformedLineIsAnError() {
    #expect(throws: GitError.self) { try KnownHosts(parsing: "github.com ssh-ed25519 not*base64") }
    #expect(throws: GitError.self) { try KnownHosts(parsing: "github.com") }
  }

  @Test func fluxLineFormat() {
    #expect(KnownHosts.line(host: "github.com", port: 22, keyType: "ssh-ed25519", key: [1, 2, 3]) == "github.com ssh-ed25519 AQID")
    #expect(KnownHosts.line(host: "127.0.0.1", port: 2222, keyType: "ssh-ed25519", key: [1, 2, 3]) == "[127.0.0.1]:2222 ssh-ed25519 AQID")
  }

  @Test func filesAreRead() throws {
    let directory = try TestDirectory()
    defer { directory.remove() }
    let file = try directory.write("known_hosts", contents: line("[127.0.0.1]:2222", keyA) + "\r\n")
    let knownHosts = try KnownHosts(contentsOfFile: file)
    #expect(knownHosts.verify(host: "127.0.0.1", port: 2222, keyType: "ssh-ed25519", key: keyA.publicKeyBlob) == .trusted)
    #expect(throws: GitError.self) { try KnownHosts(contentsOfFile: directory.file("absent")) }
    #expect(throws: GitError.self) { try TLSTrust.caFile(directory.file("absent.pem")) }
    let notPEM = try directory.write("ca.pem", contents: "hello")
    #expect(throws: GitError.self) { try TLSTrust.caFile(notPEM) }
  }
}
