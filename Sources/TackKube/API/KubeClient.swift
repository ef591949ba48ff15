import TackHTTP
import TackJSON

/// A client for one API server as one identity: the verbs kubectl has, over dynamic `KubeObject`s.
///
/// ```swift
/// let client = try KubeClient(config: config)
/// let ks = APIResource(group: "kustomize.toolkit.fluxcd.io", version: "v1", name: "kustomizations",
///                      kind: "Kustomization", namespaced: true)
/// let object = try await client.get(ks, name: "apps", namespace: "flux-system")
/// try await client.patch(ks, name: "apps", namespace: "flux-system", .merge(["spec": ["suspend": true]]))
/// for try await event in client.watch(ks, namespace: "flux-system") { … }
/// ```
///
/// Errors: `KubeAPIError` (the server said no), `KubeTransportError` (no answer),
/// `KubeConfigError`/`ExecPluginError` (credentials), `CancellationError`.
public final class KubeClient: Sendable {
  public let config: ClientConfig
  /// The longest watch line (one event) read before the watch fails.
  let maxWatchLineBytes: Int
  let executor: RequestExecutor
  let discovery: Discovery

  /// What a client is built with besides its `ClientConfig`.
  public struct Options: Sendable {
    /// Replaces libcurl (tests).
    public var transport: (any HTTPTransport)?
    /// Replaces the credential source derived from the config (tests).
    public var credentials: (any CredentialSource)?
    public var retry: RetryPolicy
    public var log: RequestLog?
    /// The environment exec plugins inherit.
    public var environment: [String: String]
    public var stdinIsTerminal: Bool
    /// Directory for the on-disk discovery cache (`$XDG_CACHE_HOME/tack/discovery`); nil disables it.
    public var discoveryCacheDirectory: String?
    public var discoveryCacheTTL: Duration
    /// Sleeps between retries (tests make it instant).
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Largest response body read into memory (a get, a list page, discovery): a bigger one fails
    /// with an error naming the URL and the limit.
    public var maxResponseBytes: Int
    /// Largest single watch event (one line of the watch stream).
    public var maxWatchLineBytes: Int

    public static let defaultMaxResponseBytes = HTTPClient.Configuration.defaultMaxResponseBytes
    public static let defaultMaxWatchLineBytes = 16 << 20

    public init(
      transport: (any HTTPTransport)? = nil, credentials: (any CredentialSource)? = nil,
      retry: RetryPolicy = .standard, log: RequestLog? = nil, environment: [String: String] = [:],
      stdinIsTerminal: Bool = false, discoveryCacheDirectory: String? = nil,
      discoveryCacheTTL: Duration = .seconds(600),
      sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
      maxResponseBytes: Int = defaultMaxResponseBytes, maxWatchLineBytes: Int = defaultMaxWatchLineBytes
    ) {
      self.transport = transport
      self.credentials = credentials
      self.retry = retry
      self.log = log
      self.environment = environment
      self.stdinIsTerminal = stdinIsTerminal
      self.discoveryCacheDirectory = discoveryCacheDirectory
      self.discoveryCacheTTL = discoveryCacheTTL
      self.sleep = sleep
      self.maxResponseBytes = maxResponseBytes
      self.maxWatchLineBytes = maxWatchLineBytes
    }

    /// `$XDG_CACHE_HOME/tack/discovery`, or `~/.cache/tack/discovery`.
    public static func defaultDiscoveryCacheDirectory(environment: [String: String]) -> String? {
      if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/tack/discovery" }
      if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/tack/discovery" }
      return nil
    }
  }

  public init(config: ClientConfig, options: Options = Options()) {
    self.config = config
    maxWatchLineBytes = options.maxWatchLineBytes
    let credentials =
      options.credentials
      ?? config.makeCredentialSource(environment: options.environment, stdinIsTerminal: options.stdinIsTerminal)
    let http = HTTPClient(
      configuration: config.httpConfiguration(
        retry: options.retry, log: options.log, maxResponseBytes: options.maxResponseBytes),
      transport: options.transport,
      credentials: credentials, sleep: options.sleep)
    executor = RequestExecutor(
      http: http, server: config.server, extraHeaders: config.impersonation?.headers ?? [], sleep: options.sleep)
    let cacheDirectory = options.discoveryCacheDirectory.map { $0 + "/" + Discovery.directoryName(for: config.server) }
    discovery = Discovery(cacheDirectory: cacheDirectory, ttl: options.discoveryCacheTTL)
  }

  // MARK: get / list

