import Foundation
import NIOHTTP1
import Synchronization
import TackJSON

/// The GitHub double: a ``HostingDouble`` speaking GitHub's dialect.
public typealias GitHubDouble = HostingDouble

/// Plays a Git hosting service for provider bootstrap — a GitHub Enterprise Server (REST under
/// `/api/v3/`) or a Gitea server (`/api/v1/`), as the reference describes them
/// (git-providers-and-oci §1, §2.2 and §6): their error bodies, `Link` paging and
/// `x-ratelimit-*` headers, in front of real bare repositories served by `git http-backend` on
/// the same host. Deploy keys it accepts are installed in a real sshd. One state machine serves
/// both dialects; only the routes and bodies differ (`HostingDouble+GitHub`, `+Gitea`).
///
/// ```swift
/// let github = try await HostingDouble.start(token: "t0ken", user: "alice", organizations: ["acme": ["dev"]])
/// // tack bootstrap github --hostname 127.0.0.1:\(github.port) --ca-file <github.caPEM> …
/// await github.stop()
/// ```
public final class HostingDouble: Sendable {
  public enum Dialect: Sendable, Equatable {
    case github, gitea, gitlab, bitbucketServer

    var apiPrefix: String {
      switch self {
      case .github: "/api/v3/"
      case .gitea: "/api/v1/"
      case .gitlab: "/api/v4/"
      case .bitbucketServer: "/rest/"
      }
    }
  }
  public struct Repository: Sendable, Equatable {
    public var owner: String
    public var name: String
    public var isPrivate: Bool
    public var visibility: String
    public var keys: [Key] = []
    /// team slug → permission.
    public var teams: [String: String] = [:]
  }

