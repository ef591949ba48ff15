import TackBase
import TackHTTP
import TackJSON

/// Gitea's (and Forgejo's) REST API v1, the subset flux's bootstrap uses (reference:
/// git-providers-and-oci §2.2).
public struct GiteaClient: GitHostingProvider {
  public let endpoint: GiteaEndpoint
  let api: ProviderAPI

  /// - Parameter token: sent as `Authorization: token …` (the Gitea SDK's form), through the HTTP
  ///   client's credentials only.
  public init(
    hostname: String, token: String, configuration: HTTPClient.Configuration = .init(),
    retry: ProviderRetryDecision = ProviderRetryDecision(),
    sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
    now: @escaping @Sendable () -> Int64 = { RFC3339Time.now().epochSeconds }
  ) {
    endpoint = GiteaEndpoint(hostname: hostname)
    let configuration = ProviderAPI.transport(configuration)
    let http = HTTPClient(
      configuration: configuration, credentials: StaticCredentials(RequestCredentials(authorization: "token \(token)")))
    api = ProviderAPI(
      service: "Gitea", baseURL: endpoint.apiBaseURL, http: http, headers: [("Accept", "application/json")],
      retry: retry, errorReader: GiteaErrors.read, sleep: sleep, now: now)
  }

  public var service: String { "Gitea" }
  public var domain: String { endpoint.baseURL }

  func path(_ reference: RepositoryReference) -> String {
    "repos/\(PathSegment.encode(reference.owner))/\(PathSegment.encode(reference.name))"
  }

  public func authenticatedUser() async throws -> String { try await api.tokenUser(field: "login") }

  public func repository(_ reference: RepositoryReference) async throws -> HostedRepository? {
    let step = "get repository \"\(reference)\""
    let answer = try await api.call("GET", path(reference), step: step, accepted: [404])
    if answer.status == 404 { return nil }
    return try repository(from: answer.json, fallback: reference, step: step)
  }

  public func createRepository(
    _ reference: RepositoryReference, personal: Bool, visibility: RepositoryVisibility
  ) async throws -> HostedRepository {
    let step = "create repository \"\(reference)\""
    let body: JSON = [
      "name": .string(reference.name), "description": "", "private": .bool(visibility != .public),
      "default_branch": "main", "auto_init": false,
    ]
    // `org/{org}/repos` (singular) is the path the Gitea SDK, and so flux, uses.
    let target = personal ? "user/repos" : "org/\(PathSegment.encode(reference.owner))/repos"
    let answer = try await api.call("POST", target, body: body, step: step)
    return try repository(from: answer.json, fallback: reference, step: step)
  }

  func repository(from json: JSON?, fallback: RepositoryReference, step: String) throws -> HostedRepository {
    guard let json, let name = json["name"]?.stringValue else {
      throw ProviderError(.invalidResponse, service: service, step: step, detail: "the repository has no name")
    }
    return HostedRepository(
      owner: json[path: "owner", "login"]?.stringValue ?? fallback.owner, name: name,
      defaultBranch: json["default_branch"]?.stringValue, isPrivate: json["private"]?.boolValue)
  }

  public func teamPermission(team: String, on reference: RepositoryReference) async throws -> TeamPermission? {
    let answer = try await api.call(
      "GET", path(reference) + "/teams/" + PathSegment.encode(team),
      step: "get the permission of team \"\(team)\" on \"\(reference)\"", accepted: [404])
    if answer.status == 404 { return nil }
    switch answer.json?["permission"]?.stringValue {
    case "owner", "admin": return .admin
    case "write": return .push
    default: return .pull
    }
  }

  /// Gitea adds the team with the permissions the team itself has; `permission` cannot be set
  /// per repository.
  public func grant(team: String, permission: TeamPermission, on reference: RepositoryReference) async throws {
    _ = try await api.call(
      "PUT", path(reference) + "/teams/" + PathSegment.encode(team), step: "add team \"\(team)\" to \"\(reference)\"")
  }

  public func deployKeys(_ reference: RepositoryReference) async throws -> [DeployKey] {
    let step = "list the deploy keys of \"\(reference)\""
    return try await api.list(path(reference) + "/keys?limit=50", step: step).map { try deployKey($0, step: step) }
  }

  public func addDeployKey(_ key: DeployKey.Draft, to reference: RepositoryReference) async throws -> DeployKey {
    let step = "add deploy key \"\(key.title)\" to \"\(reference)\""
    let body: JSON = ["title": .string(key.title), "key": .string(key.key), "read_only": .bool(key.readOnly)]
    let answer = try await api.call("POST", path(reference) + "/keys", body: body, step: step)
    return try deployKey(answer.json ?? .null, step: step)
  }

  public func deleteDeployKey(id: String, from reference: RepositoryReference) async throws {
    _ = try await api.call(
      "DELETE", path(reference) + "/keys/" + PathSegment.encode(id), step: "delete deploy key \(id) of \"\(reference)\"")
  }

  func deployKey(_ json: JSON, step: String) throws -> DeployKey {
    guard let id = json["id"]?.intValue, let title = json["title"]?.stringValue, let key = json["key"]?.stringValue
    else { throw ProviderError(.invalidResponse, service: service, step: step, detail: "a deploy key lacks id, title or key") }
    return DeployKey(id: String(id), title: title, key: key, readOnly: json["read_only"]?.boolValue ?? true)
  }

  public func httpsCloneURL(_ repository: HostedRepository) -> String {
    "\(endpoint.baseURL)/\(repository.owner)/\(repository.name).git"
  }

  /// The scheme is dropped and any port kept, as flux does.
  public func sshURL(_ repository: HostedRepository) -> String {
    "ssh://git@\(endpoint.host)/\(repository.owner)/\(repository.name)"
  }
}

/// Gitea's error bodies (`{"message", "url"}`): 409 and 422 both mean the service refused a value
/// (a name that exists, a key in use).
enum GiteaErrors {
  static func read(status: Int, body: JSON?, step: String) -> ProviderError {
    let message = body?["message"]?.stringValue ?? ""
    switch status {
    case 401: return ProviderError(.unauthorized, service: "Gitea", step: step, detail: message)
    case 403: return ProviderError(.forbidden, service: "Gitea", step: step, detail: message)
    case 404: return ProviderError(.notFound, service: "Gitea", step: step, detail: message)
    case 400, 409, 422:
      // Gitea names a binding error's field in brackets: "[Name]: Required".
      var field: String?
      if message.hasPrefix("["), let close = message.firstIndex(of: "]") {
        field = String(message[message.index(after: message.startIndex)..<close]).lowercased()
      }
      return ProviderError(.rejected(field: field), service: "Gitea", step: step, detail: "\(message) (\(status))")
    default:
      return ProviderError(.server(status: status), service: "Gitea", step: step, detail: message)
    }
  }
}
