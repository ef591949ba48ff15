import TackBase
import TackJSON

/// `events`: the Events of Flux objects, as `flux events` selects, relates and orders them, read
/// through core/v1 (or `events.k8s.io/v1`, see ``EventAPI``).
/// With `--for Kind/name`, the events of the objects it refers to (its source, a HelmRelease's
/// chart, an Alert's provider, an ImagePolicy's repository) come too.
///
/// ```swift
/// let request = FluxEventsRequest(namespace: "flux-system", subject: .init(kind: .kustomization, name: "apps"))
/// let events = try await FluxEvents(cluster: cluster).list(request)
/// let table = events.table(now: .now(), allNamespaces: false)
/// ```
public struct FluxEventsRequest: Sendable, Equatable {
  public struct Subject: Sendable, Equatable {
    public var kind: FluxKind
    public var name: String?
    public init(kind: FluxKind, name: String? = nil) {
      self.kind = kind
      self.name = name
    }
  }

  /// `nil`: every namespace.
  public var namespace: String?
  public var subject: Subject?
  /// `--types`, canonical (`Normal`, `Warning`); empty keeps both.
  public var types: [String]
  /// Which Events API to read.
  public var api: EventAPI

  public init(namespace: String?, subject: Subject? = nil, types: [String] = [], api: EventAPI = .automatic) {
    self.namespace = namespace
    self.subject = subject
    self.types = types
    self.api = api
  }

  /// `--for Kind[/name]`: the kind case-insensitively among Flux's kinds.
  public static func subject(_ text: String) throws(FluxEventsError) -> Subject {
    let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    guard let kindText = parts.first, !kindText.isEmpty, parts.count < 2 || !parts[1].isEmpty else {
      throw .badSelector
    }
    guard let kind = FluxEvents.kinds.first(where: { $0.kind.lowercased() == kindText.lowercased() }) else {
      throw .notAFluxKind(String(kindText))
    }
    return Subject(kind: kind, name: parts.count > 1 ? String(parts[1]) : nil)
  }

  /// `--types`: Normal or Warning, any case.
  public static func type(_ text: String) throws(FluxEventsError) -> String {
    switch text.lowercased() {
    case "normal": "Normal"
    case "warning": "Warning"
    default: throw .unsupportedType(text)
    }
  }
}

public enum FluxEventsError: TackError, Equatable {
  case badSelector
  case notAFluxKind(String)
  case unsupportedType(String)
  case missingReference(field: String, object: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .missingReference: .failure
    default: .usage
    }
  }

  public var description: String {
    switch self {
    case .badSelector: "--for selector must be of format <kind>[/<name>]"
    case .notAFluxKind(let kind): "'\(kind)' is not a recognized Flux kind"
    case .unsupportedType(let type): "type '\(type)' not supported. Supported types are Normal, Warning"
    case .missingReference(let field, let object): "field '\(field)' for '\(object)' not found"
    }
  }
}

public struct FluxEvents: Sendable {
  public var cluster: any Cluster

  public init(cluster: any Cluster) { self.cluster = cluster }

  /// The kinds whose events are shown (flux's list).
  public static let kinds: [FluxKind] = [
    .gitRepository, .ociRepository, .bucket, .helmRepository, .helmChart, .kustomization, .helmRelease, .alert,
    .alertProvider, .receiver, .imageRepository, .imagePolicy, .imageUpdateAutomation, .artifactGenerator,
  ]
  static let kindNames = Set(kinds.map(\.kind))

  /// One place events are read from: a namespace (or all) and a field selector.
  struct Query: Hashable {
    var namespace: String?
    var fieldSelector: String?
  }

  /// Where the request's events are: its own selection, then each related object's.
  func queries(_ request: FluxEventsRequest, api: EventAPI) async throws -> [Query] {
    var queries = [Query(namespace: request.namespace, fieldSelector: request.subject.map { Self.selector($0, api: api) })]
    if let subject = request.subject, let name = subject.name {
      let namespace = request.namespace ?? "flux-system"
      for reference in try await references(of: subject.kind, name: name, namespace: namespace) {
        queries.append(
          Query(
            namespace: reference.namespace,
            fieldSelector: "\(api.objectField("kind"))=\(reference.kind),\(api.objectField("name"))=\(reference.name)"))
      }
    }
    return queries
  }

