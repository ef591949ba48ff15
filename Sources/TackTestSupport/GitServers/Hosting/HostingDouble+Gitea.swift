import Foundation
import NIOHTTP1
import TackJSON

/// Gitea's routes (API v1): `token` auth, `org/{org}/repos` (and `orgs/`), teams added with the
/// team's own permission, keys paged with `page`/`limit` and `Link`, `{"message","url"}` errors.
extension HostingDouble {
  func routeGitea(_ method: String, _ s: [String], query: [String: String], body: JSON, state: inout State)
    -> Backend.Response
  {
    switch (method, s.count) {
    case ("GET", 1) where s == ["version"]:
      return answer(200, ["version": "1.22.0"])
    case ("GET", 1) where s == ["user"]:
      return answer(200, ["login": .string(user), "id": 1, "username": .string(user)])
    case ("GET", 3) where s[0] == "repos":
      guard let repository = state.repositories["\(s[1])/\(s[2])"] else { return giteaNotFound() }
      return answer(200, .object(repositoryJSON(repository)))
    case ("POST", 3) where (s[0] == "org" || s[0] == "orgs") && s[2] == "repos":
      guard organizations[s[1]] != nil else { return giteaNotFound() }
      return create(owner: s[1], body: body, state: &state)
    case ("POST", 2) where s == ["user", "repos"]:
      return create(owner: user, body: body, state: &state)
    case (_, 5) where s[0] == "repos" && s[3] == "teams":
      guard let teams = organizations[s[1]], let repository = state.repositories["\(s[1])/\(s[2])"] else {
        return giteaNotFound()
      }
      guard teams.contains(s[4]) else { return answer(404, ["message": "team does not exist", "url": ""]) }
      if method == "GET" {
        guard let granted = repository.teams[s[4]] else { return giteaNotFound() }
        return answer(200, ["id": 7, "name": .string(s[4]), "permission": .string(granted)])
      }
      guard method == "PUT" else { return giteaNotFound() }
      // Gitea cannot set a per-repository permission: the team keeps its own (here "write").
      state.repositories["\(s[1])/\(s[2])"]?.teams[s[4]] = "write"
      return Backend.Response(status: .noContent, headers: rateHeaders(), body: [])
    case ("GET", 4) where s[0] == "repos" && s[3] == "keys":
      guard let repository = state.repositories["\(s[1])/\(s[2])"] else { return giteaNotFound() }
      let limit = max(1, min(Int(query["limit"] ?? "") ?? pageSize, pageSize))
      let page = max(1, Int(query["page"] ?? "") ?? 1)
      let items = repository.keys.dropFirst((page - 1) * limit).prefix(limit).map(keyJSON)
      var extra: [(String, String)] = [("X-Total-Count", String(repository.keys.count))]
      if page * limit < repository.keys.count {
        let base = "https://\(hostname)/api/v1/repos/\(s[1])/\(s[2])/keys"
        extra.append(("Link", "<\(base)?limit=\(limit)&page=\(page + 1)>; rel=\"next\""))
      }
      return answer(200, .array(Array(items)), extra: extra)
    case ("POST", 4) where s[0] == "repos" && s[3] == "keys":
      guard state.repositories["\(s[1])/\(s[2])"] != nil else { return giteaNotFound() }
      let title = body["title"]?.stringValue ?? ""
      let key = body["key"]?.stringValue ?? ""
      let material = key.split(separator: " ").prefix(2).joined(separator: " ")
      guard !title.isEmpty else { return answer(422, ["message": "[Title]: Required", "url": ""]) }
      guard key.hasPrefix("ssh-") || key.hasPrefix("ecdsa-") else {
        return answer(422, ["message": "Invalid key content: no key found", "url": ""])
      }
      let inUse = state.repositories.values.contains {
        $0.keys.contains { $0.key.split(separator: " ").prefix(2).joined(separator: " ") == material }
      }
      if inUse { return answer(422, ["message": "A key with the same content already exists", "url": ""]) }
      let created = Key(id: state.nextKeyID, title: title, key: material, readOnly: body["read_only"]?.boolValue ?? false)
      state.nextKeyID += 1
      state.repositories["\(s[1])/\(s[2])"]?.keys.append(created)
      installKeys(state)
      return answer(201, keyJSON(created))
    case (_, 4) where s[0] == "repos" && s[3] == "pulls":
      return giteaPulls(method, key: "\(s[1])/\(s[2])", query: query, body: body, state: &state)
    case ("DELETE", 5) where s[0] == "repos" && s[3] == "keys":
      guard let id = Int(s[4]), let index = state.repositories["\(s[1])/\(s[2])"]?.keys.firstIndex(where: { $0.id == id })
      else { return giteaNotFound() }
      state.repositories["\(s[1])/\(s[2])"]?.keys.remove(at: index)
      installKeys(state)
      return Backend.Response(status: .noContent, headers: rateHeaders(), body: [])
    default:
      return giteaNotFound()
    }
  }

  func giteaNotFound() -> Backend.Response {
    answer(404, ["errors": .null, "message": "not found", "url": .string("https://\(hostname)/api/swagger")])
  }
}
