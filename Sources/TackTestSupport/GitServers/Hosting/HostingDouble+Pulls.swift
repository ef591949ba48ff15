import Foundation
import NIOHTTP1
import TackJSON

/// Pull (merge) requests in each dialect (reference §1.2 rows 12–13, §2.1–§2.3): a request needs
/// both branches in the real repository, and a second one for the same branches is refused the
/// way the service refuses it (GitHub 422, the others 409). All are open; numbers count per
/// repository.
extension HostingDouble {
  /// Whether `refs/heads/branch` exists in the bare repository behind `key` (`owner/name`).
  func branchExists(_ key: String, _ branch: String) -> Bool {
    guard !branch.isEmpty else { return false }
    let bare = "\(projectRoot)/\(key).git"
    return (try? ProcessRunner.output(["git", "--git-dir", bare, "rev-parse", "--verify", "--quiet", "refs/heads/\(branch)"])) != nil
  }

  /// GitHub: list with `state`/`head`/`base` filters, create with 422 for a missing branch or a
  /// duplicate.
  func githubPulls(_ method: String, owner: String, name: String, query: [String: String], body: JSON, state: inout State)
    -> Backend.Response
  {
    let key = "\(owner)/\(name)"
    guard state.repositories[key] != nil else { return notFound() }
    let pulls = state.pulls[key] ?? []
    func json(_ pull: Pull) -> JSON {
      [
        "number": .int(pull.number), "state": "open", "title": .string(pull.title), "body": .string(pull.body),
        "html_url": .string("https://\(hostname)/\(key)/pull/\(pull.number)"),
        "head": ["ref": .string(pull.head), "label": .string("\(owner):\(pull.head)")], "base": ["ref": .string(pull.base)],
      ]
    }
    if method == "GET" {
      let head = query["head"].map { $0.hasPrefix("\(owner):") ? String($0.dropFirst(owner.count + 1)) : $0 }
      let matching = pulls.filter { (head == nil || $0.head == head) && (query["base"] == nil || $0.base == query["base"]) }
      return answer(200, .array(matching.map(json)))
    }
    guard method == "POST" else { return notFound() }
    let head = body["head"]?.stringValue ?? ""
    let base = body["base"]?.stringValue ?? ""
    let title = body["title"]?.stringValue ?? ""
    guard !title.isEmpty else { return validation("PullRequest", field: "title", code: "missing_field", message: nil) }
    for (field, branch) in [("head", head), ("base", base)] where !branchExists(key, branch) {
      return validation("PullRequest", field: field, code: "invalid", message: nil)
    }
    if pulls.contains(where: { $0.head == head && $0.base == base }) {
      return validation("PullRequest", field: nil, code: "custom", message: "A pull request already exists for \(owner):\(head).")
    }
    let pull = Pull(number: pulls.count + 1, head: head, base: base, title: title, body: body["body"]?.stringValue ?? "")
    state.pulls[key, default: []].append(pull)
    return answer(201, json(pull))
  }
}

extension HostingDouble {
  /// GitLab: `GET …/merge_requests?state=opened&source_branch=&target_branch=`, `POST` with
  /// `source_branch`/`target_branch`/`title`/`description`; a duplicate is 409 with the message
  /// list. `key` is the project's decoded path.
  func gitlabMergeRequests(_ method: String, key: String, query: [String: String], body: JSON, state: inout State)
    -> Backend.Response
  {
    guard state.repositories[key] != nil else { return answer(404, ["message": "404 Project Not Found"]) }
    let pulls = state.pulls[key] ?? []
    func json(_ pull: Pull) -> JSON {
      [
        "id": .int(1000 + pull.number), "iid": .int(pull.number), "state": "opened", "title": .string(pull.title),
        "description": .string(pull.body), "source_branch": .string(pull.head), "target_branch": .string(pull.base),
        "web_url": .string("https://\(hostname)/\(key)/-/merge_requests/\(pull.number)"),
      ]
    }
    if method == "GET" {
      guard query["state"] == nil || query["state"] == "opened" || query["state"] == "all" else { return answer(200, []) }
      let matching = pulls.filter {
        (query["source_branch"] == nil || $0.head == query["source_branch"])
          && (query["target_branch"] == nil || $0.base == query["target_branch"])
      }
      return answer(200, .array(matching.map(json)), extra: [("X-Page", "1"), ("X-Next-Page", "")])
    }
    guard method == "POST" else { return answer(404, ["error": "404 Not Found"]) }
    let head = body["source_branch"]?.stringValue ?? ""
    let base = body["target_branch"]?.stringValue ?? ""
    let title = body["title"]?.stringValue ?? ""
    guard !title.isEmpty else { return answer(400, ["message": ["title": ["can't be blank"]]]) }
    // The shape of a missing-branch answer is not established (reference §7); a field map is GitLab's usual 400.
    for (field, branch) in [("source_branch", head), ("target_branch", base)] where !branchExists(key, branch) {
      return answer(400, ["message": .object(JSONObject([.init(key: field, value: ["is invalid"])]))])
    }
    if let open = pulls.first(where: { $0.head == head && $0.base == base }) {
      return answer(409, ["message": [.string("Another open merge request already exists for this source branch: !\(open.number)")]])
    }
    let pull = Pull(number: pulls.count + 1, head: head, base: base, title: title, body: body["description"]?.stringValue ?? "")
    state.pulls[key, default: []].append(pull)
    return answer(201, json(pull))
  }

