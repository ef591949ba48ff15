import TackBase
import TackJSON

/// `logs`: the Flux controllers' JSON log lines, read from their pods through the pod log API,
/// filtered by level, object kind, name and namespace, and printed as `flux logs` prints them.
///
/// ```swift
/// let logs = FluxLogs(cluster: cluster, request: FluxLogsRequest(kind: "Kustomization", name: "apps"))
/// for try await line in try await logs.lines() { print(line.text) }
/// ```
public struct FluxLogsRequest: Sendable, Equatable {
  public enum Level: String, Sendable, CaseIterable {
    case debug, info, error
  }

  /// Where the controllers run (`--flux-namespace`).
  public var fluxNamespace: String
  public var level: Level?
  public var kind: String?
  public var name: String?
  /// The objects' namespace; `nil` for every namespace (`-A`).
  public var namespace: String?
  /// Lines at or after this time (`--since`, `--since-time`).
  public var since: RFC3339Time?
  /// The last lines of each pod (`--tail`); nil for all.
  public var tail: Int?
  public var follow: Bool

  public init(
    fluxNamespace: String = "flux-system", level: Level? = nil, kind: String? = nil, name: String? = nil,
    namespace: String? = "flux-system", since: RFC3339Time? = nil, tail: Int? = nil, follow: Bool = false
  ) {
    self.fluxNamespace = fluxNamespace
    self.level = level
    self.kind = kind
    self.name = name
    self.namespace = namespace
    self.since = since
    self.tail = tail
    self.follow = follow
  }
}

/// One controller log line that passed the filters.
public struct FluxLogLine: Sendable, Equatable {
  /// As the controller wrote it.
  public var raw: String
  public var json: JSON

  /// `<ts> <level> <Kind>[/<name>.<namespace>] - <msg> <error>`: flux always writes the space
  /// before the error, so a line without one ends in a space.
  public var text: String {
    let kind = json["controllerKind"]?.stringValue ?? json["reconciler kind"]?.stringValue ?? ""
    var subject = kind
    if let name = json["name"]?.stringValue, !name.isEmpty {
      subject += "/\(name).\(json["namespace"]?.stringValue ?? "")"
    }
    let fields = [json["ts"].map(Self.text) ?? "", json["level"]?.stringValue ?? "", subject]
    return fields.joined(separator: " ") + " - " + (json["msg"]?.stringValue ?? "") + " " + (json["error"]?.stringValue ?? "")
  }

  static func text(_ value: JSON) -> String { value.stringValue ?? value.serialized() }
}

public enum FluxLogsError: TackError, Equatable {
  case noPods(String)
  case incomplete

  public var exitStatus: ExitStatus {
    switch self {
    case .noPods: .notFound
    case .incomplete: .failure
    }
  }

  public var description: String {
    switch self {
    case .noPods(let namespace): "no Flux pods found in namespace \"\(namespace)\""
    case .incomplete: "failed to collect logs from all Flux pods"
    }
  }
}

public struct FluxLogs: Sendable {
  public var cluster: any Cluster
  public var request: FluxLogsRequest

  public init(cluster: any Cluster, request: FluxLogsRequest) {
    self.cluster = cluster
    self.request = request
  }

  /// A pod to read and the container in it.
  public struct Source: Sendable, Equatable {
    public var pod: String
    public var container: String?
  }

  /// One pod per Flux controller Deployment (labelled `app.kubernetes.io/part-of=flux`): the
  /// running one, the newest among equals.
  public func sources() async throws -> [Source] {
    let deployments = try await cluster.list(
      ObjectKind(apiVersion: "apps/v1", kind: "Deployment"),
      ListScope(namespace: request.fluxNamespace, labelSelector: "app.kubernetes.io/part-of=flux")
    ).items
    var sources: [Source] = []
    for deployment in deployments {
      let labels = deployment[path: "spec", "selector", "matchLabels"]?.objectValue?.map { "\($0.key)=\($0.value.stringValue ?? "")" } ?? []
      guard !labels.isEmpty else { continue }
      let pods = try await cluster.list(
        ObjectKind(apiVersion: "v1", kind: "Pod"),
        ListScope(namespace: request.fluxNamespace, labelSelector: labels.sorted().joined(separator: ","))
      ).items
      guard let pod = pods.max(by: Self.lessLikely) else { continue }
      let containers = pod[path: "spec", "containers"]?.arrayValue ?? []
      sources.append(
        Source(
          pod: pod[path: "metadata", "name"]?.stringValue ?? "",
          container: containers.count > 1 ? "manager" : containers.first?["name"]?.stringValue))
    }
    guard !sources.isEmpty else { throw FluxLogsError.noPods(request.fluxNamespace) }
    return sources
  }

  /// Orders pods as kubectl picks one for logs: running before not, then the newer.
  static func lessLikely(_ a: JSON, _ b: JSON) -> Bool {
    let runningA = a[path: "status", "phase"]?.stringValue == "Running"
    let runningB = b[path: "status", "phase"]?.stringValue == "Running"
    if runningA != runningB { return !runningA }
    return (a[path: "metadata", "creationTimestamp"]?.stringValue ?? "") < (b[path: "metadata", "creationTimestamp"]?.stringValue ?? "")
  }

