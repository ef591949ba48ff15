import ArgumentParser
import TackBase
import TackCore
import TackOutput

extension Tack {
  /// `tack reconcile <noun> NAME…`: annotate, then wait until the controller applied it.
  struct Reconcile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Trigger a reconciliation of sources and resources and wait for it to finish.",
      discussion: """
        Sets the reconcile.fluxcd.io/requestedAt annotation, as flux does, then follows the object \
        with a watch until its controller handled the request and reports Ready. Several names, \
        --all or -A annotate every object first, wait for all of them in parallel and print one \
        summary line per object.

        Exit codes: 0 success, 1 error, 3 timed out waiting, 4 the resource reported failure \
        (Ready=False, Stalled), 5 not found, 64 usage error, 130 interrupted. With several objects \
        the worst code wins.
        """,
      subcommands: [
        Source.self, ReconcileWithSource<Nouns.Kustomization>.self, ReconcileHelmRelease.self,
        ReconcilePlain<Nouns.Receiver>.self, Image.self,
      ])

    struct Source: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Reconcile sources.",
        subcommands: [
          ReconcilePlain<Nouns.Git>.self, ReconcilePlain<Nouns.OCI>.self, ReconcilePlain<Nouns.Helm>.self,
          ReconcileWithSource<Nouns.Chart>.self, ReconcilePlain<Nouns.Bucket>.self,
        ])
    }

    struct Image: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Reconcile image automation objects.",
        subcommands: [
          ReconcilePlain<Nouns.ImageRepository>.self, ReconcilePlain<Nouns.ImagePolicy>.self,
          ReconcilePlain<Nouns.ImageUpdate>.self,
        ])
    }
  }
}

/// `--wait` / `--no-wait` / `--wait=false` for reconcile.
struct ReconcileWaitOption: ParsableArguments {
  @Flag(
    inversion: .prefixedNo,
    help: "Wait for the controller to finish. --no-wait (or --wait=false) only annotates.")
  var wait = true
}

/// A noun without extra flags (sources, receiver, image objects).
struct ReconcilePlain<Noun: FluxNoun>: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: Noun.word, abstract: "Reconcile \(Noun.withArticle) and wait for it.", aliases: Noun.aliases)
  }

  @OptionGroup var target: TargetOptions
  @OptionGroup var waitOption: ReconcileWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func run() async throws {
    try await ReconcileRun.run(Noun.kind, target, global, ReconcileOptions(wait: waitOption.wait))
  }
}

/// Kustomization and HelmChart: `--with-source` reconciles their source first.
struct ReconcileWithSource<Noun: FluxNoun>: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: Noun.word, abstract: "Reconcile \(Noun.withArticle) and wait for it.", aliases: Noun.aliases)
  }

  @OptionGroup var target: TargetOptions
  @Flag(help: "Reconcile the source first, and wait for it.")
  var withSource = false
  @OptionGroup var waitOption: ReconcileWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func run() async throws {
    try await ReconcileRun.run(
      Noun.kind, target, global, ReconcileOptions(withSource: withSource, wait: waitOption.wait))
  }
}

/// HelmRelease: `--with-source`, `--force`, `--reset`.
struct ReconcileHelmRelease: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: Nouns.HelmRelease.word, abstract: "Reconcile a HelmRelease and wait for it.",
    aliases: Nouns.HelmRelease.aliases)

  @OptionGroup var target: TargetOptions
  @Flag(help: "Reconcile the chart and its source first, and wait for them.")
  var withSource = false
  @Flag(help: "Force a one-off install or upgrade of the HelmRelease.")
  var force = false
  @Flag(help: "Reset the failure count of the HelmRelease.")
  var reset = false
  @OptionGroup var waitOption: ReconcileWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func run() async throws {
    try await ReconcileRun.run(
      .helmRelease, target, global,
      ReconcileOptions(withSource: withSource, force: force, reset: reset, wait: waitOption.wait))
  }
}

enum ReconcileRun {
  static func run(_ kind: FluxKind, _ target: TargetOptions, _ global: GlobalOptions, _ options: ReconcileOptions)
    async throws
  {
    let context = CommandContext.live()
    let (selection, cluster, timeout) = try target.connect(
      kind: kind, missingName: "\(kind.kind) name is required", global: global, context: context)
    var options = options
    options.timeout = timeout
    try await Reconciler(cluster: cluster, progress: ConsoleProgress(console: context.console)).run(
      kind, selection, options: options)
  }
}