  public struct Key: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var key: String
    public var readOnly: Bool
  }

  /// One request the API saw (not Git's).
  public struct Request: Sendable, Equatable {
    public var method: String
    public var path: String
    public init(method: String, path: String) {
      self.method = method
      self.path = path
    }
  }

  struct Fault: Sendable {
    var method: String?
    var pathContains: String
    var status: Int
    var remaining: Int
  }

  /// A pull request the double holds.
  public struct Pull: Sendable, Equatable {
    public var number: Int
    public var head: String
    public var base: String
    public var title: String
    public var body: String
    public init(number: Int, head: String, base: String, title: String, body: String) {
      self.number = number
      self.head = head
      self.base = base
      self.title = title
      self.body = body
    }
  }

  struct State: Sendable {
    var repositories: [String: Repository] = [:]
    /// `owner/name` → its pull requests (all open).
    var pulls: [String: [Pull]] = [:]
    var nextKeyID = 1
    var requests: [Request] = []
    var faults: [Fault] = []
    /// The primary limit is spent until this time (seconds since 1970).
    var rateLimitedUntil: Int64?
  }

  public let dialect: Dialect
  public let token: String
  public let user: String
  /// organisation → its team slugs.
  public let organizations: [String: [String]]
  public let projectRoot: String
  /// The most items a page of a key list holds, whatever `per_page` asks (GitHub: 30 by
  /// default, 100 at most); small values make tests page.
  public let pageSize: Int
  let state = Mutex(State())
  private let scratch: TemporaryDirectory
  let deployKeys: SSHDeployKeys?
  // Set once after the server started (it needs the double's handler first).
  private let server = Mutex<HostingServer?>(nil)

  public static func start(
    dialect: Dialect = .github, token: String, user: String, organizations: [String: [String]] = [:],
    sshd: SSHGitServer? = nil, pageSize: Int = 30
  ) async throws -> HostingDouble {
    let scratch = try TemporaryDirectory(prefix: "tack-hosting")
    let double = try HostingDouble(
      dialect: dialect, token: token, user: user, organizations: organizations, scratch: scratch,
      deployKeys: sshd.map { try SSHDeployKeys(sshd: $0, projectRoot: scratch.path) }, pageSize: pageSize)
    let server = try await HostingServer.start(
      projectRoot: scratch.path, apiPrefix: dialect.apiPrefix, gitToken: token
    ) { [double] method, uri, headers, body in
      double.handle(method: method, uri: uri, headers: headers, body: body)
    }
    double.server.withLock { $0 = server }
    if dialect == .bitbucketServer {
      // Git over HTTPS lives under /scm/KEY/slug.git, over SSH at KEY/slug: one tree serves both.
      try FileManager.default.createSymbolicLink(atPath: scratch.path + "/scm", withDestinationPath: ".")
    }
    double.deployKeys?.install([])
    return double
  }

  private init(
    dialect: Dialect, token: String, user: String, organizations: [String: [String]], scratch: TemporaryDirectory,
    deployKeys: SSHDeployKeys?, pageSize: Int
  ) throws {
    self.dialect = dialect
    self.token = token
    self.user = user
    self.organizations = organizations
    self.scratch = scratch
    self.projectRoot = scratch.path
    self.deployKeys = deployKeys
    self.pageSize = pageSize
  }

  public var port: Int { server.withLock { $0?.port ?? 0 } }
  /// `--hostname` for tack.
  public var hostname: String { "127.0.0.1:\(port)" }
  public var caPEM: String { server.withLock { $0?.certificateAuthority.certificatePEM ?? "" } }

  public func stop() async {
    let running = server.withLock { $0 }
    await running?.stop()
    scratch.remove()
  }

  // MARK: seeding and inspecting

  /// A repository that exists before the test (empty unless the test commits to it).
  @discardableResult
  public func seedRepository(owner: String, name: String, isPrivate: Bool = true, teams: [String: String] = [:]) throws
    -> BareGitRepository
  {
    try createBare(owner: owner, name: name)
    state.withLock {
      $0.repositories["\(owner)/\(name)"] = Repository(
        owner: owner, name: name, isPrivate: isPrivate, visibility: isPrivate ? "private" : "public", teams: teams)
    }
    return try bare(owner: owner, name: name)
  }

  /// Registers a key as if someone had added it through the web UI.
  public func seedDeployKey(owner: String, name: String, title: String, key: String, readOnly: Bool) {
    state.withLock { state in
      let id = state.nextKeyID
      state.nextKeyID += 1
      state.repositories["\(owner)/\(name)"]?.keys.append(Key(id: id, title: title, key: key, readOnly: readOnly))
    }
    installKeys()
  }

  public func repository(owner: String, name: String) -> Repository? {
    state.withLock { $0.repositories["\(owner)/\(name)"] }
  }

  /// The bare repository behind `owner/name`, for checking with the real git.
  public func bare(owner: String, name: String) throws -> BareGitRepository {
    try BareGitRepository(existing: "\(projectRoot)/\(owner)/\(name).git")
  }

  public var requests: [Request] { state.withLock { $0.requests } }

  public func pulls(owner: String, name: String) -> [Pull] { state.withLock { $0.pulls["\(owner)/\(name)"] ?? [] } }

  /// Requests that change something (POST, PUT, PATCH, DELETE).
  public var writes: [Request] { requests.filter { $0.method != "GET" } }

  /// The next `times` requests whose path contains `pathContains` (and method, if given) fail
  /// with `status` and GitHub's body for it.
  public func fail(_ method: String? = nil, pathContains: String, status: Int, times: Int = 1) {
    state.withLock { $0.faults.append(Fault(method: method, pathContains: pathContains, status: status, remaining: times)) }
  }

  /// Spends the primary rate limit until `reset` (seconds since 1970): every request gets 403
  /// with `x-ratelimit-remaining: 0` until then.
  public func exhaustRateLimit(until reset: Int64) {
    state.withLock { $0.rateLimitedUntil = reset }
  }

  // MARK: the API

  func handle(method: String, uri: String, headers: HTTPHeaders, body: [UInt8]) -> Backend.Response {
    let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let path = String(parts[0])
    let query = Self.query(parts.count > 1 ? String(parts[1]) : "")
    let now = Int64(Date().timeIntervalSince1970)
    return state.withLock { state -> Backend.Response in
      state.requests.append(Request(method: method, path: path))
      if let index = state.faults.firstIndex(where: {
        ($0.method == nil || $0.method == method) && path.contains($0.pathContains) && $0.remaining > 0
      }) {
        state.faults[index].remaining -= 1
        return answer(state.faults[index].status, ["message": .string(Self.reason(state.faults[index].status))])
      }
      if let until = state.rateLimitedUntil {
        if now < until {
          return answer(
            403,
            [
              "message": "API rate limit exceeded for user.",
              "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
            ], remaining: 0, reset: until)
        }
        state.rateLimitedUntil = nil
      }
      let authorization = headers.first(name: "authorization") ?? ""
      let privateToken = headers.first(name: "private-token")
      guard authorization == "Bearer \(token)" || authorization == "token \(token)" || privateToken == token else {
        if dialect == .gitlab { return answer(401, ["message": "401 Unauthorized"]) }
        if dialect == .bitbucketServer {
          return answer(401, bitbucketErrors(nil, "Authentication failed. Please check your credentials and try again.", "com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException"))
        }
        return dialect == .github
          ? answer(401, ["message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"])
          : answer(401, ["message": "token is invalid", "url": .string("https://\(hostname)/api/swagger")])
      }
      let segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
      let json = (try? JSON.parse(body)) ?? .null
      switch dialect {
      case .github: return routeGitHub(method, segments, query: query, body: json, state: &state)
      case .gitea: return routeGitea(method, segments, query: query, body: json, state: &state)
      case .gitlab: return routeGitLab(method, segments, query: query, body: json, state: &state)
      case .bitbucketServer: return routeBitbucket(method, segments, query: query, body: json, state: &state)
      }
    }
  }

  private func routeGitHub(_ method: String, _ s: [String], query: [String: String], body: JSON, state: inout State)
    -> Backend.Response
  {
    switch (method, s.count) {
    case ("GET", 1) where s == ["user"]:
      return answer(200, ["login": .string(user), "id": 1, "type": "User"])
    case ("GET", 3) where s[0] == "repos":
      guard let repository = state.repositories["\(s[1])/\(s[2])"] else { return notFound() }
      return answer(200, .object(repositoryJSON(repository)))
    case ("POST", 3) where s[0] == "orgs" && s[2] == "repos":
      guard organizations[s[1]] != nil else { return notFound() }
      return create(owner: s[1], body: body, state: &state)
    case ("POST", 2) where s == ["user", "repos"]:
      return create(owner: user, body: body, state: &state)
    case (_, 7) where s[0] == "orgs" && s[2] == "teams" && s[4] == "repos":
      guard let teams = organizations[s[1]], teams.contains(s[3]), s[5] == s[1],
        let repository = state.repositories["\(s[5])/\(s[6])"]
      else { return notFound() }
      if method == "GET" {
        guard let granted = repository.teams[s[3]] else { return notFound() }
        var json = repositoryJSON(repository)
        let levels = ["pull", "triage", "push", "maintain", "admin"]
        let rank = levels.firstIndex(of: granted) ?? 0
        json["permissions"] = .object(JSONObject(levels.enumerated().map { .init(key: $1, value: .bool($0 <= rank)) }))
        return answer(200, .object(json))
      }
      guard method == "PUT" else { return answer(404, ["message": "Not Found"]) }
      let permission = body["permission"]?.stringValue ?? "push"
      guard ["pull", "triage", "push", "maintain", "admin"].contains(permission) else {
        return validation("TeamRepository", field: "permission", code: "invalid", message: nil)
      }
      state.repositories["\(s[5])/\(s[6])"]?.teams[s[3]] = permission
      return Backend.Response(status: .noContent, headers: rateHeaders(), body: [])
    case ("GET", 4) where s[0] == "repos" && s[3] == "keys":
      guard let repository = state.repositories["\(s[1])/\(s[2])"] else { return notFound() }
      let perPage = max(1, min(Int(query["per_page"] ?? "") ?? pageSize, pageSize))
      let page = max(1, Int(query["page"] ?? "") ?? 1)
      let items = repository.keys.dropFirst((page - 1) * perPage).prefix(perPage).map(keyJSON)
      var extra: [(String, String)] = []
      if page * perPage < repository.keys.count {
        let base = "https://\(hostname)/api/v3/repos/\(s[1])/\(s[2])/keys"
        extra.append(("Link", "<\(base)?per_page=\(perPage)&page=\(page + 1)>; rel=\"next\", <\(base)?per_page=\(perPage)&page=\((repository.keys.count + perPage - 1) / perPage)>; rel=\"last\""))
      }
      return answer(200, .array(Array(items)), extra: extra)
    case ("POST", 4) where s[0] == "repos" && s[3] == "keys":
      guard state.repositories["\(s[1])/\(s[2])"] != nil else { return notFound() }
      let title = body["title"]?.stringValue ?? ""
      let key = body["key"]?.stringValue ?? ""
      let material = key.split(separator: " ").prefix(2).joined(separator: " ")
      guard key.hasPrefix("ssh-") || key.hasPrefix("ecdsa-") else {
        return validation("PublicKey", field: "key", code: "custom", message: "key is invalid. You must supply a key in OpenSSH public key format")
      }
      guard !title.isEmpty else { return validation("PublicKey", field: "title", code: "missing_field", message: nil) }
      let inUse = state.repositories.values.contains { $0.keys.contains { $0.key.split(separator: " ").prefix(2).joined(separator: " ") == material } }
      if inUse { return validation("PublicKey", field: "key", code: "custom", message: "key is already in use") }
      let created = Key(id: state.nextKeyID, title: title, key: material, readOnly: body["read_only"]?.boolValue ?? true)
      state.nextKeyID += 1
      state.repositories["\(s[1])/\(s[2])"]?.keys.append(created)
      defer { installKeys(state) }
      return answer(201, keyJSON(created))
    case (_, 4) where s[0] == "repos" && s[3] == "pulls":
      return githubPulls(method, owner: s[1], name: s[2], query: query, body: body, state: &state)
    case ("DELETE", 5) where s[0] == "repos" && s[3] == "keys":
      guard let id = Int(s[4]), let index = state.repositories["\(s[1])/\(s[2])"]?.keys.firstIndex(where: { $0.id == id })
      else { return notFound() }
      state.repositories["\(s[1])/\(s[2])"]?.keys.remove(at: index)
      installKeys(state)
      return Backend.Response(status: .noContent, headers: rateHeaders(), body: [])
    default:
      return notFound()
    }
  }

  func create(owner: String, body: JSON, state: inout State) -> Backend.Response {
    let name = body["name"]?.stringValue ?? ""
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
      if dialect == .gitea { return answer(422, ["message": "[Name]: Required", "url": .string("https://\(hostname)/api/swagger")]) }
      return validation("Repository", field: "name", code: "missing_field", message: nil)
    }
    if dialect == .gitea, state.repositories["\(owner)/\(name)"] != nil {
      return answer(409, ["message": "The repository with the same name already exists.", "url": .string("https://\(hostname)/api/swagger")])
    }
    guard state.repositories["\(owner)/\(name)"] == nil else {
      return answer(422, [
        "message": "Repository creation failed.",
        "errors": [["resource": "Repository", "code": "custom", "field": "name", "message": "name already exists on this account"]],
        "documentation_url": "https://docs.github.com/rest/repos/repos#create-an-organization-repository",
      ])
    }
    let visibility = body["visibility"]?.stringValue ?? ((body["private"]?.boolValue ?? false) ? "private" : "public")
    guard ["private", "public", "internal"].contains(visibility) else {
      return validation("Repository", field: "visibility", code: "invalid", message: nil)
    }
    do { try createBare(owner: owner, name: name) } catch { return answer(500, ["message": .string("\(error)")]) }
    let repository = Repository(owner: owner, name: name, isPrivate: visibility != "public", visibility: visibility)
    state.repositories["\(owner)/\(name)"] = repository
    return answer(201, .object(repositoryJSON(repository)))
  }

  // MARK: shapes

  func repositoryJSON(_ repository: Repository) -> JSONObject {
    [
      "id": .int(abs(repository.owner.hashValue % 100_000)), "name": .string(repository.name),
      "full_name": .string("\(repository.owner)/\(repository.name)"),
      "owner": ["login": .string(repository.owner)], "private": .bool(repository.isPrivate),
      "visibility": .string(repository.visibility), "default_branch": "main",
      "clone_url": .string("https://\(hostname)/\(repository.owner)/\(repository.name).git"),
    ]
  }

  func keyJSON(_ key: Key) -> JSON {
    ["id": .int(key.id), "title": .string(key.title), "key": .string(key.key), "read_only": .bool(key.readOnly), "verified": true]
  }

  func rateHeaders(remaining: Int = 4999, reset: Int64? = nil) -> [(String, String)] {
    let reset = reset ?? Int64(Date().timeIntervalSince1970) + 3600
    return [
      ("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", String(remaining)), ("x-ratelimit-reset", String(reset)),
      ("x-ratelimit-resource", "core"), ("Content-Type", "application/json; charset=utf-8"),
    ]
  }

  func answer(
    _ status: Int, _ json: JSON, extra: [(String, String)] = [], remaining: Int = 4999, reset: Int64? = nil
  ) -> Backend.Response {
    Backend.Response(
      status: HTTPResponseStatus(statusCode: status), headers: rateHeaders(remaining: remaining, reset: reset) + extra,
      body: json.serializedBytes())
  }

  func notFound() -> Backend.Response {
    answer(404, ["message": "Not Found", "documentation_url": "https://docs.github.com/rest"])
  }

  func validation(_ resource: String, field: String?, code: String, message: String?) -> Backend.Response {
    var error: JSONObject = ["resource": .string(resource), "code": .string(code)]
    if let field { error["field"] = .string(field) }
    if let message { error["message"] = .string(message) }
    return answer(422, ["message": "Validation Failed", "errors": [.object(error)], "status": "422"])
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 500: "Internal Server Error"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    default: "Server Error"
    }
  }

  static func query(_ text: String) -> [String: String] {
    var result: [String: String] = [:]
    for pair in text.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { result[String(parts[0])] = String(parts[1]).removingPercentEncoding }
    }
    return result
  }

  func createBare(owner: String, name: String) throws {
    try FileManager.default.createDirectory(atPath: "\(projectRoot)/\(owner)", withIntermediateDirectories: true)
    try ProcessRunner.output(["git", "init", "--quiet", "--bare", "--initial-branch", "main", "\(projectRoot)/\(owner)/\(name).git"])
  }

  func installKeys(_ state: State? = nil) {
    guard let deployKeys else { return }
    let repositories = state?.repositories ?? self.state.withLock { $0.repositories }
    deployKeys.install(repositories.values.flatMap { repository in
      repository.keys.map { ("\(repository.owner)/\(repository.name)", $0.key, $0.readOnly) }
    })
  }
}
