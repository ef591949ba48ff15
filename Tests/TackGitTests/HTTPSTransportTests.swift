import Foundation
import TackTesting
import Testing
import TackTestSupport

@testable import TackGit

/// git http-backend behind the test HTTPS server (swift-nio + nio-ssl, throwaway CA).
@Suite(.requires(.git, .gitHTTPBackend))
struct HTTPSTransportTests {
  struct Fixture {
    let bare: BareGitRepository
    let server: HTTPGitServer
    let root: TestDirectory

    static func start(_ authentication: HTTPGitServer.Authentication, tls: Bool = true, seed: Bool = true) async throws
      -> Fixture
    {
      let root = try TestDirectory(prefix: "tack-http-root")
      let bare = try BareGitRepository(name: "fleet", in: root.path)
      if seed { try bare.commit(files: ["README.md": "fleet\n"], message: "initial") }
      let server = try await HTTPGitServer.start(projectRoot: root.path, authentication: authentication, tls: tls)
      return Fixture(bare: bare, server: server, root: root)
    }

    func stop() async {
      await server.stop()
      bare.remove()
      root.remove()
    }
  }

  /// Starts a fixture, runs `body`, and stops it whatever happens.
  func withFixture(
    _ authentication: HTTPGitServer.Authentication, tls: Bool = true, seed: Bool = true,
    _ body: (Fixture) async throws -> Void
  ) async throws {
    let fixture = try await Fixture.start(authentication, tls: tls, seed: seed)
    do {
      try await body(fixture)
    } catch {
      await fixture.stop()
      throw error
    }
    await fixture.stop()
  }

  @Test func basicAuthCloneCommitPush() async throws {
    try await withFixture(.basic(username: "git", password: "s3cret-password")) { fixture in
    let remote = try GitRemote(
      url: fixture.server.url(for: fixture.bare),
      authentication: .basic(username: "git", password: "s3cret-password"),
      trust: .certificateAuthorities(pem: fixture.server.caPEM))
    let (workspace, directory) = try await GitWorkspace.cloneForTest(remote)
    let result = try await workspace.commitAndPush(message: "over https", author: testAuthor) {
      try $0.write("clusters/prod/app.yaml", "app: 1\n")
    }
    directory.remove()
    guard case .pushed(let commit) = result else {
      Issue.record("expected a push")
      return
    }
    #expect(fixture.bare.tip() == commit.hex)
    #expect(fixture.bare.file("clusters/prod/app.yaml") == "app: 1\n")
    #expect(fixture.server.receivedPush)
    }
  }

  @Test func bearerTokenAndEmptyRemote() async throws {
    try await withFixture(.bearer(token: "tok-abcdef123456"), seed: false) { fixture in
    let remote = try GitRemote(
      url: fixture.server.url(for: fixture.bare), authentication: .bearerToken("tok-abcdef123456"),
      trust: .certificateAuthorities(pem: fixture.server.caPEM))
    let (workspace, directory) = try await GitWorkspace.cloneForTest(remote, branch: "main")
    defer { directory.remove() }
    let result = try await workspace.commitAndPush(message: "Add Flux sync manifests", author: testAuthor) {
      try $0.write("gotk-sync.yaml", "---\n")
    }
    guard case .pushed(let commit) = result else {
      Issue.record("expected a push")
      return
    }
    #expect(fixture.bare.tip() == commit.hex)
    #expect(fixture.bare.file("gotk-sync.yaml") == "---\n")
    }
  }

  @Test func wrongPasswordIsAuthenticationFailed() async throws {
    try await withFixture(.basic(username: "git", password: "right-password")) { fixture in
    let tip = fixture.bare.tip()
    let remote = try GitRemote(
      url: fixture.server.url(for: fixture.bare),
      authentication: .basic(username: "git", password: "wrong-password"),
      trust: .certificateAuthorities(pem: fixture.server.caPEM))
    let error = await expectGitError(.authenticationFailed) { _ = try await GitWorkspace.cloneForTest(remote) }
    #expect(error?.description.contains("wrong-password") == false)
    #expect(fixture.bare.tip() == tip)
    // One try with the password, then we stop (no loop of bad attempts).
    #expect(fixture.server.requests.filter { !$0.authorized }.count <= 2)
    }
  }

