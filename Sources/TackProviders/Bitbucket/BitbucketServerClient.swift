import TackBase
import TackHTTP
import TackJSON

/// Bitbucket Server / Data Center's REST API, the subset flux's bootstrap uses (reference:
/// git-providers-and-oci §2.3). `--owner` names a project by its *name*; everything after the
/// lookup uses the project's key (`~USER` for a personal repository).
public struct BitbucketServerClient: GitHostingProvider {
  public let endpoint: BitbucketServerEndpoint
  let api: ProviderAPI
  /// Whose personal repositories `~USER` keys name (`--username`).
  let username: String

  /// - Parameter token: an HTTP access token, sent as `Authorization: Bearer`.
  public init(
    hostname: String, token: String, username: String, configuration: HTTPClient.Configuration = .init(),
    retry: ProviderRetryDecision = ProviderRetryDecision(),
    sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
    now: @escaping @Sendable () -> Int64 = { RFC3339Time.now().epochSeconds }
  ) {
    endpoint = BitbucketServerEndpoint(hostname: hostname)
    self.username = username
    let configuration = ProviderAPI.transport(configuration)
    let http = HTTPClient(
      configuration: configuration, credentials: StaticCredentials(RequestCredentials(authorization: "Bearer \(token)")))
    api = ProviderAPI(
      service: "Bitbucket", baseURL: endpoint.baseURL + "/rest/", http: http, headers: [("Accept", "application/json")],
      retry: retry, errorReader: BitbucketErrors.read, sleep: sleep, now: now)
  }

  public var service: String { "Bitbucket" }
  public var domain: String { endpoint.baseURL }

  /// The project key of `--owner`: `~USER` for the token's user, else the project whose name is
  /// exactly `owner`.
  func projectKey(_ owner: String, step: String) async throws -> String {
    if owner.hasPrefix("~") { return owner }
    if owner == username { return "~" + owner }
    let projects = try await values("api/1.0/projects?name=" + PathSegment.encode(owner), step: step)
    if let key = projects.first(where: { $0["name"]?.stringValue == owner })?["key"]?.stringValue { return key }
    // A repository found once is named by its project's key from then on.
    let byKey = try await api.call("GET", "api/1.0/projects/" + PathSegment.encode(owner), step: step, accepted: [404])
    guard byKey.status != 404, let key = byKey.json?["key"]?.stringValue else {
      throw ProviderError(.notFound, service: service, step: step, detail: "no project is named \"\(owner)\"")
    }
    return key
  }

  func repoPath(_ key: String, _ slug: String) -> String {
    "projects/\(PathSegment.encode(key))/repos/\(PathSegment.encode(slug))"
  }

  public func authenticatedUser() async throws -> String { username }

  public func repository(_ reference: RepositoryReference) async throws -> HostedRepository? {
    let step = "get repository \"\(reference)\""
    let key = try await projectKey(reference.owner, step: step)
    let answer = try await api.call("GET", "api/1.0/" + repoPath(key, reference.name), step: step, accepted: [404])
    if answer.status == 404 { return nil }
    return try repository(from: answer.json, key: key, step: step)
  }

  public func createRepository(
    _ reference: RepositoryReference, personal: Bool, visibility: RepositoryVisibility
  ) async throws -> HostedRepository {
    let step = "create repository \"\(reference)\""
    let key = personal ? "~" + reference.owner : try await projectKey(reference.owner, step: step)
    // As flux, never public; the default branch is named at creation (Bitbucket 7.5+), so the
    // first push of the bootstrap branch needs no initial commit on master.
    let body: JSON = ["name": .string(reference.name), "scmId": "git", "defaultBranch": "main"]
    let answer = try await api.call("POST", "api/1.0/projects/\(PathSegment.encode(key))/repos", body: body, step: step)
    return try repository(from: answer.json, key: key, step: step)
  }

  func repository(from json: JSON?, key: String, step: String) throws -> HostedRepository {
    guard let json, json["name"]?.stringValue != nil, let slug = json["slug"]?.stringValue else {
      throw ProviderError(.invalidResponse, service: service, step: step, detail: "the repository lacks name or slug")
    }
    return HostedRepository(
      owner: json[path: "project", "key"]?.stringValue ?? key, name: slug, defaultBranch: nil,
      isPrivate: !(json["public"]?.boolValue ?? false))
  }

  static let permissions: [TeamPermission: String] = [.pull: "REPO_READ", .push: "REPO_WRITE", .admin: "REPO_ADMIN"]

  public func teamPermission(team: String, on reference: RepositoryReference) async throws -> TeamPermission? {
    let step = "get the permission of group \"\(team)\" on \"\(reference)\""
    let key = try await projectKey(reference.owner, step: step)
    let grants = try await values(
      "api/1.0/" + repoPath(key, reference.name) + "/permissions/groups?filter=" + PathSegment.encode(team), step: step)
    guard let word = grants.first(where: { $0[path: "group", "name"]?.stringValue == team })?["permission"]?.stringValue
    else { return nil }
    return Self.permissions.first { $0.value == word }?.key
  }

