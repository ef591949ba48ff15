import TackBase
import TackCore

extension CanaryClusterFactory {
  /// The Kubernetes-client-backed connection: kubeconfig, flags and namespace rules from
  /// `KubeClientFactory`.
  static func liveConnection(_ global: GlobalOptions, context: CommandContext) async throws -> Connection {
    let factory = KubeClientFactory(options: global, context: context)
    let client = try factory.makeClient()
    return Connection(cluster: KubeCanaryCluster(client: client), namespace: try factory.namespace())
  }
}
