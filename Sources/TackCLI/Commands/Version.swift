import ArgumentParser
import TackBase
import TackCore
import TackJSON
import TackKube

extension Tack {
  /// `tack version`: the client version and, unless `--client`, the API server's, the Flux
  /// distribution's and every Flux and Flagger controller image's, in flux's format.
  struct Version: AsyncParsableCommand {
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

    func run() async throws {
      let context = CommandContext.live()
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
    let factory = KubeClientFactory(options: global, context: context)
    let source = ClusterVersionSource(client: try factory.makeClient())
    return try await ReadVersions(source: source).run(client: client, namespace: try factory.namespace())
  }
}

/// `VersionSource` over the Kubernetes client.
struct ClusterVersionSource: VersionSource {
  let client: KubeClient

  func serverVersion() async throws -> String { try await client.serverVersion().gitVersion }

  func crdLabels(_ name: String) async throws -> [String: String]? {
    let crds = try await client.resource(
      for: GroupVersionKind(group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition"))
    do {
      return try await client.get(crds, name: name).metadata.labels
    } catch let error as KubeAPIError where error.exitStatus == .notFound {
      return nil
    }
  }

  func deployments(namespace: String?, labelSelector: String) async throws -> [JSON] {
    let deployments = try await client.resource(for: GroupVersionKind(group: "apps", version: "v1", kind: "Deployment"))
    return try await client.list(deployments, namespace: namespace, options: ListOptions(labelSelector: labelSelector))
      .items.map(\.json)
  }
}
