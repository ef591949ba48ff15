import ArgumentParser
import TackCore
import TackJSON
import TackOutput

extension Tack {
  /// `tack tree kustomization|ks NAME`: `flux tree ks`, with each Flux object's readiness.
  struct Tree: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the objects a Flux Kustomization manages, as a tree.",
      subcommands: [TreeKustomization.self])
  }
}

struct TreeKustomization: TackCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "kustomization",
      abstract: "Print what a Kustomization manages: its inventory, nested Kustomizations and HelmReleases.",
      discussion: """
        Walks status.inventory; a Kustomization in it is expanded in turn, a HelmRelease into the \
        objects of its installed release (read from Helm's storage Secret). Beyond flux, each Flux \
        object shows its readiness (Ready, Failed, Suspended, Unknown); --no-status prints flux's \
        exact layout, and --failed keeps only the branches that lead to a Flux object that is not \
        Ready. -o json and -o yaml print the tree as data (flux's field names).

        Examples:
          tack tree ks flux-system
          tack tree ks apps --compact --failed
        """,
      aliases: ["ks", "kustomizations"])
  }

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, yaml
  }

  @Argument(help: "The Kustomization's name.")
  var name: String?

  @Flag(help: "Only Flux objects (the toolkit.fluxcd.io groups).")
  var compact = false

  @Flag(help: "Only the branches that lead to a Flux object that is not Ready.")
  var failed = false

  @Flag(inversion: .prefixedNo, help: "Show each Flux object's readiness.")
  var status = true

  @Option(name: [.short, .long], help: "Output format: text, json or yaml.")
  var output: Format = .text

  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func validate() throws {
    guard let name, !name.isEmpty else { throw ValidationError("kustomization name is required") }
  }

  func execute(context: CommandContext) async throws {
    let tree = FluxTree(cluster: try context.cluster(global), compact: compact)
    var root = try await tree.kustomization(name ?? "", namespace: try context.namespace(global))
    if failed { root = root.failedBranches() }
    switch output {
    // Status messages come from the cluster; JSON and YAML keep them byte for byte.
    case .text: context.console.write(TerminalText.sanitize(root.text(showStatus: status)))
    case .json: context.console.write(root.document(showStatus: status).serialized(JSONWriteOptions(indent: "  ")) + "\n")
    case .yaml: context.console.write(root.document(showStatus: status).yaml(YAMLWriteOptions(sortKeys: true)))
    }
  }
}
