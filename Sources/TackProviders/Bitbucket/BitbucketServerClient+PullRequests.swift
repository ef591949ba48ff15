import TackJSON

/// Bitbucket Server's pull requests (reference: git-providers-and-oci §2.3): open ones found by
/// their source ref (`at=refs/heads/B`, `direction=OUTGOING`) and matched on `toRef.id`; created
/// between two refs of the same repository; numbered by `id`, linked by `links.self[0].href`.
extension BitbucketServerClient: PullRequestOpening {
  public func openPullRequest(
    _ reference: RepositoryReference, head: String, base: String, title: String, body: String
  ) async throws -> PullRequest {
    let step = "open a pull request from \"\(head)\" into \"\(base)\" of \"\(reference)\""
    let key = try await projectKey(reference.owner, step: step)
    let pulls = "api/1.0/" + repoPath(key, reference.name) + "/pull-requests"
    let query = "?state=OPEN&direction=OUTGOING&at=" + PathSegment.encode("refs/heads/\(head)")
    return try await PullRequestReuse.open {
      let open = try await values(pulls + query, step: step)
      let existing = open.first {
        $0[path: "fromRef", "id"]?.stringValue == "refs/heads/\(head)"
          && $0[path: "toRef", "id"]?.stringValue == "refs/heads/\(base)"
      }
      return try existing.map { try pullRequest($0, created: false, step: step) }
    } create: {
      let repository: JSON = ["slug": .string(reference.name), "project": ["key": .string(key)]]
      let request: JSON = [
        "title": .string(title), "description": .string(body), "state": "OPEN", "open": true, "closed": false,
        "locked": false,
        "fromRef": ["id": .string("refs/heads/\(head)"), "repository": repository],
        "toRef": ["id": .string("refs/heads/\(base)"), "repository": repository],
      ]
      let answer = try await api.call("POST", pulls, body: request, step: step)
      return try pullRequest(answer.json ?? .null, created: true, step: step)
    }
  }

  func pullRequest(_ json: JSON, created: Bool, step: String) throws -> PullRequest {
    guard let id = json["id"]?.intValue else {
      throw ProviderError(.invalidResponse, service: service, step: step, detail: "the pull request has no id")
    }
    let link = json[path: "links", "self"]?.arrayValue?.first?["href"]?.stringValue
    return PullRequest(number: id, url: link ?? "", created: created)
  }
}
