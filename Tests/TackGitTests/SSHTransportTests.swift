import Foundation
import TackTesting
import Testing
import TackTestSupport

@testable import TackGit

/// Clone/commit/push against a real sshd on 127.0.0.1 running git-upload-pack/git-receive-pack.
@Suite(
  .requires(.sshd, .sshKeygen, .git),
  .serialized)
struct SSHTransportTests {
  static let keyAlgorithms: [SSHKeyPair.Algorithm] = [.ecdsaP256, .ecdsaP384, .ecdsaP521, .ed25519, .rsa(bits: 2048)]

  /// Debian 12's libssh2 1.10 signs RSA user auth only with SHA-1 (`ssh-rsa`); OpenSSH 9.2 refuses
  /// that by default, so RSA needs a server that still accepts it, and otherwise the error says why.
  @Test func rsaKeysNeedAServerAcceptingSHA1Signatures() async throws {
    let key = try SSHKeyPair.generate(.rsa(bits: 2048))
    let bare = try BareGitRepository()
    defer { bare.remove() }
    try bare.commit(files: ["a": "1\n"], message: "initial")
    let strict = try await SSHGitServer.start(authorizedKeys: [key.authorizedKey])
    defer { strict.stop() }
    let refused = try GitRemote(
      url: strict.url(for: bare),
      authentication: .sshKey(username: nil, key: .openSSH(key.openSSHPrivateKey), passphrase: nil),
      hostKeys: .knownHosts(try KnownHosts(parsing: strict.knownHostsLine)))
    let error = await expectGitError(.authenticationFailed) { _ = try await GitWorkspace.cloneForTest(refused) }
    #expect(error?.description.contains("use an ecdsa or ed25519 key") == true)
  }

  /// Every generated key type authenticates through libgit2/libssh2, from memory and from a file.
  @Test(arguments: keyAlgorithms)
  func generatedKeysAuthenticate(algorithm: SSHKeyPair.Algorithm) async throws {
    let key = try SSHKeyPair.generate(algorithm, comment: "tack-test")
    let server = try await SSHGitServer.start(
      authorizedKeys: [key.authorizedKey], acceptSHA1RSA: algorithm.sshKeyType == "ssh-rsa")
    defer { server.stop() }
    let bare = try BareGitRepository()
    defer { bare.remove() }
    try bare.commit(files: ["a": "1\n"], message: "initial")
    let knownHosts = try KnownHosts(parsing: server.knownHostsLine)

    let remote = try GitRemote(
      url: server.url(for: bare),
      authentication: .sshKey(username: nil, key: .openSSH(key.openSSHPrivateKey), passphrase: nil),
      hostKeys: .knownHosts(knownHosts))
    let (workspace, directory) = try await GitWorkspace.cloneForTest(remote)
    defer { directory.remove() }
    #expect(try workspace.workTree.readString("a") == "1\n")
    let result = try await workspace.commitAndPush(message: "over ssh \(algorithm)", author: testAuthor) {
      try $0.write("b", "2\n")
    }
    guard case .pushed(let commit) = result else {
      Issue.record("expected a push; sshd log: \(server.log)")
      return
    }
    #expect(bare.tip() == commit.hex)
    #expect(try bare.log().first?.subject == "over ssh \(algorithm)")

    // The same key from a file (PEM where OpenSSH has one, else OpenSSH format).
    let keyFile = directory.path + "/identity"
    try (key.pemPrivateKey ?? key.openSSHPrivateKey).write(toFile: keyFile, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile)
    let fromFile = try GitRemote(
      url: server.url(for: bare),
      authentication: .sshKey(username: nil, key: .file(path: keyFile), passphrase: nil),
      hostKeys: .knownHosts(knownHosts))
    let (second, secondDirectory) = try await GitWorkspace.cloneForTest(fromFile)
    defer { secondDirectory.remove() }
    #expect(try second.workTree.readString("b") == "2\n")
  }

  @Test func emptyRemoteAndPushRaceOverSSH() async throws {
    let key = try SSHKeyPair.generate(.ed25519)
    let server = try await SSHGitServer.start(authorizedKeys: [key.authorizedKey])
    defer { server.stop() }
    let bare = try BareGitRepository()
    defer { bare.remove() }
    // An empty remote: the first push creates the branch.
    let remote = try GitRemote(
      url: server.url(for: bare),
      authentication: .sshKey(username: nil, key: .openSSH(key.openSSHPrivateKey), passphrase: nil),
      hostKeys: .knownHosts(try KnownHosts(parsing: server.knownHostsLine)))
    let (workspace, directory) = try await GitWorkspace.cloneForTest(remote)
    defer { directory.remove() }
    _ = try await workspace.commitAndPush(message: "first", author: testAuthor) { try $0.write("one", "1") }
    let first = try #require(bare.tip())

    let theirs = try bare.commit(files: ["theirs": "t"], message: "their change")
    let result = try await workspace.commitAndPush(message: "second", author: testAuthor) { try $0.write("two", "2") }
    guard case .pushed(let ours) = result else {
      Issue.record("expected a push")
      return
    }
    #expect(bare.isAncestor(theirs, of: ours.hex))
    #expect(bare.isAncestor(first, of: ours.hex))
    #expect(Set(try bare.files()) == ["one", "two", "theirs"])
  }

