import TackBase
import TackCore

/// Builds the client reconcile, suspend and resume talk through, and the namespace they act in,
/// with the kubeconfig and namespace rules every command shares (`KubeClientFactory`).
enum FluxClientFactory {
  static func make(_ global: GlobalOptions, context: CommandContext) async throws -> (any FluxObjectClient, String) {
    let factory = KubeClientFactory(options: global, context: context)
    let namespace = try factory.namespace()
    return (KubeFluxObjectClient(client: try factory.makeClient()), namespace)
  }
}
