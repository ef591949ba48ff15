import TackBase

/// A failed Git operation, with libgit2's own message where there is one.
///
/// A struct with an open set of codes (async-http-client's pattern) so codes can be added without
/// breaking callers' switches. The description never contains a password, token or key: messages
/// are passed through `GitSecretRedactor` before they are stored.
public struct GitError: TackError, Equatable {
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    let name: String
    public var description: String { name }

    /// The server rejected the credentials (or asked for some and none were given).
    public static let authenticationFailed = Code(name: "authenticationFailed")
    /// The SSH host key is not in known_hosts.
    public static let hostKeyUnknown = Code(name: "hostKeyUnknown")
    /// known_hosts has a different key for the host: possibly a man-in-the-middle.
    public static let hostKeyMismatch = Code(name: "hostKeyMismatch")
    /// The HTTPS server's certificate is not trusted (unknown CA, wrong host, expired).
    public static let certificateInvalid = Code(name: "certificateInvalid")
    /// The host could not be resolved or connected to.
    public static let unreachable = Code(name: "unreachable")
    /// There is no repository at that URL.
    public static let repositoryNotFound = Code(name: "repositoryNotFound")
    /// The repository has commits but not the requested branch.
    public static let branchNotFound = Code(name: "branchNotFound")
    /// The remote branch moved on; the push was refused (never forced).
    public static let nonFastForward = Code(name: "nonFastForward")
    /// The server refused the pushed ref for another reason (hook, protected branch…).
    public static let pushRejected = Code(name: "pushRejected")
    /// `http://` without permission to use plain HTTP.
    public static let insecureHTTP = Code(name: "insecureHTTP")
    /// A URL tack cannot use (unknown scheme, malformed).
    public static let invalidURL = Code(name: "invalidURL")
    /// A private key or known_hosts file that cannot be read or used.
    public static let invalidKey = Code(name: "invalidKey")
    /// A work-tree path outside the repository or inside `.git`.
    public static let invalidPath = Code(name: "invalidPath")
    /// The local directory cannot be used (not empty, not a repository, I/O error).
    public static let localRepository = Code(name: "localRepository")
    /// The operation was cancelled (Ctrl-C).
    public static let cancelled = Code(name: "cancelled")
    /// Connecting took too long, the server stopped sending, or the operation's deadline passed.
    public static let timedOut = Code(name: "timedOut")
    /// Any other libgit2 failure.
    public static let libgit2 = Code(name: "libgit2")
  }

  public let code: Code
  /// The whole one-line message shown to the user.
  public let message: String
  /// libgit2's message (already redacted), when the failure came from libgit2.
  public let underlying: String?

  public init(_ code: Code, _ message: String, underlying: String? = nil) {
    self.code = code
    self.message = message
    self.underlying = underlying
  }

  public var description: String {
    guard let underlying, !underlying.isEmpty, !message.contains(underlying) else { return message }
    return "\(message): \(underlying)"
  }

  public var exitStatus: ExitStatus {
    switch code {
    case .repositoryNotFound, .branchNotFound: .notFound
    case .cancelled: .interrupted
    case .timedOut: .timedOut
    default: .failure
    }
  }
}
