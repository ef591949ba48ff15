import NIOCore
import NIOHTTP1
import NIOSSL
import TackJSON

/// Reads HTTP/1.1 requests on one TLS connection, applies faults, dispatches, and writes responses
/// (or a watch stream). Runs on the connection's event loop.
final class APIChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  let server: APIServerCore
  var head: HTTPRequestHead?
  var body: [UInt8] = []
  var watch: WatchSession?
  /// The task writing a streamed response (a followed pod log).
  var streaming: Task<Void, Never>?
  var certificateIdentity: UserIdentity??

  init(server: APIServerCore) { self.server = server }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      self.head = head
      body = []
    case .body(var buffer):
      if let bytes = buffer.readBytes(length: buffer.readableBytes) { body += bytes }
    case .end:
      guard let head else { return }
      self.head = nil
      handle(head: head, body: body, context: context)
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    watch?.cancel()
    watch = nil
    streaming?.cancel()
    streaming = nil
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: Error) {
    context.close(promise: nil)
  }

  func identity(context: ChannelHandlerContext) -> UserIdentity? {
    if let cached = certificateIdentity { return cached }
    var found: UserIdentity?
    if let certificate = try? context.pipeline.syncOperations.nioSSL_peerCertificate(),
      let der = try? certificate.toDERBytes(), let identity = CertificateAuthority.identity(fromDER: der)
    {
      found = UserIdentity(name: identity.user, groups: identity.groups)
    }
    certificateIdentity = .some(found)
    return found
  }

  func handle(head: HTTPRequestHead, body: [UInt8], context: ChannelHandlerContext) {
    let request = APIRequest(
      method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body,
      certificateIdentity: identity(context: context))
    let isWatch = request.parameter("watch") == "true" || request.parameter("watch") == "1"
      || request.path.contains("/watch/")
    let faults = server.faults.match(method: request.method, path: request.path, isWatch: isWatch)
    var delay: Duration = .zero
    for case .latency(let amount) in faults { delay += amount }
    let keepAlive = head.isKeepAlive
    if delay > .zero {
      let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
      context.eventLoop.scheduleTask(in: TimeAmount(delay)) {
        let (handler, context) = bound.value
        guard context.channel.isActive else { return }
        handler.process(request, faults: faults, keepAlive: keepAlive, context: context)
      }
    } else {
      process(request, faults: faults, keepAlive: keepAlive, context: context)
    }
  }

  func process(_ request: APIRequest, faults: [Fault.Action], keepAlive: Bool, context: ChannelHandlerContext) {
    for fault in faults {
      switch fault {
      case .status(let code, let retryAfter):
        let response = APIResponse.error(FaultInjector.statusError(code, retryAfter: retryAfter))
        server.log.record(request, user: nil, status: code, reachedServer: false, fault: "status \(code)")
        write(response, keepAlive: keepAlive, context: context)
        return
      case .closeConnection:
        server.log.record(request, user: nil, status: 0, reachedServer: false, fault: "close")
        context.close(promise: nil)
        return
      default: continue
      }
    }
    let resetMidBody = faults.contains { if case .resetMidBody = $0 { true } else { false } }
    let dropAfter = faults.compactMap { action -> Int? in if case .dropWatch(let n) = action { n } else { nil } }.first
    let (outcome, user) = server.dispatcher.handle(request)
    switch outcome {
    case .respond(let response):
      server.log.record(request, user: user, status: response.status, reachedServer: true,
        fault: resetMidBody ? "reset" : nil)
      if resetMidBody {
        writeTruncated(response, context: context)
      } else {
        write(compressed(response, for: request), keepAlive: keepAlive, context: context)
      }
    case .watch(let plan):
      let session = WatchSession(plan: plan, store: server.store, context: context, dropAfter: dropAfter) { [weak self] in
        self?.watch = nil
        if !keepAlive { context.close(promise: nil) }
      }
      do {
        try session.start(bookmarkInterval: server.bookmarkInterval)
        watch = session
        server.log.record(request, user: user, status: 200, reachedServer: true, fault: dropAfter.map { "drop after \($0)" })
      } catch {
        server.log.record(request, user: user, status: error.code, reachedServer: true, fault: nil)
        write(.error(error), keepAlive: keepAlive, context: context)
      }
    case .stream(let contentType, let chunks):
      server.log.record(request, user: user, status: 200, reachedServer: true, fault: nil)
      stream(chunks, contentType: contentType, keepAlive: keepAlive, context: context)
    case .proxy(let proxied, let handler):
      let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
      let promise = context.eventLoop.makePromise(of: APIResponse.self)
      promise.completeWithTask {
        do {
          let answer = try await handler(proxied)
          return APIResponse(status: answer.status, headers: answer.headers, body: answer.body)
        } catch {
          return .error(APIError.serviceUnavailable("error trying to reach service: \(error)"))
        }
      }
      let log = server.log
      promise.futureResult.whenSuccess { response in
        let (handler, context) = bound.value
        log.record(request, user: user, status: response.status, reachedServer: true, fault: nil)
        guard context.channel.isActive else { return }
        if resetMidBody {
          handler.writeTruncated(response, context: context)
        } else {
          handler.write(response, keepAlive: keepAlive, context: context)
        }
      }
    }
  }

  /// Writes a chunked response as its chunks come, then ends it (or stops when the client goes away);
  /// a `.reset` closes the connection without the body's end, as a broken stream looks to a client.
  func stream(_ chunks: AsyncStream<StreamChunk>, contentType: String, keepAlive: Bool, context: ChannelHandlerContext) {
    var headers = HTTPHeaders()
    headers.add(name: "Content-Type", value: contentType)
    headers.add(name: "Cache-Control", value: "no-cache, private")
    headers.add(name: "Transfer-Encoding", value: "chunked")
    context.writeAndFlush(
      wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
    let loop = context.eventLoop
    let bound = NIOLoopBound((self, context), eventLoop: loop)
    let task = Task {
      for await chunk in chunks {
        guard case .bytes(let bytes) = chunk else {
          loop.execute {
            let (handler, context) = bound.value
            handler.streaming = nil
            context.close(promise: nil)
          }
          return
        }
        loop.execute {
          let (handler, context) = bound.value
          guard context.channel.isActive else { return }
          context.writeAndFlush(
            handler.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))), promise: nil)
        }
      }
      loop.execute {
        let (handler, context) = bound.value
        handler.streaming = nil
        guard context.channel.isActive else { return }
        let channel = context.channel
        context.writeAndFlush(handler.wrapOutboundOut(.end(nil))).whenComplete { _ in
          if !keepAlive { channel.close(promise: nil) }
        }
      }
    }
    streaming = task
  }

  /// gzip when the client asked for it and the body is at least the threshold (see ``ResponseCompression``).
  func compressed(_ response: APIResponse, for request: APIRequest) -> APIResponse {
    guard response.body.count >= server.compressionThreshold,
      ResponseCompression.acceptsGzip(request.header("Accept-Encoding")),
      let body = ResponseCompression.gzip(response.body)
    else { return response }
    var answer = response
    answer.body = body
    answer.headers.append(("Content-Encoding", "gzip"))
    answer.headers.append(("Vary", "Accept-Encoding"))
    return answer
  }

  func responseHead(_ response: APIResponse, contentLength: Int, keepAlive: Bool) -> HTTPResponseHead {
    var headers = HTTPHeaders()
    for (name, value) in response.headers { headers.add(name: name, value: value) }
    headers.add(name: "Cache-Control", value: "no-cache, private")
    headers.add(name: "Content-Length", value: String(contentLength))
    if !keepAlive { headers.add(name: "Connection", value: "close") }
    return HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
  }

  func write(_ response: APIResponse, keepAlive: Bool, context: ChannelHandlerContext) {
    context.write(wrapOutboundOut(.head(responseHead(response, contentLength: response.body.count, keepAlive: keepAlive))), promise: nil)
    if !response.body.isEmpty {
      context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
    }
    let channel = context.channel
    context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
      if !keepAlive { channel.close(promise: nil) }
    }
  }

  /// Sends the head and half the body, then drops the connection.
  func writeTruncated(_ response: APIResponse, context: ChannelHandlerContext) {
    context.write(wrapOutboundOut(.head(responseHead(response, contentLength: response.body.count, keepAlive: true))), promise: nil)
    let half = Array(response.body.prefix(max(1, response.body.count / 2)))
    let channel = context.channel
    context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: half))))).whenComplete { _ in
      channel.close(mode: .all, promise: nil)
    }
  }
}
