import TackBase
import TackJSON
import TackOutput

/// `tack get`: lists the requested kinds, filters them, and prints a table, a `List`, JSON lines or
/// names; with `--watch`, keeps printing rows as objects change.
///
/// Exit rules: nothing found (or nothing left after `--status-selector`) → `GetNotFoundError`
/// (exit 5) after printing what flux prints (a table header; an empty `List` for `-o json|yaml`).
/// `get all` skips kinds the cluster lacks, reports other per-kind errors with ✗ and returns
/// `.failure` at the end; finding nothing there is not an error, as in flux.
public struct GetObjects: Sendable {
  public let cluster: any Cluster
  /// Where the tables, lists and names go (stdout).
  public let output: any OutputSink
  /// Where a kind `get all` could not list is reported.
  public let progress: any ProgressReporter
  public let clock: @Sendable () -> RFC3339Time

  public init(
    cluster: any Cluster, output: any OutputSink, progress: any ProgressReporter,
    clock: @escaping @Sendable () -> RFC3339Time = { .now() }
  ) {
    self.cluster = cluster
    self.output = output
    self.progress = progress
    self.clock = clock
  }

  /// Runs the request; returns the exit status for outcomes already reported on stderr.
  public func run(_ request: GetRequest) async throws -> ExitStatus {
    if request.watch {
      guard request.kinds.count == 1, !request.isAll else {
        throw GetUsageError("expected a single resource type, but found all")
      }
      try await watch(request.kinds[0], request)
      return .success
    }
    if request.isAll { return try await runAll(request) }
    guard let kind = request.kinds.first else { return .success }
    return try await runSingle(kind, request)
  }

  /// One kind, streamed page by page: rows (or output lines) are built as pages arrive and the
  /// objects dropped, so 10,000 objects never sit in memory at once. Nothing is printed before the
  /// first object is known to exist, so "not found" leaves stdout as flux leaves it.
  func runSingle(_ kind: FluxKind, _ request: GetRequest) async throws -> ExitStatus {
    let options = tableOptions(request)
    let columns = GetLayout.columns(for: kind, options)
    var listed = 0
    var selected = 0
    var rows: [[String]] = []
    var yamlItems: [JSON] = []
    var jsonStarted = false
    let pages = try await Self.installed(kind) { try await cluster.listPages(ObjectKind(kind), request.scope) }
    for try await page in pages {
      try Task.checkCancellation()
      listed += page.items.count
      var text = ""
      for object in page.items {
        guard request.statusSelector.map({ GetRowBuilder.matches($0, kind: kind, object: object) }) ?? true else {
          continue
        }
        selected += 1
        switch request.output {
        case .table, .wide:
          rows.append(GetRowBuilder.row(for: kind, object: object, options: options).values(for: columns))
        case .jsonl:
          text += JSONLinesRenderer.line(GetRowBuilder.row(for: kind, object: object, options: options))
        case .name:
          text += NameRenderer.line(kind: kind, name: object[path: "metadata", "name"]?.stringValue ?? "")
        case .json:
          text += ObjectListRenderer.jsonItem(
            ObjectListRenderer.typed(object, as: kind), first: !jsonStarted, showManagedFields: request.showManagedFields)
          jsonStarted = true
        case .yaml:
          yamlItems.append(ObjectListRenderer.typed(object, as: kind))
        }
      }
      if !text.isEmpty { output.write(text) }
    }
    switch request.output {
    case .table, .wide:
      if listed > 0 {
        output.write(GetTableRenderer.render(header: columns.map(\.title), rows: rows, showHeader: !request.noHeader))
      }
    case .json:
      output.write(jsonStarted ? ObjectListRenderer.jsonListTail : ObjectListRenderer.json([], showManagedFields: false))
    case .yaml:
      output.write(ObjectListRenderer.yaml(yamlItems, showManagedFields: request.showManagedFields))
    case .jsonl, .name:
      break
    }
    if listed == 0 { throw GetNotFoundError.noObjects(kind, request: request) }
    if selected == 0, let selector = request.statusSelector {
      throw GetNotFoundError.noMatch(kind, request: request, selector: selector)
    }
    return .success
  }

  func runAll(_ request: GetRequest) async throws -> ExitStatus {
    var status = ExitStatus.success
    var found: [(FluxKind, [JSON])] = []
    for kind in request.kinds {
      try Task.checkCancellation()
      do {
        let list = try await Self.installed(kind) { try await cluster.list(ObjectKind(kind), request.scope) }
        found.append((kind, filter(list.items, kind: kind, request)))
        if request.output.isTable { flushTables(&found, request) }
      } catch is KindNotInstalledError {
        continue
      } catch is CancellationError {
        throw CancellationError()
      } catch {
        progress.failure("\(error)")
        status = max(status, .failure)
      }
    }
    if !request.output.isTable { output.write(render(found, request)) }
    return status
  }

  /// Tables of `get all` are printed as each kind arrives, so a slow kind does not hold back the rest.
  func flushTables(_ found: inout [(FluxKind, [JSON])], _ request: GetRequest) {
    output.write(render(found, request))
    found.removeAll()
  }

  func filter(_ items: [JSON], kind: FluxKind, _ request: GetRequest) -> [JSON] {
    guard let selector = request.statusSelector else { return items }
    return items.filter { GetRowBuilder.matches(selector, kind: kind, object: $0) }
  }

