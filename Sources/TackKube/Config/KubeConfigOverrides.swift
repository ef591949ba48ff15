/// kubectl's connection flags, applied on top of the loaded kubeconfig as client-go's
/// `ConfigOverrides` are. `nil` means "not given".
public struct KubeConfigOverrides: Sendable, Equatable {
  public var context: String?
  public var cluster: String?
  public var user: String?
  public var server: String?
  public var token: String?
  public var certificateAuthority: String?
  public var clientCertificate: String?
  public var clientKey: String?
  public var insecureSkipTLSVerify: Bool?
  public var tlsServerName: String?
  public var impersonate: String?
  public var impersonateGroups: [String]
  /// `--request-timeout`: the deadline of each single request; nil or zero means none.
  public var requestTimeout: Duration?
  public var disableCompression: Bool?

  public init(
    context: String? = nil, cluster: String? = nil, user: String? = nil, server: String? = nil,
    token: String? = nil, certificateAuthority: String? = nil, clientCertificate: String? = nil,
    clientKey: String? = nil, insecureSkipTLSVerify: Bool? = nil, tlsServerName: String? = nil,
    impersonate: String? = nil, impersonateGroups: [String] = [], requestTimeout: Duration? = nil,
    disableCompression: Bool? = nil
  ) {
    self.context = context
    self.cluster = cluster
    self.user = user
    self.server = server
    self.token = token
    self.certificateAuthority = certificateAuthority
    self.clientCertificate = clientCertificate
    self.clientKey = clientKey
    self.insecureSkipTLSVerify = insecureSkipTLSVerify
    self.tlsServerName = tlsServerName
    self.impersonate = impersonate
    self.impersonateGroups = impersonateGroups
    self.requestTimeout = requestTimeout
    self.disableCompression = disableCompression
  }
}
