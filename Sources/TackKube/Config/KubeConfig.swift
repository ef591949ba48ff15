import TackJSON

/// A kubeconfig file (or several merged), as kubectl's `clientcmd/api.Config` models it.
///
/// Maps are keyed by name. Every entry remembers the file it came from (`origin`), so errors and
/// relative paths refer to the right file. `description` never shows a token, key or password.
public struct KubeConfig: Sendable, Equatable {
  public var currentContext: String?
  public var clusters: [String: Cluster]
  public var users: [String: AuthInfo]
  public var contexts: [String: Context]

  public init(
    currentContext: String? = nil, clusters: [String: Cluster] = [:], users: [String: AuthInfo] = [:],
    contexts: [String: Context] = [:]
  ) {
    self.currentContext = currentContext
    self.clusters = clusters
    self.users = users
    self.contexts = contexts
  }

  /// Nothing configured at all: the cue for kubectl's in-cluster fallback.
  public var isEmpty: Bool {
    (currentContext ?? "").isEmpty && clusters.isEmpty && users.isEmpty && contexts.isEmpty
  }

  /// How to reach an API server (`clusters[].cluster`).
  public struct Cluster: Sendable, Equatable {
    public var server: String?
    public var tlsServerName: String?
    public var insecureSkipTLSVerify: Bool
    /// A file path; relative paths are resolved against the defining file when loaded.
    public var certificateAuthority: String?
    public var certificateAuthorityData: [UInt8]?
    public var proxyURL: String?
    public var disableCompression: Bool
    /// `extensions[name=client.authentication.k8s.io/exec].extension`, handed to exec plugins.
    public var execExtension: JSON?
    public var origin: String?

    public init(
      server: String? = nil, tlsServerName: String? = nil, insecureSkipTLSVerify: Bool = false,
      certificateAuthority: String? = nil, certificateAuthorityData: [UInt8]? = nil,
      proxyURL: String? = nil, disableCompression: Bool = false, execExtension: JSON? = nil,
      origin: String? = nil
    ) {
      self.server = server
      self.tlsServerName = tlsServerName
      self.insecureSkipTLSVerify = insecureSkipTLSVerify
      self.certificateAuthority = certificateAuthority
      self.certificateAuthorityData = certificateAuthorityData
      self.proxyURL = proxyURL
      self.disableCompression = disableCompression
      self.execExtension = execExtension
      self.origin = origin
    }
  }

  /// Who to be (`users[].user`).
  public struct AuthInfo: Sendable, Equatable {
    public var clientCertificate: String?
    public var clientCertificateData: [UInt8]?
    public var clientKey: String?
    public var clientKeyData: [UInt8]?
    public var token: String?
    public var tokenFile: String?
    public var impersonate: String?
    public var impersonateUID: String?
    public var impersonateGroups: [String]
    public var impersonateExtra: [String: [String]]
    public var username: String?
    public var password: String?
    /// A legacy in-tree provider (gcp, azure, oidc): reported as an error naming its replacement.
    public var authProvider: String?
    public var exec: ExecConfig?
    public var origin: String?

    public init(
      clientCertificate: String? = nil, clientCertificateData: [UInt8]? = nil, clientKey: String? = nil,
      clientKeyData: [UInt8]? = nil, token: String? = nil, tokenFile: String? = nil,
      impersonate: String? = nil, impersonateUID: String? = nil, impersonateGroups: [String] = [],
      impersonateExtra: [String: [String]] = [:], username: String? = nil, password: String? = nil,
      authProvider: String? = nil, exec: ExecConfig? = nil, origin: String? = nil
    ) {
      self.clientCertificate = clientCertificate
      self.clientCertificateData = clientCertificateData
      self.clientKey = clientKey
      self.clientKeyData = clientKeyData
      self.token = token
      self.tokenFile = tokenFile
      self.impersonate = impersonate
      self.impersonateUID = impersonateUID
      self.impersonateGroups = impersonateGroups
      self.impersonateExtra = impersonateExtra
      self.username = username
      self.password = password
      self.authProvider = authProvider
      self.exec = exec
      self.origin = origin
    }
  }

  /// Which cluster, user and namespace go together (`contexts[].context`).
  public struct Context: Sendable, Equatable {
    public var cluster: String?
    public var user: String?
    public var namespace: String?
    public var origin: String?

    public init(cluster: String? = nil, user: String? = nil, namespace: String? = nil, origin: String? = nil) {
      self.cluster = cluster
      self.user = user
      self.namespace = namespace
      self.origin = origin
    }
  }

  /// An exec credential plugin (`users[].user.exec`).
  public struct ExecConfig: Sendable, Equatable {
    public enum InteractiveMode: String, Sendable, Equatable {
      case never = "Never"
      case ifAvailable = "IfAvailable"
      case always = "Always"
    }

    public var command: String
    public var args: [String]
    /// Ordered as written; later entries win, as in the plugin's environment.
    public var env: [(name: String, value: String)]
    public var apiVersion: String
    public var installHint: String?
    public var provideClusterInfo: Bool
    public var interactiveMode: InteractiveMode?

    public init(
      command: String, args: [String] = [], env: [(name: String, value: String)] = [],
      apiVersion: String, installHint: String? = nil, provideClusterInfo: Bool = false,
      interactiveMode: InteractiveMode? = nil
    ) {
      self.command = command
      self.args = args
      self.env = env
      self.apiVersion = apiVersion
      self.installHint = installHint
      self.provideClusterInfo = provideClusterInfo
      self.interactiveMode = interactiveMode
    }

    public static func == (lhs: ExecConfig, rhs: ExecConfig) -> Bool {
      lhs.command == rhs.command && lhs.args == rhs.args
        && lhs.env.map(\.name) == rhs.env.map(\.name) && lhs.env.map(\.value) == rhs.env.map(\.value)
        && lhs.apiVersion == rhs.apiVersion && lhs.installHint == rhs.installHint
        && lhs.provideClusterInfo == rhs.provideClusterInfo && lhs.interactiveMode == rhs.interactiveMode
    }
  }
}
