import TackBase

/// What authenticates one request: an `Authorization` header value and/or a client certificate.
public struct RequestCredentials: Sendable, Equatable {
  public var authorization: String?
  public var identity: ClientIdentity?

  public init(authorization: String? = nil, identity: ClientIdentity? = nil) {
    self.authorization = authorization
    self.identity = identity
  }

  public static let none = RequestCredentials()
}

/// Supplies credentials per request and learns from a 401.
public protocol CredentialSource: Sendable {
  func credentials() async throws -> RequestCredentials
  /// The server rejected `used` with 401. Returns true when fresh credentials are now available, so
  /// the request is worth one more try.
  func rejected(_ used: RequestCredentials) async throws -> Bool
}

/// Credentials that never change: none, a bearer token, or basic auth.
public struct StaticCredentials: CredentialSource {
  public let value: RequestCredentials
  public init(_ value: RequestCredentials) { self.value = value }
  public func credentials() async throws -> RequestCredentials { value }
  public func rejected(_ used: RequestCredentials) async throws -> Bool { false }
}

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
      return ExecCredentialProvider(plugin: plugin, environment: environment, stdinIsTerminal: stdinIsTerminal)
    }
  }
}

extension RequestCredentials: CustomStringConvertible, CustomDebugStringConvertible {
  /// Never shows the secret: only the scheme of the Authorization value.
  public var description: String {
    let scheme = authorization.map { ($0.split(separator: " ").first.map(String.init) ?? "") + " REDACTED" } ?? "nil"
    return "RequestCredentials(authorization: \(scheme), identity: \(identity == nil ? "nil" : "REDACTED"))"
  }
  public var debugDescription: String { description }
}

extension ClientIdentity: CustomStringConvertible, CustomDebugStringConvertible {
  public var description: String { "ClientIdentity(certificate: DATA+OMITTED, key: REDACTED)" }
  public var debugDescription: String { description }
}

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible {
  /// Method, path and header names with credential values masked; never the body.
  public var description: String {
    let shown = headers.map { "\($0.name): \(RequestLog.redact(name: $0.name, value: $0.value))" }
    return "HTTPRequest(\(method) \(path), headers: [\(shown.joined(separator: ", "))], body: \(body?.count ?? 0) bytes)"
  }
  public var debugDescription: String { description }
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
