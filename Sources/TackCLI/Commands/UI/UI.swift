import ArgumentParser
import TackBase
import TackCore
import TackOutput

extension Tack {
  /// `tack ui`: a live terminal dashboard of Flux and Flagger objects.
  struct UI: TackCommand {
    static let configuration = CommandConfiguration(
      commandName: "ui",
      abstract: "A live terminal dashboard of Flux objects and Flagger canaries.",
      discussion: """
        Shows counts by state per kind, the canaries in progress and what needs attention; the \
        objects (problems first) and the canaries (weight, step, checks, gate) as lists; a tree \
        (key 5: sources, the Kustomizations and HelmReleases built from them, and the workloads \
        each Kustomization's inventory lists, with dependsOn, failing branches first); and a \
        detail pane with conditions, the whole last error and recent events. One watch per kind, \
        no polling. Keys: arrows or j/k move, Enter opens the detail, / filters, : jumps to a kind \
        or namespace (:ks, :hr, :canary, :tree, :ns NAME|all), r reconciles, s suspends, u resumes, \
        p promotes and a aborts a canary (s, u, p and a ask first), ? shows help, q quits.

        With --contexts a,b,c or --all-contexts it watches several clusters at once: 4 shows one row \
        per context (an unreachable one says so and holds nothing up), and the lists get a CLUSTER \
        column.

        Needs a terminal on stdin and stdout, and a TERM other than dumb; elsewhere it exits 1 \
        and suggests `tack get <kind> --watch`. Without -n it watches all namespaces. Colours \
        follow NO_COLOR, COLORTERM and TERM unless --color says otherwise.
        """)

    @OptionGroup(title: "Global Options")
    var global: GlobalOptions

    @OptionGroup(title: "Fleet Options")
    var fleet: FleetOptions

    @Option(help: "Colours: auto (NO_COLOR, COLORTERM and TERM decide), none, 16, 256 or truecolor.")
    var color: ColorChoice = .auto

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
      case auto, none
      case ansi16 = "16"
      case ansi256 = "256"
      case trueColor = "truecolor"
    }

    func validate() throws {
      try fleet.validate(with: global)
    }

    func execute(context: CommandContext) async throws {
      let style = context.console.style
      guard style.stdinIsTerminal, style.stdoutIsTerminal else {
        throw CommandError(
          "tack ui needs a terminal on stdin and stdout; for a live table use `tack get <kind> --watch`")
      }
      guard context.environment["TERM"] != "dumb" else {
        throw CommandError(
          "tack ui cannot draw on TERM=dumb; for a live table use `tack get <kind> --watch`")
      }
      let depth: ColorDepth
      switch color {
      case .auto: depth = ColorDepth.detect(environment: context.environment)
      case .none: depth = .none
      case .ansi16: depth = .ansi16
      case .ansi256: depth = .ansi256
      case .trueColor: depth = .trueColor
      }
      let members: [FleetMember]
      let contextName: String
      if let fleetMembers = try fleet.members(global, context: context) {
        members = fleetMembers
        contextName = fleetMembers.map(\.name).joined(separator: ",")
      } else {
        members = [FleetMember(name: "", cluster: .success(try context.cluster(global)))]
        contextName =
          ((try? KubeConnector(options: global, context: context).clientConfig().contextName) ?? nil) ?? "(none)"
      }
      try await DashboardRunner(
        members: members, contextName: contextName, namespace: global.namespace, depth: depth, clock: context.clock
      ).run()
    }
  }
}
