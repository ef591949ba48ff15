import TackBase

/// Why a Git hosting service's API said no, in one line that names the service, the step and what
/// to do. The token never appears: messages are built from the status, the service's own message
/// and the field it rejected, never from the request.
public struct ProviderError: TackError, Equatable {
  public enum Kind: Sendable, Equatable {
    /// 401: the token is missing, wrong or expired.
    case unauthorized
    /// 403 (not a rate limit): the token lacks a scope or the user lacks a role.
    case forbidden
    /// 404 where something had to exist.
    case notFound
    /// 422 (or 409/400 with a field): the service refused a value.
    case rejected(field: String?)
    /// The rate limit is spent until `reset` (seconds since 1970), too far away to wait for.
    case rateLimited(reset: Int64)
    /// 5xx after every retry, or another unexpected status.
    case server(status: Int)
    /// The answer was not what the API documents.
    case invalidResponse
  }

  public var kind: Kind
  /// The service, as users name it: "GitHub", "GitLab".
  public var service: String
  /// What tack was doing: "get repository \"org/fleet\"".
  public var step: String
  /// The service's own message (or tack's advice), one line.
  public var detail: String

  public init(_ kind: Kind, service: String, step: String, detail: String) {
    self.kind = kind
    self.service = service
    self.step = step
    self.detail = detail.split(whereSeparator: \.isNewline).joined(separator: " ")
  }

  public var description: String {
    let prefix = "\(service): \(step): "
    switch kind {
    case .unauthorized:
      return prefix + "the token was rejected (401\(detail.isEmpty ? "" : " \(detail)")): check that it is valid and not expired"
    case .forbidden:
      return prefix + "forbidden (403\(detail.isEmpty ? "" : " \(detail)")): the token lacks a scope or permission this needs"
    case .notFound:
      return prefix + "not found (404\(detail.isEmpty ? "" : " \(detail)")): check the owner and name, and that the token can see them"
    case .rejected(let field):
      let what = field.map { "rejected the field \"\($0)\"" } ?? "rejected the request"
      return prefix + what + (detail.isEmpty ? "" : ": \(detail)")
    case .rateLimited(let reset):
      return prefix
        + "the API rate limit is spent until \(RFC3339Time(epochSeconds: reset).rfc3339); try again after that"
    case .server(let status):
      return prefix + "the service answered \(status)" + (detail.isEmpty ? "" : ": \(detail)")
    case .invalidResponse:
      return prefix + "unexpected answer: \(detail)"
    }
  }

  public var exitStatus: ExitStatus {
    if case .notFound = kind { return .notFound }
    return .failure
  }
}
