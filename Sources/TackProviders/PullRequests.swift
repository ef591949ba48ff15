/// An open pull (merge) request.
public struct PullRequest: Sendable, Equatable {
  public var number: Int
  /// Its web page.
  public var url: String
  /// False when one was already open for the branch (it is reused, as create-pull-request does).
  public var created: Bool
  /// How the service writes a reference to it: `#` before the number, or GitLab's `!`.
  public var sigil: String

  public init(number: Int, url: String, created: Bool, sigil: String = "#") {
    self.number = number
    self.url = url
    self.created = created
    self.sigil = sigil
  }

  /// `#12`, `!12`.
  public var reference: String { sigil + String(number) }
}

/// Services tack can open a pull request on.
public protocol PullRequestOpening: Sendable {
  /// The open pull request from `head` into `base`, or a new one with this title and body.
  func openPullRequest(_ reference: RepositoryReference, head: String, base: String, title: String, body: String)
    async throws -> PullRequest
}

/// The one flow every service shares: reuse an open request, else create one; when the create is
/// refused because one appeared in between (GitHub 422, GitLab, Gitea and Bitbucket 409), list
/// again and reuse that.
enum PullRequestReuse {
  static func open(
    find: () async throws -> PullRequest?, create: () async throws -> PullRequest
  ) async throws -> PullRequest {
    if let open = try await find() { return open }
    do {
      return try await create()
    } catch let error as ProviderError {
      guard case .rejected = error.kind, let open = try await find() else { throw error }
      return open
    }
  }
}
