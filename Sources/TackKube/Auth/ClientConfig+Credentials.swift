import TackBase
import TackHTTP

extension ClientConfig {
  /// The credential source for these settings. `environment` and `stdinIsTerminal` are what exec
  /// plugins see.
  public func makeCredentialSource(environment: [String: String], stdinIsTerminal: Bool) -> any CredentialSource {
    switch credentials {
    case .none:
      return StaticCredentials(.none)
    case .bearerToken(let token):
      return StaticCredentials(RequestCredentials(authorization: "Bearer \(token)"))
    case .basic(let username, let password):
      let encoded = Base64.encode(Array("\(username):\(password)".utf8))
      return StaticCredentials(RequestCredentials(authorization: "Basic \(encoded)"))
    case .tokenFile(let path):
      return TokenFileSource(path: path)
    case .exec(let plugin):
      return ExecCredentialProvider(
        plugin: plugin, environment: environment, stdinIsTerminal: stdinIsTerminal, deadline: requestTimeout)
    }
  }
}

extension KubeConfigOverrides: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String {
    var parts: [String] = []
    if let context { parts.append("context: \(context)") }
    if let cluster { parts.append("cluster: \(cluster)") }
    if let user { parts.append("user: \(user)") }
    if let server { parts.append("server: \(server)") }
    if token != nil { parts.append("token: REDACTED") }
    if let certificateAuthority { parts.append("certificate-authority: \(certificateAuthority)") }
    if let clientCertificate { parts.append("client-certificate: \(clientCertificate)") }
    if let clientKey { parts.append("client-key: \(clientKey)") }
    if let insecureSkipTLSVerify { parts.append("insecure-skip-tls-verify: \(insecureSkipTLSVerify)") }
    if let tlsServerName { parts.append("tls-server-name: \(tlsServerName)") }
    if let impersonate { parts.append("as: \(impersonate)") }
    if !impersonateGroups.isEmpty { parts.append("as-group: \(impersonateGroups)") }
    return "KubeConfigOverrides(" + parts.joined(separator: ", ") + ")"
  }
  public var debugDescription: String { description }
}

extension ClientConfig: CustomDebugStringConvertible {
  public var debugDescription: String { description }
}

extension ClientConfig.ExecPlugin: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String { "ExecPlugin(user: \(userName), \(config))" }
  public var debugDescription: String { description }
}
