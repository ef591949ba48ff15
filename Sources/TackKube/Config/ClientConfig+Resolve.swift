import TackBase
import TackJSON

extension ClientConfig {
  /// Resolves the context to use (kubectl's rules), applies the flag overrides, reads and checks the
  /// certificate files, and picks the credentials. Every failure names the context, cluster, user,
  /// file or field at fault.
  public static func resolve(_ loaded: LoadedKubeConfig, overrides: KubeConfigOverrides = KubeConfigOverrides())
    throws(KubeConfigError) -> ClientConfig
  {
    let config = loaded.config
    let origin = loaded.files.first
    var contextName = overrides.context ?? config.currentContext
    if contextName?.isEmpty == true { contextName = nil }
    var context = KubeConfig.Context()
    if let name = contextName {
      guard let found = config.contexts[name] else {
        throw .contextNotFound(name: name, path: loaded.files.count == 1 ? origin : nil)
      }
      context = found
    } else if overrides.server == nil {
      if config.isEmpty && loaded.files.isEmpty { throw .noConfiguration }
      throw .noCurrentContext(path: loaded.files.count == 1 ? origin : nil)
    }
    let contextLabel = contextName ?? "(none)"

    // Cluster.
    let clusterName = nonEmpty(overrides.cluster) ?? nonEmpty(context.cluster)
    var cluster = KubeConfig.Cluster()
    if let clusterName {
      if let found = config.clusters[clusterName] {
        cluster = found
      } else if overrides.server == nil {
        throw .clusterNotFound(name: clusterName, context: contextLabel)
      }
    }
    if let server = nonEmpty(overrides.server) {
      cluster.server = server
      // A different server invalidates a tls-server-name meant for the old one (client-go does this).
      if overrides.tlsServerName == nil { cluster.tlsServerName = nil }
    }
    if let name = overrides.tlsServerName { cluster.tlsServerName = name }
    if let file = nonEmpty(overrides.certificateAuthority) {
      cluster.certificateAuthority = file
      cluster.certificateAuthorityData = nil
    }
    if let insecure = overrides.insecureSkipTLSVerify {
      cluster.insecureSkipTLSVerify = insecure
      if insecure && overrides.certificateAuthority == nil {
        cluster.certificateAuthority = nil
        cluster.certificateAuthorityData = nil
      }
    }
    if let disable = overrides.disableCompression, disable { cluster.disableCompression = true }
    let clusterLabel = clusterName ?? "(from --server)"
    guard let serverText = nonEmpty(cluster.server) else { throw .noServer(cluster: clusterLabel) }
    let server: ServerURL
    do {
      server = try ServerURL(parsing: serverText)
    } catch {
      guard case .invalid(let reason) = error else { throw .noServer(cluster: clusterLabel) }
      throw .invalidServer(cluster: clusterLabel, server: serverText, reason: reason)
    }

    var tls = TLSSettings(insecureSkipVerify: cluster.insecureSkipTLSVerify, serverName: nonEmpty(cluster.tlsServerName))
    let clusterField = "clusters[\(clusterLabel)].cluster"
    if let data = cluster.certificateAuthorityData {
      tls.certificateAuthority = try checked(
        data, source: "kubeconfig \(cluster.origin ?? "?"): \(clusterField).certificate-authority-data",
        kind: .certificate)
    } else if let file = nonEmpty(cluster.certificateAuthority) {
      tls.certificateAuthority = try checked(
        try readCredentialFile(file, what: "certificate-authority"), source: "certificate-authority \(file)",
        kind: .certificate)
    }
    if tls.insecureSkipVerify && tls.certificateAuthority != nil {
      throw .conflictingCredentials(
        user: clusterLabel,
        reason: "specifying a root certificates file with the insecure flag is not allowed")
    }

    // User.
    let userName = nonEmpty(overrides.user) ?? nonEmpty(context.user)
    var user = KubeConfig.AuthInfo()
    if let userName {
      if let found = config.users[userName] {
        user = found
      } else {
        throw .userNotFound(name: userName, context: contextLabel)
      }
    }
    if let token = nonEmpty(overrides.token) {
      user.token = token
      user.tokenFile = nil
    }
    if let file = nonEmpty(overrides.clientCertificate) {
      user.clientCertificate = file
      user.clientCertificateData = nil
    }
    if let file = nonEmpty(overrides.clientKey) {
      user.clientKey = file
      user.clientKeyData = nil
    }
    if let name = nonEmpty(overrides.impersonate) { user.impersonate = name }
    if !overrides.impersonateGroups.isEmpty { user.impersonateGroups = overrides.impersonateGroups }

    let userLabel = userName ?? "(none)"
    let userField = "kubeconfig \(user.origin ?? "?"): users[\(userLabel)].user"
    // Client certificate.
    var certificate: [UInt8]?
    if let data = user.clientCertificateData {
      certificate = try checked(data, source: "\(userField).client-certificate-data", kind: .certificate)
    } else if let file = nonEmpty(user.clientCertificate) {
      certificate = try checked(
        try readCredentialFile(file, what: "client-certificate"), source: "client-certificate \(file)",
        kind: .certificate)
    }
    var key: [UInt8]?
    if let data = user.clientKeyData {
      key = try checked(data, source: "\(userField).client-key-data", kind: .privateKey)
    } else if let file = nonEmpty(user.clientKey) {
      key = try checked(
        try readCredentialFile(file, what: "client-key"), source: "client-key \(file)", kind: .privateKey)
    }
    if (certificate == nil) != (key == nil) {
      throw .conflictingCredentials(
        user: userLabel,
        reason: certificate == nil
          ? "client-key is set but client-certificate is not; set both or neither"
          : "client-certificate is set but client-key is not; set both or neither")
    }
    tls.clientCertificate = certificate
    tls.clientKey = key

    // Bearer, basic, legacy provider, exec — client-go's precedence.
    var credentials = Credentials.none
    if let token = nonEmpty(user.token) {
      credentials = .bearerToken(token)
    } else if let file = nonEmpty(user.tokenFile) {
      _ = try readCredentialFile(file, what: "tokenFile")
      credentials = .tokenFile(path: file)
    }
    if nonEmpty(user.username) != nil || nonEmpty(user.password) != nil {
      guard case .none = credentials else {
        throw .conflictingCredentials(
          user: userLabel, reason: "username/password or bearer token may be set, but not both")
      }
      credentials = .basic(username: user.username ?? "", password: user.password ?? "")
    }
    if let provider = user.authProvider {
      throw .legacyAuthProvider(user: userLabel, provider: provider, replacement: replacement(for: provider))
    }
    if let exec = user.exec, case .none = credentials {
      try validate(exec, userField: userField + ".exec")
      var info: JSON?
      if exec.provideClusterInfo {
        info = clusterInfo(cluster, server: serverText, certificateAuthority: tls.certificateAuthority)
      }
      credentials = .exec(ExecPlugin(config: exec, clusterInfo: info, userName: userLabel))
    }

    var impersonation: Impersonation?
    if user.impersonate != nil || !user.impersonateGroups.isEmpty || user.impersonateUID != nil {
      impersonation = Impersonation(
        user: user.impersonate, uid: user.impersonateUID, groups: user.impersonateGroups,
        extra: user.impersonateExtra)
    }
    var timeout = overrides.requestTimeout
    if timeout == .zero { timeout = nil }

    return ClientConfig(
      server: server, contextName: contextName, clusterName: clusterName, userName: userName,
      namespace: nonEmpty(context.namespace), tls: tls, credentials: credentials,
      proxyURL: nonEmpty(cluster.proxyURL), disableCompression: cluster.disableCompression,
      impersonation: impersonation, requestTimeout: timeout)
  }

