/// What a registry request authenticates with. `description` never shows a secret.
public enum RegistryCredentials: Sendable, Equatable, CustomStringConvertible {
  case anonymous
  /// Basic auth, or the credentials sent to a bearer token realm.
  case basic(username: String, password: String)
  /// A registry token sent as is (`--creds TOKEN` without a colon, docker config `registrytoken`).
  case registryToken(String)

  /// flux's `--creds`: `user:password`, or a bare token.
  public static func parse(creds: String) throws(OCIError) -> RegistryCredentials {
    guard !creds.isEmpty else { throw .credentials(reason: "--creds is empty") }
    guard let colon = creds.firstIndex(of: ":") else { return .registryToken(creds) }
    let username = String(creds[..<colon])
    guard !username.isEmpty else { throw .credentials(reason: "--creds has an empty user name") }
    return .basic(username: username, password: String(creds[creds.index(after: colon)...]))
  }

  public var description: String {
    switch self {
    case .anonymous: "anonymous"
    case .basic(let username, _): "basic(\(username), REDACTED)"
    case .registryToken: "token(REDACTED)"
    }
  }
}
