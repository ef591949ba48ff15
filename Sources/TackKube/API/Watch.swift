import TackBase
import TackHTTP
import TackJSON

/// What happened to an object.
public enum WatchEventType: String, Sendable {
  case added = "ADDED"
  case modified = "MODIFIED"
  case deleted = "DELETED"
  /// Only a new `resourceVersion` (only delivered when asked for).
  case bookmark = "BOOKMARK"
}

public struct WatchEvent: Sendable, Hashable {
  public var type: WatchEventType
  public var object: KubeObject

  public init(type: WatchEventType, object: KubeObject) {
    self.type = type
    self.object = object
  }
}

/// How a watch starts and how hard it tries to keep going.
public struct WatchOptions: Sendable {
  /// Label/field selectors (and a starting `resourceVersion`, which skips the initial list).
  public var list: ListOptions
  /// Start with a list and report every existing object as ADDED (informer style). Off only makes
  /// sense with a starting `resourceVersion`.
  public var initialList: Bool
  /// Deliver BOOKMARK events to the consumer (they always advance the resourceVersion).
  public var deliverBookmarks: Bool
  /// Consecutive failed reconnects before the stream fails; a delivered event resets the count.
  public var maxReconnects: Int
  public var reconnectDelay: Duration
  public var maxReconnectDelay: Duration

  public init(
    list: ListOptions = ListOptions(), initialList: Bool = true, deliverBookmarks: Bool = false, maxReconnects: Int = 10,
    reconnectDelay: Duration = .milliseconds(100), maxReconnectDelay: Duration = .seconds(5)
  ) {
    self.list = list
    self.initialList = initialList
    self.deliverBookmarks = deliverBookmarks
    self.maxReconnects = maxReconnects
    self.reconnectDelay = reconnectDelay
    self.maxReconnectDelay = maxReconnectDelay
  }
}

extension KubeClient {
  /// Watches a resource type: first every existing object as ADDED (unless starting from a
  /// `resourceVersion`), then changes as they happen.
  ///
  /// The stream follows `resourceVersion` (bookmarks included), resumes after a dropped connection
  /// from where it was, and after 410 Gone lists again and emits what changed meanwhile (ADDED,
  /// MODIFIED, DELETED), so the consumer's view stays consistent. Events are read from the server
  /// only as fast as the consumer takes them. Cancelling the consuming task ends it promptly.
  public func watch(_ resource: APIResource, namespace: String? = nil, options: WatchOptions = WatchOptions())
    -> AsyncThrowingStream<WatchEvent, any Error>
  {
    let session = WatchSession(client: self, resource: resource, namespace: namespace, options: options)
    return AsyncThrowingStream(unfolding: { try await session.next() })
  }
}

/// The state machine behind `watch`: list, watch, reconnect, relist. `next()` is called by one
/// consumer at a time (an `AsyncThrowingStream` iterator), which is what makes the unchecked
/// sendability sound.
final class WatchSession: @unchecked Sendable {
  let client: KubeClient
  let resource: APIResource
  let namespace: String?
  let options: WatchOptions

  private var resourceVersion: String?
  /// Objects seen, by namespace/name, to diff a relist against.
  private var known: [String: KubeObject] = [:]
  private var pending: [WatchEvent] = []
  private var pendingIndex = 0
  private var body: ResponseBody.AsyncIterator?
  private var bodyHandle: ResponseBody?
  private var buffer: [UInt8] = []
  private var needsList: Bool
  private var failures = 0
  private var eventsOnConnection = 0
  private var finished = false

  init(client: KubeClient, resource: APIResource, namespace: String?, options: WatchOptions) {
    self.client = client
    self.resource = resource
    self.namespace = namespace
    self.options = options
    resourceVersion = options.list.resourceVersion
    needsList = options.initialList || options.list.resourceVersion == nil
  }

  deinit { bodyHandle?.cancel() }

  func next() async throws -> WatchEvent? {
    while true {
      if pendingIndex < pending.count {
        pendingIndex += 1
        return pending[pendingIndex - 1]
      }
      pending.removeAll(keepingCapacity: true)
      pendingIndex = 0
      if finished { return nil }
      do {
        try Task.checkCancellation()
        if needsList {
          try await relist()
          needsList = false
          continue
        }
        if body == nil { try await openWatch() }
        if let event = try await readEvent() {
          failures = 0
          eventsOnConnection += 1
          if let event { return event }
        } else {
          // The server ended the watch (its timeout) or the connection dropped: resume from the
          // last resourceVersion. A connection that ended without a single event counts as a
          // failure, so a server that keeps closing at once is not hammered.
          let wasIdle = eventsOnConnection == 0
          closeBody()
          if wasIdle {
            failures += 1
            if failures > options.maxReconnects {
              finish()
              throw KubeTransportError(
                kind: .connectionReset, url: client.config.server.url(for: resource.path(namespace: namespace)),
                detail: "the watch keeps ending without events")
            }
            try await pause()
          }
        }
      } catch is CancellationError {
        finish()
        throw CancellationError()
      } catch let error as KubeAPIError where error.isGone {
        closeBody()
        needsList = true
      } catch let error as KubeTransportError where error.kind == .connectionReset || error.kind == .timedOut {
        closeBody()
        failures += 1
        if failures > options.maxReconnects {
          finish()
          throw error
        }
        try await pause()
      } catch {
        finish()
        throw error
      }
    }
  }

