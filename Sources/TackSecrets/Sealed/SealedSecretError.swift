import TackBase

/// Why sealing or unsealing failed.
public struct SealedSecretError: TackError, Equatable {
  public enum Kind: String, Sendable, Equatable {
    /// The controller certificate is unusable (not PEM, not RSA, expired).
    case certificate
    /// The input is not a usable Secret.
    case invalidSecret
    /// A private key cannot be read.
    case privateKey
    /// A value does not unseal with the key and label given.
    case unseal
    /// The arguments do not fit together (e.g. a strict scope without a name).
    case usage
  }

  public var kind: Kind
  public var message: String
  public var source: String?

  public init(_ kind: Kind, _ message: String, source: String? = nil) {
    self.kind = kind
    self.message = message
    self.source = source
  }

  public func from(_ source: String) -> SealedSecretError {
    var copy = self
    if copy.source == nil { copy.source = source }
    return copy
  }

  public var exitStatus: ExitStatus { kind == .usage ? .usage : .failure }
  public var description: String { (source.map { "\($0): " } ?? "") + message }
}
