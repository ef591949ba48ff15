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
      subcommands: [
        Source.self, SuspendLeaf<Nouns.Kustomization>.self, SuspendLeaf<Nouns.HelmRelease>.self,
        SuspendLeaf<Nouns.Receiver>.self, Image.self, SuspendLeaf<Nouns.Alert>.self,
        SuspendLeaf<Nouns.AlertProvider>.self, SuspendLeaf<Nouns.Canary>.self,
      ])

    struct Source: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Suspend sources.",
        subcommands: [
          SuspendLeaf<Nouns.Git>.self, SuspendLeaf<Nouns.OCI>.self, SuspendLeaf<Nouns.Helm>.self,
          SuspendLeaf<Nouns.Chart>.self, SuspendLeaf<Nouns.Bucket>.self,
        ])
    }

    struct Image: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Suspend image automation objects.",
        subcommands: [
          SuspendLeaf<Nouns.ImageRepository>.self, SuspendLeaf<Nouns.ImagePolicy>.self,
          SuspendLeaf<Nouns.ImageUpdate>.self,
        ])
    }
  }
}

struct SuspendLeaf<Noun: FluxNoun>: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: Noun.word, abstract: "Suspend \(Noun.withArticle).", aliases: Noun.aliases)
  }

  @OptionGroup var target: TargetOptions
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func run() async throws {
    let context = CommandContext.live()
    let (selection, cluster, _) = try target.connect(
      kind: Noun.kind, missingName: "\(Noun.kind.humanKind) name is required", global: global, context: context)
    try await Suspender(cluster: cluster, progress: ConsoleProgress(console: context.console)).run(Noun.kind, selection)
  }
}
