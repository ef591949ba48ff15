import TackCore
import TackOutput

/// Builds the client reconcile, suspend and resume talk through.
enum FluxClientFactory {
  static func make(_ global: GlobalOptions, environment: [String: String]) async throws
    -> (any FluxObjectClient, String)
  {
    // Wired to TackKube's client once it lands (branch `kube`).
    throw CommandError("the Kubernetes client is not available in this build")
  }
}
