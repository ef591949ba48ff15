import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The machinery every hosting-service double shares: one HTTPS server on 127.0.0.1 (its own CA)
/// that sends API paths to the double and everything else to the real `git http-backend`, so the
/// repositories a double "creates" are cloned and pushed for real, on the same host and port as
/// the service would serve them. Deploy keys a double registers go to a real sshd through
/// ``SSHDeployKeys``.
final class HostingServer: Sendable {
  let port: Int
  let certificateAuthority: CertificateAuthority
  private let channel: any Channel
  private let group: MultiThreadedEventLoopGroup
  private let threadPool: NIOThreadPool

  typealias API = @Sendable (_ method: String, _ uri: String, _ headers: HTTPHeaders, _ body: [UInt8]) -> Backend.Response

  /// - Parameters:
  ///   - apiPrefix: paths under it go to `api` (e.g. `/api/v3/`).
  ///   - gitToken: the password Git over HTTPS takes (any user name).
  static func start(projectRoot: String, apiPrefix: String, gitToken: String, api: @escaping API) async throws
    -> HostingServer
  {
    let authority = try CertificateAuthority(name: "tack hosting test CA")
    let context = try NIOSSLContext(configuration: try authority.issueServerCertificate().serverTLSConfiguration())
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let threadPool = NIOThreadPool(numberOfThreads: 2)
    threadPool.start()
    let backend = Backend(projectRoot: projectRoot, authentication: .token(gitToken), log: GitRequestLog())
    let route: GitBackendHandler.Route = { head, body in
      if head.uri.hasPrefix(apiPrefix) {
        return api(head.method.rawValue, String(head.uri.dropFirst(apiPrefix.count)), head.headers, body)
      }
      return backend.handle(head, body: body)
    }
    do {
      let channel = try await ServerBootstrap(group: group)
        .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        .childChannelInitializer { channel in
          channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
            try channel.pipeline.syncOperations.configureHTTPServerPipeline()
            try channel.pipeline.syncOperations.addHandler(GitBackendHandler(route: route, threadPool: threadPool))
          }
        }
        .bind(host: "127.0.0.1", port: 0).get()
      return HostingServer(
        port: channel.localAddress?.port ?? 0, certificateAuthority: authority, channel: channel, group: group,
        threadPool: threadPool)
    } catch {
      try? await threadPool.shutdownGracefully()
      try? await group.shutdownGracefully()
      throw error
    }
  }

  private init(
    port: Int, certificateAuthority: CertificateAuthority, channel: any Channel, group: MultiThreadedEventLoopGroup,
    threadPool: NIOThreadPool
  ) {
    self.port = port
    self.certificateAuthority = certificateAuthority
    self.channel = channel
    self.group = group
    self.threadPool = threadPool
  }

  func stop() async {
    try? await channel.close()
    try? await threadPool.shutdownGracefully()
    try? await group.shutdownGracefully()
  }
}

/// Deploy keys as a real sshd enforces them: each key may only run git on its own repository,
/// and a read-only key only fetch. A forced command (`authorized_keys` `command=`) maps the path
/// the client asks for (`/owner/name`) to the bare repository under the project root.
struct SSHDeployKeys: Sendable {
  let sshd: SSHGitServer
  let projectRoot: String
  let script: String

  init(sshd: SSHGitServer, projectRoot: String) throws {
    self.sshd = sshd
    self.projectRoot = projectRoot
    script = sshd.privateFile("deploy-key-shell")
    let text = """
      #!/bin/sh
      # $1: the project root, $2: owner/name the key belongs to, $3: ro or rw.
      set -f
      command="${SSH_ORIGINAL_COMMAND%% *}"
      path="${SSH_ORIGINAL_COMMAND#* }"
      path="${path#\\'}"; path="${path%\\'}"; path="${path#/}"; path="${path%.git}"
      if [ "$path" != "$2" ]; then echo "ERROR: Repository not found." >&2; exit 1; fi
      case "$command" in
        git-upload-pack) ;;
        git-receive-pack) if [ "$3" != rw ]; then echo "ERROR: The key you are authenticating with has been marked as read only." >&2; exit 1; fi ;;
        *) echo "ERROR: unsupported command" >&2; exit 1 ;;
      esac
      exec "$command" "$1/$2.git"

      """
    try text.write(toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o755)
  }

  /// Replaces the authorised keys with these (repository `owner/name`, key text, read-only).
  func install(_ keys: [(repository: String, key: String, readOnly: Bool)]) {
    let lines = keys.map { entry in
      "command=\"\(script) \(projectRoot) \(entry.repository) \(entry.readOnly ? "ro" : "rw")\",no-port-forwarding,no-pty,no-agent-forwarding,no-X11-forwarding \(entry.key.trimmingCharacters(in: .whitespacesAndNewlines))"
    }
    try? sshd.setAuthorizedKeys(lines)
  }
}
