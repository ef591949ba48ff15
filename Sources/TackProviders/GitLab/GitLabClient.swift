import TackBase
import TackHTTP
import TackJSON

/// GitLab's REST API v4, the subset flux's bootstrap uses (reference: git-providers-and-oci
/// §2.1): projects addressed by their URL-encoded path (`group%2Fsub%2Fname`), teams as groups
/// the project is shared with, deploy keys with `can_push`.
public struct GitLabClient: GitHostingProvider {
  public let endpoint: GitLabEndpoint
  let api: ProviderAPI

  /// - Parameter token: sent as `PRIVATE-TOKEN` (masked in request logs, never in a message).
  public init(
    hostname: String, token: String, configuration: HTTPClient.Configuration = .init(),
    retry: ProviderRetryDecision = ProviderRetryDecision(),
    sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
    now: @escaping @Sendable () -> Int64 = { RFC3339Time.now().epochSeconds }
  ) {
    endpoint = GitLabEndpoint(hostname: hostname)
    let configuration = ProviderAPI.transport(configuration)
    api = ProviderAPI(
      service: "GitLab", baseURL: endpoint.apiBaseURL, http: HTTPClient(configuration: configuration),
      headers: [("Accept", "application/json"), ("PRIVATE-TOKEN", token)], retry: retry,
      errorReader: GitLabErrors.read, sleep: sleep, now: now)
  }

  public var service: String { "GitLab" }
  public var domain: String { endpoint.baseURL }

  /// `projects/<owner/name, encoded as one segment>`.
  func path(_ reference: RepositoryReference) -> String {
    "projects/" + PathSegment.encode("\(reference.owner)/\(reference.name)")
  }

  public func authenticatedUser() async throws -> String { try await api.tokenUser(field: "username") }

  public func repository(_ reference: RepositoryReference) async throws -> HostedRepository? {
    let step = "get project \"\(reference)\""
    let answer = try await api.call("GET", path(reference), step: step, accepted: [404])
    if answer.status == 404 { return nil }
    return try project(from: answer.json, fallback: reference, step: step)
  }

  public func createRepository(
    _ reference: RepositoryReference, personal: Bool, visibility: RepositoryVisibility
  ) async throws -> HostedRepository {
    let step = "create project \"\(reference)\""
    var body: JSONObject = [
      "name": .string(reference.name), "default_branch": "main", "description": "",
      "visibility": .string(visibility.rawValue),
    ]
    if !personal { body["namespace_id"] = .int(try await groupID(reference.owner, step: step)) }
    let answer = try await api.call("POST", "projects", body: .object(body), step: step)
    return try project(from: answer.json, fallback: reference, step: step)
  }

  func groupID(_ group: String, step: String) async throws -> Int {
    let answer = try await api.call("GET", "groups/" + PathSegment.encode(group), step: step + ": get group \"\(group)\"")
    guard let id = answer.json?["id"]?.intValue else {
      throw ProviderError(.invalidResponse, service: service, step: step, detail: "group \"\(group)\" has no id")
    }
    return id
  }

  func project(from json: JSON?, fallback: RepositoryReference, step: String) throws -> HostedRepository {
    guard let json, let name = json["name"]?.stringValue else {
      throw ProviderError(.invalidResponse, service: service, step: step, detail: "the project has no name")
    }
    // The path, not the display name, is what URLs hold.
    let owner = json[path: "namespace", "full_path"]?.stringValue ?? json[path: "owner", "username"]?.stringValue
    let visibility = json["visibility"]?.stringValue
    return HostedRepository(
      owner: owner ?? fallback.owner, name: json["path"]?.stringValue ?? name,
      defaultBranch: json["default_branch"]?.stringValue, isPrivate: visibility.map { $0 != "public" })
  }

  static let accessLevels: [TeamPermission: Int] = [.pull: 10, .triage: 20, .push: 30, .maintain: 40, .admin: 50]

  public func teamPermission(team: String, on reference: RepositoryReference) async throws -> TeamPermission? {
    let step = "get the access of group \"\(team)\" to \"\(reference)\""
    let id = try await groupID(team, step: step)
    let answer = try await api.call("GET", path(reference), step: step)
    let share = answer.json?["shared_with_groups"]?.arrayValue?.first { $0["group_id"]?.intValue == id }
    guard let level = share?["group_access_level"]?.intValue else { return nil }
    return TeamPermission.allCases.reversed().first { (Self.accessLevels[$0] ?? 0) <= level } ?? .pull
  }

