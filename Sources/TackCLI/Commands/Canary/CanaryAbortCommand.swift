import ArgumentParser
import TackBase
import TackCore

extension Tack.Canary {
  /// `tack canary abort NAME`: roll a release back through the loadtester's rollback gate.
  struct Abort: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Roll back a canary release now, through its rollback webhook.",
      discussion: """
        Opens the flagger-loadtester rollback gate (POST /rollback/open through the API server's service proxy) of the canary's `type: rollback` webhook, waits until Flagger marks the canary Failed (all traffic back on the primary), then closes the rollback gate again. Needs a webhook like: {name: abort, type: rollback, url: http://flagger-loadtester.<ns>/rollback/check}.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The Canary's name.")
    var name: String

    func run() async throws { try await execute(context: .live()) }

    func execute(context: CommandContext) async throws {
      let timeout = try CanaryCommandSupport.timeout(global)
      let connection = try CanaryCommandSupport.connect(global, context: context)
      let steering = CanarySteering(
        cluster: connection.cluster, waiter: CanaryWaiter(cluster: connection.cluster, clock: connection.clock))
      let status = try await steering.abort(
        namespace: connection.namespace, name: name, timeout: timeout,
        note: CanaryCommandSupport.printer(context.console, statesToStdout: false))
      try CanaryCommandSupport.finish(status)
    }
  }

  /// `tack canary retry NAME`: start a new analysis of the same revision.
  struct Retry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Start a new analysis of a canary's current revision (e.g. after a failed run).",
      discussion: """
        Sets kubectl.kubernetes.io/restartedAt in the target's pod template, as `kubectl rollout restart` does; Flagger sees a new revision on its next tick and starts over. A failed canary otherwise stays Failed until the target changes, and re-applying the same image does nothing. With --wait, follows the new run like `canary status --wait`.
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The Canary's name.")
    var name: String

    @Flag(help: "Wait for the new run to finish (exit 0 Succeeded, 4 Failed, 3 timed out).")
    var wait = false

    func run() async throws { try await execute(context: .live()) }

    func execute(context: CommandContext) async throws {
      let timeout = try CanaryCommandSupport.timeout(global)
      let connection = try CanaryCommandSupport.connect(global, context: context)
      let waiter = CanaryWaiter(cluster: connection.cluster, clock: connection.clock)
      let note = CanaryCommandSupport.printer(context.console, statesToStdout: false)
      var status = try await CanarySteering(cluster: connection.cluster, waiter: waiter).retry(
        namespace: connection.namespace, name: name, note: note)
      if wait {
        let result = try await CanaryReleaseWait(waiter: waiter).run(
          namespace: connection.namespace, name: name, timeout: timeout, note: note)
        switch result.outcome {
        case .failed: context.console.failure("canary \(connection.namespace)/\(name) Failed: \(result.message)")
        default: context.console.success("canary \(connection.namespace)/\(name) \(result.phase): \(result.message)")
        }
        status = result.exitStatus
      }
      try CanaryCommandSupport.finish(status)
    }
  }
}
