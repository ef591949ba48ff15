import TackBase
import TackJSON
import TackOutput

/// `tack get <kind> --contexts a,b,c | --all-contexts`: the same lists from every cluster at once,
/// merged into one output with the context first (a CLUSTER column in tables, a `context` field
/// in every JSON/YAML item and JSON line).
///
/// Rules: a cluster that cannot be listed is one `✗ context NAME: reason` line on stderr and the
/// others still print; the status is then `.failure` (exit 1). With every cluster answering and
/// nothing found (single kinds), flux's not-found error (exit 5). `get all` skips kinds a cluster
/// does not serve; a single kind a cluster does not serve is that cluster's failure.
public struct FleetGet: Sendable {
  public let members: [FleetMember]
  public let output: any OutputSink
  public let progress: any ProgressReporter
  public let clock: @Sendable () -> RFC3339Time

  public init(
    members: [FleetMember], output: any OutputSink, progress: any ProgressReporter,
    clock: @escaping @Sendable () -> RFC3339Time = { .now() }
  ) {
    self.members = members
    self.output = output
    self.progress = progress
    self.clock = clock
  }

  /// One cluster's objects of one kind, already status-filtered.
  public struct Listed: Sendable {
    public var kind: FluxKind
    public var items: [JSON]
    public init(kind: FluxKind, items: [JSON]) {
      self.kind = kind
      self.items = items
    }
  }

  public func run(_ request: GetRequest) async throws -> ExitStatus {
    guard !request.watch else { throw GetUsageError("--watch takes one cluster, not --contexts or --all-contexts") }
    guard request.output != .name else {
      throw GetUsageError("-o name takes one cluster, not --contexts or --all-contexts")
    }
    let answers = await Fleet.query(members) { cluster in try await Self.list(cluster, request) }
    try Task.checkCancellation()
    var found: [(context: String, groups: [Listed])] = []
    var status = ExitStatus.success
    for answer in answers {
      switch answer.result {
      case .success(let groups): found.append((answer.context, groups))
      case .failure(let error):
        progress.failure("context \(answer.context): \(error.description)")
        status = .failure
      }
    }
    output.write(FleetGetRenderer.render(found, request, now: clock()))
    let total = found.reduce(0) { $0 + $1.groups.reduce(0) { $0 + $1.items.count } }
    if status == .success, total == 0, !request.isAll, let kind = request.kinds.first {
      if let selector = request.statusSelector {
        throw GetNotFoundError.noMatch(kind, request: request, selector: selector)
      }
      throw GetNotFoundError.noObjects(kind, request: request)
    }
    return status
  }

  static func list(_ cluster: any Cluster, _ request: GetRequest) async throws -> [Listed] {
    var groups: [Listed] = []
    for kind in request.kinds {
      try Task.checkCancellation()
      do {
        let list = try await GetObjects.installed(kind) { try await cluster.list(ObjectKind(kind), request.scope) }
        let items = request.statusSelector.map { selector in
          list.items.filter { GetRowBuilder.matches(selector, kind: kind, object: $0) }
        } ?? list.items
        groups.append(Listed(kind: kind, items: items))
      } catch is KindNotInstalledError where request.isAll {
        continue
      }
    }
    return groups
  }
}

/// The merged output of ``FleetGet``: flux's tables with CLUSTER first, or one `List` whose items
/// each carry the context they came from.
public enum FleetGetRenderer {
  public static func render(
    _ found: [(context: String, groups: [FleetGet.Listed])], _ request: GetRequest, now: RFC3339Time
  ) -> String {
    let options = GetObjects.tableOptions(request, now: now)
    switch request.output {
    case .table, .wide:
      var text = ""
      for kind in request.kinds {
        var rows: [[String]] = []
        for (context, groups) in found {
          for group in groups where group.kind == kind {
            let columns = GetLayout.columns(for: kind, options)
            rows += group.items.map { [context] + GetRowBuilder.row(for: kind, object: $0, options: options).values(for: columns) }
          }
        }
        // Nothing to show prints nothing (no lone header): a fleet's "found nothing" is the error.
        if rows.isEmpty { continue }
        let header = ["CLUSTER"] + GetLayout.columns(for: kind, options).map(\.title)
        text += GetTableRenderer.render(header: header, rows: rows, showHeader: !request.noHeader)
        if request.isAll { text += "\n" }
      }
      return text
    case .json, .yaml:
      var items: [JSON] = []
      for (context, groups) in found {
        for group in groups {
          items += group.items.map { Fleet.tagged(ObjectListRenderer.typed($0, as: group.kind), context: context) }
        }
      }
      return request.output == .json
        ? ObjectListRenderer.json(items, showManagedFields: request.showManagedFields)
        : ObjectListRenderer.yaml(items, showManagedFields: request.showManagedFields)
    case .jsonl:
      var text = ""
      for (context, groups) in found {
        for group in groups {
          for item in group.items {
            let line = Fleet.tagged(GetRowBuilder.row(for: group.kind, object: item, options: options).jsonLine, context: context)
            text += line.serialized(.compact) + "\n"
          }
        }
      }
      return text
    case .name:
      return ""
    }
  }
}