  public func grant(team: String, permission: TeamPermission, on reference: RepositoryReference) async throws {
    let step = "share \"\(reference)\" with group \"\(team)\""
    let id = try await groupID(team, step: step)
    let body: JSON = ["group_id": .int(id), "group_access": .int(Self.accessLevels[permission] ?? 40)]
    _ = try await api.call("POST", path(reference) + "/share", body: body, step: step)
  }

  public func deployKeys(_ reference: RepositoryReference) async throws -> [DeployKey] {
    let step = "list the deploy keys of \"\(reference)\""
    return try await api.list(path(reference) + "/deploy_keys?per_page=100", step: step).map { try deployKey($0, step: step) }
  }

  public func addDeployKey(_ key: DeployKey.Draft, to reference: RepositoryReference) async throws -> DeployKey {
    let step = "add deploy key \"\(key.title)\" to \"\(reference)\""
    let body: JSON = ["title": .string(key.title), "key": .string(key.key), "can_push": .bool(!key.readOnly)]
    let answer = try await api.call("POST", path(reference) + "/deploy_keys", body: body, step: step)
    return try deployKey(answer.json ?? .null, step: step)
  }

  public func deleteDeployKey(id: String, from reference: RepositoryReference) async throws {
    _ = try await api.call(
      "DELETE", path(reference) + "/deploy_keys/" + PathSegment.encode(id),
      step: "delete deploy key \(id) of \"\(reference)\"")
  }

  func deployKey(_ json: JSON, step: String) throws -> DeployKey {
    guard let id = json["id"]?.intValue, let title = json["title"]?.stringValue, let key = json["key"]?.stringValue
    else { throw ProviderError(.invalidResponse, service: service, step: step, detail: "a deploy key lacks id, title or key") }
    return DeployKey(id: String(id), title: title, key: key, readOnly: !(json["can_push"]?.boolValue ?? false))
  }

  public func httpsCloneURL(_ repository: HostedRepository) -> String {
    "\(endpoint.baseURL)/\(repository.owner)/\(repository.name).git"
  }

  public func sshURL(_ repository: HostedRepository) -> String {
    "ssh://git@\(endpoint.host)/\(repository.owner)/\(repository.name)"
  }
}

/// Where GitLab lives for a `--hostname`: gitlab.com, or a self-managed host (`https://` unless
/// the value brings its own scheme).
public struct GitLabEndpoint: Sendable, Equatable {
  public var baseURL: String
  public var host: String
  public var apiBaseURL: String { baseURL + "/api/v4/" }

  public init(hostname: String) {
    let given = GiteaEndpoint(hostname: hostname.isEmpty ? "gitlab.com" : hostname)
    baseURL = given.baseURL
    host = given.host
  }
}

/// GitLab's error bodies: `message` is a string ("404 Project Not Found"), a map of field →
/// problems (400 `{"message":{"name":["has already been taken"]}}`), or a list (409).
enum GitLabErrors {
  static func read(status: Int, body: JSON?, step: String) -> ProviderError {
    let message = body?["message"] ?? body?["error"]
    var text = message?.stringValue ?? ""
    var field: String?
    if let fields = message?.objectValue {
      field = fields.keys.first
      text = fields.map { member in
        "\(member.key) " + (member.value.arrayValue?.compactMap(\.stringValue).joined(separator: ", ") ?? "\(member.value)")
      }.joined(separator: "; ")
    } else if let items = message?.arrayValue {
      text = items.compactMap(\.stringValue).joined(separator: "; ")
    }
    switch status {
    case 401: return ProviderError(.unauthorized, service: "GitLab", step: step, detail: text)
    case 403: return ProviderError(.forbidden, service: "GitLab", step: step, detail: text)
    case 404: return ProviderError(.notFound, service: "GitLab", step: step, detail: text)
    case 400, 409, 422:
      return ProviderError(.rejected(field: field), service: "GitLab", step: step, detail: "\(text) (\(status))")
    default:
      return ProviderError(.server(status: status), service: "GitLab", step: step, detail: text)
    }
  }
}
