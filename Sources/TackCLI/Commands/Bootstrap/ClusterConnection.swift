import TackCore
import TackKube

/// The cluster a bootstrap, install, check or create command talks to, and its namespace (flux's
/// rules, through `KubeClientFactory`).
struct ClusterConnection: Sendable {
  var cluster: any ClusterAccess
  var namespace: String

  static func make(global: GlobalOptions, context: CommandContext) async throws -> ClusterConnection {
    let factory = KubeClientFactory(options: global, context: context)
    let client = try factory.makeClient()
    return ClusterConnection(cluster: KubeClusterAccess(client: client), namespace: try factory.namespace())
  }

  /// The namespace without connecting (a kubeconfig is only read for `--ns-follows-kube-context`).
  static func namespace(global: GlobalOptions, context: CommandContext) throws -> String {
    try KubeClientFactory(options: global, context: context).namespace()
  }
}
