import ArgumentParser
import TackBase
import TackCore

extension Tack.Canary {
  /// `tack canary abort NAME`: roll a release back through the loadtester's rollback gate.
  struct Abort: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Roll back a canary release now, through its rollback webhook.",
      discussion: """
        Opens the flagger-loadtester rollback gate (POST /rollback/open through the API server's service proxy) of the canary's `type: rollback` webhook, waits until Flagger marks the canary Failed (all traffic back on the primary), then closes the rollback gate again. Needs a webhook like: {name: abort, type: rollback, url: http://flagger-loadtester.<ns>/rollback/check}.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The Canary's name.")
    var name: String

    func execute(context: CommandContext) async throws {
      let timeout = try CanaryCommandSupport.timeout(global)
      let connection = try CanaryCommandSupport.connect(global, context: context)
      let steering = CanarySteering(
        cluster: connection.cluster, waiter: CanaryWaiter(cluster: connection.cluster, clock: connection.clock))
      let status = try await steering.abort(
        namespace: connection.namespace, name: name, timeout: timeout,
        progress: CanaryReporter(console: context.console))
      try CanaryCommandSupport.finish(status)
    }
  }
}