  @Test func wrongBearerToken() async throws {
    try await withFixture(.bearer(token: "right-token-123")) { fixture in
    let remote = try GitRemote(
      url: fixture.server.url(for: fixture.bare), authentication: .bearerToken("wrong-token-456"),
      trust: .certificateAuthorities(pem: fixture.server.caPEM))
    let error = await expectGitError(.authenticationFailed) { _ = try await GitWorkspace.cloneForTest(remote) }
    #expect(error?.description.contains("wrong-token-456") == false)
    }
  }

  @Test func untrustedCertificateAuthority() async throws {
    try await withFixture(.basic(username: "git", password: "pw-123456")) { fixture in
    let otherCA = try CertificateAuthority(name: "someone else's CA")
    let remote = try GitRemote(
      url: fixture.server.url(for: fixture.bare), authentication: .basic(username: "git", password: "pw-123456"),
      trust: .certificateAuthorities(pem: otherCA.certificatePEM))
    await expectGitError(.certificateInvalid) { _ = try await GitWorkspace.cloneForTest(remote) }
    let systemTrust = try GitRemote(
      url: fixture.server.url(for: fixture.bare), authentication: .basic(username: "git", password: "pw-123456"))
    await expectGitError(.certificateInvalid) { _ = try await GitWorkspace.cloneForTest(systemTrust) }
    #expect(!fixture.server.requests.contains { $0.authorized }, "no credentials went to an untrusted server")
    }
  }

  @Test func plainHTTPOnlyWhenAllowed() async throws {
    try await withFixture(.none, tls: false) { fixture in
    let url = fixture.server.url(for: fixture.bare)
    #expect(url.hasPrefix("http://"))
    await expectGitError(.insecureHTTP) { _ = try await GitWorkspace.cloneForTest(try GitRemote(url: url)) }
    #expect(fixture.server.requests.isEmpty, "refused before connecting")
    let (workspace, directory) = try await GitWorkspace.cloneForTest(try GitRemote(url: url, allowInsecureHTTP: true))
    defer { directory.remove() }
    #expect(try workspace.workTree.readString("README.md") == "fleet\n")
    }
  }

  /// A server-side hook refusing the ref: git_remote_push returns 0, the refusal only arrives
  /// through push_update_reference, and it must surface as an error.
  @Test func refusedRefIsAnError() async throws {
    try await withFixture(.basic(username: "git", password: "pw-abcdef")) { fixture in
      let hook = fixture.bare.path + "/hooks/pre-receive"
      try "#!/bin/sh\necho 'protected branch: pushes need review' >&2\nexit 1\n".write(
        toFile: hook, atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
      let tip = fixture.bare.tip()
      let remote = try GitRemote(
        url: fixture.server.url(for: fixture.bare), authentication: .basic(username: "git", password: "pw-abcdef"),
        trust: .certificateAuthorities(pem: fixture.server.caPEM))
      let (workspace, directory) = try await GitWorkspace.cloneForTest(remote)
      defer { directory.remove() }
      let error = await expectGitError(.pushRejected) {
        _ = try await workspace.commitAndPush(message: "blocked", author: testAuthor) { try $0.write("x", "1") }
      }
      #expect(error?.description.contains("refs/heads/main") == true)
      #expect(fixture.bare.tip() == tip)
    }
  }

  @Test func cancelledTaskThrowsCancelled() async throws {
    try await withFixture(.none) { fixture in
      let remote = try GitRemote(
        url: fixture.server.url(for: fixture.bare), trust: .certificateAuthorities(pem: fixture.server.caPEM))
      let directory = try TestDirectory()
      defer { directory.remove() }
      let task = Task {
        withUnsafeCurrentTask { $0?.cancel() }
        return try await GitWorkspace.clone(remote, branch: "main", into: directory.path + "/c")
      }
      do {
        _ = try await task.value
        Issue.record("a cancelled clone must not succeed")
      } catch let error as GitError {
        #expect(error.code == .cancelled)
        #expect(error.exitStatus == .interrupted)
      }
      #expect(!FileManager.default.fileExists(atPath: directory.path + "/c"))
    }
  }
}