  /// Whether a parsed line passes the filters.
  public func keeps(_ json: JSON) -> Bool {
    if let level = request.level, json["level"]?.stringValue != level.rawValue { return false }
    if let kind = request.kind {
      let lineKind = json["controllerKind"]?.stringValue ?? json["reconciler kind"]?.stringValue ?? ""
      if lineKind.lowercased() != kind.lowercased() { return false }
    }
    if let name = request.name, (json["name"]?.stringValue ?? "").lowercased() != name.lowercased() { return false }
    if let namespace = request.namespace, json["namespace"]?.stringValue != namespace { return false }
    if let since = request.since {
      guard let stamp = json["ts"]?.stringValue, let time = RFC3339Time(stamp), !(time < since) else { return false }
    }
    return true
  }

  /// What one line of a log becomes: skipped (not JSON), a kept line, or the end of that stream.
  enum Parsed {
    case skip
    case line(FluxLogLine)
    case malformed(String)
  }

  func parse(_ raw: String) -> Parsed {
    guard raw.hasPrefix("{") else { return .skip }
    guard let json = try? JSON.parse(Array(raw.utf8)) else { return .malformed(raw) }
    return keeps(json) ? .line(FluxLogLine(raw: raw, json: json)) : .skip
  }

  /// Every kept line, pod after pod (with `follow`, all pods at once, interleaved as they come).
  /// A line that starts like JSON but is not ends its pod's stream with a `parse error` event.
  public func lines() async throws -> AsyncThrowingStream<LogEvent, any Error> {
    let sources = try await sources()
    let logs = self
    return AsyncThrowingStream { continuation in
      let task = Task {
        var failed = false
        if request.follow {
          await withTaskGroup(of: Bool.self) { group in
            for source in sources { group.addTask { await logs.read(source, into: continuation) } }
            for await ok in group where !ok { failed = true }
          }
        } else {
          for source in sources where !(await logs.read(source, into: continuation)) { failed = true }
        }
        continuation.finish(throwing: failed && !Task.isCancelled ? FluxLogsError.incomplete : nil)
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }

  /// What the consumer of ``lines()`` sees.
  public enum LogEvent: Sendable, Equatable {
    case line(FluxLogLine)
    /// A stream could not be read or parsed; it says why, without ending the others.
    case problem(String)
  }

  /// How long to wait before each attempt to read a followed log again after its stream broke:
  /// about half a minute in all, long enough for an apiserver to restart.
  static let resumeDelays: [Duration] = [.milliseconds(200), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(15)]

  /// Reads one pod's log into `continuation`; false when it could not be read whole. A followed
  /// log whose stream breaks is read again from the last line's time, skipping what was delivered
  /// (``LogFollowCursor``), until attempts in a row bring nothing or the pod is gone.
  private func read(_ source: Source, into continuation: AsyncThrowingStream<LogEvent, any Error>.Continuation) async -> Bool {
    var cursor = LogFollowCursor()
    var failures = 0
    var opened = false
    while true {
      let before = cursor.count
      do {
        return try await readStream(source, cursor: &cursor, opened: &opened, into: continuation)
      } catch is CancellationError {
        return true
      } catch {
        if Task.isCancelled { return true }
        if cursor.count != before { failures = 0 }
        // The first request's refusal (no such container, forbidden) is the answer; a pod that
        // went away since is too.
        guard request.follow, opened, !(error is ObjectNotFoundError), failures < Self.resumeDelays.count else {
          continuation.yield(.problem("failed getting logs: \(error)"))
          return false
        }
        do { try await Task.sleep(for: Self.resumeDelays[failures]) } catch { return true }
        failures += 1
        cursor.reopen()
      }
    }
  }

  /// One request for a pod's log: from the start (or its tail), or after a break from the cursor.
  private func readStream(
    _ source: Source, cursor: inout LogFollowCursor, opened: inout Bool,
    into continuation: AsyncThrowingStream<LogEvent, any Error>.Continuation
  ) async throws -> Bool {
    let resuming = cursor.resumeTime != nil
    let stream = try await cluster.podLogs(
      PodLogRequest(
        namespace: request.fluxNamespace, pod: source.pod, container: source.container, follow: request.follow,
        tailLines: resuming ? nil : request.tail, sinceTime: cursor.resumeTime, timestamps: request.follow))
    opened = true
    var pending: [UInt8] = []
    /// One line: true to read on, false when the stream ends here. An unfinished last line that
    /// is not JSON is only cut short, not a parse error.
    func take(_ bytes: ArraySlice<UInt8>, last: Bool = false) -> Bool {
      var raw = Substring(String(decoding: bytes, as: UTF8.self))
      if request.follow {
        let (time, text) = LogFollowCursor.split(raw)
        if let time, !cursor.admit(time) { return true }
        raw = text
      }
      switch parse(String(raw)) {
      case .skip: return true
      case .line(let line): continuation.yield(.line(line))
      case .malformed:
        if last { return false }
        continuation.yield(.problem("parse error: \(source.pod) wrote a line that is not valid JSON"))
        return false
      }
      return true
    }
    for try await chunk in stream {
      pending += chunk
      // One line may not exceed what a controller writes; a runaway line ends this stream.
      guard pending.count <= 4 << 20 || pending.contains(0x0A) else {
        continuation.yield(.problem("failed getting logs: a line of \(source.pod) is longer than 4 MiB"))
        return false
      }
      var start = pending.startIndex
      while let newline = pending[start...].firstIndex(of: 0x0A) {
        let line = pending[start..<newline]
        start = newline + 1
        guard take(line) else { return true }
      }
      pending.removeSubrange(..<start)
    }
    if !pending.isEmpty { _ = take(pending[...], last: true) }
    return true
  }
}