  /// Gitea: `GET …/pulls?state=open` paged by `page`/`limit` with `Link` (no branch filters),
  /// `POST` with `head`/`base`/`title`/`body`; a duplicate is 409.
  func giteaPulls(_ method: String, key: String, query: [String: String], body: JSON, state: inout State)
    -> Backend.Response
  {
    guard state.repositories[key] != nil else { return giteaNotFound() }
    let pulls = state.pulls[key] ?? []
    func json(_ pull: Pull) -> JSON {
      [
        "id": .int(500 + pull.number), "number": .int(pull.number), "state": "open", "title": .string(pull.title),
        "body": .string(pull.body), "html_url": .string("https://\(hostname)/\(key)/pulls/\(pull.number)"),
        "head": ["ref": .string(pull.head), "label": .string(pull.head)],
        "base": ["ref": .string(pull.base), "label": .string(pull.base)],
      ]
    }
    if method == "GET" {
      let listed = query["state"] == "closed" ? [] : pulls
      let limit = max(1, min(Int(query["limit"] ?? "") ?? pageSize, pageSize))
      let page = max(1, Int(query["page"] ?? "") ?? 1)
      var extra: [(String, String)] = [("X-Total-Count", String(listed.count))]
      if page * limit < listed.count {
        extra.append(("Link", "<https://\(hostname)/api/v1/repos/\(key)/pulls?state=open&limit=\(limit)&page=\(page + 1)>; rel=\"next\""))
      }
      return answer(200, .array(listed.dropFirst((page - 1) * limit).prefix(limit).map(json)), extra: extra)
    }
    guard method == "POST" else { return giteaNotFound() }
    let head = body["head"]?.stringValue ?? ""
    let base = body["base"]?.stringValue ?? ""
    let title = body["title"]?.stringValue ?? ""
    guard !title.isEmpty else { return answer(422, ["message": "[Title]: Required", "url": ""]) }
    for branch in [head, base] where !branchExists(key, branch) { return giteaNotFound() }
    if pulls.contains(where: { $0.head == head && $0.base == base }) {
      return answer(409, ["message": "pull request already exists for these targets", "url": ""])
    }
    let pull = Pull(number: pulls.count + 1, head: head, base: base, title: title, body: body["body"]?.stringValue ?? "")
    state.pulls[key, default: []].append(pull)
    return answer(201, json(pull))
  }

  /// Bitbucket Server: `GET …/pull-requests?state=OPEN&at=refs/heads/B&direction=OUTGOING` as a
  /// paged body, `POST` with `fromRef`/`toRef`; a duplicate is 409 `DuplicatePullRequestException`
  /// carrying `existingPullRequest`. `key` is `PROJECT/slug`.
  func bitbucketPullRequests(_ method: String, key: String, query: [String: String], body: JSON, state: inout State)
    -> Backend.Response
  {
    guard state.repositories[key] != nil else { return bitbucketNotFound("Repository \(key)") }
    let pulls = state.pulls[key] ?? []
    let parts = key.split(separator: "/").map(String.init)
    func json(_ pull: Pull) -> JSON {
      let repository: JSON = ["slug": .string(parts[1]), "project": ["key": .string(parts[0])]]
      return [
        "id": .int(pull.number), "version": 0, "title": .string(pull.title), "description": .string(pull.body),
        "state": "OPEN", "open": true, "closed": false, "locked": false,
        "fromRef": ["id": .string("refs/heads/\(pull.head)"), "displayId": .string(pull.head), "repository": repository],
        "toRef": ["id": .string("refs/heads/\(pull.base)"), "displayId": .string(pull.base), "repository": repository],
        "links": ["self": [["href": .string("https://\(hostname)/projects/\(parts[0])/repos/\(parts[1])/pull-requests/\(pull.number)")]]],
      ]
    }
    func branch(_ ref: String?) -> String? {
      guard let ref, ref.hasPrefix("refs/heads/") else { return ref }
      return String(ref.dropFirst("refs/heads/".count))
    }
    if method == "GET" {
      let listed = query["state"].map { $0.uppercased() == "OPEN" || $0.uppercased() == "ALL" } ?? true ? pulls : []
      let at = branch(query["at"])
      // OUTGOING (the default) matches `at` against the source ref, INCOMING against the target.
      let incoming = query["direction"]?.uppercased() == "INCOMING"
      let matching = listed.filter { at == nil || (incoming ? $0.base : $0.head) == at }
      return bitbucketPage(matching.map(json), query: query)
    }
    guard method == "POST" else { return bitbucketNotFound("resource") }
    let title = body["title"]?.stringValue ?? ""
    guard !title.isEmpty else {
      return answer(400, bitbucketErrors("title", "A title is required.", "com.atlassian.bitbucket.validation.ArgumentValidationException"))
    }
    guard let head = branch(body[path: "fromRef", "id"]?.stringValue), let base = branch(body[path: "toRef", "id"]?.stringValue)
    else { return answer(400, bitbucketErrors("fromRef", "fromRef and toRef are required.", "com.atlassian.bitbucket.validation.ArgumentValidationException")) }
    for name in [head, base] where !branchExists(key, name) {
      return bitbucketNotFound("Repository ref 'refs/heads/\(name)'")
    }
    if let open = pulls.first(where: { $0.head == head && $0.base == base }) {
      var error = bitbucketErrors(
        nil, "Only one pull request may be open for a given source and target branch",
        "com.atlassian.bitbucket.pull.DuplicatePullRequestException")
      if var items = error["errors"]?.arrayValue, var first = items.first?.objectValue {
        first["existingPullRequest"] = json(open)
        items[0] = .object(first)
        error = ["errors": .array(items)]
      }
      return answer(409, error)
    }
    let pull = Pull(number: pulls.count + 1, head: head, base: base, title: title, body: body["description"]?.stringValue ?? "")
    state.pulls[key, default: []].append(pull)
    return answer(201, json(pull))
  }
}
