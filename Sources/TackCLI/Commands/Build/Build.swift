import ArgumentParser
import TackCore

extension Tack {
  /// `tack build kustomization|ks NAME --path DIR`: `flux build ks`.
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build a Flux Kustomization locally, or an OCI artifact tarball.",
      subcommands: [BuildKustomization.self, BuildArtifact.self])
  }
}

/// Prints the objects kustomize-controller would apply for a Kustomization and a local directory.
struct BuildKustomization: TackCommand {
  static var configuration: CommandConfiguration {
    let spelling = FluxKind.kustomization.noun.spelling(for: .build)
    return CommandConfiguration(
      commandName: spelling.name, abstract: "Build a Kustomization from local files and print the YAML.",
      discussion: """
        Generates a kustomization.yaml when --path has none (every YAML file minus the .sourceignore \
        and --ignore-paths patterns), applies the Kustomization's spec (targetNamespace, namePrefix, \
        nameSuffix, patches, images, components, commonMetadata), runs postBuild substitution (with \
        the substituteFrom ConfigMaps and Secrets read from the cluster) and masks SOPS-encrypted \
        Secrets. Each object is printed followed by a --- line. The directory is never written to. \
        With --dry-run the Kustomization comes from --kustomization-file and no cluster is contacted \
        (substituteFrom is then skipped, as flux does).
        """,
      aliases: spelling.aliases)
  }

  @OptionGroup var options: KustomizationBuildOptions

  @Flag(help: "Build without a cluster, from --kustomization-file alone.")
  var dryRun = false

  func validate() throws { try options.requireOne() }

  func execute(context: CommandContext) async throws {
    let request = try options.request(context: context, dryRun: dryRun)
    let cluster = dryRun ? nil : try context.cluster(options.global)
    let prepared = try await request.prepare(cluster: cluster)
    context.console.write(try prepared.build().yaml)
  }
}
