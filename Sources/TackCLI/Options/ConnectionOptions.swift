import ArgumentParser

/// kubectl's connection flags, with kubectl's names and meanings, so muscle memory carries over.
/// `--server` has no `-s`: flux reserves `-s` for `--silent`.
public struct ConnectionOptions: ParsableArguments, Sendable {
  @Option(help: "Path to the kubeconfig file to use for CLI requests.")
  public var kubeconfig: String?

  @Option(help: "The name of the kubeconfig context to use.")
  public var context: String?

  @Option(help: "The name of the kubeconfig cluster to use.")
  public var cluster: String?

  @Option(help: "The name of the kubeconfig user to use.")
  public var user: String?

  @Option(help: "The address and port of the Kubernetes API server.")
  public var server: String?

  @Option(help: "Bearer token for authentication to the API server.")
  public var token: String?

  @Option(help: "Path to a cert file for the certificate authority.")
  public var certificateAuthority: String?

  @Option(help: "Path to a client certificate file for TLS.")
  public var clientCertificate: String?

  @Option(help: "Path to a client key file for TLS.")
  public var clientKey: String?

  @Flag(help: "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure.")
  public var insecureSkipTlsVerify = false

  @Option(help: "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used.")
  public var tlsServerName: String?

  @Option(help: "Username to impersonate for the operation.")
  public var `as`: String?

  @Option(help: "Group to impersonate for the operation; repeat for several groups.")
  public var asGroup: [String] = []

  @Option(help: "The length of time to wait before giving up on a single server request (e.g. 1s, 2m, 3h); 0 means no limit.")
  public var requestTimeout: String?

  @Flag(help: "If true, opt-out of response compression for all requests to the server.")
  public var disableCompression = false

  public init() {}
}
