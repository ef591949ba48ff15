import TackProviders
import Testing

@Suite struct ProviderRetryDecisionTests {
  let policy = ProviderRetryDecision(maxAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .seconds(1), maxRateLimitWait: .seconds(60))

  @Test func aSpentLimitThatResetsSoonIsWaitedFor() {
    let limit = ProviderRetryDecision.RateLimit(remaining: 0, reset: 1_000_030)
    #expect(policy.decide(status: 403, rateLimit: limit, attempt: 1, repeatable: true, now: 1_000_000) == .retry(after: .seconds(31)))
    // Even a create: the service refused it without doing anything.
    #expect(policy.decide(status: 403, rateLimit: limit, attempt: 1, repeatable: false, now: 1_000_000) == .retry(after: .seconds(31)))
  }

  @Test func aSpentLimitThatResetsLaterEndsWithTheResetTime() {
    let limit = ProviderRetryDecision.RateLimit(remaining: 0, reset: 1_003_600)
    #expect(policy.decide(status: 403, rateLimit: limit, attempt: 1, repeatable: true, now: 1_000_000) == .rateLimited(reset: 1_003_601))
  }

  @Test func aSecondaryLimitFollowsRetryAfter() {
    let limit = ProviderRetryDecision.RateLimit(remaining: 10, retryAfter: 5)
    #expect(policy.decide(status: 429, rateLimit: limit, attempt: 1, repeatable: true, now: 0) == .retry(after: .seconds(5)))
  }

  @Test func aForbiddenAnswerWithLimitLeftIsNoRateLimit() {
    let limit = ProviderRetryDecision.RateLimit(remaining: 4000, reset: 10)
    #expect(policy.decide(status: 403, rateLimit: limit, attempt: 1, repeatable: true, now: 0) == .accept)
  }

  @Test func serverErrorsBackOffForRepeatableRequestsOnly() {
    #expect(policy.decide(status: 503, rateLimit: .init(), attempt: 1, repeatable: true, now: 0) == .retry(after: .milliseconds(100)))
    #expect(policy.decide(status: 500, rateLimit: .init(), attempt: 3, repeatable: true, now: 0) == .retry(after: .milliseconds(400)))
    #expect(policy.decide(status: 502, rateLimit: .init(), attempt: 4, repeatable: true, now: 0) == .accept)
    #expect(policy.decide(status: 503, rateLimit: .init(), attempt: 1, repeatable: false, now: 0) == .accept)
    #expect(policy.decide(status: nil, rateLimit: .init(), attempt: 1, repeatable: true, now: 0) == .retry(after: .milliseconds(100)))
    #expect(policy.decide(status: 404, rateLimit: .init(), attempt: 1, repeatable: true, now: 0) == .accept)
  }

  @Test func headersOfEitherSpellingAreRead() {
    let github = ProviderRetryDecision.RateLimit { ["x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000000"][$0] }
    #expect(github == .init(remaining: 0, reset: 1_700_000_000))
    let gitlab = ProviderRetryDecision.RateLimit { ["ratelimit-remaining": "3", "retry-after": "7"][$0] }
    #expect(gitlab == .init(remaining: 3, retryAfter: 7))
  }
}

@Suite struct LinkHeaderTests {
  @Test func findsTheNextPage() {
    let header = #"<https://api.github.com/repositories/1/keys?per_page=2&page=2>; rel="next", <https://api.github.com/repositories/1/keys?per_page=2&page=5>; rel="last""#
    #expect(LinkHeader.target(header, relation: "next") == "https://api.github.com/repositories/1/keys?per_page=2&page=2")
    #expect(LinkHeader.target(header, relation: "last")?.hasSuffix("page=5") == true)
    #expect(LinkHeader.target(header, relation: "prev") == nil)
  }

  @Test func commasInsideATargetDoNotSplitIt() {
    #expect(LinkHeader.target(#"<https://h/x?a=1,2>; rel="next""#, relation: "next") == "https://h/x?a=1,2")
  }
}

@Suite struct GitHubEndpointTests {
  @Test func githubDotComAndEnterprise() {
    #expect(GitHubEndpoint(hostname: "") == GitHubEndpoint(hostname: "github.com"))
    #expect(GitHubEndpoint(hostname: "").apiBaseURL == "https://api.github.com/")
    let enterprise = GitHubEndpoint(hostname: "http://ghe.example.com:8443/")
    #expect(enterprise.host == "ghe.example.com:8443")
    #expect(enterprise.apiBaseURL == "https://ghe.example.com:8443/api/v3/")
  }
}

@Suite struct DeployKeyTests {
  @Test func aKeyMatchesItsDraftWhateverTheComment() {
    let registered = DeployKey(id: "1", title: "t", key: "ssh-ed25519 AAAA", readOnly: true)
    #expect(registered.matches(.init(title: "t", key: "ssh-ed25519 AAAA flux\n", readOnly: true)))
    #expect(!registered.matches(.init(title: "t", key: "ssh-ed25519 AAAA", readOnly: false)))
    #expect(!registered.matches(.init(title: "t", key: "ssh-ed25519 BBBB", readOnly: true)))
  }
}

@Suite struct ProviderSecretTests {
  @Test func clientsNeverShowTheirToken() {
    let clients: [any GitHostingProvider] = [
      GitHubClient(hostname: "", token: "tok-github-1"), GitLabClient(hostname: "", token: "tok-gitlab-1"),
      GiteaClient(hostname: "", token: "tok-gitea-1"),
      BitbucketServerClient(hostname: "bb.example.com", token: "tok-bb-1", username: "u"),
    ]
    for client in clients {
      let shown = "\(client) \(String(reflecting: client))"
      #expect(!shown.contains("tok-"), "\(shown)")
    }
  }
}
