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

/// Supplies credentials for each attempt and learns from a 401: tokens that rotate, exec plugins,
/// and bearer tokens a registry hands out after a challenge.
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

extension RequestCredentials: CustomStringConvertible, CustomDebugStringConvertible {
  /// Never shows the secret: only the scheme of the Authorization value.
  public var description: String {
    let scheme = authorization.map { ($0.split(separator: " ").first.map(String.init) ?? "") + " REDACTED" } ?? "nil"
    return "RequestCredentials(authorization: \(scheme), identity: \(identity == nil ? "nil" : "REDACTED"))"
  }
  public var debugDescription: String { description }
}
