import TackBase
import TackOutput

/// The dashboard's screens, in tab order (`1`–`5`, Tab); the fleet only with several clusters.
public enum DashboardScreen: Int, Sendable, CaseIterable {
  case overview, objects, canaries, fleet, tree

  public var title: String {
    switch self {
    case .overview: "Overview"
    case .objects: "Objects"
    case .canaries: "Canaries"
    case .fleet: "Fleet"
    case .tree: "Tree"
    }
  }
}

/// How the connection to one cluster of a fleet is doing.
public enum ClusterFeed: Sendable, Equatable {
  case connecting
  /// Answered, with its `gitVersion`.
  case connected(version: String)
  /// Did not answer (refused, timed out, TLS, 401/403…): shown as such, the others go on.
  case unreachable(String)
}

/// How a kind's watch is doing.
public enum KindFeed: Sendable, Equatable {
  case connecting
  case watching
  /// The cluster does not serve the kind (no Flagger, no helm-controller): hidden, not an error.
  case notInstalled
  case failed(String)
}

/// The line above the key bar: what an action did, or why it could not.
public struct DashboardStatus: Sendable, Equatable {
  public var text: String
  public var isError: Bool
  public init(_ text: String, isError: Bool = false) {
    self.text = text
    self.isError = isError
  }
}

/// What changes the dashboard besides keys: the watches, an action's result, a detail's events.
public enum DashboardUpdate: Sendable, Equatable {
  case upsert(DashboardObject)
  case remove(DashboardKey)
  case feed(FluxKind, KindFeed, cluster: String = "")
  case cluster(String, ClusterFeed)
  case events(DashboardKey, [EventRecord])
  case status(DashboardStatus)
}

/// Everything a frame is drawn from. Pure: `handle(_:at:)` turns keys into changes and effects,
/// `apply(_:)` folds watch updates in, and `DashboardView` draws it; nothing here does I/O.
public struct DashboardState: Sendable {
  public var context: String
  /// `nil`: all namespaces.
  public var namespace: String?
  /// The kinds watched, in the overview's order.
  public var kinds: [FluxKind]
  /// The contexts of a fleet (`--contexts`); empty for one cluster.
  public var clusters: [String]
  public var clusterFeeds: [String: ClusterFeed] = [:]
  /// Each kind's watch, per cluster (`""` for one cluster).
  public var feeds: [FeedKey: KindFeed] = [:]

  public struct FeedKey: Sendable, Hashable {
    public var cluster: String
    public var kind: FluxKind
    public init(_ cluster: String, _ kind: FluxKind) {
      self.cluster = cluster
      self.kind = kind
    }
  }
  public private(set) var objects: [DashboardKey: DashboardObject] = [:]
  public var screen: DashboardScreen = .overview
  public var selection: [DashboardScreen: Int] = [:]
  /// The object the selection was moved to: the list re-sorts as states change, and the selection
  /// stays on the object, not on the row number (so `r` never acts on a row that slid under it).
  public var selectedKeys: [DashboardScreen: DashboardKey] = [:]
  /// The object the detail pane shows, its events (`nil` while loading) and how far it scrolled.
  public var detail: DashboardKey?
  public var detailEvents: [EventRecord]?
  public var detailScroll = 0
  public var showHelp = false
  /// `/` filter: a case-insensitive substring of `kind/namespace/name`; a leading `!` inverts it.
  public var filter = ""
  /// `:ks`, `:hr`…: only this kind on the objects screen.
  public var kindFilter: FluxKind?
  public var mode: DashboardInputMode = .normal
  public var status: DashboardStatus?
  /// Wall time for ages (the view never reads the clock).
  public var now: RFC3339Time

  public init(
    context: String, namespace: String?, kinds: [FluxKind] = DashboardState.watchedKinds, clusters: [String] = [],
    now: RFC3339Time
  ) {
    self.context = context
    self.namespace = namespace
    self.kinds = kinds
    self.clusters = clusters
    self.now = now
    for cluster in clusters.isEmpty ? [""] : clusters {
      for kind in kinds { feeds[FeedKey(cluster, kind)] = .connecting }
      if !clusters.isEmpty { clusterFeeds[cluster] = .connecting }
    }
  }

  public var isFleet: Bool { !clusters.isEmpty }

  /// The screens in tab order: the fleet only with several clusters.
  public var screens: [DashboardScreen] {
    isFleet ? DashboardScreen.allCases : [.overview, .objects, .canaries, .tree]
  }

