import ArgumentParser
import TackBase
import TackCore

extension Tack {
  /// `tack version`: the client version and, unless `--client`, the API server's, the Flux
  /// distribution's and every Flux and Flagger controller image's, in flux's format.
  struct Version: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the client and server-side components version information.",
      discussion: """
        Without --client, reads the API server version (/version), the Flux version from the \
        GitRepository CRD's labels, and the image tag of every container of the Deployments labelled \
        app.kubernetes.io/part-of=flux in the namespace and of Flagger's Deployments in any namespace. \
        --client never touches the network.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case yaml, json
    }

    @Flag(help: "If true, shows client version only (no server required).")
    var client = false

    @Option(name: [.short, .long], help: "The format in which the information should be printed: yaml or json.")
    var output: Format = .yaml

    @OptionGroup(title: "Global Options")
    var global: GlobalOptions

    func execute(context: CommandContext) async throws {
      var report = VersionReport(client: "v" + TackVersion.current)
      if !client {
        report = try await serverReport(context: context, client: report.client)
      }
      switch output {
      case .json: context.console.write(report.jsonText)
      case .yaml: context.console.write(report.yaml)
      }
    }
  }
}

extension Tack.Version {
  /// The cluster half of the report: server, Flux distribution, controller images.
  func serverReport(context: CommandContext, client: String) async throws -> VersionReport {
    let cluster = try context.cluster(global)
    return try await ReadVersions(cluster: cluster).run(client: client, namespace: try context.namespace(global))
  }
}
