import TackJSON

/// GitLab's merge requests (reference: git-providers-and-oci §2.1): listed by state and both
/// branches, created with `source_branch`/`target_branch`/`description`, numbered by `iid`.
extension GitLabClient: PullRequestOpening {
  public func openPullRequest(
    _ reference: RepositoryReference, head: String, base: String, title: String, body: String
  ) async throws -> PullRequest {
    let step = "open a merge request from \"\(head)\" into \"\(base)\" of \"\(reference)\""
    let query = "state=opened&source_branch=\(PathSegment.encode(head))&target_branch=\(PathSegment.encode(base))"
    return try await PullRequestReuse.open {
      let open = try await api.list(path(reference) + "/merge_requests?" + query, step: step)
      // The filters are the server's; checking them again costs nothing and guards a lax proxy.
      let existing = open.first {
        $0["source_branch"]?.stringValue == head && ($0["target_branch"]?.stringValue ?? base) == base
      }
      return try existing.map { try mergeRequest($0, created: false, step: step) }
    } create: {
      let request: JSON = [
        "source_branch": .string(head), "target_branch": .string(base), "title": .string(title),
        "description": .string(body),
      ]
      let answer = try await api.call("POST", path(reference) + "/merge_requests", body: request, step: step)
      return try mergeRequest(answer.json ?? .null, created: true, step: step)
    }
  }

  func mergeRequest(_ json: JSON, created: Bool, step: String) throws -> PullRequest {
    guard let iid = json["iid"]?.intValue else {
      throw ProviderError(.invalidResponse, service: service, step: step, detail: "the merge request has no iid")
    }
    return PullRequest(number: iid, url: json["web_url"]?.stringValue ?? "", created: created, sigil: "!")
  }
}
