import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Runs one request through `git http-backend` as CGI (RFC 3875).
struct Backend: Sendable {
  let projectRoot: String
  let authentication: HTTPGitServer.Authentication
  let log: GitRequestLog

  struct Response: Sendable {
    var status: HTTPResponseStatus
    var headers: [(String, String)]
    var body: [UInt8]
  }

  func authorize(_ head: HTTPRequestHead) -> String?? {
    let header = head.headers.first(name: "authorization") ?? ""
    switch authentication {
    case .none:
      return .some(nil)
    case .basic(let username, let password):
      let expected = "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
      return header == expected ? .some(username) : nil
    case .bearer(let token):
      return header == "Bearer \(token)" ? .some("bearer") : nil
    case .token(let token):
      guard header.hasPrefix("Basic "),
        let decoded = Data(base64Encoded: String(header.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) }),
        let colon = decoded.firstIndex(of: ":"), decoded[decoded.index(after: colon)...] == token
      else { return nil }
      return .some(String(decoded[..<colon]))
    }
  }

  func handle(_ head: HTTPRequestHead, body: [UInt8]) -> Response {
    guard let remoteUser = authorize(head) else {
      log.append(.init(method: head.method.rawValue, uri: head.uri, authorized: false))
      return Response(
        status: .unauthorized, headers: [("WWW-Authenticate", "Basic realm=\"tack test git\"")],
        body: Array("authentication required\n".utf8))
    }
    log.append(.init(method: head.method.rawValue, uri: head.uri, authorized: true))
    let pathAndQuery = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    var environment: [String: String] = [
      "GATEWAY_INTERFACE": "CGI/1.1",
      "SERVER_PROTOCOL": "HTTP/1.1",
      "SERVER_SOFTWARE": "tack-test-git",
      "REQUEST_METHOD": head.method.rawValue,
      "PATH_INFO": String(pathAndQuery[0]),
      "QUERY_STRING": pathAndQuery.count > 1 ? String(pathAndQuery[1]) : "",
      "CONTENT_TYPE": head.headers.first(name: "content-type") ?? "",
      "CONTENT_LENGTH": String(body.count),
      "REMOTE_ADDR": "127.0.0.1",
      "GIT_PROJECT_ROOT": projectRoot,
      "GIT_HTTP_EXPORT_ALL": "1",
      "GIT_CONFIG_NOSYSTEM": "1",
      "GIT_CONFIG_GLOBAL": "/dev/null",
      "PATH": "/usr/local/bin:/usr/bin:/bin",
      // Pushing needs either an authenticated user or http.receivepack.
      "GIT_CONFIG_COUNT": "1",
      "GIT_CONFIG_KEY_0": "http.receivepack",
      "GIT_CONFIG_VALUE_0": "true",
    ]
    if let user = remoteUser { environment["REMOTE_USER"] = user }
    if let encoding = head.headers.first(name: "content-encoding") {
      environment["HTTP_CONTENT_ENCODING"] = encoding
    }
    if let protocolHeader = head.headers.first(name: "git-protocol") {
      environment["HTTP_GIT_PROTOCOL"] = protocolHeader
    }
    do {
      return try runCGI(environment: environment, body: body)
    } catch {
      return Response(status: .internalServerError, headers: [], body: Array("\(error)\n".utf8))
    }
  }

  private func runCGI(environment: [String: String], body: [UInt8]) throws -> Response {
    let result = try ProcessRunner.runBlocking(
      HTTPGitServer.backendPath, [], environment: environment, inheritEnvironment: false, stdin: body,
      timeout: .seconds(300))
    return Self.parseCGIOutput(result.stdoutBytes)
  }

  static func parseCGIOutput(_ output: [UInt8]) -> Response {
    var headerEnd = output.count
    var bodyStart = output.count
    for index in 0..<output.count where output[index] == UInt8(ascii: "\n") {
      if index + 1 < output.count && output[index + 1] == UInt8(ascii: "\n") {
        headerEnd = index
        bodyStart = index + 2
        break
      }
      if index + 2 < output.count && output[index + 1] == UInt8(ascii: "\r") && output[index + 2] == UInt8(ascii: "\n") {
        headerEnd = index
        bodyStart = index + 3
        break
      }
    }
    var status = HTTPResponseStatus.ok
    var headers: [(String, String)] = []
    let headerText = String(decoding: output[..<headerEnd], as: UTF8.self)
    for line in headerText.split(whereSeparator: \.isNewline) {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = String(line[..<colon])
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if name.lowercased() == "status" {
        let code = Int(value.prefix(3)) ?? 200
        status = HTTPResponseStatus(statusCode: code)
      } else {
        headers.append((name, value))
      }
    }
    return Response(status: status, headers: headers, body: Array(output[min(bodyStart, output.count)...]))
  }
}

/// Collects a request, runs the route (the git backend, or a hosting service double that also
/// serves an API) on the thread pool (it blocks), writes the response.
final class GitBackendHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  typealias Route = @Sendable (HTTPRequestHead, [UInt8]) -> Backend.Response
  private let route: Route
  private let threadPool: NIOThreadPool
  private var head: HTTPRequestHead?
  private var body: [UInt8] = []

  init(route: @escaping Route, threadPool: NIOThreadPool) {
    self.route = route
    self.threadPool = threadPool
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      self.head = head
      body = []
    case .body(var buffer):
      body += buffer.readBytes(length: buffer.readableBytes) ?? []
    case .end:
      guard let head else { return }
      let requestBody = body
      let route = route
      let keepAlive = head.isKeepAlive
      let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
      let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
      threadPool.runIfActive(eventLoop: context.eventLoop) {
        route(head, requestBody)
      }.whenComplete { result in
        let context = bound.value
        let response: Backend.Response
        switch result {
        case .success(let value): response = value
        case .failure(let error):
          response = .init(status: .internalServerError, headers: [], body: Array("\(error)".utf8))
        }
        // A challenge closes the connection: libgit2 1.5 misparses the replay on a kept-alive
        // connection after a 401 ("http parser error: invalid constant string").
        handler.value.write(response, keepAlive: keepAlive && response.status != .unauthorized, context: context)
      }
      self.head = nil
      body = []
    }
  }

  private func write(_ response: Backend.Response, keepAlive: Bool, context: ChannelHandlerContext) {
    var headers = HTTPHeaders(response.headers)
    headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
    headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
    context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: response.status, headers: headers))), promise: nil)
    var buffer = context.channel.allocator.buffer(capacity: response.body.count)
    buffer.writeBytes(response.body)
    context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
    let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
    context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
      if !keepAlive { bound.value.close(promise: nil) }
    }
  }
}
