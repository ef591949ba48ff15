import TackBase

/// The configuration a pod gets from its service account: the API server from
/// `KUBERNETES_SERVICE_HOST`/`KUBERNETES_SERVICE_PORT`, a rotating token and the cluster CA from the
/// mounted directory (`/var/run/secrets/kubernetes.io/serviceaccount`).
public struct InClusterConfig: Sendable, Equatable {
  public var server: String
  public var tokenFile: String
  public var certificateAuthorityFile: String
  public var namespace: String?

  public static let contextName = "in-cluster"

  /// Returns nil when not running in a pod (variables unset or no token).
  static func detect(environment: [String: String], directory: String) throws(KubeConfigError)
    -> InClusterConfig?
  {
    guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
      let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty
    else { return nil }
    let tokenFile = LocalFiles.join(directory, "token")
    guard LocalFiles.exists(tokenFile) else { return nil }
    let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    var namespace = environment["POD_NAMESPACE"]
    if namespace == nil || namespace!.isEmpty {
      namespace = (try? LocalFiles.readText(LocalFiles.join(directory, "namespace")))
        .map { $0.trimming(" \n\r\t") }
    }
    return InClusterConfig(
      server: "https://\(hostPart):\(port)", tokenFile: tokenFile,
      certificateAuthorityFile: LocalFiles.join(directory, "ca.crt"),
      namespace: namespace.flatMap { $0.isEmpty ? nil : $0 })
  }

  /// The same thing as a one-context kubeconfig, so overrides and resolution work unchanged.
  var kubeConfig: KubeConfig {
    KubeConfig(
      currentContext: Self.contextName,
      clusters: [
        Self.contextName: .init(server: server, certificateAuthority: certificateAuthorityFile)
      ],
      users: [Self.contextName: .init(tokenFile: tokenFile)],
      contexts: [
        Self.contextName: .init(cluster: Self.contextName, user: Self.contextName, namespace: namespace)
      ])
  }
}
