import ArgumentParser
import Synchronization
import TackBase
import TackCore
import TackJSON
import TackOutput

extension Tack.Canary {
  /// `tack canary status [NAME]`: the header, Images, Analysis and History of one canary, or a
  /// compact table of all canaries in the namespace.
  struct Status: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show where a canary release stands: phase, weight, step, failed checks, gate, images, analysis, history.",
      discussion: """
        Without NAME, lists every canary in the namespace in compact form.

        With --contexts a,b,c or --all-contexts every cluster is asked at once: one compact table with a CLUSTER first column (with NAME, that canary's row in each cluster that has it), or one CanaryStatusList whose items carry a "context" field first. A cluster that cannot be asked is reported on stderr as one line naming its context while the others still print; the exit code is then 1. --watch and --wait take one cluster.

        --watch redraws in place on a terminal (one line per state change otherwise) until interrupted, or until the release finishes with --wait.

        --wait returns when the release finishes: exit 0 Succeeded, 4 Failed (rolled back), 3 timed out (--timeout); with --success-on-gate, 0 as soon as a manual gate holds it. A Succeeded/Failed phase left over from the previous release (a new revision was just applied and Flagger has not noticed yet) is not taken as the result: tack compares the target's last pod-template change (metadata.managedFields) with the moment the canary finished, and waits one analysis interval when it cannot tell.

        -o json|yaml prints a documented structure (apiVersion tack.dev/v1alpha1, kind CanaryStatus; without NAME a CanaryStatusList with items), not the raw object:
          name, namespace, target {apiVersion, kind, name}
          strategy: canary | blue-green | ab-testing
          phase, terminal
          condition {status, reason, message, lastTransitionTime} | null
          suspended, skipAnalysis
          weight {intended, reported, max, reportedIsZeroed}
          progress {unit: step | iteration, current, total} (current, total: null without steps)
          failedChecks {count, threshold, beforeRollback}
          interval, etaSeconds | null
          gate {type, webhook, url, openable, loadtester, since} | null
          revision {lastApplied, lastPromoted, unpromoted}
          fluxKustomization | null
          images {canary, primary: [{container, image}] | null}
          analysis {metrics: [{name, min, max, threshold, interval, template}],
                    webhooks: [{name, type, url}]}
          history {mayBeIncomplete, events: [{time, firstTime, type, count,
                   kind, message, ...fields of the kind}]}

        History event kinds: initialized, new-revision, analysis-started, analysis-restarted, gate-waiting, gate-passed, pre-rollout-passed, weight-advanced, iteration-advanced, primary-weight-advanced, check-failed, webhook-failed, no-metric-values, metric-error, not-ready, promotion-step, promoted, promoted-without-analysis, rollback, rollback-check-passed, rollback-hook-idle, failed, promotion-failed, post-rollout-passed, post-rollout-failed, suspended, terminating, terminated, other.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The Canary's name; omit to list every canary in the namespace.")
    var name: String?

    @Option(name: [.short, .long], help: "Output format: table (default), json or yaml.")
    var output: OutputFormat = .table

    @Flag(name: [.short, .long], help: "Follow the canary: redraw on a terminal, one line per change otherwise.")
    var watch = false

    @Flag(help: "Wait until the release finishes (exit 0 Succeeded, 4 Failed, 3 timed out).")
    var wait = false

    @Flag(help: "With --wait: also succeed as soon as a manual gate (confirm-*) holds the canary.")
    var successOnGate = false

    @Flag(help: "Don't print the table header (list form).")
    var noHeader = false

    @OptionGroup(title: "Fleet Options")
    var fleet: FleetOptions

    func validate() throws {
      guard [.table, .json, .yaml].contains(output) else {
        throw ValidationError("--output \(output.rawValue) is not supported by canary status: use table, json or yaml")
      }
      if successOnGate && !wait { throw ValidationError("--success-on-gate needs --wait") }
      if name == nil && (watch || wait) { throw ValidationError("--watch and --wait need a canary NAME") }
      try fleet.validate(with: global)
      if fleet.isFleet && (watch || wait) {
        throw ValidationError("--watch and --wait take one cluster, not --contexts or --all-contexts")
      }
    }

    func execute(context: CommandContext) async throws {
      let timeout = try CanaryCommandSupport.timeout(global)
      if let members = try fleet.members(global, context: context) {
        try await fleetList(members, namespace: try context.namespace(global), console: context.console)
        return
      }
      let connection = try CanaryCommandSupport.connect(global, context: context)
      let console = context.console
      guard let name else {
        try await list(connection, console: console)
        return
      }
      let waiter = CanaryWaiter(cluster: connection.cluster, clock: connection.clock)
      if !watch && !wait {
        let snapshot = try await CanaryStatusLoader(cluster: connection.cluster).load(
          namespace: connection.namespace, name: name)
        print(snapshot.report, console: console)
        return
      }

      let live = watch && console.style.stdoutIsTerminal && console.style.decoratesStdout && output == .table
      let renderer = CanaryStatusRenderer(colored: console.style.decoratesStdout, width: console.style.width)
      let frame = LockedBox(LiveFrame())
      let latest = LockedBox<CanaryStatusReport?>(nil)
      // Off a terminal --watch prints one line per state change on stdout; --wait alone reports
      // them as progress, and with -o json|yaml stdout is kept for the final document.
      let statesToStdout = output == .table && !live
      let display: @Sendable (CanaryStatusReport) -> Void = { report in
        latest.withLock { $0 = report }
        guard live else { return }
        let bytes = frame.withLock { $0.update(renderer.lines(report)) }
        if !bytes.isEmpty { console.write(bytes) }
      }
      // The live view shows the state itself; a progress line on the same screen would shift it
      // and leave a stale line above the next redraw.
      let progress = CanaryReporter(console: console, statesToStdout: statesToStdout, silent: live)
      let release = CanaryReleaseWait(waiter: waiter, successOnGate: successOnGate)
      let result = try await release.run(
        namespace: connection.namespace, name: name, timeout: wait ? timeout : Double.infinity,
        stopWhenDone: wait, display: display, progress: progress)
      if output != .table, let report = latest.withLock({ $0 }) { print(report, console: console) }
      switch result.outcome {
      case .succeeded: console.success("canary \(connection.namespace)/\(name) \(result.phase): \(result.message)")
      case .failed: console.failure("canary \(connection.namespace)/\(name) Failed: \(result.message)")
      case .atGate(let gate): console.success("canary \(connection.namespace)/\(name) is held at the \(gate.rawValue) gate")
      case .keepWaiting: break
      }
      try CanaryCommandSupport.finish(result.exitStatus)
    }

    func print(_ report: CanaryStatusReport, console: Console) {
      switch output {
      case .json: console.print(report.document.serialized(.documented))
      case .yaml: console.write(report.document.yaml(.ordered))
      default:
        console.write(CanaryStatusRenderer(colored: console.style.decoratesStdout).render(report))
      }
    }

    func list(_ connection: CanaryConnection, console: Console) async throws {
      let canaries = try await connection.cluster.canaries(namespace: connection.namespace)
      guard !canaries.isEmpty else { throw CanaryError.noCanaries(namespace: connection.namespace) }
      switch output {
      case .json, .yaml:
        let loader = CanaryStatusLoader(cluster: connection.cluster)
        var items: [JSON] = []
        for canary in canaries.sorted(by: { ($0[path: "metadata", "name"]?.stringValue ?? "") < ($1[path: "metadata", "name"]?.stringValue ?? "") }) {
          let name = canary[path: "metadata", "name"]?.stringValue ?? ""
          items.append(try await loader.complete(canary: canary, namespace: connection.namespace, name: name).report.document)
        }
        let document: JSON = ["apiVersion": "tack.dev/v1alpha1", "kind": "CanaryStatusList", "items": .array(items)]
        if output == .json { console.print(document.serialized(.documented)) } else { console.write(document.yaml(.ordered)) }
      default:
        console.write(CanaryListTable.render(canaries, noHeader: noHeader))
      }
    }

    /// The fleet form: every cluster at once, one merged table or list; an unreachable cluster is
    /// one stderr line and exit 1, finding nothing anywhere is exit 5.
    func fleetList(_ members: [FleetMember], namespace: String, console: Console) async throws {
      let documents = output == .json || output == .yaml
      let answers = await FleetCanaryStatus(members: members).run(namespace: namespace, name: name, documents: documents)
      var found: [(context: String, listing: FleetCanaryStatus.Listing)] = []
      for answer in answers {
        switch answer.result {
        case .success(let listing): found.append((answer.context, listing))
        case .failure(let error): console.failure("context \(answer.context): \(error.description)")
        }
      }
      let failed = found.count < answers.count
      let total = found.reduce(0) { $0 + $1.listing.canaries.count }
      if documents {
        let items = found.flatMap { context, listing in listing.documents.map { Fleet.tagged($0, context: context) } }
        let document: JSON = ["apiVersion": "tack.dev/v1alpha1", "kind": "CanaryStatusList", "items": .array(items)]
        if output == .json { console.print(document.serialized(.documented)) } else { console.write(document.yaml(.ordered)) }
      } else if total > 0 {
        console.write(CanaryListTable.render(fleet: found.map { ($0.context, $0.listing.canaries) }, noHeader: noHeader))
      }
      if failed { throw SilentExit(.failure) }
      if total == 0 {
        if let name { throw CanaryError.notFound(namespace: namespace, name: name) }
        throw CanaryError.noCanaries(namespace: namespace)
      }
    }
  }
}
