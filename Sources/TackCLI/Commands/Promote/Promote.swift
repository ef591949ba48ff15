import ArgumentParser
import TackBase
import TackCore

extension Tack {
  /// `tack promote canary NAME`.
  struct Promote: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Promote a progressive release, or a HelmRelease's chart version from one folder of the fleet repository to another.",
      subcommands: [CanaryRelease.self, HelmReleaseVersion.self])
  }
}

extension Tack.Promote {
  /// `tack promote canary NAME [--full] [--keep-gate-open]`.
  struct CanaryRelease: TackCommand {
    static let configuration = CommandConfiguration(
      commandName: "canary",
      abstract: "Let a Flagger canary past its manual gate, or promote it fully with --full.",
      discussion: """
        Without --full: when the canary is held at a confirm-rollout, confirm-traffic-increase or confirm-promotion gate whose webhook is a flagger-loadtester /gate/check URL, opens it (POST /gate/open through the API server's service proxy — never kubectl exec), waits for Flagger's next phase, then closes the gate again so the next release is gated too (--keep-gate-open to skip that).

        With --full: sets spec.skipAnalysis: true, waits for Succeeded, and sets it back (also on timeout and Ctrl-C). A Canary applied by Flux gets a warning: Flux reverts manual changes.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The Canary's name.")
    var name: String

    @Flag(help: "Skip the remaining analysis: set spec.skipAnalysis until the canary succeeds.")
    var full = false

    @Flag(help: "Leave the loadtester gate open after promoting (the next release will not stop there).")
    var keepGateOpen = false

    func validate() throws {
      if full && keepGateOpen { throw ValidationError("--keep-gate-open has no effect with --full") }
    }

    func execute(context: CommandContext) async throws {
      let timeout = try CanaryCommandSupport.timeout(global)
      let connection = try CanaryCommandSupport.connect(global, context: context)
      let steering = CanarySteering(
        cluster: connection.cluster, waiter: CanaryWaiter(cluster: connection.cluster, clock: connection.clock))
      let progress = CanaryReporter(console: context.console)
      let status =
        full
        ? try await steering.promoteFull(
          namespace: connection.namespace, name: name, timeout: timeout, progress: progress)
        : try await steering.promote(
          namespace: connection.namespace, name: name, keepGateOpen: keepGateOpen, timeout: timeout, progress: progress)
      try CanaryCommandSupport.finish(status)
    }
  }
}
