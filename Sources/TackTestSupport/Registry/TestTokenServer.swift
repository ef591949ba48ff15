import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization
import X509

/// The token endpoint of the registry bearer flow, for `TestRegistry.start(auth: .token(…))`:
/// `GET /token?service=…&scope=…` with Basic credentials answers a JWT (ES256, the signing
/// certificate in `x5c`, chained to ``rootCertificatePEM``) granting the scopes asked for, as
/// distribution 2.8 verifies it. Wrong or missing credentials get 401. Plain HTTP on loopback.
///
/// ```swift
/// let tokens = try await TestTokenServer.start()
/// let registry = try await TestRegistry.start(auth: tokens.registryAuth)
/// ```
public final class TestTokenServer: Sendable {
  public static let service = "tack-test-registry"
  public static let issuer = "tack-test-token-issuer"

  public let port: Int
  /// The CA the signing certificate chains to: the registry's `rootcertbundle`.
  public let rootCertificatePEM: String
  private let channel: any Channel
  private let group: MultiThreadedEventLoopGroup
  private let state: TokenState

  public var realm: String { "http://127.0.0.1:\(port)/token" }

  public var registryAuth: TestRegistry.Auth {
    .token(realm: realm, service: Self.service, issuer: Self.issuer, rootCertificatePEM: rootCertificatePEM)
  }

  /// The query strings of the token requests so far.
  public var requests: [String] { state.requests.withLock { $0 } }

  public static func start(username: String = TestRegistry.username, password: String = TestRegistry.password)
    async throws -> TestTokenServer
  {
    let authority = try CertificateAuthority(name: "tack token signer CA")
    let signer = try authority.issue(
      subject: try DistinguishedName { CommonName("tack token signer") }, usage: [.serverAuth], alternativeNames: [])
    let key = try P256.Signing.PrivateKey(pemRepresentation: signer.privateKeyPEM)
    let certificateDER = Self.der(fromPEM: signer.certificatePEM)
    let state = TokenState(
      key: key, certificateDER: certificateDER, basic: "Basic " + Data("\(username):\(password)".utf8).base64EncodedString())
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    do {
      let channel = try await ServerBootstrap(group: group)
        .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        .childChannelInitializer { channel in
          channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.configureHTTPServerPipeline()
            try channel.pipeline.syncOperations.addHandler(TokenHandler(state: state))
          }
        }
        .bind(host: "127.0.0.1", port: 0).get()
      return TestTokenServer(
        port: channel.localAddress?.port ?? 0, rootCertificatePEM: authority.certificatePEM, channel: channel,
        group: group, state: state)
    } catch {
      try? await group.shutdownGracefully()
      throw error
    }
  }

  private init(port: Int, rootCertificatePEM: String, channel: any Channel, group: MultiThreadedEventLoopGroup, state: TokenState) {
    self.port = port
    self.rootCertificatePEM = rootCertificatePEM
    self.channel = channel
    self.group = group
    self.state = state
  }

  public func stop() async {
    try? await channel.close()
    try? await group.shutdownGracefully()
  }

  static func der(fromPEM pem: String) -> Data {
    let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
    return Data(base64Encoded: body) ?? Data()
  }
}

final class TokenState: Sendable {
  let key: P256.Signing.PrivateKey
  let certificateDER: Data
  let basic: String
  let requests = Mutex<[String]>([])

  init(key: P256.Signing.PrivateKey, certificateDER: Data, basic: String) {
    self.key = key
    self.certificateDER = certificateDER
    self.basic = basic
  }

  /// A JWT granting `scopes` (`repository:<name>:<actions>`).
  func token(scopes: [String]) throws -> String {
    let now = Int(Date().timeIntervalSince1970)
    var access: [[String: Any]] = []
    for scope in scopes {
      let parts = scope.split(separator: ":")
      guard parts.count == 3 else { continue }
      access.append(["type": String(parts[0]), "name": String(parts[1]), "actions": parts[2].split(separator: ",").map(String.init)])
    }
    let header: [String: Any] = ["typ": "JWT", "alg": "ES256", "x5c": [certificateDER.base64EncodedString()]]
    let claims: [String: Any] = [
      "iss": TestTokenServer.issuer, "sub": TestRegistry.username, "aud": TestTokenServer.service, "exp": now + 300,
      "nbf": now - 60, "iat": now, "jti": UUID().uuidString, "access": access,
    ]
    let signingInput = try Self.base64URL(JSONSerialization.data(withJSONObject: header, options: .sortedKeys)) + "."
      + Self.base64URL(JSONSerialization.data(withJSONObject: claims, options: .sortedKeys))
    let signature = try key.signature(for: Data(signingInput.utf8)).rawRepresentation
    return signingInput + "." + Self.base64URL(signature)
  }

  static func base64URL(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }
}

final class TokenHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  let state: TokenState
  private var head: HTTPRequestHead?

  init(state: TokenState) { self.state = state }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head): self.head = head
    case .body: break
    case .end:
      guard let head else { return }
      self.head = nil
      let query = head.uri.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
      state.requests.withLock { $0.append(query) }
      var status = HTTPResponseStatus.ok
      var body: [UInt8]
      if head.headers.first(name: "Authorization") != state.basic {
        status = .unauthorized
        body = Array(#"{"details":"incorrect username or password"}"#.utf8)
      } else {
        let scopes = query.split(separator: "&").compactMap { item -> String? in
          guard item.hasPrefix("scope=") else { return nil }
          return String(item.dropFirst(6)).removingPercentEncoding
        }
        let token = (try? state.token(scopes: scopes)) ?? ""
        body = Array(#"{"token":"\#(token)","access_token":"\#(token)","expires_in":300}"#.utf8)
      }
      var headers = HTTPHeaders([("Content-Type", "application/json")])
      headers.add(name: "Content-Length", value: String(body.count))
      headers.add(name: "Connection", value: "close")
      context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
      var buffer = context.channel.allocator.buffer(capacity: body.count)
      buffer.writeBytes(body)
      context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
      let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
      context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }
  }
}
