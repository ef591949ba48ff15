import Foundation
import TackHTTP
import TackProviders
import TackTesting
import TackTestSupport
import Testing

/// `GiteaClient` against the double in its Gitea dialect, over HTTPS.
@Suite(.requires(.git, .gitHTTPBackend))
struct GiteaClientTests {
  static let token = "gitea_test_token"

  func withGitea(_ body: (HostingDouble, GiteaClient) async throws -> Void) async throws {
    let gitea = try await HostingDouble.start(
      dialect: .gitea, token: Self.token, user: "alice", organizations: ["acme": ["dev"]], pageSize: 2)
    var configuration = HTTPClient.Configuration(userAgent: "tack-test")
    configuration.tls.certificateAuthority = Array(gitea.caPEM.utf8)
    let client = GiteaClient(
      hostname: gitea.hostname, token: Self.token, configuration: configuration, sleep: { _ in })
    do { try await body(gitea, client) } catch {
      await gitea.stop()
      throw error
    }
    await gitea.stop()
  }

  @Test func endpointsKeepAGivenScheme() {
    #expect(GiteaEndpoint(hostname: "").apiBaseURL == "https://gitea.com/api/v1/")
    let plain = GiteaEndpoint(hostname: "http://gitea.internal:3000/")
    #expect(plain.apiBaseURL == "http://gitea.internal:3000/api/v1/")
    #expect(plain.host == "gitea.internal:3000")
  }

  @Test func createsAnOrganisationRepositoryThroughTheSingularPath() async throws {
    try await withGitea { gitea, client in
      let reference = RepositoryReference(owner: "acme", name: "fleet")
      #expect(try await client.repository(reference) == nil)
      let created = try await client.createRepository(reference, personal: false, visibility: .private)
      #expect(created.owner == "acme" && created.isPrivate == true)
      #expect(gitea.writes == [.init(method: "POST", path: "org/acme/repos")])
      #expect(client.httpsCloneURL(created) == "https://\(gitea.hostname)/acme/fleet.git")
      #expect(client.sshURL(created) == "ssh://git@\(gitea.hostname)/acme/fleet")
      let again = try await #require(throws: ProviderError.self) {
        try await client.createRepository(reference, personal: false, visibility: .private)
      }
      #expect(again.kind == .rejected(field: nil))
      #expect(again.description.contains("The repository with the same name already exists. (409)"))
    }
  }

  @Test func aRejectedTokenIsNamed() async throws {
    try await withGitea { gitea, _ in
      var configuration = HTTPClient.Configuration(userAgent: "tack-test")
      configuration.tls.certificateAuthority = Array(gitea.caPEM.utf8)
      let wrong = GiteaClient(hostname: gitea.hostname, token: "nope", configuration: configuration)
      let error = try await #require(throws: ProviderError.self) { try await wrong.authenticatedUser() }
      #expect(error.description == "Gitea: get the token's user: the token was rejected (401 token is invalid): check that it is valid and not expired")
    }
  }

  @Test func teamsAndKeysAcrossPages() async throws {
    try await withGitea { gitea, client in
      try gitea.seedRepository(owner: "acme", name: "fleet")
      for index in 1...3 { gitea.seedDeployKey(owner: "acme", name: "fleet", title: "k\(index)", key: "ssh-ed25519 K\(index)", readOnly: true) }
      let reference = RepositoryReference(owner: "acme", name: "fleet")
      #expect(try await client.teamPermission(team: "dev", on: reference) == nil)
      try await client.grant(team: "dev", permission: .maintain, on: reference)
      #expect(try await client.teamPermission(team: "dev", on: reference) == .push)
      #expect(try await client.deployKeys(reference).map(\.title) == ["k1", "k2", "k3"])
      let added = try await client.addDeployKey(.init(title: "flux", key: "ssh-ed25519 NEW\n", readOnly: true), to: reference)
      #expect(added.readOnly)
      try await client.deleteDeployKey(id: added.id, from: reference)
      let bad = try await #require(throws: ProviderError.self) {
        try await client.addDeployKey(.init(title: "", key: "ssh-ed25519 X", readOnly: true), to: reference)
      }
      #expect(bad.kind == .rejected(field: "title"))
    }
  }
}

extension GiteaClientTests {
  @Test func aPullRequestIsFoundAcrossPagesAndOpenedOnce() async throws {
    try await withGitea { gitea, client in
      let bare = try gitea.seedRepository(owner: "acme", name: "fleet")
      try bare.commit(files: ["a": "1\n"], message: "base")
      let reference = RepositoryReference(owner: "acme", name: "fleet")
      let missing = try await #require(throws: ProviderError.self) {
        try await client.openPullRequest(reference, head: "topic", base: "main", title: "T", body: "B")
      }
      #expect(missing.kind == .notFound)
      // Two others first, so the list needs a second page (the double's pages hold two).
      for branch in ["one", "two", "topic"] {
        try bare.commit(files: ["a": "\(branch)\n"], message: branch, branch: branch)
      }
      for branch in ["one", "two"] {
        _ = try await client.openPullRequest(reference, head: branch, base: "main", title: branch, body: "")
      }
      let opened = try await client.openPullRequest(reference, head: "topic", base: "main", title: "T", body: "B")
      #expect(opened == PullRequest(number: 3, url: "https://\(gitea.hostname)/acme/fleet/pulls/3", created: true))
      let again = try await client.openPullRequest(reference, head: "topic", base: "main", title: "T", body: "B")
      #expect(again == PullRequest(number: 3, url: opened.url, created: false))
      #expect(gitea.pulls(owner: "acme", name: "fleet").count == 3)
    }
  }
}
