import Testing

@testable import TackGit

@Suite struct CredentialPlanTests {
  let https = try! GitURL.parse("https://example.com/org/repo.git")
  let ssh = try! GitURL.parse("ssh://git@example.com/org/repo.git")

  @Test func basicAuthIsOfferedOnceThenStops() throws {
    var plan = CredentialPlan(authentication: .basic(username: "u", password: "p"), url: https)
    #expect(try plan.next(allowed: .userPassPlaintext, usernameFromURL: nil).get() == .userPass(username: "u", password: "p"))
    guard case .failure(let error) = plan.next(allowed: .userPassPlaintext, usernameFromURL: nil) else {
      Issue.record("a second request must fail")
      return
    }
    #expect(error.code == .authenticationFailed)
    #expect(!error.description.contains("p\""))
  }

  @Test func bearerTokenBeingAskedForMeansRejected() {
    var plan = CredentialPlan(authentication: .bearerToken("zq-secret-42"), url: https)
    guard case .failure(let error) = plan.next(allowed: .userPassPlaintext, usernameFromURL: nil) else {
      Issue.record("expected failure")
      return
    }
    #expect(error.code == .authenticationFailed)
    #expect(!error.description.contains("zq-secret-42"))
  }

  @Test func sshKeyHonoursAllowedTypes() throws {
    var plan = CredentialPlan(
      authentication: .sshKey(username: nil, key: .openSSH("KEY"), passphrase: nil), url: ssh)
    guard case .failure = plan.next(allowed: .userPassPlaintext, usernameFromURL: "git") else {
      Issue.record("password-only server must not get the key")
      return
    }
    var second = CredentialPlan(
      authentication: .sshKey(username: nil, key: .openSSH("KEY"), passphrase: "pw"), url: ssh)
    #expect(
      try second.next(allowed: [.sshKey, .sshMemory], usernameFromURL: "git").get()
        == .sshKeyMemory(username: "git", privateKey: "KEY", passphrase: "pw"))
    guard case .failure(let error) = second.next(allowed: [.sshKey, .sshMemory], usernameFromURL: "git") else {
      Issue.record("the key must be offered once")
      return
    }
    #expect(error.code == .authenticationFailed)
  }

  @Test func sshUsernameComesFromURLThenConfigThenGit() throws {
    let noUser = try GitURL.parse("ssh://example.com/repo")
    var plan = CredentialPlan(authentication: .sshAgent(username: "deploy"), url: noUser)
    #expect(try plan.next(allowed: .username, usernameFromURL: nil).get() == .username("deploy"))
    var fallback = CredentialPlan(authentication: .none, url: noUser)
    #expect(try fallback.next(allowed: .username, usernameFromURL: nil).get() == .username("git"))
    #expect(try fallback.next(allowed: [.sshKey, .sshMemory], usernameFromURL: "git").get() == .sshAgent(username: "git"))
  }

  @Test func anonymousHTTPSAskedForCredentialsFails() {
    var plan = CredentialPlan(authentication: .none, url: https)
    guard case .failure(let error) = plan.next(allowed: .userPassPlaintext, usernameFromURL: nil) else {
      Issue.record("expected failure")
      return
    }
    #expect(error.description.contains("requires authentication"))
  }
}
