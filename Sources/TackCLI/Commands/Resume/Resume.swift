import ArgumentParser
import TackBase
import TackCore
import TackOutput

extension Tack {
  /// `tack resume <noun> NAME…`: reconcile again, and wait for a fresh Ready.
  struct Resume: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Resume suspended sources and resources.",
      discussion: """
        Merge-patches spec.suspend away, as flux does, then waits for a Ready condition of the new \
        generation: always with --wait, never with --no-wait (--wait=false), and by default only \
        when one name is given. Several objects are all patched first, then waited for in parallel. \
        A missing name is an error (exit 5); the other names still proceed.

        Exit codes: 0 success, 1 error, 3 timed out waiting, 4 the resource reported failure, \
        5 not found, 64 usage error, 130 interrupted. With several objects the worst code wins.
        """,
      subcommands: SuspendableNouns.subcommands(ResumeVerb.self))
  }
}

enum ResumeVerb: NounVerb {
  static let verb = FluxKind.Verb.resume
  static func groupAbstract(_ what: String) -> String { "Resume \(what)." }
  static func leaf<Noun: FluxNoun>(_ noun: Noun.Type) -> any ParsableCommand.Type { ResumeLeaf<Noun>.self }
}

struct ResumeLeaf<Noun: FluxNoun>: TackCommand {
  static var configuration: CommandConfiguration {
    let spelling = Noun.spelling(for: .resume)
    return CommandConfiguration(
      commandName: spelling.name, abstract: "Resume \(Noun.withArticle) and wait for it to be ready.",
      aliases: spelling.aliases)
  }

  @OptionGroup var target: TargetOptions
  @Flag(
    inversion: .prefixedNo,
    help: "Wait for a fresh Ready (default: only when one name is given). --no-wait (or --wait=false) never waits.")
  var wait: Bool?
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    let (selection, cluster, timeout) = try target.connect(
      kind: Noun.kind, missingName: "\(Noun.kind.humanKind) name is required", global: global, context: context)
    try await Resumer(cluster: cluster, progress: ConsoleProgress(console: context.console)).run(
      Noun.kind, selection, wait: wait, timeout: timeout)
  }
}
