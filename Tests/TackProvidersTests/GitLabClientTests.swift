import Foundation
import TackHTTP
import TackProviders
import TackTesting
import TackTestSupport
import Testing

/// `GitLabClient` against the double in its GitLab dialect, over HTTPS.
@Suite(.requires(.git, .gitHTTPBackend))
struct GitLabClientTests {
  static let token = "glpat-test-token"

  func withGitLab(token: String = token, _ body: (HostingDouble, GitLabClient) async throws -> Void) async throws {
    let gitlab = try await HostingDouble.start(
      dialect: .gitlab, token: Self.token, user: "alice", organizations: ["acme/infra": ["acme/ops"]], pageSize: 2)
    var configuration = HTTPClient.Configuration(userAgent: "tack-test")
    configuration.tls.certificateAuthority = Array(gitlab.caPEM.utf8)
    let client = GitLabClient(hostname: gitlab.hostname, token: token, configuration: configuration, sleep: { _ in })
    do { try await body(gitlab, client) } catch {
      await gitlab.stop()
      throw error
    }
    await gitlab.stop()
  }

  @Test func createsAProjectInASubgroupByItsNamespaceID() async throws {
    try await withGitLab { gitlab, client in
      let reference = RepositoryReference(owner: "acme/infra", name: "fleet")
      #expect(try await client.repository(reference) == nil)
      let created = try await client.createRepository(reference, personal: false, visibility: .internal)
      #expect(created == HostedRepository(owner: "acme/infra", name: "fleet", defaultBranch: "main", isPrivate: true))
      #expect(gitlab.repository(owner: "acme/infra", name: "fleet")?.visibility == "internal")
      // The project id is the whole path as one encoded segment.
      #expect(gitlab.requests.first == .init(method: "GET", path: "projects/acme%2Finfra%2Ffleet"))
      #expect(client.httpsCloneURL(created) == "https://\(gitlab.hostname)/acme/infra/fleet.git")
      #expect(client.sshURL(created) == "ssh://git@\(gitlab.hostname)/acme/infra/fleet")
      let taken = try await #require(throws: ProviderError.self) {
        try await client.createRepository(reference, personal: false, visibility: .private)
      }
      #expect(taken.kind == .rejected(field: "name"))
      #expect(taken.description.contains("name has already been taken"))
    }
  }

  @Test func aPersonalProjectNeedsNoNamespace() async throws {
    try await withGitLab { gitlab, client in
      #expect(try await client.authenticatedUser() == "alice")
      let created = try await client.createRepository(.init(owner: "alice", name: "mine"), personal: true, visibility: .public)
      #expect(created.owner == "alice" && created.isPrivate == false)
    }
  }

  @Test func groupsAreSharedAtAnAccessLevel() async throws {
    try await withGitLab { gitlab, client in
      try gitlab.seedRepository(owner: "acme/infra", name: "fleet")
      let reference = RepositoryReference(owner: "acme/infra", name: "fleet")
      #expect(try await client.teamPermission(team: "acme/ops", on: reference) == nil)
      try await client.grant(team: "acme/ops", permission: .push, on: reference)
      #expect(gitlab.repository(owner: "acme/infra", name: "fleet")?.teams == ["acme/ops": "30"])
      #expect(try await client.teamPermission(team: "acme/ops", on: reference) == .push)
      let missing = try await #require(throws: ProviderError.self) {
        try await client.grant(team: "nobody", permission: .push, on: reference)
      }
      #expect(missing.description.contains("404 Group Not Found"))
    }
  }

  @Test func deployKeysPageAndCarryCanPush() async throws {
    try await withGitLab { gitlab, client in
      try gitlab.seedRepository(owner: "acme/infra", name: "fleet")
      for index in 1...3 { gitlab.seedDeployKey(owner: "acme/infra", name: "fleet", title: "k\(index)", key: "ssh-ed25519 K\(index)", readOnly: true) }
      let reference = RepositoryReference(owner: "acme/infra", name: "fleet")
      #expect(try await client.deployKeys(reference).map(\.title) == ["k1", "k2", "k3"])
      let added = try await client.addDeployKey(.init(title: "flux", key: "ssh-ed25519 NEW flux\n", readOnly: false), to: reference)
      #expect(added.readOnly == false)
      try await client.deleteDeployKey(id: added.id, from: reference)
      #expect(gitlab.repository(owner: "acme/infra", name: "fleet")?.keys.count == 3)
    }
  }

  @Test func aRejectedTokenIsNamed() async throws {
    try await withGitLab(token: "wrong") { _, client in
      let error = try await #require(throws: ProviderError.self) { try await client.authenticatedUser() }
      #expect(error.description == "GitLab: get the token's user: the token was rejected (401 401 Unauthorized): check that it is valid and not expired")
    }
  }
}

extension GitLabClientTests {
  @Test func aMergeRequestIsOpenedOnceAndNeedsItsSourceBranch() async throws {
    try await withGitLab { gitlab, client in
      let bare = try gitlab.seedRepository(owner: "acme/infra", name: "fleet")
      try bare.commit(files: ["a": "1\n"], message: "base")
      let reference = RepositoryReference(owner: "acme/infra", name: "fleet")
      let missing = try await #require(throws: ProviderError.self) {
        try await client.openPullRequest(reference, head: "topic", base: "main", title: "T", body: "B")
      }
      #expect(missing.kind == .rejected(field: "source_branch"))
      try bare.commit(files: ["a": "2\n"], message: "change", branch: "topic")
      let opened = try await client.openPullRequest(reference, head: "topic", base: "main", title: "T", body: "B")
      #expect(opened == PullRequest(number: 1, url: "https://\(gitlab.hostname)/acme/infra/fleet/-/merge_requests/1", created: true, sigil: "!"))
      #expect(opened.reference == "!1")
      #expect(gitlab.pulls(owner: "acme/infra", name: "fleet") == [.init(number: 1, head: "topic", base: "main", title: "T", body: "B")])
      let again = try await client.openPullRequest(reference, head: "topic", base: "main", title: "T", body: "B")
      #expect(again.created == false && again.number == 1)
      #expect(gitlab.pulls(owner: "acme/infra", name: "fleet").count == 1)
      // Found by the server's own filters, on the encoded project path.
      #expect(gitlab.requests.contains(.init(method: "POST", path: "projects/acme%2Finfra%2Ffleet/merge_requests")))
    }
  }
}
