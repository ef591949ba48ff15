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
