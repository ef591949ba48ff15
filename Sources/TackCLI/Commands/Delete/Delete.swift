import ArgumentParser
import TackBase
import TackCore
import TackOutput

extension Tack {
  /// `tack delete <noun> NAME`: delete one Flux object and wait until it is gone.
  struct Delete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Delete sources and resources, and wait until they are gone.",
      discussion: """
        Asks for confirmation on a terminal; off a terminal (scripts, CI) --silent is required. \
        After the DELETE, tack follows the object with a watch until its finalizers have run and it \
        is gone (--no-wait or --wait=false to return at once).

        Exit codes: 0 deleted, 1 error or not confirmed, 3 timed out waiting for the object to go, \
        5 not found, 64 usage error, 130 interrupted.
        """,
      subcommands: [
        NounGroup<DeleteVerb, SourceNouns>.self, DeleteLeaf<Nouns.Kustomization>.self,
        DeleteLeaf<Nouns.HelmRelease>.self, DeleteLeaf<Nouns.Receiver>.self, NounGroup<DeleteVerb, ImageNouns>.self,
        DeleteLeaf<Nouns.Alert>.self, DeleteLeaf<Nouns.AlertProvider>.self, DeleteLeaf<Nouns.Canary>.self,
      ])
  }
}

enum DeleteVerb: NounVerb {
  static let verb = FluxKind.Verb.delete
  static func groupAbstract(_ what: String) -> String { "Delete \(what)." }
  static func leaf<Noun: FluxNoun>(_ noun: Noun.Type) -> any ParsableCommand.Type { DeleteLeaf<Noun>.self }
}

/// `-s/--silent` and `--wait` for delete and uninstall.
struct DeleteOptions: ParsableArguments {
  @Flag(name: [.short, .long], help: "Delete without asking (required off a terminal).")
  var silent = false

  @Flag(inversion: .prefixedNo, help: "Wait until the objects are gone. --no-wait (or --wait=false) returns after the request.")
  var wait = true

  /// The confirmation: skipped with --silent, asked on a TTY, refused (naming the flag) otherwise.
  func confirmation(_ context: CommandContext) -> @Sendable (String) async throws -> Void {
    if silent { return { _ in } }
    let prompt = TerminalPrompt.ifInteractive(context.console)
    return { question in
      guard let prompt else {
        throw DeleteAbortedError(
          "refusing to delete without confirmation: stdin is not a terminal; pass --silent to delete anyway",
          exitStatus: .usage)
      }
      guard await prompt.confirm(question) else { throw DeleteAbortedError("aborting") }
    }
  }
}

/// One noun: `tack delete kustomization apps`.
struct DeleteLeaf<Noun: FluxNoun>: TackCommand {
  static var configuration: CommandConfiguration {
    let spelling = Noun.spelling(for: .delete)
    return CommandConfiguration(
      commandName: spelling.name, abstract: "Delete \(Noun.withArticle) and wait until it is gone.",
      aliases: spelling.aliases)
  }

  @Argument(help: "Name of the object.") var name: String?
  @OptionGroup var options: DeleteOptions
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    guard let name, !name.isEmpty else {
      throw CommandError("\(Noun.kind.humanKind) name is required", exitStatus: .usage)
    }
    let timeout = try global.positiveTimeout()
    let namespace = try context.namespace(global)
    let cluster = try context.cluster(global)
    try await ObjectDeleter(cluster: cluster, progress: ConsoleProgress(console: context.console)).delete(
      ObjectRef(kind: Noun.kind, namespace: namespace, name: name), wait: options.wait, timeout: timeout,
      confirm: options.confirmation(context))
  }
}
