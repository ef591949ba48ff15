import ArgumentParser
import TackBase
import TackCore
import TackOutput

/// The flags every `tack get <noun>` takes: flux's persistent `get` flags, kubectl's output flags,
/// the global connection flags, and the optional positional name.
struct GetCommandOptions: ParsableArguments, Sendable {
  @Argument(
    help: "Only the object with this name (a metadata.name field selector).",
    completion: .custom(ResourceNameCompletion.complete))
  var name: String?

  @Flag(name: [.customShort("A"), .long], help: "List the requested object(s) across all namespaces.")
  var allNamespaces = false

  @Flag(name: [.short, .long], help: "After listing/getting the requested object, watch for changes.")
  var watch = false

  @Option(
    help: ArgumentHelp(
      "Filter by a status condition: type=status or type!=status, e.g. ready=false or ready!=true.",
      valueName: "type=status"))
  var statusSelector: String?

  @Option(name: [.short, .long], help: "Filter objects by label selector (kubectl syntax, incl. in/notin).")
  var labelSelector: String?

  @OptionGroup(title: "Output Options")
  var outputOptions: GetOutputOptions

  @OptionGroup(title: "Global Options")
  var global: GlobalOptions

  @OptionGroup(title: "Fleet Options")
  var fleet: FleetOptions

  func validate() throws {
    try fleet.validate(with: global)
    if fleet.isFleet, watch { throw ValidationError("--watch takes one cluster, not --contexts or --all-contexts") }
    if fleet.isFleet, outputOptions.output.getFormat == .name {
      throw ValidationError("-o name takes one cluster, not --contexts or --all-contexts")
    }
    if let statusSelector {
      do {
        _ = try StatusSelector(parsing: statusSelector)
      } catch {
        throw ValidationError(error.description)
      }
    }
  }

  func request(kinds: [FluxKind], isAll: Bool, namespace: String, showSource: Bool) throws -> GetRequest {
    GetRequest(
      kinds: kinds, isAll: isAll, namespace: namespace, allNamespaces: allNamespaces,
      name: name, labelSelector: labelSelector,
      statusSelector: try statusSelector.map { try StatusSelector(parsing: $0) },
      output: outputOptions.output.getFormat, noHeader: outputOptions.noHeader, showSource: showSource,
      showManagedFields: outputOptions.showManagedFields, watch: watch)
  }
}

/// A `tack get` leaf: the kinds it lists and whether it is an `all` command.
protocol GetNounCommand: TackCommand {
  static var kinds: [FluxKind] { get }
  static var isAll: Bool { get }
  var options: GetCommandOptions { get }
  var showSource: Bool { get }
}

extension GetNounCommand {
  static var isAll: Bool { false }
  var showSource: Bool { false }

  func execute(context: CommandContext) async throws {
    let namespace = try context.namespace(options.global)
    let request = try options.request(
      kinds: Self.kinds, isAll: Self.isAll, namespace: namespace, showSource: showSource)
    if let members = try options.fleet.members(options.global, context: context) {
      let status = try await FleetGet(
        members: members, output: context.console.out, progress: ConsoleProgress(console: context.console)
      ).run(request)
      if status != .success { throw SilentExit(status) }
      return
    }
    let cluster = try context.cluster(options.global)
    let status = try await GetObjects(
      cluster: cluster, output: context.console.out, progress: ConsoleProgress(console: context.console)
    ).run(request)
    if status != .success { throw SilentExit(status) }
  }
}

extension FluxKind {
  /// "Get Kustomization statuses." — the help line of a noun command.
  var getAbstract: String { "Get \(kind) statuses." }
}
