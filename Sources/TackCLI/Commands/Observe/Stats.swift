import ArgumentParser
import TackCore
import TackJSON
import TackOutput

extension Tack {
  /// `tack stats`: `flux stats`, plus `-o json`.
  struct Stats: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Count Flux reconcilers by state and sum their artifact storage.",
      discussion: """
        One row per reconciler kind, in flux's order: RUNNING (not suspended), FAILING (Ready=False, \
        suspended ones included), SUSPENDED, and STORAGE (the sum of status.artifact.size). A kind \
        whose CRD is not installed counts as none. -o json prints the same as data.

        Examples:
          tack stats
          tack stats -A -o json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case table, json
    }

    @Flag(name: [.customShort("A"), .long], help: "Count in every namespace.")
    var allNamespaces = false

    @Option(name: [.short, .long], help: "Output format: table or json.")
    var output: Format = .table

    @OptionGroup(title: "Global Options") var global: GlobalOptions

    func execute(context: CommandContext) async throws {
      let namespace = allNamespaces ? nil : try context.namespace(global)
      let rows = try await FluxStats(cluster: try context.cluster(global), namespace: namespace).run()
      switch output {
      case .table:
        let table = FluxStats.tableRows(rows)
        context.console.write(FluxTable(header: table.header, rows: table.rows).render())
      case .json:
        let items: [JSON] = rows.map {
          [
            "kind": .string($0.kind), "running": .int($0.running), "failing": .int($0.failing),
            "suspended": .int($0.suspended), "storageBytes": .int(Int($0.storage)),
          ]
        }
        context.console.write(JSON.object(["reconcilers": .array(items)]).serialized(JSONWriteOptions(indent: "  ")) + "\n")
      }
    }
  }
}
