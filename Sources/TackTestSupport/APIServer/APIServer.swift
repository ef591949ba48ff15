import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization
import TackJSON

/// What the connection handlers share.
final class APIServerCore: Sendable {
  let store: ObjectStore
  let dispatcher: RequestDispatcher
  let faults = FaultInjector()
  let log = RequestLog()
  let bookmarkInterval: Duration
  /// Smallest response body gzipped for clients that accept it.
  let compressionThreshold: Int

  init(store: ObjectStore, dispatcher: RequestDispatcher, bookmarkInterval: Duration, compressionThreshold: Int) {
    self.store = store
    self.dispatcher = dispatcher
    self.bookmarkInterval = bookmarkInterval
    self.compressionThreshold = compressionThreshold
  }
}

/// A Kubernetes API server double over HTTPS (HTTP/1.1), in process: discovery, CRUD, patch and
/// server-side apply, watches, CRDs with schema validation, Table output, the service proxy, auth,
/// and fault injection. Most tests use it through ``TestCluster``.
///
/// ```swift
/// let server = try await APIServer.start()
/// defer { Task { await server.stop() } }
/// server.addToken("t0ken", user: "alice")
/// server.deny(AccessRule(user: "alice", verbs: ["delete"]))
/// server.inject(Fault(.status(503), method: "GET", path: "/api/v1/namespaces", times: 1))
/// try server.store.create(configMap)           // in-process writes take the HTTP code paths
/// server.requests.filter { $0.method == "POST" }  // what reached the server
/// ```
public final class APIServer: Sendable {
  public struct Configuration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port.
    public var port = 0
    /// Events kept for watches to resume from; older resourceVersions answer 410 Expired.
    public var watchHistoryLimit = 10_000
    /// How often watches with `allowWatchBookmarks=true` get a BOOKMARK (the real server: ~1 min).
    public var bookmarkInterval: Duration = .seconds(60)
    /// Watch length when the client gives no `timeoutSeconds` (the real server: 30–60 min).
    public var watchTimeout: Duration = .seconds(1800)
    /// Responses at least this large are gzip-compressed (level 1, as kube-apiserver) for clients
    /// that accept it (kube: 128 KiB).
    public var compressionThreshold = 128 * 1024
    /// The CA that signs the server and client certificates; a fresh one when nil.
    public var certificateAuthority: CertificateAuthority?
    /// Event-loop threads.
    public var threads = 2

