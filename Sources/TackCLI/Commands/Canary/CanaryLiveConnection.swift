import TackCore
import TackOutput

extension CanaryClusterFactory {
  /// The Kubernetes-client-backed connection. Wired to TackKube once the client lands (branch `kube`).
  static func liveConnection(_ global: GlobalOptions, context: CommandContext) async throws -> Connection {
    throw CommandError("the Kubernetes client is not part of this build yet; canary commands cannot reach a cluster")
  }
}