  /// The request's events, oldest first. Only with `keepObjects` (for `-o json`) are the events
  /// themselves kept; a table needs a few fields of each, and ten thousand events parsed whole
  /// would double what the command holds.
  public func list(_ request: FluxEventsRequest, keepObjects: Bool = false) async throws -> EventList {
    guard request.api == .automatic else { return try await list(request, api: request.api, keepObjects: keepObjects) }
    do {
      return try await list(request, api: .core, keepObjects: keepObjects)
    } catch is ObjectNotFoundError {
      // The server does not serve core/v1 Events (404 on the collection): kubectl's fallback.
      return try await list(request, api: .eventsV1, keepObjects: keepObjects)
    }
  }

  func list(_ request: FluxEventsRequest, api: EventAPI, keepObjects: Bool) async throws -> EventList {
    let queries = try await queries(request, api: api)
    var seen = Set<String>()
    var records: [(record: EventRecord, object: JSON?)] = []
    for query in queries {
      try Task.checkCancellation()
      let scope = ListScope(namespace: query.namespace, fieldSelector: query.fieldSelector)
      for try await page in try await cluster.listPages(api.kind, scope) {
        for event in page.items where Self.keeps(event, types: request.types) {
          let record = EventRecord(event)
          if seen.insert(record.identity).inserted { records.append((record, keepObjects ? event : nil)) }
        }
      }
    }
    let sorted = records.enumerated().sorted { a, b in
      let (x, y) = (a.element.record.lastSeen?.seconds ?? 0, b.element.record.lastSeen?.seconds ?? 0)
      return x != y ? x < y : a.offset < b.offset
    }.map(\.element)
    let crossesNamespaces = Set(queries.map(\.namespace)).count > 1
    return EventList(
      records: sorted.map(\.record), events: sorted.compactMap(\.object), crossesNamespaces: crossesNamespaces,
      api: api)
  }

  /// Events that arrive after `shown` (new ones, and new occurrences of shown ones), as they come;
  /// deletions are not events to show. Ends when the consuming task is cancelled.
  public func watch(_ request: FluxEventsRequest, after shown: EventList) async throws
    -> AsyncThrowingStream<JSON, any Error>
  {
    let api = shown.api
    let queries = try await queries(request, api: api)
    let known = Set(shown.records.map(\.version))
    let cluster = self.cluster
    return AsyncThrowingStream { continuation in
      let task = Task {
        await withTaskGroup(of: Void.self) { group in
          for query in queries {
            group.addTask {
              do {
                let stream = try await cluster.watch(
                  api.kind, ListScope(namespace: query.namespace, fieldSelector: query.fieldSelector), from: nil)
                for try await change in stream {
                  guard case .changed(let event) = change, Self.keeps(event, types: request.types),
                    !known.contains(Self.version(event))
                  else { continue }
                  continuation.yield(event)
                }
              } catch {
                continuation.finish(throwing: error)
              }
            }
          }
        }
        continuation.finish()
      }
      continuation.onTermination = { _ in task.cancel() }
    }
  }

  /// An event's identity at one revision: a repeat bumps the revision and is shown again.
  static func version(_ event: JSON) -> String {
    (event[path: "metadata", "uid"]?.stringValue ?? event[path: "metadata", "name"]?.stringValue ?? "") + "@"
      + (event[path: "metadata", "resourceVersion"]?.stringValue ?? "")
  }

  static func selector(_ subject: FluxEventsRequest.Subject, api: EventAPI = .core) -> String {
    "\(api.objectField("kind"))=\(subject.kind.kind)" + (subject.name.map { ",\(api.objectField("name"))=\($0)" } ?? "")
  }

  static func keeps(_ event: JSON, types: [String]) -> Bool {
    let object = event[path: "involvedObject", "kind"] ?? event[path: "regarding", "kind"]
    guard kindNames.contains(object?.stringValue ?? "") else { return false }
    return types.isEmpty || types.contains(event["type"]?.stringValue ?? "")
  }

  /// `series.lastObservedTime`, else `lastTimestamp`, else `eventTime`.
  static func lastSeen(_ event: JSON) -> RFC3339Time? {
    for path in [["series", "lastObservedTime"], ["lastTimestamp"], ["eventTime"]] {
      if let text = event[path: path]?.stringValue, let time = RFC3339Time(text) { return time }
    }
    return nil
  }

