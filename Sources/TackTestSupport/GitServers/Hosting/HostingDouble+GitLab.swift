import Foundation
import NIOHTTP1
import TackJSON

/// GitLab's routes (API v4): `PRIVATE-TOKEN`, projects by URL-encoded path, groups (the
/// organisations and their teams) by path, sharing with a group at an access level, deploy keys
/// with `can_push`, `X-Next-Page` and `Link` paging, `{"message": …}` errors in its three shapes.
extension HostingDouble {
  /// Every group the double knows (organisations and their teams), with stable ids.
  var gitlabGroups: [String: Int] {
    let names = Set(organizations.keys).union(organizations.values.flatMap { $0 }).sorted()
    return Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, 100 + $0) })
  }

  func routeGitLab(_ method: String, _ s: [String], query: [String: String], body: JSON, state: inout State)
    -> Backend.Response
  {
    let groups = gitlabGroups
    switch (method, s.count) {
    case ("GET", 1) where s == ["user"]:
      return answer(200, ["id": 1, "username": .string(user)])
    case ("GET", 2) where s[0] == "groups":
      guard let id = groups[s[1]] else { return answer(404, ["message": "404 Group Not Found"]) }
      return answer(200, ["id": .int(id), "path": .string(String(s[1].split(separator: "/").last ?? "")), "full_path": .string(s[1]), "full_name": .string(s[1])])
    case ("GET", 2) where s[0] == "projects":
      guard let repository = state.repositories[s[1]] else { return answer(404, ["message": "404 Project Not Found"]) }
      return answer(200, .object(projectJSON(repository, groups: groups)))
    case ("POST", 1) where s == ["projects"]:
      var owner = user
      if let namespace = body["namespace_id"]?.intValue {
        guard let group = groups.first(where: { $0.value == namespace })?.key else {
          return answer(404, ["message": "404 Namespace Not Found"])
        }
        owner = group
      }
      let name = body["name"]?.stringValue ?? ""
      guard !name.isEmpty else { return answer(400, ["message": ["name": ["can't be blank"]]]) }
      guard state.repositories["\(owner)/\(name)"] == nil else {
        return answer(400, ["message": ["name": ["has already been taken"], "path": ["has already been taken"]]])
      }
      let visibility = body["visibility"]?.stringValue ?? "private"
      do { try createBare(owner: owner, name: name) } catch { return answer(500, ["message": .string("\(error)")]) }
      let repository = Repository(owner: owner, name: name, isPrivate: visibility != "public", visibility: visibility)
      state.repositories["\(owner)/\(name)"] = repository
      return answer(201, .object(projectJSON(repository, groups: groups)))
    case ("POST", 3) where s[0] == "projects" && s[2] == "share":
      guard state.repositories[s[1]] != nil else { return answer(404, ["message": "404 Project Not Found"]) }
      guard let id = body["group_id"]?.intValue, let group = groups.first(where: { $0.value == id })?.key,
        let level = body["group_access"]?.intValue, [10, 20, 30, 40, 50].contains(level)
      else { return answer(400, ["message": ["group_access": ["does not have a valid value"]]]) }
      if state.repositories[s[1]]?.teams[group] != nil {
        return answer(409, ["message": ["The project is already shared with this group"]])
      }
      state.repositories[s[1]]?.teams[group] = String(level)
      return answer(201, ["id": 1, "project_id": 1, "group_id": .int(id), "group_access": .int(level)])
    case ("GET", 3) where s[0] == "projects" && s[2] == "deploy_keys":
      guard let repository = state.repositories[s[1]] else { return answer(404, ["message": "404 Project Not Found"]) }
      let perPage = max(1, min(Int(query["per_page"] ?? "") ?? pageSize, pageSize))
      let page = max(1, Int(query["page"] ?? "") ?? 1)
      let items = repository.keys.dropFirst((page - 1) * perPage).prefix(perPage).map(gitlabKeyJSON)
      var extra: [(String, String)] = [("X-Page", String(page)), ("X-Per-Page", String(perPage)), ("X-Total", String(repository.keys.count))]
      if page * perPage < repository.keys.count {
        let encoded = s[1].replacingOccurrences(of: "/", with: "%2F")
        extra.append(("X-Next-Page", String(page + 1)))
        extra.append(("Link", "<https://\(hostname)/api/v4/projects/\(encoded)/deploy_keys?page=\(page + 1)&per_page=\(perPage)>; rel=\"next\""))
      } else {
        extra.append(("X-Next-Page", ""))
      }
      return answer(200, .array(Array(items)), extra: extra)
    case ("POST", 3) where s[0] == "projects" && s[2] == "deploy_keys":
      guard let repository = state.repositories[s[1]] else { return answer(404, ["message": "404 Project Not Found"]) }
      let title = body["title"]?.stringValue ?? ""
      let key = body["key"]?.stringValue ?? ""
      let material = key.split(separator: " ").prefix(2).joined(separator: " ")
      guard !title.isEmpty else { return answer(400, ["message": ["title": ["can't be blank"]]]) }
      guard key.hasPrefix("ssh-") || key.hasPrefix("ecdsa-") else { return answer(400, ["message": ["key": ["is invalid"]]]) }
      // Unverified shape (reference §7): a key already on this project.
      if repository.keys.contains(where: { $0.key == material }) {
        return answer(400, ["message": ["fingerprint_sha256": ["has already been taken"]]])
      }
      let created = Key(id: state.nextKeyID, title: title, key: material, readOnly: !(body["can_push"]?.boolValue ?? false))
      state.nextKeyID += 1
      state.repositories[s[1]]?.keys.append(created)
      installKeys(state)
      return answer(201, gitlabKeyJSON(created))
    case (_, 3) where s[0] == "projects" && s[2] == "merge_requests":
      return gitlabMergeRequests(method, key: s[1], query: query, body: body, state: &state)
    case ("DELETE", 4) where s[0] == "projects" && s[2] == "deploy_keys":
      guard let id = Int(s[3]), let index = state.repositories[s[1]]?.keys.firstIndex(where: { $0.id == id })
      else { return answer(404, ["message": "404 Deploy Key Not Found"]) }
      state.repositories[s[1]]?.keys.remove(at: index)
      installKeys(state)
      return Backend.Response(status: .noContent, headers: rateHeaders(), body: [])
    default:
      return answer(404, ["error": "404 Not Found"])
    }
  }

  func projectJSON(_ repository: Repository, groups: [String: Int]) -> JSONObject {
    let personal = repository.owner == user
    var json: JSONObject = [
      "id": .int(abs("\(repository.owner)/\(repository.name)".utf8.reduce(7) { ($0 &* 31 &+ Int($1)) % 1_000_000 })),
      "name": .string(repository.name), "path": .string(repository.name),
      "path_with_namespace": .string("\(repository.owner)/\(repository.name)"), "default_branch": "main",
      "visibility": .string(repository.visibility),
      "namespace": ["full_path": .string(repository.owner), "kind": personal ? "user" : "group"],
      "http_url_to_repo": .string("https://\(hostname)/\(repository.owner)/\(repository.name).git"),
      "shared_with_groups": .array(repository.teams.sorted { $0.key < $1.key }.map { team, level in
        ["group_id": .int(groups[team] ?? 0), "group_full_path": .string(team), "group_access_level": .int(Int(level) ?? 0)]
      }),
    ]
    if personal { json["owner"] = ["username": .string(user)] }
    return json
  }

  func gitlabKeyJSON(_ key: Key) -> JSON {
    ["id": .int(key.id), "title": .string(key.title), "key": .string(key.key), "can_push": .bool(!key.readOnly)]
  }
}
