import ArgumentParser
import TackBase
import TackCore

extension Tack {
  /// `tack export <noun> [name] [--all]`: objects as YAML in flux's export format.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Export resources in YAML format.",
      discussion: """
        Prints each object as a YAML document (---, then apiVersion, kind, metadata name, namespace, \
        labels and annotations, and spec; no status or server fields), ready to commit to Git.
        """,
      subcommands: [
        NounGroup<ExportVerb, SourceNouns>.self, ExportVerb.leaf(Nouns.Kustomization.self),
        ExportVerb.leaf(Nouns.HelmRelease.self), ExportVerb.leaf(Nouns.Alert.self),
        ExportVerb.leaf(Nouns.AlertProvider.self), ExportVerb.leaf(Nouns.Receiver.self),
        NounGroup<ExportVerb, ImageNouns>.self, NounGroup<ExportVerb, ArtifactNouns>.self,
      ])
  }
}

/// Sources that reference Secrets (Git, OCI, Helm repositories, Buckets) take `--with-credentials`.
enum ExportVerb: NounVerb {
  static let verb = FluxKind.Verb.export
  static let withCredentials: [FluxKind] = [.gitRepository, .ociRepository, .helmRepository, .bucket]
  static func groupAbstract(_ what: String) -> String { "Export \(what) in YAML format." }
  static func leaf<Noun: FluxNoun>(_ noun: Noun.Type) -> any ParsableCommand.Type {
    if withCredentials.contains(Noun.kind) { return ExportSourceLeaf<Noun>.self }
    return ExportLeaf<Noun>.self
  }
}

/// `tack export <noun> NAME|--all`.
struct ExportLeaf<Noun: FluxNoun>: ExportNounCommand {
  static var configuration: CommandConfiguration { exportConfiguration }
  @OptionGroup var options: ExportCommandOptions
}

/// `tack export source <noun> NAME|--all [--with-credentials]`.
struct ExportSourceLeaf<Noun: FluxNoun>: ExportNounCommand {
  static var configuration: CommandConfiguration { exportConfiguration }
  @OptionGroup var options: ExportCommandOptions
  @OptionGroup var credentials: ExportCredentialsOption
  var withCredentials: Bool { credentials.withCredentials }
}

struct ExportCommandOptions: ParsableArguments, Sendable {
  @Argument(help: "The object to export.", completion: .custom(ResourceNameCompletion.complete))
  var name: String?

  @Flag(help: "Select all resources in the namespace.")
  var all = false

  @OptionGroup(title: "Global Options")
  var global: GlobalOptions

  func validate() throws {
    if !all && (name ?? "").isEmpty { throw ValidationError("name is required (or --all)") }
    if all && name != nil { throw ValidationError("give a name or --all, not both") }
  }
}

struct ExportCredentialsOption: ParsableArguments, Sendable {
  @Flag(help: "Also export every Secret the source references (secretRef, certSecretRef, proxySecretRef, verify.secretRef).")
  var withCredentials = false
}

protocol ExportNounCommand: TackCommand {
  associatedtype Noun: FluxNoun
  var options: ExportCommandOptions { get }
  var withCredentials: Bool { get }
}

extension ExportNounCommand {
  var withCredentials: Bool { false }

  static var exportConfiguration: CommandConfiguration {
    let spelling = Noun.spelling(for: .export)
    return CommandConfiguration(
      commandName: spelling.name, abstract: "Export \(Noun.kind.kind) resources in YAML format.",
      aliases: spelling.aliases)
  }

  func execute(context: CommandContext) async throws {
    let cluster = try context.cluster(options.global)
    let namespace = try context.namespace(options.global)
    try await ExportObjects(cluster: cluster, output: context.console.out).run(
      ExportRequest(
        kind: Noun.kind, namespace: namespace, name: options.name, all: options.all, withCredentials: withCredentials))
  }
}