  public func grant(team: String, permission: TeamPermission, on reference: RepositoryReference) async throws {
    let step = "grant \"\(permission.rawValue)\" to group \"\(team)\" on \"\(reference)\""
    guard let word = Self.permissions[permission] else {
      throw ProviderError(
        .rejected(field: "permission"), service: service, step: step, detail: "Bitbucket has pull, push and admin only")
    }
    let key = try await projectKey(reference.owner, step: step)
    _ = try await api.call(
      "PUT",
      "api/1.0/" + repoPath(key, reference.name) + "/permissions/groups?name=" + PathSegment.encode(team)
        + "&permission=" + word, step: step)
  }

  public func deployKeys(_ reference: RepositoryReference) async throws -> [DeployKey] {
    let step = "list the access keys of \"\(reference)\""
    let key = try await projectKey(reference.owner, step: step)
    return try await values("keys/1.0/" + repoPath(key, reference.name) + "/ssh", step: step).map {
      try deployKey($0, step: step)
    }
  }

  public func addDeployKey(_ draft: DeployKey.Draft, to reference: RepositoryReference) async throws -> DeployKey {
    let step = "add access key \"\(draft.title)\" to \"\(reference)\""
    let key = try await projectKey(reference.owner, step: step)
    let body: JSON = [
      "key": ["text": .string(draft.key), "label": .string(draft.title)],
      "permission": .string(draft.readOnly ? "REPO_READ" : "REPO_WRITE"),
    ]
    let answer = try await api.call("POST", "keys/1.0/" + repoPath(key, reference.name) + "/ssh", body: body, step: step)
    return try deployKey(answer.json ?? .null, step: step)
  }

  public func deleteDeployKey(id: String, from reference: RepositoryReference) async throws {
    let step = "delete access key \(id) of \"\(reference)\""
    let key = try await projectKey(reference.owner, step: step)
    _ = try await api.call("DELETE", "keys/1.0/" + repoPath(key, reference.name) + "/ssh/" + PathSegment.encode(id), step: step)
  }

  func deployKey(_ json: JSON, step: String) throws -> DeployKey {
    guard let id = json[path: "key", "id"]?.intValue, let text = json[path: "key", "text"]?.stringValue,
      let permission = json["permission"]?.stringValue
    else { throw ProviderError(.invalidResponse, service: service, step: step, detail: "an access key lacks id, text or permission") }
    return DeployKey(
      id: String(id), title: json[path: "key", "label"]?.stringValue ?? "", key: text, readOnly: permission == "REPO_READ")
  }

  /// Every `values` of a paged body (`isLastPage`, `nextPageStart`), at most `limit` pages.
  func values(_ path: String, step: String, limit: Int = 100) async throws -> [JSON] {
    var items: [JSON] = []
    var start = 0
    for _ in 0..<limit {
      let separator = path.contains("?") ? "&" : "?"
      let answer = try await api.call("GET", path + "\(separator)start=\(start)&limit=25", step: step)
      guard let page = answer.json, let values = page["values"]?.arrayValue else {
        throw ProviderError(.invalidResponse, service: service, step: step, detail: "expected a paged body with values")
      }
      items.append(contentsOf: values)
      guard page["isLastPage"]?.boolValue == false, let next = page["nextPageStart"]?.intValue, next > start else { break }
      start = next
    }
    return items
  }

  public func httpsCloneURL(_ repository: HostedRepository) -> String {
    "\(endpoint.baseURL)/scm/\(repository.owner)/\(repository.name).git"
  }

  public func sshURL(_ repository: HostedRepository) -> String {
    "ssh://git@\(endpoint.host)/\(repository.owner)/\(repository.name)"
  }
}

/// Where a Bitbucket Server lives: `--hostname` is required; `https://` is added unless the value
/// already names a scheme.
public struct BitbucketServerEndpoint: Sendable, Equatable {
  public var baseURL: String
  public var host: String

  public init(hostname: String) {
    let given = GiteaEndpoint(hostname: hostname)
    baseURL = given.baseURL
    host = given.host
  }
}

/// Bitbucket's error bodies: `{"errors":[{"context","message","exceptionName"}]}`.
enum BitbucketErrors {
  static func read(status: Int, body: JSON?, step: String) -> ProviderError {
    let errors = body?["errors"]?.arrayValue ?? []
    let text = errors.compactMap { $0["message"]?.stringValue }.joined(separator: "; ")
    switch status {
    case 401: return ProviderError(.unauthorized, service: "Bitbucket", step: step, detail: text)
    case 403: return ProviderError(.forbidden, service: "Bitbucket", step: step, detail: text)
    case 404: return ProviderError(.notFound, service: "Bitbucket", step: step, detail: text)
    case 400, 409, 422:
      let field = errors.lazy.compactMap { $0["context"]?.stringValue }.first
      return ProviderError(.rejected(field: field), service: "Bitbucket", step: step, detail: "\(text) (\(status))")
    default:
      return ProviderError(.server(status: status), service: "Bitbucket", step: step, detail: text)
    }
  }
}
