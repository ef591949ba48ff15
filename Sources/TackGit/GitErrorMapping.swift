import CGit2
import TackBase

/// Turns what libgit2 reported into a typed `GitError`. A pure function of the failure so the
/// mapping has its own table test; messages are redacted before they are stored.
enum GitErrorMapping {
  /// - Parameters:
  ///   - operation: what was being done, e.g. `cloning branch "main" from ssh://git@host/repo`.
  static func map(
    _ failure: LibGit2Failure, operation: String, url: GitURL?, redactor: GitSecretRedactor
  ) -> GitError {
    let detail = redactor.redact(failure.message.trimmingWhitespace())
    let lower = detail.lowercased()
    let target = url.map { "\($0)" } ?? "the repository"

    switch failure.code {
    case GIT_EAUTH.rawValue:
      return GitError(
        .authenticationFailed, "\(operation): authentication to \(target) failed", underlying: detail)
    case GIT_ECERTIFICATE.rawValue:
      if url?.transport == .ssh || lower.contains("hostkey") {
        return GitError(
          .hostKeyUnknown,
          "\(operation): the SSH host key of \(url?.host ?? target) is not trusted; add it to known_hosts",
          underlying: detail)
      }
      return GitError(
        .certificateInvalid,
        "\(operation): the TLS certificate of \(url?.host ?? target) is not trusted; pass its CA (--ca-file)",
        underlying: detail)
    case GIT_ENONFASTFORWARD.rawValue:
      return GitError(
        .nonFastForward, "\(operation): the remote branch has commits that are not in the local clone",
        underlying: detail)
    default:
      break
    }

    let unreachableHints = [
      "failed to connect to", "failed to resolve address", "connection refused", "no route to host",
      "network is unreachable", "connection timed out", "name or service not known",
    ]
    if unreachableHints.contains(where: lower.contains) {
      return GitError(.unreachable, "\(operation): cannot reach \(target)", underlying: detail)
    }
    let notFoundHints = [
      "could not find repository", "does not appear to be a git repository", "repository not found",
      "unexpected http status code: 404", "not a git repository", "no such file or directory",
    ]
    if notFoundHints.contains(where: lower.contains) {
      return GitError(
        .repositoryNotFound, "\(operation): no Git repository at \(target)", underlying: detail)
    }
    if lower.contains("status code: 401") || lower.contains("status code: 403")
      || lower.contains("authentication replays") || lower.contains("failed to authenticate")
    {
      return GitError(
        .authenticationFailed, "\(operation): authentication to \(target) failed", underlying: detail)
    }
    if lower.contains("private key") || lower.contains("public key from private")
      || lower.contains("invalid key data") || lower.contains("unable to decrypt")
    {
      return GitError(
        .invalidKey, "\(operation): the SSH private key cannot be used", underlying: detail)
    }
    if failure.errorClass == GIT_ERROR_SSL.rawValue
      && (lower.contains("certificate") || lower.contains("x509") || lower.contains("verify"))
    {
      return GitError(
        .certificateInvalid,
        "\(operation): the TLS certificate of \(url?.host ?? target) is not trusted; pass its CA (--ca-file)",
        underlying: detail)
    }
    return GitError(.libgit2, operation, underlying: detail)
  }
}
