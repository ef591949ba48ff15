import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// Plays GitHub's release downloads for the manifest download path, over HTTPS with its own CA:
/// `GET /download/<version>/<asset>` answers `302 Found` to `/cdn/<version>/<asset>` (as GitHub
/// redirects release assets to its CDN), which serves the file. Point `TACK_MANIFESTS_URL` at
/// ``baseURL`` and `TACK_MANIFESTS_CA_FILE` at a file holding ``caPEM``.
///
/// ```swift
/// let server = try await ManifestReleaseServer.start(releases: ["v2.9.4": ["install.yaml": bundle]])
/// // TACK_MANIFESTS_URL=\(server.baseURL)
/// await server.stop()
/// ```
public final class ManifestReleaseServer: Sendable {
  public let port: Int
  public let caPEM: String
  private let channel: any Channel
  private let group: MultiThreadedEventLoopGroup
  private let served: PathRecorder

  /// `https://127.0.0.1:<port>/download`: the `<base>` of `<base>/<version>/install.yaml`.
  public var baseURL: String { "https://127.0.0.1:\(port)/download" }

  /// Paths requested so far, in order.
  public var requests: [String] { served.paths.withLock { $0 } }

  /// - Parameters:
  ///   - releases: version → asset name → contents.
  ///   - checksums: also serve `flux_<version without v>_checksums.txt` with each asset's SHA-256.
  ///   - tamperedChecksums: list digests of other bytes, as if an asset had been altered.
  ///   - unlisted: assets served but left out of the checksums file.
  public static func start(
    releases: [String: [String: [UInt8]]], checksums: Bool = true, tamperedChecksums: Bool = false,
    unlisted: Set<String> = []
  ) async throws -> ManifestReleaseServer {
    var assets: [String: [UInt8]] = [:]
    for (version, files) in releases {
      var lines: [String] = []
      for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
        assets["/cdn/\(version)/\(name)"] = bytes
        if unlisted.contains(name) { continue }
        let digest = SHA256.hash(data: tamperedChecksums ? bytes + [0x0A] : bytes).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        lines.append("\(digest)  \(name)")
      }
      if checksums {
        assets["/cdn/\(version)/flux_\(version.dropFirst())_checksums.txt"] = Array((lines.joined(separator: "\n") + "\n").utf8)
      }
    }
    let authority = try CertificateAuthority(name: "tack manifests test CA")
    let context = try NIOSSLContext(configuration: try authority.issueServerCertificate().serverTLSConfiguration())
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let served = PathRecorder()
    let routes = ReleaseRoutes(assets: assets)
    do {
      let channel = try await ServerBootstrap(group: group)
        .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        .childChannelInitializer { channel in
          channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
            try channel.pipeline.syncOperations.configureHTTPServerPipeline()
            try channel.pipeline.syncOperations.addHandler(ReleaseHandler(routes: routes) { path in
              served.paths.withLock { $0.append(path) }
            })
          }
        }
        .bind(host: "127.0.0.1", port: 0).get()
      return ManifestReleaseServer(
        port: channel.localAddress?.port ?? 0, caPEM: authority.certificatePEM, channel: channel, group: group, served: served)
    } catch {
      try? await group.shutdownGracefully()
      throw error
    }
  }

  private init(port: Int, caPEM: String, channel: any Channel, group: MultiThreadedEventLoopGroup, served: PathRecorder) {
    self.port = port
    self.caPEM = caPEM
    self.channel = channel
    self.group = group
    self.served = served
  }

  public func stop() async {
    try? await channel.close()
    try? await group.shutdownGracefully()
  }
}

final class PathRecorder: Sendable {
  let paths = Mutex<[String]>([])
}

struct ReleaseRoutes: Sendable {
  let assets: [String: [UInt8]]

  func answer(_ path: String) -> (HTTPResponseStatus, [(String, String)], [UInt8]) {
    if path.hasPrefix("/download/") {
      let cdn = "/cdn/" + path.dropFirst("/download/".count)
      if assets[cdn] != nil { return (.found, [("Location", cdn)], []) }
    }
    if let bytes = assets[path] { return (.ok, [("Content-Type", "application/octet-stream")], bytes) }
    return (.notFound, [("Content-Type", "text/plain")], Array("Not Found\n".utf8))
  }
}

final class ReleaseHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  let routes: ReleaseRoutes
  let record: @Sendable (String) -> Void
  private var head: HTTPRequestHead?

  init(routes: ReleaseRoutes, record: @escaping @Sendable (String) -> Void) {
    self.routes = routes
    self.record = record
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head): self.head = head
    case .body: break
    case .end:
      guard let head else { return }
      let path = String(head.uri.split(separator: "?", maxSplits: 1).first ?? "")
      record(path)
      let (status, extra, body) = routes.answer(path)
      var headers = HTTPHeaders(extra)
      headers.add(name: "Content-Length", value: String(body.count))
      headers.add(name: "Connection", value: "close")
      context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
      var buffer = context.channel.allocator.buffer(capacity: body.count)
      buffer.writeBytes(body)
      context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
      let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
      context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
      self.head = nil
    }
  }
}
