import Synchronization
import TackBase
import TackJSON

/// What the containers of the test server's Pods have written (the server runs no containers):
/// tests append text, and `GET /api/v1/namespaces/NS/pods/NAME/log` reads it as the kubelet serves a
/// container's log — whole, the last `tailLines`, the lines since `sinceSeconds`/`sinceTime`, each
/// prefixed with its time with `timestamps=true`, and with `follow=true` as it grows, until the
/// container stops (``finish``) or the connection drops (``drop``).
///
/// ```swift
/// try cluster.store.create(pod)                     // a Pod with one container, "manager"
/// cluster.server.podLogs.append("starting\n", namespace: "flux-system", pod: "source-controller-1", container: "manager")
/// cluster.server.podLogs.drop(namespace: "flux-system", pod: "source-controller-1", container: "manager")
/// cluster.server.podLogs.finish(namespace: "flux-system", pod: "source-controller-1", container: "manager")
/// ```
public final class PodLogs: Sendable {
  struct Key: Hashable {
    var namespace: String
    var pod: String
    var container: String
  }

  /// One record of the container runtime's log: a line (with its newline, unless the container has
  /// not finished it) and when it was written.
  struct Entry {
    var time: RFC3339Time
    var bytes: [UInt8]
  }

  /// Which part of a log a request reads, and how (the kubelet's options).
  struct Query: Equatable {
    var tailLines: Int?
    /// Lines written at or after this instant.
    var since: RFC3339Time?
    var timestamps = false
  }

  struct Follower {
    var continuation: AsyncStream<StreamChunk>.Continuation
    var query: Query
  }

  struct Log {
    var entries: [Entry] = []
    var finished = false
    var followers: [Int: Follower] = [:]
  }

  private let state = Mutex<(next: Int, logs: [Key: Log])>((0, [:]))

  public init() {}

  /// The container writes `text` at `time` (now by default); every line is one record with that
  /// time, and followers get it at once.
  public func append(
    _ text: String, at time: RFC3339Time = .now(), namespace: String, pod: String, container: String
  ) {
    let entries = Self.split(Array(text.utf8), at: time)
    guard !entries.isEmpty else { return }
    state.withLock { state in
      let key = Key(namespace: namespace, pod: pod, container: container)
      state.logs[key, default: Log()].entries += entries
      for follower in state.logs[key]!.followers.values {
        let chunk = Self.render(entries.filter { Self.keeps($0, since: follower.query.since) }, query: follower.query)
        if !chunk.isEmpty { follower.continuation.yield(.bytes(chunk)) }
      }
    }
  }

  /// The container stopped: followed logs end cleanly, and later follows return at once.
  public func finish(namespace: String, pod: String, container: String) {
    end(Key(namespace: namespace, pod: pod, container: container), finished: true)
  }

  /// The connections following this log break (no end of the chunked body), as when the apiserver
  /// or kubelet goes away mid-stream; the container keeps running and a new follow reads on.
  public func drop(namespace: String, pod: String, container: String) {
    end(Key(namespace: namespace, pod: pod, container: container), finished: false)
  }

  /// How many requests follow this log now (so a test can wait for a reader before it drops it).
  public func followerCount(namespace: String, pod: String, container: String) -> Int {
    state.withLock { $0.logs[Key(namespace: namespace, pod: pod, container: container)]?.followers.count ?? 0 }
  }

  private func end(_ key: Key, finished: Bool) {
    let followers = state.withLock { state in
      if finished { state.logs[key, default: Log()].finished = true }
      defer { state.logs[key]?.followers = [:] }
      return Array(state.logs[key]?.followers.values.map(\.continuation) ?? [])
    }
    // Outside the lock: finishing a stream runs its termination handler, which takes the lock.
    for follower in followers {
      if !finished { follower.yield(.reset) }
      follower.finish()
    }
  }

  /// The log as `query` selects it now.
  func read(_ key: Key, query: Query) -> [UInt8] {
    Self.select(state.withLock { $0.logs[key]?.entries ?? [] }, query: query)
  }

  /// The log as `query` selects it, then every append, until ``finish``, ``drop`` or the reader goes away.
  func follow(_ key: Key, query: Query) -> AsyncStream<StreamChunk> {
    let (stream, continuation) = AsyncStream<StreamChunk>.makeStream()
    let id = state.withLock { state in
      let log = state.logs[key, default: Log()]
      let current = Self.select(log.entries, query: query)
      if !current.isEmpty { continuation.yield(.bytes(current)) }
      if log.finished {
        continuation.finish()
        return -1
      }
      state.next += 1
      state.logs[key, default: Log()].followers[state.next] = Follower(continuation: continuation, query: query)
      return state.next
    }
    continuation.onTermination = { [weak self] _ in
      self?.state.withLock { _ = $0.logs[key]?.followers.removeValue(forKey: id) }
    }
    return stream
  }

