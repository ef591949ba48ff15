import NIOCore
import NIOHTTP1
import TackJSON

/// One streaming watch response: newline-delimited JSON events in chunked encoding, bookmarks,
/// the timeout, and injected drops. Lives on its channel's event loop.
final class WatchSession {
  let plan: WatchPlan
  let store: ObjectStore
  let context: ChannelHandlerContext
  let dropAfter: Int?
  let onFinish: () -> Void
  var registration: UInt64?
  var sent = 0
  var sentColumns = false
  var lastRevision: UInt64 = 0
  var finished = false
  var timeoutTask: Scheduled<Void>?
  var bookmarkTask: RepeatedTask?

  init(plan: WatchPlan, store: ObjectStore, context: ChannelHandlerContext, dropAfter: Int?, onFinish: @escaping () -> Void) {
    self.plan = plan
    self.store = store
    self.context = context
    self.dropAfter = dropAfter
    self.onFinish = onFinish
  }

  func start(bookmarkInterval: Duration) throws(APIError) {
    let loop = context.eventLoop
    let bound = NIOLoopBound(self, eventLoop: loop)
    // Deliveries are queued on the loop, so they follow the head written below (even the
    // synchronous initial burst, and a 410 ERROR event, which the real server also streams).
    registration = try store.watch(
      plan.type, namespace: plan.namespace, resourceVersion: plan.resourceVersion, sendInitialEvents: plan.sendInitialEvents
    ) { delivery in
      loop.execute { bound.value.deliver(delivery) }
    }
    lastRevision = store.resourceVersion
    var headers = HTTPHeaders()
    headers.add(name: "Content-Type", value: "application/json")
    headers.add(name: "Cache-Control", value: "no-cache, private")
    headers.add(name: "Transfer-Encoding", value: "chunked")
    context.writeAndFlush(NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
    timeoutTask = loop.scheduleTask(in: TimeAmount(plan.timeout)) { bound.value.finish() }
    if plan.allowBookmarks {
      let interval = TimeAmount(bookmarkInterval)
      bookmarkTask = loop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in bound.value.sendBookmark() }
    }
  }

  func deliver(_ delivery: WatchDelivery) {
    guard !finished else { return }
    switch delivery {
    case .event(let entry):
      lastRevision = max(lastRevision, entry.revision)
      guard let (type, object) = plan.filter.translate(entry) else { return }
      write(type: type, object: object)
    case .initialEventsEnd(let revision):
      lastRevision = max(lastRevision, revision)
      // The real server marks the end of the initial events only for clients that take bookmarks.
      guard plan.allowBookmarks else { return }
      writeLine(type: .bookmark, objectBytes: bookmark(revision: revision, initialEventsEnd: true).serializedBytes())
    case .failed(let error):
      writeLine(type: .error, objectBytes: error.status.serializedBytes())
      finish()
    }
  }

  /// An empty object of the watched kind carrying only the revision: a typed object for built-in
  /// kinds (whose zero `creationTimestamp` encodes as null), an unstructured one (keys sorted, no
  /// timestamp) for custom resources.
  func bookmark(revision: UInt64, initialEventsEnd: Bool) -> JSON {
    let annotations: JSON = ["k8s.io/initial-events-end": "true"]
    if plan.type.isCustom {
      var metadata: JSONObject = [:]
      if initialEventsEnd { metadata["annotations"] = annotations }
      metadata["resourceVersion"] = .string(String(revision))
      return ["apiVersion": .string(plan.type.apiVersion), "kind": .string(plan.type.kind), "metadata": .object(metadata)]
    }
    var metadata: JSONObject = ["resourceVersion": .string(String(revision)), "creationTimestamp": .null]
    if initialEventsEnd { metadata["annotations"] = annotations }
    return ["kind": .string(plan.type.kind), "apiVersion": .string(plan.type.apiVersion), "metadata": .object(metadata)]
  }

  func sendBookmark() {
    guard !finished else { return }
    lastRevision = max(lastRevision, store.resourceVersion)
    writeLine(type: .bookmark, objectBytes: bookmark(revision: lastRevision, initialEventsEnd: false).serializedBytes())
  }

  func write(type: WatchEvent.EventType, object: StoredObject) {
    switch plan.format {
    case .json:
      writeLine(type: type, objectBytes: object.bytes)
    case .table(let version, let include):
      let source = plan.type.conversion == .eventsV1 ? EventConversion.toCore(object.object) : object.object
      let table = TableConverter.table(
        plan.type, objects: [source], listMetadata: ["resourceVersion": .string(String(object.revision))],
        include: include, headers: !sentColumns, tableVersion: version)
      sentColumns = true
      writeLine(type: type, objectBytes: table.serializedBytes())
    case .partialMetadata(let version):
      let partial: JSON = ["kind": "PartialObjectMetadata", "apiVersion": .string("meta.k8s.io/\(version)"),
        "metadata": object.object["metadata"] ?? [:]]
      writeLine(type: type, objectBytes: partial.serializedBytes())
    }
    sent += 1
    if let dropAfter, sent >= dropAfter { abort() }
  }

  func writeLine(type: WatchEvent.EventType, objectBytes: [UInt8]) {
    var line: [UInt8] = Array("{\"type\":\"\(type.rawValue)\",\"object\":".utf8)
    line += objectBytes
    line += Array("}\n".utf8)
    let buffer = context.channel.allocator.buffer(bytes: line)
    context.writeAndFlush(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
  }

  func stopTimers() {
    timeoutTask?.cancel()
    bookmarkTask?.cancel()
    if let registration { store.cancelWatch(registration) }
    registration = nil
  }

  /// Ends the stream normally (timeout, 410).
  func finish() {
    guard !finished else { return }
    finished = true
    stopTimers()
    context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
    onFinish()
  }

  /// Drops the connection mid-stream (injected fault).
  func abort() {
    guard !finished else { return }
    finished = true
    stopTimers()
    context.close(promise: nil)
  }

  /// The client went away.
  func cancel() {
    finished = true
    stopTimers()
  }
}
