import Synchronization
import TackJSON

/// What the containers of the test server's Pods have written (the server runs no containers):
/// tests append text, and `GET /api/v1/namespaces/NS/pods/NAME/log` reads it — whole, the last
/// `tailLines`, or with `follow=true` as it grows, until the container stops (``finish``).
///
/// ```swift
/// try cluster.store.create(pod)                     // a Pod with one container, "manager"
/// cluster.server.podLogs.append("starting\n", namespace: "flux-system", pod: "source-controller-1", container: "manager")
/// cluster.server.podLogs.finish(namespace: "flux-system", pod: "source-controller-1", container: "manager")
/// ```
public final class PodLogs: Sendable {
  struct Key: Hashable {
    var namespace: String
    var pod: String
    var container: String
  }

  struct Log {
    var bytes: [UInt8] = []
    var finished = false
    var followers: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
  }

  private let state = Mutex<(next: Int, logs: [Key: Log])>((0, [:]))

  public init() {}

  /// The container writes `text`; followers get it at once.
  public func append(_ text: String, namespace: String, pod: String, container: String) {
    let bytes = Array(text.utf8)
    state.withLock { state in
      let key = Key(namespace: namespace, pod: pod, container: container)
      state.logs[key, default: Log()].bytes += bytes
      for follower in state.logs[key]!.followers.values { follower.yield(bytes) }
    }
  }

  /// The container stopped: followed logs end.
  public func finish(namespace: String, pod: String, container: String) {
    let followers = state.withLock { state in
      let key = Key(namespace: namespace, pod: pod, container: container)
      state.logs[key, default: Log()].finished = true
      defer { state.logs[key]!.followers = [:] }
      return Array(state.logs[key]!.followers.values)
    }
    // Outside the lock: finishing a stream runs its termination handler, which takes the lock.
    for follower in followers { follower.finish() }
  }

  /// The log so far, or its last `tailLines` lines.
  func read(_ key: Key, tailLines: Int?) -> [UInt8] {
    Self.tail(state.withLock { $0.logs[key]?.bytes ?? [] }, lines: tailLines)
  }

  /// The log so far (or its tail), then every append, until ``finish`` or the reader goes away.
  func follow(_ key: Key, tailLines: Int?) -> AsyncStream<[UInt8]> {
    let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
    let id = state.withLock { state in
      let log = state.logs[key, default: Log()]
      let current = Self.tail(log.bytes, lines: tailLines)
      if !current.isEmpty { continuation.yield(current) }
      if log.finished {
        continuation.finish()
        return -1
      }
      state.next += 1
      state.logs[key, default: Log()].followers[state.next] = continuation
      return state.next
    }
    continuation.onTermination = { [weak self] _ in
      self?.state.withLock { _ = $0.logs[key]?.followers.removeValue(forKey: id) }
    }
    return stream
  }

  static func tail(_ bytes: [UInt8], lines: Int?) -> [UInt8] {
    guard let lines else { return bytes }
    guard lines > 0 else { return [] }
    // The final newline ends the last line; it does not start one.
    var cursor = bytes.last == UInt8(ascii: "\n") ? bytes.count - 1 : bytes.count
    var found = 0
    while cursor > 0 {
      cursor -= 1
      guard bytes[cursor] == UInt8(ascii: "\n") else { continue }
      found += 1
      if found == lines { return Array(bytes[(cursor + 1)...]) }
    }
    return bytes
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
