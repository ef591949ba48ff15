import ArgumentParser
import TackBase
import TackCore
import TackOutput

/// `--export -o` formats.
enum CreateOutputFormat: String, ExpressibleByArgument, CaseIterable {
  case yaml, json
}

/// `--dry-run` values: `none` (the default) or `server`.
enum CreateDryRun: String, ExpressibleByArgument, CaseIterable {
  case none, server
}

/// The flags every `create` noun takes (flux's persistent `create` flags, plus tack's `-o` and
/// `--dry-run`).
struct CreateCommonOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Reconciliation interval, in Go duration syntax (default 1m0s).", valueName: "duration"))
  var interval: String?

  @Flag(help: "Print the object as YAML to stdout instead of applying it; nothing is sent to the cluster.")
  var export = false

  @Option(
    name: [.short, .long],
    help: "With --export: yaml (flux's output, the default) or json.")
  var output: CreateOutputFormat?

  @Option(
    name: .customLong("label"), parsing: .singleValue,
    help: ArgumentHelp("Set labels on the object (key=value; repeat or comma-separate).", valueName: "key=value"))
  var labels: [String] = []

  @Option(
    help: ArgumentHelp(
      "server: send the object with dryRun=All so the cluster checks it without storing it; none: apply.",
      valueName: "none|server"))
  var dryRun: CreateDryRun = .none

  /// The name, namespace, labels and interval, or a usage error; checked before anything else.
  func target(name: String, global: GlobalOptions, context: CommandContext) throws -> CreateTarget {
    try CreateInputs.validateName(name)
    if output != nil && !export {
      throw CreateError("-o/--output only applies with --export")
    }
    if export && dryRun == .server {
      throw CreateError("--dry-run=server cannot be combined with --export (--export never contacts the cluster)")
    }
    return CreateTarget(
      name: name, namespace: try context.namespace(global), labels: try CreateInputs.labels(labels),
      interval: try CreateInputs.duration(interval ?? "1m0s", flag: "--interval"))
  }
}

/// `create source`'s shared `--fetch-timeout`.
struct CreateSourceOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Set a timeout for fetch operations performed by source-controller (e.g. 10s, 2m).", valueName: "duration"))
  var fetchTimeout: String?

  func timeout() throws -> GoDuration? {
    try fetchTimeout.map { try CreateInputs.duration($0, flag: "--fetch-timeout") }
  }
}

/// `--wait` / `--no-wait` / `--wait=false`: follow the object until it is ready (the default).
struct CreateWaitOption: ParsableArguments {
  @Flag(inversion: .prefixedNo, help: "Wait for the object to be Ready. --no-wait (or --wait=false) returns after applying.")
  var wait = true
}

/// The one path every Flux-object noun takes after parsing: build, then print or apply.
enum CreateRun {
  static func run(
    name: String, common: CreateCommonOptions, wait: Bool, global: GlobalOptions, context: CommandContext,
    beforeApply: (@Sendable (FluxObjectDraft, any Cluster, any ProgressReporter) async throws -> Void)? = nil,
    build: (CreateTarget) throws -> FluxObjectDraft
  ) async throws {
    let target = try common.target(name: name, global: global, context: context)
    let draft = try build(target)
    if common.export {
      context.console.write(CreateExport.text([draft], format: common.output == .json ? .json : .yaml))
      return
    }
    let timeout = try global.positiveTimeout()
    let cluster = try context.cluster(global)
    try await FluxObjectCreator(cluster: cluster, progress: ConsoleProgress(console: context.console)).apply(
      draft, CreateApplyOptions(wait: wait, timeout: timeout, serverDryRun: common.dryRun == .server),
      beforeApply: beforeApply)
  }

  /// Writes a source's generated credentials Secret (in the object's namespace) before the object.
  static func secretStep(_ secret: SecretDraft?, _ message: String, configured: Bool)
    -> (@Sendable (FluxObjectDraft, any Cluster, any ProgressReporter) async throws -> Void)?
  {
    guard let secret else { return nil }
    return { draft, cluster, progress in
      var secret = secret
      secret.namespace = draft.namespace
      progress.action(message)
      try await SecretDraftWriter.upsert(secret, in: cluster)
      if configured { progress.success("authentication configured") }
    }
  }
}
