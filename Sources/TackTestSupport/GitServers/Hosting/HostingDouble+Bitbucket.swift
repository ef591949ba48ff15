import Foundation
import NIOHTTP1
import TackJSON

/// Bitbucket Server's routes: projects found by name (key = the name in capitals here), repos
/// under `/rest/api/1.0`, access keys under `/rest/keys/1.0`, group permissions, paged bodies
/// (`start`/`limit`, `isLastPage`, `nextPageStart`), `X-AUSERNAME` on answers, errors as
/// `{"errors":[{context, message, exceptionName}]}`.
extension HostingDouble {
  func routeBitbucket(_ method: String, _ s: [String], query: [String: String], body: JSON, state: inout State)
    -> Backend.Response
  {
    guard s.count >= 3, s[1] == "1.0", s[2] == "projects" else { return bitbucketNotFound("resource") }
    let rest = Array(s.dropFirst(3))
    let projects = Dictionary(uniqueKeysWithValues: organizations.keys.map { ($0.uppercased(), $0) })
    if s[0] == "api", rest.isEmpty, method == "GET" {
      let wanted = query["name"]
      let values: [JSON] = projects.sorted { $0.key < $1.key }.filter { wanted == nil || $0.value == wanted }.map {
        ["key": .string($0.key), "name": .string($0.value), "id": 1]
      }
      return bitbucketPage(values, query: query)
    }
    guard let key = rest.first, projects[key] != nil || key == "~\(user)" else { return bitbucketNotFound("Project \(rest.first ?? "")") }
    switch (s[0], method, rest.count) {
    case ("api", "GET", 1):
      return answer(200, ["key": .string(key), "name": .string(projects[key] ?? key), "id": 1])
    case ("api", "POST", 2) where rest[1] == "repos":
      let name = body["name"]?.stringValue ?? ""
      guard !name.isEmpty else { return answer(400, bitbucketErrors("name", "A repository name is required.", "com.atlassian.bitbucket.validation.ArgumentValidationException")) }
      let slug = name.lowercased()
      guard state.repositories["\(key)/\(slug)"] == nil else {
        return answer(409, bitbucketErrors("name", "This repository URL is already taken by '\(slug)' in '\(key)'", "com.atlassian.bitbucket.repository.DuplicateRepositoryNameException"))
      }
      do { try createBare(owner: key, name: slug) } catch { return answer(500, bitbucketErrors(nil, "\(error)", "java.lang.Exception")) }
      let repository = Repository(owner: key, name: slug, isPrivate: true, visibility: "private")
      state.repositories["\(key)/\(slug)"] = repository
      return answer(201, .object(bitbucketRepositoryJSON(repository)), extra: [("X-AUSERNAME", user)])
    case ("api", "GET", 3) where rest[1] == "repos":
      guard let repository = state.repositories["\(key)/\(rest[2])"] else { return bitbucketNotFound("Repository \(key)/\(rest[2])") }
      return answer(200, .object(bitbucketRepositoryJSON(repository)), extra: [("X-AUSERNAME", user)])
    case ("api", "GET", 5) where rest[1] == "repos" && rest[3] == "branches" && rest[4] == "default":
      guard state.repositories["\(key)/\(rest[2])"] != nil else { return bitbucketNotFound("Repository") }
      return answer(200, ["id": "refs/heads/main", "displayId": "main"])
    case ("api", _, 5) where rest[1] == "repos" && rest[3] == "permissions" && rest[4] == "groups":
      guard let repository = state.repositories["\(key)/\(rest[2])"] else { return bitbucketNotFound("Repository") }
      if method == "GET" {
        let values: [JSON] = repository.teams.sorted { $0.key < $1.key }
          .filter { query["filter"] == nil || $0.key.contains(query["filter"]!) }
          .map { ["group": ["name": .string($0.key)], "permission": .string($0.value)] }
        return bitbucketPage(values, query: query)
      }
      guard method == "PUT", let group = query["name"], let permission = query["permission"],
        ["REPO_READ", "REPO_WRITE", "REPO_ADMIN"].contains(permission)
      else { return answer(400, bitbucketErrors("permission", "The permission is invalid.", "com.atlassian.bitbucket.validation.ArgumentValidationException")) }
      guard organizations.values.contains(where: { $0.contains(group) }) else { return bitbucketNotFound("Group \(group)") }
      state.repositories["\(key)/\(rest[2])"]?.teams[group] = permission
      return Backend.Response(status: .noContent, headers: rateHeaders(), body: [])
    case ("api", _, 4) where rest[1] == "repos" && rest[3] == "pull-requests":
      return bitbucketPullRequests(method, key: "\(key)/\(rest[2])", query: query, body: body, state: &state)
    case ("keys", "GET", 4) where rest[1] == "repos" && rest[3] == "ssh":
      guard let repository = state.repositories["\(key)/\(rest[2])"] else { return bitbucketNotFound("Repository") }
      return bitbucketPage(repository.keys.map(bitbucketKeyJSON), query: query)
    case ("keys", "POST", 4) where rest[1] == "repos" && rest[3] == "ssh":
      guard let repository = state.repositories["\(key)/\(rest[2])"] else { return bitbucketNotFound("Repository") }
      let text = body[path: "key", "text"]?.stringValue ?? ""
      let label = body[path: "key", "label"]?.stringValue ?? ""
      let material = text.split(separator: " ").prefix(2).joined(separator: " ")
      guard text.hasPrefix("ssh-") || text.hasPrefix("ecdsa-") else {
        return answer(400, bitbucketErrors("text", "The SSH key is invalid.", "com.atlassian.bitbucket.ssh.InvalidSshKeyException"))
      }
      guard let permission = body["permission"]?.stringValue, ["REPO_READ", "REPO_WRITE"].contains(permission) else {
        return answer(400, bitbucketErrors("permission", "The permission is invalid.", "com.atlassian.bitbucket.validation.ArgumentValidationException"))
      }
      if repository.keys.contains(where: { $0.key == material }) {
        return answer(409, bitbucketErrors("text", "This SSH key is already used.", "com.atlassian.bitbucket.ssh.DuplicateSshKeyException"))
      }
      let created = Key(id: state.nextKeyID, title: label, key: material, readOnly: permission == "REPO_READ")
      state.nextKeyID += 1
      state.repositories["\(key)/\(rest[2])"]?.keys.append(created)
      installKeys(state)
      return answer(201, bitbucketKeyJSON(created))
    case ("keys", "DELETE", 5) where rest[1] == "repos" && rest[3] == "ssh":
      guard let id = Int(rest[4]), let index = state.repositories["\(key)/\(rest[2])"]?.keys.firstIndex(where: { $0.id == id })
      else { return bitbucketNotFound("SSH key") }
      state.repositories["\(key)/\(rest[2])"]?.keys.remove(at: index)
      installKeys(state)
      return Backend.Response(status: .noContent, headers: rateHeaders(), body: [])
    default:
      return bitbucketNotFound("resource")
    }
  }

