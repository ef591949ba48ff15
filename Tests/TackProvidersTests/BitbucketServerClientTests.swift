import Foundation
import TackHTTP
import TackProviders
import TackTesting
import TackTestSupport
import Testing

/// `BitbucketServerClient` against the double in its Bitbucket Server dialect, over HTTPS.
@Suite(.requires(.git, .gitHTTPBackend))
struct BitbucketServerClientTests {
  static let token = "bbs-http-token"

  func withBitbucket(token: String = token, _ body: (HostingDouble, BitbucketServerClient) async throws -> Void)
    async throws
  {
    let bitbucket = try await HostingDouble.start(
      dialect: .bitbucketServer, token: Self.token, user: "alice", organizations: ["Platform": ["ops"], "Other": []],
      pageSize: 2)
    var configuration = HTTPClient.Configuration(userAgent: "tack-test")
    configuration.tls.certificateAuthority = Array(bitbucket.caPEM.utf8)
    let client = BitbucketServerClient(
      hostname: bitbucket.hostname, token: token, username: "alice", configuration: configuration, sleep: { _ in })
    do { try await body(bitbucket, client) } catch {
      await bitbucket.stop()
      throw error
    }
    await bitbucket.stop()
  }

  @Test func findsTheProjectByNameAndCreatesTheRepositoryUnderItsKey() async throws {
    try await withBitbucket { bitbucket, client in
      let reference = RepositoryReference(owner: "Platform", name: "fleet")
      #expect(try await client.repository(reference) == nil)
      let created = try await client.createRepository(reference, personal: false, visibility: .public)
      #expect(created == HostedRepository(owner: "PLATFORM", name: "fleet", isPrivate: true))
      #expect(client.httpsCloneURL(created) == "https://\(bitbucket.hostname)/scm/PLATFORM/fleet.git")
      #expect(client.sshURL(created) == "ssh://git@\(bitbucket.hostname)/PLATFORM/fleet")
      let again = try await #require(throws: ProviderError.self) {
        try await client.createRepository(reference, personal: false, visibility: .private)
      }
      #expect(again.kind == .rejected(field: "name"))
      #expect(again.description.contains("already taken"))
      let unknown = try await #require(throws: ProviderError.self) {
        try await client.repository(.init(owner: "Nobody", name: "fleet"))
      }
      #expect(unknown.description.contains("no project is named \"Nobody\""))
    }
  }

  @Test func personalRepositoriesLiveUnderTheUsersKey() async throws {
    try await withBitbucket { bitbucket, client in
      let created = try await client.createRepository(.init(owner: "alice", name: "mine"), personal: true, visibility: .private)
      #expect(created.owner == "~alice")
      #expect(bitbucket.repository(owner: "~alice", name: "mine") != nil)
    }
  }

  @Test func groupsAndAccessKeysAcrossPages() async throws {
    try await withBitbucket { bitbucket, client in
      try bitbucket.seedRepository(owner: "PLATFORM", name: "fleet")
      for index in 1...3 { bitbucket.seedDeployKey(owner: "PLATFORM", name: "fleet", title: "k\(index)", key: "ssh-ed25519 K\(index)", readOnly: true) }
      let reference = RepositoryReference(owner: "Platform", name: "fleet")
      #expect(try await client.teamPermission(team: "ops", on: reference) == nil)
      try await client.grant(team: "ops", permission: .push, on: reference)
      #expect(try await client.teamPermission(team: "ops", on: reference) == .push)
      let triage = try await #require(throws: ProviderError.self) { try await client.grant(team: "ops", permission: .triage, on: reference) }
      #expect(triage.kind == .rejected(field: "permission"))
      #expect(try await client.deployKeys(reference).map(\.title) == ["k1", "k2", "k3"])
      let added = try await client.addDeployKey(.init(title: "flux", key: "ssh-ed25519 NEW\n", readOnly: false), to: reference)
      #expect(added.readOnly == false && added.title == "flux")
      try await client.deleteDeployKey(id: added.id, from: reference)
      #expect(bitbucket.repository(owner: "PLATFORM", name: "fleet")?.keys.count == 3)
    }
  }

  @Test func aRejectedTokenIsNamed() async throws {
    try await withBitbucket(token: "nope") { _, client in
      let error = try await #require(throws: ProviderError.self) { try await client.repository(.init(owner: "Platform", name: "fleet")) }
      #expect(error.kind == .unauthorized)
      #expect(error.description.contains("Authentication failed."))
    }
  }
}

extension BitbucketServerClientTests {
  @Test func aPullRequestIsOpenedBetweenRefsOnceAndNeedsItsBranch() async throws {
    try await withBitbucket { bitbucket, client in
      let bare = try bitbucket.seedRepository(owner: "PLATFORM", name: "fleet")
      try bare.commit(files: ["a": "1\n"], message: "base")
      let reference = RepositoryReference(owner: "Platform", name: "fleet")
      let missing = try await #require(throws: ProviderError.self) {
        try await client.openPullRequest(reference, head: "topic", base: "main", title: "T", body: "B")
      }
      #expect(missing.kind == .notFound)
      #expect(missing.description.contains("refs/heads/topic"))
      try bare.commit(files: ["a": "2\n"], message: "change", branch: "topic")
      let opened = try await client.openPullRequest(reference, head: "topic", base: "main", title: "T", body: "B")
      #expect(opened == PullRequest(
        number: 1, url: "https://\(bitbucket.hostname)/projects/PLATFORM/repos/fleet/pull-requests/1", created: true))
      let again = try await client.openPullRequest(reference, head: "topic", base: "main", title: "T", body: "B")
      #expect(again.created == false && again.number == 1)
      #expect(bitbucket.pulls(owner: "PLATFORM", name: "fleet") == [.init(number: 1, head: "topic", base: "main", title: "T", body: "B")])
    }
  }
}
