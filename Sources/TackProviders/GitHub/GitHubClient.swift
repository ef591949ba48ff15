import TackBase
import TackHTTP
import TackJSON

/// GitHub's REST API, the subset flux's bootstrap uses (reference: git-providers-and-oci §1.2
/// rows 1–10), for github.com and Enterprise Server.
public struct GitHubClient: GitHostingProvider {
  public let endpoint: GitHubEndpoint
  let api: ProviderAPI

  public static let apiVersion = "2022-11-28"
  static let accept = "application/vnd.github+json"

  /// - Parameters:
  ///   - configuration: TLS (`--ca-file`), proxy and logging; the user agent and the retry policy
  ///     are set here.
  ///   - token: sent as `Authorization: Bearer`, through the HTTP client's credentials only.
  public init(
    hostname: String, token: String, configuration: HTTPClient.Configuration = .init(),
    retry: ProviderRetryDecision = ProviderRetryDecision(),
    sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
    now: @escaping @Sendable () -> Int64 = { RFC3339Time.now().epochSeconds }
  ) {
    endpoint = GitHubEndpoint(hostname: hostname)
    let configuration = ProviderAPI.transport(configuration)
    let http = HTTPClient(
      configuration: configuration, credentials: StaticCredentials(RequestCredentials(authorization: "Bearer \(token)")))
    api = ProviderAPI(
      service: "GitHub", baseURL: endpoint.apiBaseURL, http: http,
      headers: [("Accept", Self.accept), ("X-GitHub-Api-Version", Self.apiVersion)], retry: retry,
      errorReader: GitHubErrors.read, sleep: sleep, now: now)
  }

  public var service: String { "GitHub" }
  public var domain: String { endpoint.host }

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
    var body: JSONObject = ["name": .string(reference.name)]
    // As go-git-providers: private repositories say so twice; GitHub drops default_branch on create.
    if visibility != .public { body["private"] = true }
    body["visibility"] = .string(visibility.rawValue)
    let target = personal ? "user/repos" : "orgs/\(PathSegment.encode(reference.owner))/repos"
    let answer = try await api.call("POST", target, body: .object(body), step: step)
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

  func teamPath(_ team: String, _ reference: RepositoryReference) -> String {
    let org = PathSegment.encode(reference.owner)
    return "orgs/\(org)/teams/\(PathSegment.encode(team))/repos/\(org)/\(PathSegment.encode(reference.name))"
  }

  public func teamPermission(team: String, on reference: RepositoryReference) async throws -> TeamPermission? {
    // This media type makes GitHub answer 200 with the repository and the team's permissions.
    let answer = try await api.call(
      "GET", teamPath(team, reference), accept: "application/vnd.github.v3.repository+json",
      step: "get the permission of team \"\(team)\" on \"\(reference)\"", accepted: [404])
    if answer.status == 404 { return nil }
    let flags = answer.json?["permissions"]?.objectValue
    return TeamPermission.allCases.reversed().first { flags?[$0.rawValue]?.boolValue == true }
  }

  public func grant(team: String, permission: TeamPermission, on reference: RepositoryReference) async throws {
    _ = try await api.call(
      "PUT", teamPath(team, reference), body: ["permission": .string(permission.rawValue)],
      step: "grant \"\(permission.rawValue)\" to team \"\(team)\" on \"\(reference)\"")
  }

  public func deployKeys(_ reference: RepositoryReference) async throws -> [DeployKey] {
    let step = "list the deploy keys of \"\(reference)\""
    return try await api.list(path(reference) + "/keys?per_page=100", step: step).map { try deployKey($0, step: step) }
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

  /// As go-git-providers: all four fields must be present.
  func deployKey(_ json: JSON, step: String) throws -> DeployKey {
    guard let id = json["id"]?.intValue, let title = json["title"]?.stringValue, let key = json["key"]?.stringValue,
      let readOnly = json["read_only"]?.boolValue
    else { throw ProviderError(.invalidResponse, service: service, step: step, detail: "a deploy key lacks id, title, key or read_only") }
    return DeployKey(id: String(id), title: title, key: key, readOnly: readOnly)
  }

  public func httpsCloneURL(_ repository: HostedRepository) -> String {
    "https://\(endpoint.host)/\(repository.owner)/\(repository.name).git"
  }

  public func sshURL(_ repository: HostedRepository) -> String {
    "ssh://git@\(endpoint.host)/\(repository.owner)/\(repository.name)"
  }
}

/// GitHub's error bodies (`message`, `errors[]`, `documentation_url`) as `ProviderError`s.
enum GitHubErrors {
  static func read(status: Int, body: JSON?, step: String) -> ProviderError {
    let message = body?["message"]?.stringValue ?? ""
    let errors = body?["errors"]?.arrayValue ?? []
    switch status {
    case 401: return ProviderError(.unauthorized, service: "GitHub", step: step, detail: message)
    case 403: return ProviderError(.forbidden, service: "GitHub", step: step, detail: message)
    case 404: return ProviderError(.notFound, service: "GitHub", step: step, detail: message)
    case 400, 409, 422:
      // The first item that names a field says what was refused; items may also be bare strings.
      let field = errors.lazy.compactMap { $0["field"]?.stringValue }.first
      let details = errors.compactMap { item -> String? in
        if let text = item.stringValue { return text }
        if let text = item["message"]?.stringValue { return text }
        guard let code = item["code"]?.stringValue else { return nil }
        return [item["resource"]?.stringValue, item["field"]?.stringValue].compactMap { $0 }.joined(separator: ".")
          + " " + code
      }
      let detail = ([message] + details).filter { !$0.isEmpty }.joined(separator: ": ")
      return ProviderError(.rejected(field: field), service: "GitHub", step: step, detail: "\(detail) (\(status))")
    default:
      return ProviderError(.server(status: status), service: "GitHub", step: step, detail: message)
    }
  }
}

extension GitHubClient: PullRequestOpening {
  public func openPullRequest(
    _ reference: RepositoryReference, head: String, base: String, title: String, body: String
  ) async throws -> PullRequest {
    let step = "open a pull request from \"\(head)\" into \"\(base)\" of \"\(reference)\""
    let filter = "head=" + PathSegment.encode("\(reference.owner):\(head)") + "&base=" + PathSegment.encode(base)
    return try await PullRequestReuse.open {
      let open = try await api.list(path(reference) + "/pulls?state=open&" + filter, step: step)
      guard let existing = open.first, let number = existing["number"]?.intValue else { return nil }
      return PullRequest(number: number, url: existing["html_url"]?.stringValue ?? "", created: false)
    } create: {
      let request: JSON = ["title": .string(title), "head": .string(head), "base": .string(base), "body": .string(body)]
      let answer = try await api.call("POST", path(reference) + "/pulls", body: request, step: step)
      guard let number = answer.json?["number"]?.intValue else {
        throw ProviderError(.invalidResponse, service: service, step: step, detail: "the pull request has no number")
      }
      return PullRequest(number: number, url: answer.json?["html_url"]?.stringValue ?? "", created: true)
    }
  }
}
