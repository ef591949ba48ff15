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
      subcommands: [
        Source.self, ResumeLeaf<Nouns.Kustomization>.self, ResumeLeaf<Nouns.HelmRelease>.self,
        ResumeLeaf<Nouns.Receiver>.self, Image.self, ResumeLeaf<Nouns.Alert>.self,
        ResumeLeaf<Nouns.AlertProvider>.self, ResumeLeaf<Nouns.Canary>.self,
      ])

    struct Source: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Resume sources.",
        subcommands: [
          ResumeLeaf<Nouns.Git>.self, ResumeLeaf<Nouns.OCI>.self, ResumeLeaf<Nouns.Helm>.self,
          ResumeLeaf<Nouns.Chart>.self, ResumeLeaf<Nouns.Bucket>.self,
        ])
    }

    struct Image: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Resume image automation objects.",
        subcommands: [
          ResumeLeaf<Nouns.ImageRepository>.self, ResumeLeaf<Nouns.ImagePolicy>.self,
          ResumeLeaf<Nouns.ImageUpdate>.self,
        ])
    }
  }
}

struct ResumeLeaf<Noun: FluxNoun>: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: Noun.word, abstract: "Resume \(Noun.withArticle) and wait for it to be ready.",
      aliases: Noun.aliases)
  }

  @OptionGroup var target: TargetOptions
  @Flag(
    inversion: .prefixedNo,
    help: "Wait for a fresh Ready (default: only when one name is given). --no-wait (or --wait=false) never waits.")
  var wait: Bool?
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func run() async throws {
    let context = CommandContext.live()
    let (selection, cluster, timeout) = try target.connect(
      kind: Noun.kind, missingName: "\(Noun.kind.humanKind) name is required", global: global, context: context)
    try await Resumer(cluster: cluster, progress: ConsoleProgress(console: context.console)).run(
      Noun.kind, selection, wait: wait, timeout: timeout)
  }
}