  private func finish() {
    finished = true
    closeBody()
  }

  private func closeBody() {
    bodyHandle?.cancel()
    bodyHandle = nil
    body = nil
    buffer.removeAll()
  }

  private func pause() async throws {
    let exponent = min(failures - 1, 16)
    let delay = min(options.reconnectDelay * (1 << exponent), options.maxReconnectDelay) * Double.random(in: 0.5...1.0)
    try await client.executor.sleep(delay)
  }

  /// Lists everything and queues the difference to what the consumer already saw.
  private func relist() async throws {
    var listOptions = options.list
    listOptions.resourceVersion = nil
    listOptions.timeoutSeconds = nil
    let list = try await client.list(resource, namespace: namespace, options: listOptions)
    var fresh: [String: KubeObject] = [:]
    for object in list.items {
      let key = Self.key(object)
      fresh[key] = object
      if let old = known[key] {
        if old.metadata.uid != object.metadata.uid {
          pending.append(WatchEvent(type: .deleted, object: old))
          pending.append(WatchEvent(type: .added, object: object))
        } else if old.metadata.resourceVersion != object.metadata.resourceVersion {
          pending.append(WatchEvent(type: .modified, object: object))
        }
      } else {
        pending.append(WatchEvent(type: .added, object: object))
      }
    }
    for (key, old) in known.sorted(by: { $0.key < $1.key }) where fresh[key] == nil {
      pending.append(WatchEvent(type: .deleted, object: old))
    }
    known = fresh
    resourceVersion = list.resourceVersion
  }

  private func openWatch() async throws {
    var query = options.list.queryItems.filter {
      $0.0 != "resourceVersion" && $0.0 != "limit" && $0.0 != "continue" && $0.0 != "resourceVersionMatch"
    }
    query.insert(("watch", "1"), at: 0)
    if let resourceVersion { query.append(("resourceVersion", resourceVersion)) }
    query.append(("allowWatchBookmarks", "true"))
    let response = try await client.executor.open(
      APIRequest(
        method: "GET", path: resource.path(namespace: namespace) + PathEscaping.queryString(query),
        safety: .idempotent, resource: resource.qualifiedName))
    bodyHandle = response.body
    eventsOnConnection = 0
    body = response.body.makeAsyncIterator()
  }

  /// nil: the body ended. `.some(nil)`: an event that is not delivered (bookmark). Else the event.
  private func readEvent() async throws -> WatchEvent?? {
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { continue }
        return .some(try handle(line))
      }
      guard var iterator = body else { return nil }
      let chunk = try await iterator.next()
      body = iterator
      guard let chunk else {
        if !buffer.isEmpty {
          try checkLineLength(buffer.count)
          let line = buffer
          buffer.removeAll()
          return .some(try handle(line))
        }
        return nil
      }
      buffer.append(contentsOf: chunk)
      // The first line is the one being read; the next turn of the loop takes it if complete.
      try checkLineLength(buffer.firstIndex(of: UInt8(ascii: "\n")) ?? buffer.count)
    }
  }

  /// One event larger than the limit ends the watch (it would otherwise fill memory).
  private func checkLineLength(_ length: Int) throws {
    guard length > client.maxWatchLineBytes else { return }
    throw KubeTransportError(
      kind: .bodyTooLarge, url: client.config.server.url(for: resource.path(namespace: namespace)),
      detail: "a watch event is larger than the limit of \(ByteCount(client.maxWatchLineBytes))")
  }

  private func handle(_ line: [UInt8]) throws -> WatchEvent? {
    let json: JSON
    do {
      json = try JSON.parse(line)
    } catch {
      throw KubeTransportError(
        kind: .connectionReset, url: client.config.server.url(for: resource.path(namespace: namespace)),
        detail: "malformed watch event (\(error.reason))")
    }
    let object = KubeObject(json["object"] ?? .null)
    switch json["type"]?.stringValue {
    case "ERROR":
      let status = KubeStatus(json: object.json) ?? KubeStatus(code: 500, reason: .internalError, message: "watch error")
      throw KubeAPIError(status: status, method: "GET", path: resource.path(namespace: namespace))
    case "BOOKMARK":
      if let rv = object.metadata.resourceVersion { resourceVersion = rv }
      return options.deliverBookmarks ? WatchEvent(type: .bookmark, object: object) : nil
    case let type?:
      guard let eventType = WatchEventType(rawValue: type) else { return nil }
      if let rv = object.metadata.resourceVersion { resourceVersion = rv }
      let key = Self.key(object)
      if eventType == .deleted { known[key] = nil } else { known[key] = object }
      return WatchEvent(type: eventType, object: object)
    case nil:
      return nil
    }
  }

  static func key(_ object: KubeObject) -> String { "\(object.namespace ?? "")/\(object.name)" }
}