  /// Reads one object.
  public func get(_ resource: APIResource, name: String, namespace: String? = nil, subresource: String? = nil)
    async throws -> KubeObject
  {
    let response = try await executor.send(
      APIRequest(
        method: "GET", path: resource.path(namespace: namespace, name: name, subresource: subresource),
        safety: .idempotent, resource: resource.qualifiedName, name: name))
    return KubeObject(try Self.decode(response, what: "\(resource.qualifiedName) \"\(name)\""))
  }

  /// Reads one page. `namespace` nil lists across all namespaces (or a cluster-scoped resource).
  public func listPage(_ resource: APIResource, namespace: String? = nil, options: ListOptions = ListOptions())
    async throws -> KubeObjectList
  {
    let path = resource.path(namespace: namespace) + PathEscaping.queryString(options.queryItems)
    let response = try await executor.send(
      APIRequest(method: "GET", path: path, safety: .idempotent, resource: resource.qualifiedName))
    return KubeObjectList(json: try Self.decode(response, what: "list of \(resource.qualifiedName)"))
  }

  /// Pages of a list, following `continue` tokens (chunks of `pageSize`, 500 by default, as
  /// kubectl). Each page is fetched when the consumer asks for it, so a slow consumer never has more
  /// than one page in memory. A token that expired mid-way (410) ends the sequence with that error.
  public func listPages(
    _ resource: APIResource, namespace: String? = nil, options: ListOptions = ListOptions(), pageSize: Int = 500
  ) -> ListPages {
    var options = options
    if options.limit == nil { options.limit = pageSize }
    return ListPages(client: self, resource: resource, namespace: namespace, options: options)
  }

  /// All objects, collected across pages.
  public func list(
    _ resource: APIResource, namespace: String? = nil, options: ListOptions = ListOptions(), pageSize: Int = 500
  ) async throws -> KubeObjectList {
    var result = KubeObjectList(items: [])
    var first = true
    for try await page in listPages(resource, namespace: namespace, options: options, pageSize: pageSize) {
      if first {
        result.json = page.json
        first = false
      }
      result.items += page.items
      result.resourceVersion = page.resourceVersion
    }
    result.json[path: "metadata", "continue"] = nil
    return result
  }

  // MARK: writes

  /// Creates an object (POST). Retried only when the request never reached the server.
  public func create(
    _ resource: APIResource, _ object: KubeObject, namespace: String? = nil, options: WriteOptions = WriteOptions()
  ) async throws -> KubeObject {
    let ns = namespace ?? object.namespace
    let response = try await executor.send(
      APIRequest(
        method: "POST", path: resource.path(namespace: ns) + PathEscaping.queryString(options.queryItems),
        headers: [("Content-Type", "application/json")], body: object.json.serializedBytes(), safety: .unsafe,
        resource: resource.qualifiedName, name: object.name))
    return KubeObject(try Self.decode(response, what: "created \(resource.qualifiedName)"))
  }

  /// Replaces an object (PUT). The object's `metadata.resourceVersion` makes it conditional: a
  /// concurrent change fails with 409 Conflict (see `updateRetryingOnConflict`).
  public func update(
    _ resource: APIResource, _ object: KubeObject, namespace: String? = nil, subresource: String? = nil,
    options: WriteOptions = WriteOptions()
  ) async throws -> KubeObject {
    let ns = namespace ?? object.namespace
    let path = resource.path(namespace: ns, name: object.name, subresource: subresource)
    let response = try await executor.send(
      APIRequest(
        method: "PUT", path: path + PathEscaping.queryString(options.queryItems),
        headers: [("Content-Type", "application/json")], body: object.json.serializedBytes(),
        safety: object.metadata.resourceVersion == nil ? .unsafe : .idempotent,
        resource: resource.qualifiedName, name: object.name))
    return KubeObject(try Self.decode(response, what: "updated \(resource.qualifiedName)"))
  }

  /// Read-modify-write with optimistic concurrency: gets the object, applies `mutate`, updates; on
  /// 409 Conflict starts over with the fresh object (up to `attempts` times).
  public func updateRetryingOnConflict(
    _ resource: APIResource, name: String, namespace: String? = nil, subresource: String? = nil, attempts: Int = 5,
    _ mutate: @Sendable (inout KubeObject) throws -> Void
  ) async throws -> KubeObject {
    var attempt = 0
    while true {
      attempt += 1
      var object = try await get(resource, name: name, namespace: namespace)
      try mutate(&object)
      do {
        return try await update(resource, object, namespace: namespace, subresource: subresource)
      } catch let error as KubeAPIError where error.isConflict && attempt < attempts {
        continue
      }
    }
  }