  func tableOptions(_ request: GetRequest) -> GetTableOptions {
    Self.tableOptions(request, now: clock())
  }

  static func tableOptions(_ request: GetRequest, now: RFC3339Time) -> GetTableOptions {
    GetTableOptions(
      allNamespaces: request.allNamespaces, showSource: request.showSource, wide: request.output == .wide,
      includeKind: request.isAll, now: now)
  }

  func render(_ groups: [(FluxKind, [JSON])], _ request: GetRequest) -> String {
    Self.render(groups, request, now: clock())
  }

  /// The whole output for these kinds and their (already filtered) objects.
  static func render(_ groups: [(FluxKind, [JSON])], _ request: GetRequest, now: RFC3339Time) -> String {
    let options = tableOptions(request, now: now)
    switch request.output {
    case .table, .wide:
      var text = ""
      for (kind, items) in groups {
        if request.isAll && items.isEmpty { continue }
        let rows = items.map { GetRowBuilder.row(for: kind, object: $0, options: options) }
        let columns = GetLayout.columns(for: kind, options)
        text += GetTableRenderer.render(
          header: columns.map(\.title), rows: rows.map { $0.values(for: columns) }, showHeader: !request.noHeader)
        if request.isAll { text += "\n" }
      }
      return text
    case .json, .yaml:
      let items = groups.flatMap { kind, items in items.map { ObjectListRenderer.typed($0, as: kind) } }
      return request.output == .json
        ? ObjectListRenderer.json(items, showManagedFields: request.showManagedFields)
        : ObjectListRenderer.yaml(items, showManagedFields: request.showManagedFields)
    case .jsonl:
      var text = ""
      for (kind, items) in groups {
        for item in items { text += JSONLinesRenderer.line(GetRowBuilder.row(for: kind, object: item, options: options)) }
      }
      return text
    case .name:
      var text = ""
      for (kind, items) in groups {
        for item in items { text += NameRenderer.line(kind: kind, name: item[path: "metadata", "name"]?.stringValue ?? "") }
      }
      return text
    }
  }

  // MARK: watch

  func watch(_ kind: FluxKind, _ request: GetRequest) async throws {
    let options = tableOptions(request)
    let columns = GetLayout.columns(for: kind, options)
    let header = columns.map(\.title)
    let list = try await Self.installed(kind) { try await cluster.list(ObjectKind(kind), request.scope) }
    let initial = filter(list.items, kind: kind, request)
    var table: WatchTable?
    if !initial.isEmpty {
      let rows = initial.map { GetRowBuilder.row(for: kind, object: $0, options: options).values(for: columns) }
      switch request.output {
      case .table, .wide:
        let started = WatchTable(
          header: header, initialRows: rows, showHeader: !request.noHeader, minimumWidths: Self.watchWidths(columns))
        output.write(started.start(rows: rows))
        table = started
      default:
        for item in initial { output.write(watchedObject(item, kind: kind, request: request, options: options)) }
      }
    }
    let changes = try await Self.installed(kind) {
      try await cluster.watch(ObjectKind(kind), request.scope, from: list.resourceVersion)
    }
    for try await change in changes {
      try Task.checkCancellation()
      guard let object = change.object, filter([object], kind: kind, request).count == 1 else { continue }
      switch request.output {
      case .table, .wide:
        let row = GetRowBuilder.row(for: kind, object: object, options: tableOptions(request)).values(for: columns)
        if var current = table {
          output.write(current.render(row))
          table = current
        } else {
          let started = WatchTable(
            header: header, initialRows: [row], showHeader: !request.noHeader, minimumWidths: Self.watchWidths(columns))
          output.write(started.start(rows: [row]))
          table = started
        }
      default:
        output.write(watchedObject(object, kind: kind, request: request, options: options))
      }
    }
  }

  /// A kind the cluster does not serve, in get's and export's words (what to install, which
  /// versions are served instead).
  static func installed<T>(_ kind: FluxKind, _ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as ResourceNotServedError {
      throw KindNotInstalledError(kind: kind, servedVersions: error.servedVersions)
    }
  }

  /// Room for the values a watched column takes as objects change: READY goes True → Unknown.
  static func watchWidths(_ columns: [GetColumn]) -> [Int] {
    columns.map { $0 == .ready ? "Unknown".count : 0 }
  }

  /// One object of a watch in a non-table format: kubectl prints each object on its own (a JSON
  /// document, a `---`-separated YAML document, a name line); JSON lines stream rows.
  func watchedObject(_ object: JSON, kind: FluxKind, request: GetRequest, options: GetTableOptions) -> String {
    let typed = ObjectListRenderer.typed(object, as: kind)
    let cleaned = request.showManagedFields ? typed : ObjectListRenderer.withoutManagedFields(typed)
    switch request.output {
    case .json: return cleaned.serialized(.kubectl) + "\n"
    case .yaml: return "---\n" + cleaned.yaml(.kubectl)
    case .name: return NameRenderer.line(kind: kind, name: object[path: "metadata", "name"]?.stringValue ?? "")
    default: return JSONLinesRenderer.line(GetRowBuilder.row(for: kind, object: object, options: options))
    }
  }
}
