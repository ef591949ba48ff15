import Foundation
import NIOHTTP1
import TackJSON

/// GitHub's pull requests (reference §1.2 rows 12–13): list with `state`/`head`/`base` filters,
/// create with 422 for a missing head branch or a duplicate.
extension HostingDouble {
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
    let bare = "\(projectRoot)/\(key).git"
    for (field, branch) in [("head", head), ("base", base)] {
      let exists = (try? ProcessRunner.output(["git", "--git-dir", bare, "rev-parse", "--verify", "--quiet", "refs/heads/\(branch)"])) != nil
      if branch.isEmpty || !exists { return validation("PullRequest", field: field, code: "invalid", message: nil) }
    }
    if pulls.contains(where: { $0.head == head && $0.base == base }) {
      return validation("PullRequest", field: nil, code: "custom", message: "A pull request already exists for \(owner):\(head).")
    }
    let pull = Pull(number: pulls.count + 1, head: head, base: base, title: title, body: body["body"]?.stringValue ?? "")
    state.pulls[key, default: []].append(pull)
    return answer(201, json(pull))
  }
}
