import TackBase

/// A kubeconfig (or in-cluster configuration) that cannot be used. Each case names the file, context,
/// cluster, user or field at fault. Never carries a secret value.
public enum KubeConfigError: TackError, Equatable {
  /// `--kubeconfig` names a file that does not exist.
  case fileNotFound(path: String)
  case unreadable(path: String, reason: String)
  case invalidYAML(path: String, reason: String)
  /// A field with a wrong type or value, e.g. `users[ci].user.client-key-data: not valid base64`.
  case invalidField(path: String, field: String, reason: String)
  /// No kubeconfig anywhere and not running in a cluster.
  case noConfiguration
  case noCurrentContext(path: String?)
  case contextNotFound(name: String, path: String?)
  case clusterNotFound(name: String, context: String)
  case userNotFound(name: String, context: String)
  case noServer(cluster: String)
  case invalidServer(cluster: String, server: String, reason: String)
  /// A certificate or key (file or `-data`) that does not parse.
  case badCredentialFile(source: String, reason: String)
  /// A legacy `auth-provider` that kubectl no longer supports, with the exec plugin replacing it.
  case legacyAuthProvider(user: String, provider: String, replacement: String)
  case conflictingCredentials(user: String, reason: String)
  case invalidInCluster(reason: String)

  public var description: String {
    switch self {
    case .fileNotFound(let path):
      return "kubeconfig \(path): file does not exist; check --kubeconfig"
    case .unreadable(let path, let reason):
      return "kubeconfig \(path): cannot read it: \(reason)"
    case .invalidYAML(let path, let reason):
      return "kubeconfig \(path): not valid YAML: \(Self.oneLine(reason))"
    case .invalidField(let path, let field, let reason):
      return "kubeconfig \(path): \(field): \(reason)"
    case .noConfiguration:
      return
        "no Kubernetes configuration found: set KUBECONFIG, pass --kubeconfig, or create ~/.kube/config"
    case .noCurrentContext(let path):
      return "kubeconfig\(path.map { " " + $0 } ?? ""): no current-context is set; pass --context"
    case .contextNotFound(let name, let path):
      return "context \"\(name)\" does not exist\(path.map { " in kubeconfig " + $0 } ?? "")"
    case .clusterNotFound(let name, let context):
      return "context \"\(context)\": cluster \"\(name)\" does not exist in the kubeconfig"
    case .userNotFound(let name, let context):
      return "context \"\(context)\": user \"\(name)\" does not exist in the kubeconfig"
    case .noServer(let cluster):
      return "cluster \"\(cluster)\" has no server defined; set clusters[].cluster.server or pass --server"
    case .invalidServer(let cluster, let server, let reason):
      // The server text may carry user:password@; the password never reaches the message.
      return "cluster \"\(cluster)\": server \"\(URLPasswordRedaction.redacting(server))\" is not a valid URL: \(reason)"
    case .badCredentialFile(let source, let reason):
      return "\(source): \(reason)"
    case .legacyAuthProvider(let user, let provider, let replacement):
      return
        "user \"\(user)\": the \"\(provider)\" auth-provider is no longer supported; use the exec plugin \(replacement) instead"
    case .conflictingCredentials(let user, let reason):
      return "user \"\(user)\": \(reason)"
    case .invalidInCluster(let reason):
      return "in-cluster configuration: \(reason)"
    }
  }

  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { $0.trimming(" ") }.joined(separator: " ")
  }
}