  /// As the kubelet reads a log file: from the start of the last `tailLines` records, then only the
  /// records at or after `since`.
  static func select(_ entries: [Entry], query: Query) -> [UInt8] {
    var chosen = entries[...]
    if let lines = query.tailLines { chosen = chosen.suffix(max(lines, 0)) }
    return render(chosen.filter { keeps($0, since: query.since) }, query: query)
  }

  static func keeps(_ entry: Entry, since: RFC3339Time?) -> Bool {
    guard let since else { return true }
    return !(entry.time < since)
  }

  static func render(_ entries: some Sequence<Entry>, query: Query) -> [UInt8] {
    var bytes: [UInt8] = []
    for entry in entries {
      if query.timestamps { bytes += Array((timestamp(entry.time) + " ").utf8) }
      bytes += entry.bytes
    }
    return bytes
  }

  /// The kubelet's fixed-width RFC 3339 time with nanoseconds, so lines stay aligned.
  static func timestamp(_ time: RFC3339Time) -> String {
    let digits = String(time.nanoseconds)
    return String(time.rfc3339.dropLast()) + "." + String(repeating: "0", count: 9 - digits.count) + digits + "Z"
  }

  static func split(_ bytes: [UInt8], at time: RFC3339Time) -> [Entry] {
    var entries: [Entry] = []
    var start = 0
    for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
      entries.append(Entry(time: time, bytes: Array(bytes[start...index])))
      start = index + 1
    }
    if start < bytes.count { entries.append(Entry(time: time, bytes: Array(bytes[start...]))) }
    return entries
  }

  /// The query of a log request, validated as kube-apiserver validates `PodLogOptions`.
  static func query(_ request: APIRequest, pod: String) throws(APIError) -> Query {
    var query = Query()
    var causes: [FieldError] = []
    if let text = request.parameter("tailLines") {
      guard let value = Int(text) else { throw APIError.badRequest("tailLines: Invalid value: \"\(text)\"") }
      if value < 0 {
        causes.append(FieldError(.invalid, field: "tailLines", value: String(value), detail: "must be greater than or equal to 0"))
      }
      query.tailLines = value
    }
    var sinceSeconds: Int?
    if let text = request.parameter("sinceSeconds") {
      guard let value = Int(text) else { throw APIError.badRequest("sinceSeconds: Invalid value: \"\(text)\"") }
      sinceSeconds = value
    }
    var sinceTime: RFC3339Time?
    if let text = request.parameter("sinceTime") {
      guard let value = RFC3339Time(text) else {
        throw APIError.badRequest("parsing time \"\(text)\" as \"2006-01-02T15:04:05Z07:00\": cannot parse")
      }
      sinceTime = value
    }
    if sinceSeconds != nil && sinceTime != nil {
      causes.append(FieldError(.forbidden, field: "", detail: "at most one of `sinceTime` or `sinceSeconds` may be specified"))
    } else if let sinceSeconds, sinceSeconds < 1 {
      causes.append(FieldError(.invalid, field: "sinceSeconds", value: String(sinceSeconds), detail: "must be greater than 0"))
    }
    guard causes.isEmpty else { throw APIError.invalid(kind: "PodLogOptions", group: "", name: pod, causes: causes) }
    if let sinceSeconds {
      let now = RFC3339Time.now()
      query.since = RFC3339Time(epochSeconds: now.epochSeconds.saturatingSubtracting(Int64(sinceSeconds)), nanoseconds: now.nanoseconds)
    }
    // The apiserver passes sinceTime on to the kubelet in whole seconds (RFC 3339 without a fraction).
    if let sinceTime { query.since = RFC3339Time(epochSeconds: sinceTime.epochSeconds) }
    query.timestamps = RequestDispatcher.parseBool(request.parameter("timestamps")) == true
    return query
  }

  /// The container a log request names: the one given (it must exist), else the pod's only one.
  static func container(of pod: JSON, requested: String?) throws(APIError) -> String {
    let name = pod[path: "metadata", "name"]?.stringValue ?? ""
    let containers = (pod[path: "spec", "containers"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    if let requested {
      guard containers.contains(requested) else {
        throw APIError.badRequest("container \(requested) is not valid for pod \(name)")
      }
      return requested
    }
    guard containers.count == 1 else {
      throw APIError.badRequest(
        "a container name must be specified for pod \(name), choose one of: [\(containers.joined(separator: " "))]")
    }
    return containers[0]
  }
}

/// A piece of a streamed response: bytes, or the connection breaking without the body's end.
enum StreamChunk: Sendable, Equatable {
  case bytes([UInt8])
  case reset
}
