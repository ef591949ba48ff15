import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// `git http-backend` (the real smart-HTTP server from the git package, run as CGI) behind a
/// small swift-nio server on 127.0.0.1, over HTTPS with a throwaway CA (or plain HTTP), with basic
/// or bearer authentication switched on per test.
public final class HTTPGitServer: Sendable {
  public enum Authentication: Sendable, Equatable {
    case none
    case basic(username: String, password: String)
    case bearer(token: String)
    /// Basic with any user name and this password, as hosting services take a token.
    case token(String)
  }

  /// One request the server saw.
  public struct Request: Sendable, Equatable {
    public var method: String
    public var uri: String
    /// Whether it carried valid credentials (always true without authentication).
    public var authorized: Bool
  }

  public static let backendPath = "/usr/lib/git-core/git-http-backend"

  public let port: Int
  /// Repositories are served from here: `<root>/<name>.git` is `/<name>.git` on the server.
  public let projectRoot: String
  /// The CA that issued the server certificate; nil for plain HTTP.
  public let certificateAuthority: CertificateAuthority?
  private let channel: any Channel
  private let group: MultiThreadedEventLoopGroup
  private let threadPool: NIOThreadPool
  private let log: GitRequestLog

  /// Starts the server.
  /// - Parameters:
  ///   - projectRoot: directory holding the bare repositories (e.g. a `BareGitRepository`'s parent).
  ///   - tls: false serves plain HTTP (for the allow-insecure-HTTP tests).
  public static func start(projectRoot: String, authentication: Authentication, tls: Bool = true) async throws
    -> HTTPGitServer
  {
    let authority = tls ? try CertificateAuthority(name: "tack git test CA") : nil
    let sslContext = try authority.map {
      try NIOSSLContext(configuration: try $0.issueServerCertificate().serverTLSConfiguration())
    }
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let threadPool = NIOThreadPool(numberOfThreads: 2)
    threadPool.start()
    let log = GitRequestLog()
    let backend = Backend(projectRoot: projectRoot, authentication: authentication, log: log)
    let context = sslContext
    do {
      let channel = try await ServerBootstrap(group: group)
        .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        .childChannelInitializer { channel in
          channel.eventLoop.makeCompletedFuture {
            if let context {
              try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
            }
            try channel.pipeline.syncOperations.configureHTTPServerPipeline()
            try channel.pipeline.syncOperations.addHandler(
              GitBackendHandler(route: backend.handle, threadPool: threadPool))
          }
        }
        .bind(host: "127.0.0.1", port: 0).get()
      return HTTPGitServer(
        port: channel.localAddress?.port ?? 0, projectRoot: projectRoot, certificateAuthority: authority,
        channel: channel, group: group, threadPool: threadPool, log: log)
    } catch {
      try? await threadPool.shutdownGracefully()
      try? await group.shutdownGracefully()
      throw error
    }
  }

  private init(
    port: Int, projectRoot: String, certificateAuthority: CertificateAuthority?, channel: any Channel,
    group: MultiThreadedEventLoopGroup, threadPool: NIOThreadPool, log: GitRequestLog
  ) {
    self.port = port
    self.projectRoot = projectRoot
    self.certificateAuthority = certificateAuthority
    self.channel = channel
    self.group = group
    self.threadPool = threadPool
    self.log = log
  }

  /// The CA certificate clients must trust (empty for plain HTTP).
  public var caPEM: String { certificateAuthority?.certificatePEM ?? "" }

  /// `https://127.0.0.1:<port>/<path under projectRoot>`.
  public func url(for repository: BareGitRepository) -> String {
    var relative = repository.path
    if relative.hasPrefix(projectRoot) { relative = String(relative.dropFirst(projectRoot.count)) }
    if !relative.hasPrefix("/") { relative = "/" + relative }
    return "\(certificateAuthority == nil ? "http" : "https")://127.0.0.1:\(port)\(relative)"
  }

  public var requests: [Request] { log.all }

  /// Whether any push (receive-pack POST) reached the backend with valid credentials.
  public var receivedPush: Bool {
    requests.contains { $0.method == "POST" && $0.uri.contains("git-receive-pack") && $0.authorized }
  }

  public func stop() async {
    try? await channel.close()
    try? await threadPool.shutdownGracefully()
    try? await group.shutdownGracefully()
  }
}

final class GitRequestLog: Sendable {
  private let requests = Mutex<[HTTPGitServer.Request]>([])
  func append(_ request: HTTPGitServer.Request) { requests.withLock { $0.append(request) } }
  var all: [HTTPGitServer.Request] { requests.withLock { $0 } }
}
