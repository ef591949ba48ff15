import ArgumentParser
import TackBase
import TackCore
import TackOutput

extension Tack {
  /// `tack suspend <noun> NAME…`: stop reconciling, by `spec.suspend: true`.
  struct Suspend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Suspend the reconciliation of sources and resources.",
      discussion: """
        Merge-patches spec.suspend to true, as flux does. A missing name is an error (exit 5); the \
        other names are still suspended. An object that is already suspended is left alone and \
        says so.

        Exit codes: 0 success, 1 error, 5 not found, 64 usage error, 130 interrupted. With several \
        objects the worst code wins.
        """,
      subcommands: SuspendableNouns.subcommands(SuspendVerb.self))
  }
}

enum SuspendVerb: NounVerb {
  static let verb = FluxKind.Verb.suspend
  static func groupAbstract(_ what: String) -> String { "Suspend \(what)." }
  static func leaf<Noun: FluxNoun>(_ noun: Noun.Type) -> any ParsableCommand.Type { SuspendLeaf<Noun>.self }
}

struct SuspendLeaf<Noun: FluxNoun>: TackCommand {
  static var configuration: CommandConfiguration {
    let spelling = Noun.spelling(for: .suspend)
    return CommandConfiguration(
      commandName: spelling.name, abstract: "Suspend \(Noun.withArticle).", aliases: spelling.aliases)
  }

  @OptionGroup var target: TargetOptions
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    let (selection, cluster, _) = try target.connect(
      kind: Noun.kind, missingName: "\(Noun.kind.humanKind) name is required", global: global, context: context)
    try await Suspender(cluster: cluster, progress: ConsoleProgress(console: context.console)).run(Noun.kind, selection)
  }
}
