import Synchronization
import Testing

@testable import TackProviders

/// The flow every service shares: reuse an open request; when a create loses a race (the service
/// says a duplicate exists), list again and reuse the winner.
@Suite struct PullRequestReuseTests {
  static let open = PullRequest(number: 7, url: "https://example.invalid/pull/7", created: false)

  @Test func aDuplicateRefusedOnCreateIsFoundAgainAndReused() async throws {
    let finds = Mutex(0)
    let result = try await PullRequestReuse.open {
      // Nothing open the first time; the one someone else opened meanwhile the second.
      finds.withLock { $0 += 1; return $0 } == 1 ? nil : Self.open
    } create: {
      throw ProviderError(.rejected(field: nil), service: "Gitea", step: "open", detail: "pull request already exists (409)")
    }
    #expect(result == Self.open)
    #expect(finds.withLock { $0 } == 2)
  }

  @Test func otherErrorsAndUnexplainedRefusalsPassThrough() async throws {
    let forbidden = await #expect(throws: ProviderError.self) {
      try await PullRequestReuse.open { nil } create: {
        throw ProviderError(.forbidden, service: "GitLab", step: "open", detail: "")
      }
    }
    #expect(forbidden?.kind == .forbidden)
    let refused = await #expect(throws: ProviderError.self) {
      try await PullRequestReuse.open { nil } create: {
        throw ProviderError(.rejected(field: "title"), service: "GitLab", step: "open", detail: "")
      }
    }
    #expect(refused?.kind == .rejected(field: "title"))
  }
}
