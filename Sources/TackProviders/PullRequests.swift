/// An open pull (merge) request.
public struct PullRequest: Sendable, Equatable {
  public var number: Int
  /// Its web page.
  public var url: String
  /// False when one was already open for the branch (it is reused, as create-pull-request does).
  public var created: Bool

  public init(number: Int, url: String, created: Bool) {
    self.number = number
    self.url = url
    self.created = created
  }
}

/// Services tack can open a pull request on (GitHub so far).
public protocol PullRequestOpening: Sendable {
  /// The open pull request from `head` into `base`, or a new one with this title and body.
  func openPullRequest(_ reference: RepositoryReference, head: String, base: String, title: String, body: String)
    async throws -> PullRequest
}
