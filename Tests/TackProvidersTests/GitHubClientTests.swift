import Foundation
import Synchronization
import TackHTTP
import TackProviders
import TackTesting
import TackTestSupport
import Testing

/// `GitHubClient` against the GitHub double over HTTPS (an Enterprise host on 127.0.0.1).
@Suite(.requires(.git, .gitHTTPBackend))
struct GitHubClientTests {
  static let token = "ghp_test_0123456789"

  /// Sleeps recorded, not slept (backoff) — unless `real` (a rate limit the double lifts by the clock).
  final class Sleeps: Sendable {
    let recorded = Mutex<[Duration]>([])
    let real: Bool
    init(real: Bool = false) { self.real = real }
    var all: [Duration] { recorded.withLock { $0 } }
    func sleep(_ duration: Duration) async throws {
      recorded.withLock { $0.append(duration) }
      if real { try await Task.sleep(for: duration) }
    }
  }

  func client(
    _ github: GitHubDouble, token: String = token, sleeps: Sleeps = Sleeps(),
    retry: ProviderRetryDecision = ProviderRetryDecision(), log: RequestLog? = nil
  ) -> GitHubClient {
    var configuration = HTTPClient.Configuration(userAgent: "tack-test", log: log)
    configuration.tls.certificateAuthority = Array(github.caPEM.utf8)
    return GitHubClient(
      hostname: github.hostname, token: token, configuration: configuration, retry: retry, sleep: sleeps.sleep)
  }

  func withGitHub(_ body: (GitHubDouble) async throws -> Void) async throws {
    let github = try await GitHubDouble.start(token: Self.token, user: "alice", organizations: ["acme": ["dev", "ops"]], pageSize: 2)
    do { try await body(github) } catch {
      await github.stop()
      throw error
    }
    await github.stop()
  }

  @Test func createsAnOrganisationRepositoryAndFindsItAfterwards() async throws {
    try await withGitHub { github in
      let client = client(github)
      let reference = RepositoryReference(owner: "acme", name: "fleet")
      #expect(try await client.repository(reference) == nil)
      let created = try await client.createRepository(reference, personal: false, visibility: .private)
      #expect(created == HostedRepository(owner: "acme", name: "fleet", defaultBranch: "main", isPrivate: true))
      #expect(github.repository(owner: "acme", name: "fleet")?.visibility == "private")
      #expect(try await client.repository(reference)?.name == "fleet")
      #expect(github.writes == [.init(method: "POST", path: "orgs/acme/repos")])
      #expect(client.httpsCloneURL(created) == "https://\(github.hostname)/acme/fleet.git")
      #expect(client.sshURL(created) == "ssh://git@\(github.hostname)/acme/fleet")
    }
  }

  @Test func aPersonalRepositoryIsCreatedForTheTokensUser() async throws {
    try await withGitHub { github in
      let client = client(github)
      #expect(try await client.authenticatedUser() == "alice")
      let created = try await client.createRepository(.init(owner: "alice", name: "mine"), personal: true, visibility: .public)
      #expect(created.owner == "alice" && created.isPrivate == false)
      #expect(github.writes == [.init(method: "POST", path: "user/repos")])
    }
  }

