import TackBase

/// What goes wrong with an OCI artifact or a registry, in one line each. Registry texts are
/// quoted only from the `errors` body (never a header or a credential).
public enum OCIError: TackError, Equatable {
  /// The `oci://` reference does not parse.
  case invalidReference(String, reason: String)
  /// `--path` or `-o` is wrong.
  case invalidPath(String, reason: String)
  /// A local file could not be read or written.
  case io(path: String, reason: String)
  /// 401: no or wrong credentials.
  case unauthorized(registry: String)
  /// 403: the credentials lack the right.
  case denied(registry: String, repository: String)
  /// 404 for a manifest, tag, blob or repository.
  case notFound(what: String)
  /// 429, after the retries.
  case tooManyRequests(registry: String)
  /// Any other unexpected answer.
  case unexpected(operation: String, status: Int, detail: String)
  /// Bytes whose sha256 is not the digest that named them.
  case digestMismatch(what: String, expected: String, actual: String)
  /// A manifest or config that is not what a Flux artifact holds.
  case invalidManifest(reason: String)
  /// A tar entry that would land outside the output directory, or a malformed archive.
  case unsafeArchive(reason: String)
  /// `--creds`, the docker config or a credential helper.
  case credentials(reason: String)
  /// The token server refused or answered nonsense.
  case tokenExchange(realm: String, reason: String)

  public var exitStatus: ExitStatus {
    switch self {
    case .notFound: .notFound
    case .invalidReference: .usage
    default: .failure
    }
  }

  public var description: String {
    switch self {
    case .invalidReference(let text, let reason): "'\(text)' invalid URL: \(reason)"
    case .invalidPath(let path, let reason): "invalid path \"\(path)\": \(reason)"
    case .io(let path, let reason): "\(path): \(reason)"
    case .unauthorized(let registry):
      "\(registry): authentication required or credentials rejected (401); use --creds or docker login"
    case .denied(let registry, let repository):
      "\(registry): access to \(repository) denied (403); the credentials lack the permission"
    case .notFound(let what): "\(what) not found"
    case .tooManyRequests(let registry): "\(registry): too many requests (429); try again later"
    case .unexpected(let operation, let status, let detail):
      "\(operation) failed with HTTP \(status)" + (detail.isEmpty ? "" : ": \(detail)")
    case .digestMismatch(let what, let expected, let actual):
      "\(what): digest mismatch: expected \(expected), got \(actual)"
    case .invalidManifest(let reason): "invalid artifact manifest: \(reason)"
    case .unsafeArchive(let reason): "refusing artifact content: \(reason)"
    case .credentials(let reason): "registry credentials: \(reason)"
    case .tokenExchange(let realm, let reason): "token request to \(realm) failed: \(reason)"
    }
  }
}