  @Test func wrongKeyIsAuthenticationFailedAndNothingIsPushed() async throws {
    let allowed = try SSHKeyPair.generate(.ed25519)
    let wrong = try SSHKeyPair.generate(.ed25519)
    let server = try await SSHGitServer.start(authorizedKeys: [allowed.authorizedKey])
    defer { server.stop() }
    let bare = try BareGitRepository()
    defer { bare.remove() }
    try bare.commit(files: ["a": "1"], message: "initial")
    let tip = bare.tip()
    let remote = try GitRemote(
      url: server.url(for: bare),
      authentication: .sshKey(username: nil, key: .openSSH(wrong.openSSHPrivateKey), passphrase: nil),
      hostKeys: .knownHosts(try KnownHosts(parsing: server.knownHostsLine)))
    let error = await expectGitError(.authenticationFailed) { _ = try await GitWorkspace.cloneForTest(remote) }
    #expect(error?.description.contains("BEGIN OPENSSH") == false)
    #expect(bare.tip() == tip)
  }

  @Test func unknownAndMismatchedHostKeys() async throws {
    let key = try SSHKeyPair.generate(.ed25519)
    let server = try await SSHGitServer.start(authorizedKeys: [key.authorizedKey])
    defer { server.stop() }
    let bare = try BareGitRepository()
    defer { bare.remove() }
    try bare.commit(files: ["a": "1"], message: "initial")
    let auth = GitAuthentication.sshKey(username: nil, key: .openSSH(key.openSSHPrivateKey), passphrase: nil)

    let unknown = try GitRemote(url: server.url(for: bare), authentication: auth, hostKeys: .knownHosts(KnownHosts()))
    let unknownError = await expectGitError(.hostKeyUnknown) { _ = try await GitWorkspace.cloneForTest(unknown) }
    #expect(unknownError?.description.contains("[127.0.0.1]:\(server.port)") == true)

    let impostor = try SSHKeyPair.generate(.ed25519)
    let forged = try KnownHosts(
      parsing: "[127.0.0.1]:\(server.port) \(impostor.algorithm.sshKeyType) \(Data(impostor.publicKeyBlob).base64EncodedString())")
    let mismatched = try GitRemote(url: server.url(for: bare), authentication: auth, hostKeys: .knownHosts(forged))
    if server.hostKeyType == "ssh-ed25519" {
      await expectGitError(.hostKeyMismatch) { _ = try await GitWorkspace.cloneForTest(mismatched) }
    }
  }

  @Test func hostKeyScanProducesAKnownHostsLine() async throws {
    let server = try await SSHGitServer.start(authorizedKeys: [])
    defer { server.stop() }
    let line = try await SSHHostKeyScanner().knownHostsLine(url: "ssh://git@127.0.0.1:\(server.port)/any/repo")
    #expect(line == server.knownHostsLine)
    // The scanned line is accepted by the host-key check.
    let bare = try BareGitRepository()
    defer { bare.remove() }
    let key = try SSHKeyPair.generate(.ecdsaP384)
    let server2 = try await SSHGitServer.start(authorizedKeys: [key.authorizedKey], hostKeyType: "ecdsa")
    defer { server2.stop() }
    let scanned = try await SSHHostKeyScanner().knownHostsLine(url: server2.url(for: bare))
    #expect(scanned.hasPrefix("[127.0.0.1]:\(server2.port) ecdsa-sha2-nistp256 "))
    let remote = try GitRemote(
      url: server2.url(for: bare),
      authentication: .sshKey(username: nil, key: .openSSH(key.openSSHPrivateKey), passphrase: nil),
      hostKeys: .knownHosts(try KnownHosts(parsing: scanned)))
    let (_, directory) = try await GitWorkspace.cloneForTest(remote)
    directory.remove()
  }

  @Test func unreachableHost() async throws {
    let port = try LoopbackPort.free()
    let key = try SSHKeyPair.generate(.ed25519)
    let remote = try GitRemote(
      url: "ssh://git@127.0.0.1:\(port)/srv/repo.git",
      authentication: .sshKey(username: nil, key: .openSSH(key.openSSHPrivateKey), passphrase: nil),
      hostKeys: .knownHosts(KnownHosts()))
    await expectGitError(.unreachable) { _ = try await GitWorkspace.cloneForTest(remote) }
    await expectGitError(.unreachable) {
      _ = try await SSHHostKeyScanner().scan(url: "ssh://git@127.0.0.1:\(port)/srv/repo.git")
    }
  }

  @Test func missingRepositoryOverSSH() async throws {
    let key = try SSHKeyPair.generate(.ed25519)
    let server = try await SSHGitServer.start(authorizedKeys: [key.authorizedKey])
    defer { server.stop() }
    let remote = try GitRemote(
      url: "ssh://\(server.user)@127.0.0.1:\(server.port)/nonexistent/repo.git",
      authentication: .sshKey(username: nil, key: .openSSH(key.openSSHPrivateKey), passphrase: nil),
      hostKeys: .knownHosts(try KnownHosts(parsing: server.knownHostsLine)))
    let error = await expectGitError(.repositoryNotFound) { _ = try await GitWorkspace.cloneForTest(remote) }
    _ = error
  }

  @Test(.requires(.sshAgent))
  func agentIsUsedWhenNoKeyIsGiven() async throws {
    let key = try SSHKeyPair.generate(.ed25519)
    let server = try await SSHGitServer.start(authorizedKeys: [key.authorizedKey])
    defer { server.stop() }
    let agent = try SSHAgent()
    defer { agent.stop() }
    try agent.add(privateKey: key.openSSHPrivateKey)
    let bare = try BareGitRepository()
    defer { bare.remove() }
    try bare.commit(files: ["a": "1"], message: "initial")
    let remote = try GitRemote(
      url: server.url(for: bare), authentication: .sshAgent(username: nil),
      hostKeys: .knownHosts(try KnownHosts(parsing: server.knownHostsLine)))
    try await agent.withAgentEnvironment {
      let (workspace, directory) = try await GitWorkspace.cloneForTest(remote)
      defer { directory.remove() }
      #expect(try workspace.workTree.readString("a") == "1")
    }
  }
}
