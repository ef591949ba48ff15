import TackJSON

/// Gitea's pull requests (reference: git-providers-and-oci §2.2): the list filters only by state,
/// so the head and base branches are matched here; a duplicate create is a 409.
extension GiteaClient: PullRequestOpening {
  public func openPullRequest(
    _ reference: RepositoryReference, head: String, base: String, title: String, body: String
  ) async throws -> PullRequest {
    let step = "open a pull request from \"\(head)\" into \"\(base)\" of \"\(reference)\""
    return try await PullRequestReuse.open {
      let open = try await api.list(path(reference) + "/pulls?state=open&limit=50", step: step)
      let existing = open.first {
        $0[path: "head", "ref"]?.stringValue == head && $0[path: "base", "ref"]?.stringValue == base
      }
      return try existing.map { try pull($0, created: false, step: step) }
    } create: {
      let request: JSON = ["head": .string(head), "base": .string(base), "title": .string(title), "body": .string(body)]
      let answer = try await api.call("POST", path(reference) + "/pulls", body: request, step: step)
      return try pull(answer.json ?? .null, created: true, step: step)
    }
  }

  func pull(_ json: JSON, created: Bool, step: String) throws -> PullRequest {
    guard let number = json["number"]?.intValue else {
      throw ProviderError(.invalidResponse, service: service, step: step, detail: "the pull request has no number")
    }
    return PullRequest(number: number, url: json["html_url"]?.stringValue ?? "", created: created)
  }
}
