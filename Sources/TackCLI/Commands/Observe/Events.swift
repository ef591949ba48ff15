import ArgumentParser
import TackBase
import TackCore
import TackJSON
import TackOutput

extension Tack {
  /// `tack events`: `flux events`, with `-o json|jsonl` and a `--watch` whose columns stay aligned.
  struct Events: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the events of Flux objects, oldest first.",
      discussion: """
        Lists core/v1 Events whose object is a Flux kind, in -n's namespace or all (-A); \
        --events-api events.k8s.io/v1 reads the same events through events.k8s.io/v1, which is also \
        used when the server does not serve core/v1 Events, as kubectl does. --for \
        Kind[/name] narrows them to one kind or object; with a name, the events of the objects it \
        refers to come too (a Kustomization's source, a HelmRelease's source and HelmChart, an \
        Alert's Provider, an ImagePolicy's ImageRepository). LAST SEEN reads like kubectl's, with \
        '(xN over AGE)' for repeated events. --watch keeps printing new events under the same \
        columns until interrupted or --timeout. -o json prints the events as a List, -o jsonl one \
        event per line.

        Examples:
          tack events --for Kustomization/apps
          tack events -A --types warning
          tack events --watch -o jsonl
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case table, json, jsonl
    }

    @Flag(name: [.customShort("A"), .long], help: "Events in every namespace.")
    var allNamespaces = false

    @Option(name: .customLong("for"), help: "Only events of this Kind or Kind/name (and, with a name, of what it refers to).")
    var subject: String?

    @Option(parsing: .upToNextOption, help: "Event types to show: Normal, Warning (comma-separated or repeated).")
    var types: [String] = []

    @Option(name: .customLong("events-api"), help: "The Events API to read: v1 or events.k8s.io/v1 (default: v1, else events.k8s.io/v1 when v1 is not served).")
    var eventsAPI: String?

    @Flag(name: [.short, .long], help: "Keep printing new events.")
    var watch = false

    @Option(name: [.short, .long], help: "Output format: table, json or jsonl.")
    var output: Format = .table

    @OptionGroup(title: "Global Options") var global: GlobalOptions

    func validate() throws {
      _ = try request(namespace: nil)
      if watch && output == .json { throw ValidationError("--watch streams events: use -o jsonl or a table") }
    }

    func request(namespace: String?) throws -> FluxEventsRequest {
      var api = EventAPI.automatic
      if let eventsAPI {
        guard let chosen = EventAPI(rawValue: eventsAPI), chosen != .automatic else {
          throw ValidationError("--events-api \"\(eventsAPI)\": use v1 or events.k8s.io/v1")
        }
        api = chosen
      }
      do {
        return FluxEventsRequest(
          namespace: namespace, subject: try subject.map(FluxEventsRequest.subject),
          types: try types.flatMap { $0.split(separator: ",") }.map { try FluxEventsRequest.type(String($0)) }, api: api)
      } catch {
        throw ValidationError("\(error)")
      }
    }

    func execute(context: CommandContext) async throws {
      let namespace = allNamespaces ? nil : try context.namespace(global)
      let request = try request(namespace: namespace)
      let cluster = try context.cluster(global)
      let list = try await FluxEvents(cluster: cluster).list(request, keepObjects: output != .table)
      let now = context.clock.now()
      switch output {
      case .json:
        let document: JSON = ["apiVersion": "v1", "kind": "List", "items": .array(list.events)]
        context.console.write(document.serialized(JSONWriteOptions(indent: "    ")) + "\n")
        return
      case .jsonl:
        for event in list.events { context.console.write(event.serialized() + "\n") }
      case .table:
        let table = list.table(now: now, allNamespaces: allNamespaces)
        if list.records.isEmpty && !watch {
          context.console.failure(allNamespaces ? "No events found." : "No events found in \(namespace ?? "") namespace.")
          return
        }
        if !watch {
          context.console.write(FluxTable(header: table.header, rows: table.rows).render())
          return
        }
      }
      guard watch else { return }
      try await follow(context: context, cluster: cluster, request: request, shown: list)
    }

    /// New events after the listed ones, until interrupted or `--timeout`.
    private func follow(
      context: CommandContext, cluster: any Cluster, request: FluxEventsRequest, shown: EventList
    ) async throws {
      let timeout = try global.positiveTimeout()
      let initial = shown.table(now: context.clock.now(), allNamespaces: allNamespaces)
      var table = WatchTable(header: initial.header, initialRows: initial.rows, showHeader: true)
      if output == .table { context.console.write(table.start(rows: initial.rows)) }
      let stream = try await FluxEvents(cluster: cluster).watch(request, after: shown)
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          try await Task.sleep(for: timeout)
          throw CancellationError()
        }
        group.addTask { [table] in
          var table = table
          for try await event in stream {
            switch output {
            case .jsonl: context.console.write(event.serialized() + "\n")
            default:
              let row = EventList(records: [EventRecord(event)], crossesNamespaces: shown.crossesNamespaces)
                .table(now: context.clock.now(), allNamespaces: allNamespaces).rows
              if let row = row.first { context.console.write(table.render(row)) }
            }
          }
        }
        do {
          try await group.next()
        } catch is CancellationError where !Task.isCancelled {
          // --timeout: the watch ends quietly, as flux's does.
        }
        group.cancelAll()
      }
      _ = table
    }
  }
}