  /// A kind's watch over the fleet: watching when any cluster watches it; not installed when no
  /// cluster serves it; else connecting, else the first failure.
  public func feed(_ kind: FluxKind) -> KindFeed {
    let all = (isFleet ? clusters : [""]).map { feeds[FeedKey($0, kind)] ?? .connecting }
    if all.contains(.watching) { return .watching }
    if all.allSatisfy({ $0 == .notInstalled }) { return .notInstalled }
    if all.contains(.connecting) { return .connecting }
    return all.first { if case .failed = $0 { true } else { false } } ?? .connecting
  }

  /// Sources, Kustomizations, HelmReleases and Canaries: what a Flux + Flagger operator follows.
  public static let watchedKinds: [FluxKind] = [
    .gitRepository, .ociRepository, .helmRepository, .bucket, .helmChart, .kustomization, .helmRelease, .canary,
  ]

  public mutating func apply(_ update: DashboardUpdate) {
    switch update {
    case .upsert(let object): objects[object.key] = object
    case .remove(let key): objects[key] = nil
    case .feed(let kind, let feed, let cluster):
      feeds[FeedKey(cluster, kind)] = feed
      if feed == .notInstalled || feed == .connecting {
        objects = objects.filter { $0.key.kind != kind || $0.key.cluster != cluster }
      }
    case .cluster(let cluster, let feed): clusterFeeds[cluster] = feed
    case .events(let key, let records):
      if detail == key { detailEvents = records }
    case .status(let status): self.status = status
    }
  }

  /// Adds or replaces these objects (tests, benchmarks).
  public mutating func load(_ list: [DashboardObject]) {
    for object in list { objects[object.key] = object }
  }

  /// A kind's whole list, as a (re)list returns it: objects gone meanwhile go too.
  mutating func replace(_ kind: FluxKind, cluster: String, with list: [DashboardObject]) {
    objects = objects.filter { $0.key.kind != kind || $0.key.cluster != cluster }
    for object in list { objects[object.key] = object }
  }

  // MARK: what the screens list

  /// The objects screen: every object passing the filters, problems first.
  public var listedObjects: [DashboardObject] {
    objects.values.filter { object in
      (kindFilter == nil || object.key.kind == kindFilter) && passesFilter(object.key)
    }.sorted(by: Self.problemsFirst)
  }

  /// The canaries screen: Canaries passing the filter, in flight and failed first.
  public var listedCanaries: [DashboardObject] {
    objects.values.filter { $0.key.kind == .canary && passesFilter($0.key) }.sorted(by: Self.problemsFirst)
  }

  /// The rows the current screen selects among.
  public var selectable: [DashboardObject] {
    switch screen {
    case .overview, .fleet: []
    case .objects: listedObjects
    case .canaries: listedCanaries
    case .tree: DashboardTree.rows(self).compactMap { $0.key.flatMap { objects[$0] } }
    }
  }

  public var selectedIndex: Int { selectedIndex(in: selectable) }

  /// The selected row of `rows` (the current screen's list): the pinned object's, else the row
  /// number clamped to the list.
  public func selectedIndex(in rows: [DashboardObject]) -> Int {
    if let key = selectedKeys[screen], let index = rows.firstIndex(where: { $0.key == key }) { return index }
    return rows.isEmpty ? 0 : min(max(selection[screen] ?? 0, 0), rows.count - 1)
  }

  /// The object keys act on: the detail's, or the selected row's.
  public var target: DashboardObject? {
    if let detail { return objects[detail] }
    let rows = selectable
    return rows.isEmpty ? nil : rows[selectedIndex]
  }

  public func counts(_ kind: FluxKind, cluster: String? = nil) -> [ObjectState: Int] {
    var counts: [ObjectState: Int] = [:]
    for object in objects.values where object.key.kind == kind && (cluster == nil || object.key.cluster == cluster) {
      counts[object.state, default: 0] += 1
    }
    return counts
  }

  public var totals: [ObjectState: Int] {
    var counts: [ObjectState: Int] = [:]
    for object in objects.values { counts[object.state, default: 0] += 1 }
    return counts
  }

  public var objectCount: Int { objects.count }

  public func object(_ key: DashboardKey) -> DashboardObject? { objects[key] }

  func passesFilter(_ key: DashboardKey) -> Bool {
    guard !filter.isEmpty else { return true }
    let inverted = filter.hasPrefix("!")
    let needle = (inverted ? String(filter.dropFirst()) : filter).lowercased()
    guard !needle.isEmpty else { return true }
    let found = "\(key.cluster)/\(key.kind.kind)/\(key.namespace)/\(key.name)".lowercased().contains(needle)
    return found != inverted
  }

  /// Severity, then the longest-standing problem first, then by name.
  static func problemsFirst(_ a: DashboardObject, _ b: DashboardObject) -> Bool {
    if a.state != b.state { return a.state < b.state }
    if a.state.needsAttention, let x = a.since, let y = b.since, x != y { return x < y }
    return a.key < b.key
  }
}