  @Test func aTakenNameIsAnErrorNamingTheField() async throws {
    try await withGitHub { github in
      try github.seedRepository(owner: "acme", name: "fleet")
      let error = try await #require(throws: ProviderError.self) {
        try await client(github).createRepository(.init(owner: "acme", name: "fleet"), personal: false, visibility: .private)
      }
      #expect(error.kind == .rejected(field: "name"))
      #expect(error.description == #"GitHub: create repository "acme/fleet": rejected the field "name": Repository creation failed.: name already exists on this account (422)"#)
    }
  }

  @Test func aRejectedTokenSaysSoWithoutShowingIt() async throws {
    try await withGitHub { github in
      let lines = Mutex<[String]>([])
      let log = RequestLog(level: 2) { line in lines.withLock { $0.append(line) } }
      let error = try await #require(throws: ProviderError.self) {
        try await client(github, token: "wrong-token-value", log: log).repository(.init(owner: "acme", name: "fleet"))
      }
      #expect(error.kind == .unauthorized)
      #expect(error.description == #"GitHub: get repository "acme/fleet": the token was rejected (401 Bad credentials): check that it is valid and not expired"#)
      #expect(!lines.withLock { $0.joined() }.contains("wrong-token-value"))
      #expect(lines.withLock { $0 }.contains { $0.contains("Authorization: Bearer <masked>") })
    }
  }

  @Test func teamsAreGrantedAndReadBack() async throws {
    try await withGitHub { github in
      try github.seedRepository(owner: "acme", name: "fleet")
      let client = client(github)
      let reference = RepositoryReference(owner: "acme", name: "fleet")
      #expect(try await client.teamPermission(team: "dev", on: reference) == nil)
      try await client.grant(team: "dev", permission: .maintain, on: reference)
      #expect(try await client.teamPermission(team: "dev", on: reference) == .maintain)
      let error = try await #require(throws: ProviderError.self) {
        try await client.grant(team: "nobody", permission: .push, on: reference)
      }
      #expect(error.kind == .notFound)
      #expect(error.exitStatus == .notFound)
    }
  }

  @Test func deployKeysAreListedAcrossPagesAddedAndDeleted() async throws {
    try await withGitHub { github in
      try github.seedRepository(owner: "acme", name: "fleet")
      for index in 1...5 {
        github.seedDeployKey(owner: "acme", name: "fleet", title: "k\(index)", key: "ssh-ed25519 KEY\(index)", readOnly: true)
      }
      let client = client(github)
      let reference = RepositoryReference(owner: "acme", name: "fleet")
      // The double serves two a page, whatever the client asks: three pages through Link.
      let keys = try await client.deployKeys(reference)
      #expect(keys.map(\.title) == ["k1", "k2", "k3", "k4", "k5"])
      #expect(github.requests.filter { $0.path.hasSuffix("/keys") }.count == 3)
      let added = try await client.addDeployKey(.init(title: "flux", key: "ssh-ed25519 NEWKEY flux\n", readOnly: false), to: reference)
      #expect(added.title == "flux" && added.readOnly == false && added.key == "ssh-ed25519 NEWKEY")
      try await client.deleteDeployKey(id: added.id, from: reference)
      #expect(github.repository(owner: "acme", name: "fleet")?.keys.count == 5)
      let reused = try await #require(throws: ProviderError.self) {
        try await client.addDeployKey(.init(title: "again", key: "ssh-ed25519 KEY1", readOnly: true), to: reference)
      }
      #expect(reused.kind == .rejected(field: "key"))
      #expect(reused.description.contains("key is already in use"))
    }
  }

  @Test func aServerErrorOnAReadIsRetriedWithBackoff() async throws {
    try await withGitHub { github in
      try github.seedRepository(owner: "acme", name: "fleet")
      github.fail("GET", pathContains: "repos/acme/fleet", status: 503, times: 2)
      let sleeps = Sleeps()
      let found = try await client(github, sleeps: sleeps).repository(.init(owner: "acme", name: "fleet"))
      #expect(found?.name == "fleet")
      #expect(sleeps.all == [.milliseconds(500), .seconds(1)])
    }
  }

  @Test func aServerErrorOnACreateIsNotSentTwice() async throws {
    try await withGitHub { github in
      github.fail("POST", pathContains: "orgs/acme/repos", status: 502)
      let error = try await #require(throws: ProviderError.self) {
        try await client(github).createRepository(.init(owner: "acme", name: "fleet"), personal: false, visibility: .private)
      }
      #expect(error.kind == .server(status: 502))
      #expect(github.writes.count == 1)
    }
  }

  @Test func aServerErrorThatLastsEndsTheCall() async throws {
    try await withGitHub { github in
      github.fail("GET", pathContains: "repos/acme/fleet", status: 500, times: 10)
      let error = try await #require(throws: ProviderError.self) {
        try await client(github).repository(.init(owner: "acme", name: "fleet"))
      }
      #expect(error.description == #"GitHub: get repository "acme/fleet": the service answered 500: Internal Server Error"#)
      #expect(github.requests.count == 4)
    }
  }

  @Test func aRateLimitResettingSoonIsWaitedOut() async throws {
    try await withGitHub { github in
      try github.seedRepository(owner: "acme", name: "fleet")
      github.exhaustRateLimit(until: Int64(Date().timeIntervalSince1970) + 1)
      let sleeps = Sleeps(real: true)
      let found = try await client(github, sleeps: sleeps).repository(.init(owner: "acme", name: "fleet"))
      #expect(found?.name == "fleet")
      #expect(sleeps.all.count == 1)
      #expect(sleeps.all[0] >= .seconds(1) && sleeps.all[0] <= .seconds(3))
    }
  }

  @Test func aRateLimitResettingLaterEndsWithTheResetTime() async throws {
    try await withGitHub { github in
      let reset = Int64(Date().timeIntervalSince1970) + 3600
      github.exhaustRateLimit(until: reset)
      let sleeps = Sleeps()
      let error = try await #require(throws: ProviderError.self) {
        try await client(github, sleeps: sleeps).repository(.init(owner: "acme", name: "fleet"))
      }
      guard case .rateLimited(let at) = error.kind else { Issue.record("\(error)"); return }
      #expect(at == reset + 1)
      #expect(error.description.contains("the API rate limit is spent until 20"))
      #expect(sleeps.all.isEmpty)
    }
  }
}

extension GitHubClientTests {
  @Test func aPullRequestIsOpenedOnceAndNeedsItsHeadBranch() async throws {
    try await withGitHub { github in
      let bare = try github.seedRepository(owner: "acme", name: "fleet")
      try bare.commit(files: ["a": "1\n"], message: "base")
      let client = client(github)
      let reference = RepositoryReference(owner: "acme", name: "fleet")
      let missing = try await #require(throws: ProviderError.self) {
        try await client.openPullRequest(reference, head: "topic", base: "main", title: "T", body: "B")
      }
      #expect(missing.kind == .rejected(field: "head"))
      try bare.commit(files: ["a": "2\n"], message: "change", branch: "topic")
      let opened = try await client.openPullRequest(reference, head: "topic", base: "main", title: "T", body: "B")
      #expect(opened == PullRequest(number: 1, url: "https://\(github.hostname)/acme/fleet/pull/1", created: true))
      let again = try await client.openPullRequest(reference, head: "topic", base: "main", title: "T", body: "B")
      #expect(again.created == false && again.number == 1)
      #expect(github.pulls(owner: "acme", name: "fleet").count == 1)
    }
  }
}