  /// Patches an object (merge, JSON patch, strategic merge, or server-side apply).
  public func patch(
    _ resource: APIResource, name: String, namespace: String? = nil, subresource: String? = nil, _ patch: Patch,
    options: WriteOptions = WriteOptions()
  ) async throws -> KubeObject {
    // Server-side apply names its field manager itself; a second one from `options` would clash.
    var query = patch.queryItems
    let hasManager = query.contains { $0.0 == "fieldManager" }
    query += options.queryItems.filter { !(hasManager && $0.0 == "fieldManager") }
    let path = resource.path(namespace: namespace, name: name, subresource: subresource)
    let response = try await executor.send(
      APIRequest(
        method: "PATCH", path: path + PathEscaping.queryString(query),
        headers: [("Content-Type", patch.contentType)], body: patch.body,
        safety: patch.isIdempotent ? .idempotent : .unsafe, resource: resource.qualifiedName, name: name))
    return KubeObject(try Self.decode(response, what: "patched \(resource.qualifiedName)"))
  }

  /// Deletes an object. Returns the server's answer: the object (still terminating, with finalizers
  /// or foreground deletion) or a `Status`.
  @discardableResult
  public func delete(
    _ resource: APIResource, name: String, namespace: String? = nil, options: DeleteOptions = DeleteOptions()
  ) async throws -> JSON {
    let response = try await executor.send(
      APIRequest(
        method: "DELETE", path: resource.path(namespace: namespace, name: name),
        headers: [("Content-Type", "application/json")], body: options.body.serializedBytes(),
        safety: .idempotent, resource: resource.qualifiedName, name: name))
    return try Self.decode(response, what: "delete of \(resource.qualifiedName)")
  }

  // MARK: status subresource

  public func getStatus(_ resource: APIResource, name: String, namespace: String? = nil) async throws -> KubeObject {
    try await get(resource, name: name, namespace: namespace, subresource: "status")
  }

  public func updateStatus(_ resource: APIResource, _ object: KubeObject, namespace: String? = nil) async throws
    -> KubeObject
  {
    try await update(resource, object, namespace: namespace, subresource: "status")
  }

  public func patchStatus(_ resource: APIResource, name: String, namespace: String? = nil, _ patch: Patch)
    async throws -> KubeObject
  {
    try await self.patch(resource, name: name, namespace: namespace, subresource: "status", patch)
  }

  // MARK: raw

  /// GET of any path (`tack get --raw`): the body as the server sent it. Non-2xx throws
  /// `KubeAPIError`.
  public func raw(_ path: String, timeout: Duration? = nil) async throws -> HTTPResponse {
    let normalized = path.hasPrefix("/") ? path : "/" + path
    return try await executor.send(APIRequest(method: "GET", path: normalized, safety: .idempotent, timeout: timeout))
  }

  /// `/version`.
  public func serverVersion() async throws -> ServerVersion {
    let response = try await raw("/version")
    return ServerVersion(json: try Self.decode(response, what: "/version"))
  }

  static func decode(_ response: HTTPResponse, what: String) throws -> JSON {
    do {
      return try JSON.parse(response.body)
    } catch {
      throw KubeTransportError(
        kind: .other, url: what, detail: "the server's response is not JSON (\(error.reason))")
    }
  }
}

/// The API server's `/version`.
public struct ServerVersion: Sendable, Equatable {
  public var major: String
  public var minor: String
  public var gitVersion: String
  public var platform: String
  public var json: JSON

  init(json: JSON) {
    self.json = json
    major = json["major"]?.stringValue ?? ""
    minor = json["minor"]?.stringValue ?? ""
    gitVersion = json["gitVersion"]?.stringValue ?? ""
    platform = json["platform"]?.stringValue ?? ""
  }
}

/// The pages of a list, fetched on demand (see `KubeClient.listPages`).
public struct ListPages: AsyncSequence, Sendable {
  public typealias Element = KubeObjectList
  let client: KubeClient
  let resource: APIResource
  let namespace: String?
  let options: ListOptions

  public struct AsyncIterator: AsyncIteratorProtocol {
    let pages: ListPages
    var token: String?
    var done = false

    public mutating func next() async throws -> KubeObjectList? {
      guard !done else { return nil }
      var options = pages.options
      if let token { options.continueToken = token }
      let page = try await pages.client.listPage(pages.resource, namespace: pages.namespace, options: options)
      token = page.continueToken
      done = token == nil
      return page
    }
  }

  public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pages: self, token: options.continueToken) }
}