  /// The objects `kind/name` refers to, whose events belong with its own.
  func references(of kind: FluxKind, name: String, namespace: String) async throws -> [ObjectReference] {
    guard let object = try await cluster.get(ObjectKind(kind), namespace: namespace, name: name) else { return [] }
    func ref(_ path: [String], defaultKind: String? = nil, crossNamespace: Bool = true) -> ObjectReference? {
      guard let refName = object[path: path + ["name"]]?.stringValue else { return nil }
      let refKind = object[path: path + ["kind"]]?.stringValue ?? defaultKind ?? ""
      let refNamespace = crossNamespace ? object[path: path + ["namespace"]]?.stringValue ?? namespace : namespace
      return ObjectReference(apiVersion: "", kind: refKind, namespace: refNamespace, name: refName)
    }
    switch kind {
    case .kustomization, .helmChart:
      return ref(["spec", "sourceRef"]).map { [$0] } ?? []
    case .helmRelease:
      guard let source = ref(["spec", "chart", "spec", "sourceRef"]), !source.kind.isEmpty else {
        throw FluxEventsError.missingReference(field: "spec.chart.spec.sourceRef.kind", object: "\(namespace)/\(name)")
      }
      let chart = ObjectReference(
        apiVersion: "", kind: "HelmChart", namespace: source.namespace, name: "\(namespace)-\(name)")
      return [source, chart]
    case .alert:
      return ref(["spec", "providerRef"], defaultKind: "Provider", crossNamespace: false).map { [$0] } ?? []
    case .imagePolicy:
      return ref(["spec", "imageRepositoryRef"], defaultKind: "ImageRepository").map { [$0] } ?? []
    default:
      return []
    }
  }
}

/// The fields of an Event that its table row shows, read once.
public struct EventRecord: Sendable, Equatable {
  public var namespace: String
  public var type: String
  public var reason: String
  public var object: String
  public var message: String
  public var lastSeen: RFC3339Time?
  public var firstSeen: RFC3339Time?
  public var count: Int
  /// The event's uid (or namespace/name): one row per event however many queries find it.
  var identity: String
  /// The event at one revision: a repeat bumps the revision and is shown again by a watch.
  var version: String

  public init(_ served: JSON) {
    let event = EventAPI.coreShape(served)
    namespace = event[path: "metadata", "namespace"]?.stringValue ?? ""
    type = event["type"]?.stringValue ?? ""
    reason = event["reason"]?.stringValue ?? ""
    object = "\(event[path: "involvedObject", "kind"]?.stringValue ?? "")/\(event[path: "involvedObject", "name"]?.stringValue ?? "")"
    message = event["message"]?.stringValue ?? ""
    lastSeen = FluxEvents.lastSeen(event)
    let firstText = event["firstTimestamp"]?.stringValue ?? event["eventTime"]?.stringValue
    firstSeen = firstText.flatMap { RFC3339Time($0) }
    count = event[path: "series", "count"]?.intValue ?? event["count"]?.intValue ?? 1
    identity = event[path: "metadata", "uid"]?.stringValue ?? "\(namespace)/\(event[path: "metadata", "name"]?.stringValue ?? "")"
    version = FluxEvents.version(event)
  }
}

/// Events ready to print: sorted oldest first.
public struct EventList: Sendable {
  public var records: [EventRecord]
  /// The events themselves, when the listing kept them (`-o json`); otherwise empty.
  public var events: [JSON]
  /// Related objects live in another namespace: the table shows NAMESPACE even without `-A`.
  public var crossesNamespaces: Bool
  /// The API the events were read through (a watch reads the same).
  public var api: EventAPI

  public init(records: [EventRecord], events: [JSON] = [], crossesNamespaces: Bool, api: EventAPI = .core) {
    self.records = records
    self.events = events
    self.api = api
    self.crossesNamespaces = crossesNamespaces
  }

  /// flux's columns; NAMESPACE first with `-A` or across namespaces.
  public func table(now: RFC3339Time, allNamespaces: Bool) -> (header: [String], rows: [[String]]) {
    let withNamespace = allNamespaces || crossesNamespaces
    var header = ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
    if withNamespace { header.insert("NAMESPACE", at: 0) }
    let rows = records.map { record -> [String] in
      var row = [Self.lastSeenText(record, now: now), record.type, record.reason, record.object, record.message]
      if withNamespace { row.insert(record.namespace, at: 0) }
      return row
    }
    return (header, rows)
  }

  /// kubectl's LAST SEEN: the age of the last occurrence, and `(x<count> over <age of the first>)`
  /// for a repeated event.
  static func lastSeenText(_ record: EventRecord, now: RFC3339Time) -> String {
    guard let last = record.lastSeen else { return "<unknown>" }
    let age = HumanDuration.age(since: last, now: now)
    guard record.count > 1 else { return age }
    return "\(age) (x\(record.count) over \(HumanDuration.age(since: record.firstSeen ?? last, now: now)))"
  }
}