  func bitbucketPage(_ values: [JSON], query: [String: String]) -> Backend.Response {
    let start = max(0, Int(query["start"] ?? "") ?? 0)
    let limit = max(1, min(Int(query["limit"] ?? "") ?? 25, pageSize))
    let page = Array(values.dropFirst(start).prefix(limit))
    let last = start + page.count >= values.count
    var json: JSONObject = [
      "size": .int(page.count), "limit": .int(limit), "start": .int(start), "isLastPage": .bool(last),
      "values": .array(page),
    ]
    if !last { json["nextPageStart"] = .int(start + page.count) }
    return answer(200, .object(json))
  }

  func bitbucketRepositoryJSON(_ repository: Repository) -> JSONObject {
    [
      "slug": .string(repository.name), "name": .string(repository.name), "scmId": "git", "public": false,
      "project": ["key": .string(repository.owner)],
      "links": [
        "clone": [
          ["name": "http", "href": .string("https://\(hostname)/scm/\(repository.owner)/\(repository.name).git")],
          ["name": "ssh", "href": .string("ssh://git@\(hostname)/\(repository.owner)/\(repository.name).git")],
        ]
      ],
    ]
  }

  func bitbucketKeyJSON(_ key: Key) -> JSON {
    ["key": ["id": .int(key.id), "text": .string(key.key), "label": .string(key.title)], "permission": .string(key.readOnly ? "REPO_READ" : "REPO_WRITE")]
  }

  func bitbucketErrors(_ context: String?, _ message: String, _ exception: String) -> JSON {
    ["errors": [["context": context.map { .string($0) } ?? .null, "message": .string(message), "exceptionName": .string(exception)]]]
  }

  func bitbucketNotFound(_ what: String) -> Backend.Response {
    answer(404, bitbucketErrors(nil, "\(what) does not exist.", "com.atlassian.bitbucket.NoSuchEntityException"))
  }
}
