import TackJSON

/// Everything needed to talk to one API server as one identity: the kubeconfig context resolved, the
/// overrides applied, files read and checked. What `KubeClient` is built from.
///
/// `description` is safe to print: tokens, keys and passwords show as `REDACTED`.
public struct ClientConfig: Sendable, CustomStringConvertible {
  public var server: ServerURL
  /// For messages: which context, cluster and user this came from (nil for a bare `--server`).
  public var contextName: String?
  public var clusterName: String?
  public var userName: String?
  /// The context's namespace, if it sets one.
  public var namespace: String?

  public var tls: TLSSettings
  public var credentials: Credentials
  /// `proxy-url` (http, https, socks5); nil uses the standard proxy environment variables.
  public var proxyURL: String?
  public var disableCompression: Bool
  public var impersonation: Impersonation?
  /// `--request-timeout`: deadline of one request (nil: none).
  public var requestTimeout: Duration?
  public var userAgent: String

  public init(
    server: ServerURL, contextName: String? = nil, clusterName: String? = nil, userName: String? = nil,
    namespace: String? = nil, tls: TLSSettings = TLSSettings(), credentials: Credentials = .none,
    proxyURL: String? = nil, disableCompression: Bool = false, impersonation: Impersonation? = nil,
    requestTimeout: Duration? = nil, userAgent: String = ClientConfig.defaultUserAgent
  ) {
    self.server = server
    self.contextName = contextName
    self.clusterName = clusterName
    self.userName = userName
    self.namespace = namespace
    self.tls = tls
    self.credentials = credentials
    self.proxyURL = proxyURL
    self.disableCompression = disableCompression
    self.impersonation = impersonation
    self.requestTimeout = requestTimeout
    self.userAgent = userAgent
  }

  public static let defaultUserAgent = "tack/0.1.0"

  public struct TLSSettings: Sendable, Equatable {
    /// PEM bundle of trusted CAs; nil trusts the system store.
    public var certificateAuthority: [UInt8]?
    public var insecureSkipVerify: Bool
    /// Name to verify the server certificate against (and send as SNI) instead of the URL's host.
    public var serverName: String?
    /// Static client certificate and key (PEM). Exec plugins may supply them per request instead.
    public var clientCertificate: [UInt8]?
    public var clientKey: [UInt8]?

    public init(
      certificateAuthority: [UInt8]? = nil, insecureSkipVerify: Bool = false, serverName: String? = nil,
      clientCertificate: [UInt8]? = nil, clientKey: [UInt8]? = nil
    ) {
      self.certificateAuthority = certificateAuthority
      self.insecureSkipVerify = insecureSkipVerify
      self.serverName = serverName
      self.clientCertificate = clientCertificate
      self.clientKey = clientKey
    }
  }

  /// How requests authenticate (besides a client certificate).
  public enum Credentials: Sendable, Equatable {
    case none
    case bearerToken(String)
    /// A token read from a file and re-read whenever the file changes (projected service-account
    /// tokens rotate).
    case tokenFile(path: String)
    case basic(username: String, password: String)
    case exec(ExecPlugin)
  }

  /// An exec credential plugin with what it is told about the cluster.
  public struct ExecPlugin: Sendable, Equatable {
    public var config: KubeConfig.ExecConfig
    /// The `ExecCredential.spec.cluster` object when `provideClusterInfo` is set.
    public var clusterInfo: JSON?
    /// For messages.
    public var userName: String

    public init(config: KubeConfig.ExecConfig, clusterInfo: JSON? = nil, userName: String) {
      self.config = config
      self.clusterInfo = clusterInfo
      self.userName = userName
    }
  }

  public struct Impersonation: Sendable, Equatable {
    public var user: String?
    public var uid: String?
    public var groups: [String]
    public var extra: [String: [String]]

    public init(user: String? = nil, uid: String? = nil, groups: [String] = [], extra: [String: [String]] = [:]) {
      self.user = user
      self.uid = uid
      self.groups = groups
      self.extra = extra
    }

    /// kubectl's `Impersonate-*` headers.
    public var headers: [(String, String)] {
      var result: [(String, String)] = []
      if let user { result.append(("Impersonate-User", user)) }
      if let uid { result.append(("Impersonate-Uid", uid)) }
      for group in groups { result.append(("Impersonate-Group", group)) }
      for (key, values) in extra.sorted(by: { $0.key < $1.key }) {
        for value in values { result.append(("Impersonate-Extra-\(key)", value)) }
      }
      return result
    }
  }

  public var description: String {
    var parts = ["server: \(server)"]
    if let contextName { parts.append("context: \(contextName)") }
    if let clusterName { parts.append("cluster: \(clusterName)") }
    if let userName { parts.append("user: \(userName)") }
    if let namespace { parts.append("namespace: \(namespace)") }
    if tls.certificateAuthority != nil { parts.append("certificate-authority: DATA+OMITTED") }
    if tls.insecureSkipVerify { parts.append("insecure-skip-tls-verify: true") }
    if let name = tls.serverName { parts.append("tls-server-name: \(name)") }
    if tls.clientCertificate != nil { parts.append("client-certificate: DATA+OMITTED") }
    if tls.clientKey != nil { parts.append("client-key: REDACTED") }
    switch credentials {
    case .none: break
    case .bearerToken: parts.append("token: REDACTED")
    case .tokenFile(let path): parts.append("tokenFile: \(path)")
    case .basic(let username, _): parts.append("username: \(username), password: REDACTED")
    case .exec(let plugin): parts.append("exec: \(plugin.config.command)")
    }
    if let proxyURL { parts.append("proxy-url: \(ClientConfig.redactURL(proxyURL))") }
    if disableCompression { parts.append("disable-compression: true") }
    return "ClientConfig(" + parts.joined(separator: ", ") + ")"
  }

  /// Hides `user:password@` in a URL.
  static func redactURL(_ url: String) -> String {
    guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else {
      return url
    }
    return String(url[..<scheme.upperBound]) + "REDACTED@" + String(url[url.index(after: at)...])
  }
}

extension ClientConfig.Credentials: CustomStringConvertible {
  public var description: String {
    switch self {
    case .none: "none"
    case .bearerToken: "bearerToken(REDACTED)"
    case .tokenFile(let path): "tokenFile(\(path))"
    case .basic(let username, _): "basic(\(username), REDACTED)"
    case .exec(let plugin): "exec(\(plugin.config.command))"
    }
  }
}

extension ClientConfig.TLSSettings: CustomStringConvertible {
  public var description: String {
    "TLSSettings(certificateAuthority: \(certificateAuthority == nil ? "nil" : "DATA+OMITTED"), "
      + "insecureSkipVerify: \(insecureSkipVerify), serverName: \(serverName ?? "nil"), "
      + "clientCertificate: \(clientCertificate == nil ? "nil" : "DATA+OMITTED"), "
      + "clientKey: \(clientKey == nil ? "nil" : "REDACTED"))"
  }
}
