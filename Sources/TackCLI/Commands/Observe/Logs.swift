import ArgumentParser
import TackBase
import TackCore
import TackOutput

extension Tack {
  /// `tack logs`: `flux logs`, with `-o json` passing the controllers' lines through.
  struct Logs: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the Flux controllers' logs, filtered by object and level.",
      discussion: """
        Reads the log of one pod of each Flux controller Deployment in --flux-namespace (labelled \
        app.kubernetes.io/part-of=flux) through the pod log API, keeps the JSON lines about objects \
        of --kind, --name and the -n namespace (every namespace with -A) at --level, and prints \
        them as '<time> <level> <Kind>/<name>.<namespace> - <message> <error>'. --follow reads every \
        pod at once and keeps reading; -o json prints the kept lines as the controllers wrote them.

        Examples:
          tack logs --kind Kustomization --name apps
          tack logs -A --level error --since 1h
          tack logs --follow -o json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json
    }

    @Option(help: "Only lines of this level: debug, info or error.")
    var level: String?

    @Option(help: "Only lines about objects of this kind (e.g. Kustomization).")
    var kind: String?

    @Option(help: "Only lines about objects of this name.")
    var name: String?

    @Flag(name: [.short, .long], help: "Keep reading new lines from every controller.")
    var follow = false

    @Option(help: "Only the last N lines of each controller (-1: all).")
    var tail: Int = -1

    @Option(help: "Only lines newer than this duration (e.g. 10m, 1h).")
    var since: String?

    @Option(help: "Only lines at or after this RFC 3339 time.")
    var sinceTime: String?

    @Option(help: "The namespace the Flux controllers run in.")
    var fluxNamespace = "flux-system"

    @Flag(name: [.customShort("A"), .long], help: "Lines about objects in every namespace.")
    var allNamespaces = false

    @Option(name: [.short, .long], help: "Output format: text or json.")
    var output: Format = .text

    @OptionGroup(title: "Global Options") var global: GlobalOptions

    func validate() throws {
      if let level, FluxLogsRequest.Level(rawValue: level) == nil {
        throw ValidationError("--level \"\(level)\": use debug, info or error")
      }
      if since != nil && sinceTime != nil {
        throw ValidationError("at most one of `sinceTime` or `sinceDuration` may be specified")
      }
      if let since, GoDuration(since).map({ $0.nanoseconds >= 0 }) != true {
        throw ValidationError("--since \"\(since)\" is not a duration (e.g. 10m, 1h)")
      }
      if let sinceTime, RFC3339Time(sinceTime) == nil {
        throw ValidationError("\(sinceTime) is not a valid (RFC3339) time")
      }
      if tail < -1 { throw ValidationError("--tail \(tail): use a number of lines, or -1 for all") }
    }

    func execute(context: CommandContext) async throws {
      var start: RFC3339Time?
      if let since, let duration = GoDuration(since) {
        let now = context.clock.now()
        start = RFC3339Time(epochSeconds: now.epochSeconds - duration.nanoseconds / 1_000_000_000)
      }
      if let sinceTime { start = RFC3339Time(sinceTime) }
      let request = FluxLogsRequest(
        fluxNamespace: fluxNamespace, level: level.flatMap(FluxLogsRequest.Level.init(rawValue:)), kind: kind,
        name: name, namespace: allNamespaces ? nil : try context.namespace(global), since: start,
        tail: tail < 0 ? nil : tail, follow: follow)
      let logs = FluxLogs(cluster: try context.cluster(global), request: request)
      for try await event in try await logs.lines() {
        switch event {
        case .line(let line): context.console.write((output == .json ? line.raw : TerminalText.sanitize(line.text)) + "\n")
        case .problem(let message): context.console.failure(message)
        }
      }
    }
  }
}
