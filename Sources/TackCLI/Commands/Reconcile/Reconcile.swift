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
        NounGroup<ReconcileVerb, SourceNouns>.self, ReconcileWithSource<Nouns.Kustomization>.self,
        ReconcileHelmRelease.self, ReconcilePlain<Nouns.Receiver>.self, NounGroup<ReconcileVerb, ImageNouns>.self,
      ])
  }
}

/// HelmCharts, like Kustomizations, take `--with-source`; HelmReleases have their own leaf.
enum ReconcileVerb: NounVerb {
  static let verb = FluxKind.Verb.reconcile
  static func groupAbstract(_ what: String) -> String { "Reconcile \(what)." }
  static func leaf<Noun: FluxNoun>(_ noun: Noun.Type) -> any ParsableCommand.Type {
    if Noun.kind == .helmChart { return ReconcileWithSource<Noun>.self }
    return ReconcilePlain<Noun>.self
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
struct ReconcilePlain<Noun: FluxNoun>: TackCommand {
  static var configuration: CommandConfiguration {
    let spelling = Noun.spelling(for: .reconcile)
    return CommandConfiguration(
      commandName: spelling.name, abstract: "Reconcile \(Noun.withArticle) and wait for it.", aliases: spelling.aliases)
  }

  @OptionGroup var target: TargetOptions
  @OptionGroup var waitOption: ReconcileWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    try await ReconcileRun.run(Noun.kind, target, global, ReconcileOptions(wait: waitOption.wait), context: context)
  }
}

/// Kustomization and HelmChart: `--with-source` reconciles their source first.
struct ReconcileWithSource<Noun: FluxNoun>: TackCommand {
  static var configuration: CommandConfiguration {
    let spelling = Noun.spelling(for: .reconcile)
    return CommandConfiguration(
      commandName: spelling.name, abstract: "Reconcile \(Noun.withArticle) and wait for it.", aliases: spelling.aliases)
  }

  @OptionGroup var target: TargetOptions
  @Flag(help: "Reconcile the source first, and wait for it.")
  var withSource = false
  @OptionGroup var waitOption: ReconcileWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    try await ReconcileRun.run(
      Noun.kind, target, global, ReconcileOptions(withSource: withSource, wait: waitOption.wait), context: context)
  }
}

/// HelmRelease: `--with-source`, `--force`, `--reset`.
struct ReconcileHelmRelease: TackCommand {
  static let configuration = CommandConfiguration(
    commandName: Nouns.HelmRelease.spelling(for: .reconcile).name, abstract: "Reconcile a HelmRelease and wait for it.",
    aliases: Nouns.HelmRelease.spelling(for: .reconcile).aliases)

  @OptionGroup var target: TargetOptions
  @Flag(help: "Reconcile the chart and its source first, and wait for them.")
  var withSource = false
  @Flag(help: "Force a one-off install or upgrade of the HelmRelease.")
  var force = false
  @Flag(help: "Reset the failure count of the HelmRelease.")
  var reset = false
  @OptionGroup var waitOption: ReconcileWaitOption
  @OptionGroup(title: "Global Options") var global: GlobalOptions

  func execute(context: CommandContext) async throws {
    try await ReconcileRun.run(
      .helmRelease, target, global,
      ReconcileOptions(withSource: withSource, force: force, reset: reset, wait: waitOption.wait), context: context)
  }
}

enum ReconcileRun {
  static func run(
    _ kind: FluxKind, _ target: TargetOptions, _ global: GlobalOptions, _ options: ReconcileOptions,
    context: CommandContext
  ) async throws {
    let (selection, cluster, timeout) = try target.connect(
      kind: kind, missingName: "\(kind.kind) name is required", global: global, context: context)
    var options = options
    options.timeout = timeout
    try await Reconciler(cluster: cluster, progress: ConsoleProgress(console: context.console)).run(
      kind, selection, options: options)
  }
}
