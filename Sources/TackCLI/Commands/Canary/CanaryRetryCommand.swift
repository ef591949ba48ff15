import ArgumentParser
import TackBase
import TackCore

extension Tack.Canary {
  /// `tack canary retry NAME`: start a new analysis of the same revision.
  struct Retry: TackCommand {
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

    func execute(context: CommandContext) async throws {
      let timeout = try CanaryCommandSupport.timeout(global)
      let connection = try CanaryCommandSupport.connect(global, context: context)
      let waiter = CanaryWaiter(cluster: connection.cluster, clock: connection.clock)
      let progress = CanaryReporter(console: context.console)
      var status = try await CanarySteering(cluster: connection.cluster, waiter: waiter).retry(
        namespace: connection.namespace, name: name, progress: progress)
      if wait {
        let result = try await CanaryReleaseWait(waiter: waiter).run(
          namespace: connection.namespace, name: name, timeout: timeout, progress: progress)
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
