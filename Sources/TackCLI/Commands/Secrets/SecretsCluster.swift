import TackOutput
import TackSecrets

/// The cluster-facing parts of the secrets commands: the Flux key Secret and the Sealed Secrets
/// certificate through the API server's service proxy.
enum SecretsCluster {
  /// kubeseal's namespace for a Secret without one: `-n`, else "default".
  static func defaultNamespace(global: GlobalOptions, context: CommandContext) -> String {
    global.namespace ?? "default"
  }

  static func download(_ url: String, global: GlobalOptions, context: CommandContext) async throws -> String {
    throw CommandError("fetching \(url): https certificates need the Kubernetes client, not available in this build; download it and pass --cert FILE")
  }

  static func fetchCertificate(controller: String, namespace: String, global: GlobalOptions, context: CommandContext) async throws -> String {
    throw CommandError("fetching the certificate from \(namespace)/\(controller) needs the Kubernetes client, not available in this build; pass --cert FILE")
  }

  static func createKeySecret(keyFile: String, name: String, options: GlobalOptions, context: CommandContext) async throws {
    throw CommandError("--create-secret needs the Kubernetes client, not available in this build")
  }
}