  private static func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
  }

  enum PEMKind { case certificate, privateKey }

  private static func checked(_ bytes: [UInt8], source: String, kind: PEMKind) throws(KubeConfigError) -> [UInt8] {
    do {
      switch kind {
      case .certificate: try PEM.validateCertificates(bytes)
      case .privateKey: try PEM.validatePrivateKey(bytes)
      }
    } catch {
      let what = kind == .certificate ? "certificate" : "private key"
      throw .badCredentialFile(source: source, reason: "not a PEM \(what): \(error.reason)")
    }
    return bytes
  }

  private static func readCredentialFile(_ path: String, what: String) throws(KubeConfigError) -> [UInt8] {
    do {
      return try LocalFiles.read(path)
    } catch {
      throw .badCredentialFile(source: "\(what) \(path)", reason: "cannot read it: \(error.reason)")
    }
  }

  private static func validate(_ exec: KubeConfig.ExecConfig, userField: String) throws(KubeConfigError) {
    switch exec.apiVersion {
    case ExecCredentialVersion.v1.rawValue:
      if exec.interactiveMode == nil {
        throw .badCredentialFile(
          source: userField + ".interactiveMode",
          reason: "must be set (Never, IfAvailable or Always) for client.authentication.k8s.io/v1")
      }
    case ExecCredentialVersion.v1beta1.rawValue:
      break
    default:
      throw .badCredentialFile(
        source: userField + ".apiVersion",
        reason: "\"\(exec.apiVersion)\" is not supported; use client.authentication.k8s.io/v1 or v1beta1")
    }
  }

  /// `ExecCredential.spec.cluster`, as client-go fills it for `provideClusterInfo`.
  private static func clusterInfo(_ cluster: KubeConfig.Cluster, server: String, certificateAuthority: [UInt8]?)
    -> JSON
  {
    var info: JSON = ["server": .string(server)]
    if let name = cluster.tlsServerName, !name.isEmpty { info["tls-server-name"] = .string(name) }
    if cluster.insecureSkipTLSVerify { info["insecure-skip-tls-verify"] = true }
    if let ca = certificateAuthority { info["certificate-authority-data"] = .string(Base64.encode(ca)) }
    if let proxy = cluster.proxyURL, !proxy.isEmpty { info["proxy-url"] = .string(proxy) }
    if cluster.disableCompression { info["disable-compression"] = true }
    if let config = cluster.execExtension { info["config"] = config }
    return info
  }

  /// The exec plugins that replaced kubectl's removed in-tree auth providers.
  static func replacement(for provider: String) -> String {
    switch provider {
    case "gcp": "gke-gcloud-auth-plugin (https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl)"
    case "azure": "kubelogin (https://azure.github.io/kubelogin/)"
    case "oidc": "kubelogin, the oidc-login kubectl plugin (https://github.com/int128/kubelogin)"
    default: "that your provider documents (client.authentication.k8s.io/v1 exec plugin)"
    }
  }
}

/// The `ExecCredential` API versions tack speaks.
public enum ExecCredentialVersion: String, Sendable {
  case v1 = "client.authentication.k8s.io/v1"
  case v1beta1 = "client.authentication.k8s.io/v1beta1"
}