    public init() {}
  }

  public let store: ObjectStore
  public let proxy: ServiceProxy
  /// What the Pods' containers "wrote", for `…/pods/NAME/log`.
  public let podLogs: PodLogs
  public let certificateAuthority: CertificateAuthority
  public let host: String
  public let port: Int
  let core: APIServerCore
  let access: AccessControl
  let group: MultiThreadedEventLoopGroup
  let channel: Channel

  /// `https://127.0.0.1:<port>`
  public var url: String { "https://\(host.contains(":") ? "[\(host)]" : host):\(port)" }
  /// The CA certificate clients must trust.
  public var caPEM: String { certificateAuthority.certificatePEM }

  private init(store: ObjectStore, proxy: ServiceProxy, certificateAuthority: CertificateAuthority, host: String,
    port: Int, core: APIServerCore, access: AccessControl, group: MultiThreadedEventLoopGroup, channel: Channel)
  {
    self.store = store
    self.proxy = proxy
    podLogs = core.dispatcher.podLogs
    self.certificateAuthority = certificateAuthority
    self.host = host
    self.port = port
    self.core = core
    self.access = access
    self.group = group
    self.channel = channel
  }

  /// Starts listening; returns once the port is bound.
  public static func start(_ configuration: Configuration = Configuration()) async throws -> APIServer {
    let ca = try configuration.certificateAuthority ?? CertificateAuthority()
    let serverCertificate = try ca.issueServerCertificate(
      dnsNames: ["localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc"],
      ipAddresses: ["127.0.0.1", "::1"] + (configuration.host.first?.isNumber == true || configuration.host.contains(":") ? [configuration.host] : []))
    var tls = try serverCertificate.serverTLSConfiguration()
    tls.certificateVerification = .optionalVerification
    tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(ca.certificatePEM.utf8)))
    tls.applicationProtocols = ["http/1.1"]
    let sslContext = try NIOSSLContext(configuration: tls)

    let store = ObjectStore(historyLimit: configuration.watchHistoryLimit)
    let access = AccessControl()
    let proxy = ServiceProxy()
    let podLogs = PodLogs()
    let dispatcher = RequestDispatcher(
      store: store, access: access, proxy: proxy, podLogs: podLogs, defaultWatchTimeout: configuration.watchTimeout)
    let core = APIServerCore(
      store: store, dispatcher: dispatcher, bookmarkInterval: configuration.bookmarkInterval,
      compressionThreshold: configuration.compressionThreshold)

    let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.threads))
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(ChannelOptions.backlog, value: 256)
      .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          let sync = channel.pipeline.syncOperations
          try sync.addHandler(NIOSSLServerHandler(context: sslContext))
          try sync.configureHTTPServerPipeline(withErrorHandling: true)
          try sync.addHandler(APIChannelHandler(server: core))
        }
      }
    let channel: Channel
    do {
      channel = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
    } catch {
      try? await group.shutdownGracefully()
      throw error
    }
    let port = channel.localAddress?.port ?? configuration.port
    dispatcher.serverAddress.withLock { $0 = "\(configuration.host):\(port)" }
    return APIServer(
      store: store, proxy: proxy, certificateAuthority: ca, host: configuration.host, port: port, core: core,
      access: access, group: group, channel: channel)
  }

  /// Closes the listener and every connection (open watches end), then stops the threads.
  public func stop() async {
    try? await channel.close()
    try? await group.shutdownGracefully()
  }

  /// The Kubernetes version `/version` reports (`v1.32.6` unless a test sets another, e.g. one older
  /// than Flux supports).
  public var gitVersion: String {
    get { core.dispatcher.gitVersion.withLock { $0 } }
    set { core.dispatcher.gitVersion.withLock { $0 = newValue } }
  }

  // MARK: credentials and access

  /// Accepts `Authorization: Bearer <token>` as `user`.
  public func addToken(_ token: String, user: String, groups: [String] = []) {
    access.state.withLock { $0.tokens[token] = UserIdentity(name: user, groups: groups) }
  }

  /// Accepts basic auth for `user` with `password`.
  public func addBasicUser(_ user: String, password: String, groups: [String] = []) {
    access.state.withLock { $0.passwords[user] = (password, UserIdentity(name: user, groups: groups)) }
  }

  /// Answers 403 (kube-apiserver's RBAC wording) for requests matching `rule`.
  public func deny(_ rule: AccessRule) { access.state.withLock { $0.denyRules.append(rule) } }
  public func clearAccessRules() { access.state.withLock { $0.denyRules.removeAll() } }

  /// A client certificate for `user` in `groups`, signed by the server's CA.
  public func issueClientCertificate(user: String, groups: [String] = []) throws -> IssuedCertificate {
    try certificateAuthority.issueClientCertificate(commonName: user, organizations: groups)
  }

  // MARK: faults and request records

  /// Switches a fault on; returns a handle for ``removeFault(_:)``.
  @discardableResult
  public func inject(_ fault: Fault) -> Int { core.faults.add(fault) }
  public func removeFault(_ handle: Int) { core.faults.remove(handle) }
  public func clearFaults() { core.faults.removeAll() }

  /// Every request so far, oldest first.
  public var requests: [RecordedRequest] { core.log.all }
  public func clearRequests() { core.log.clear() }

  /// Requests matching a method and a path glob; `reachedServer` limits to those the API logic handled.
  public func requests(method: String? = nil, path: String = "*", reachedServer: Bool? = nil) -> [RecordedRequest] {
    core.log.all.filter { entry in
      (method == nil || entry.method == method!.uppercased()) && Glob.matches(path, entry.path)
        && (reachedServer == nil || entry.reachedServer == reachedServer!)
    }
  }
}
