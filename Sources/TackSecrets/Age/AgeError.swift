import TackBase

/// Why an age operation failed. `kind` is the failure class the age test vectors name (armor,
/// header, no match, HMAC, payload) plus key and I/O problems; `detail` says what exactly, without
/// ever quoting key material.
public struct AgeError: TackError, Equatable {
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// The ASCII armor is not strict PEM (`armor failure`).
    case armor
    /// The header is malformed or a stanza is invalid (`header failure`).
    case header
    /// No identity opened any stanza (`no match`).
    case noMatch
    /// The header MAC does not verify (`HMAC failure`).
    case headerMAC
    /// The payload is truncated, tampered with or has trailing data (`payload failure`).
    case payload
    /// An `age1…` recipient string is malformed.
    case invalidRecipient
    /// An `AGE-SECRET-KEY-1…` identity or identity file is malformed.
    case invalidIdentity
    /// The call itself is wrong (no recipients, no identities).
    case usage
  }

  public var kind: Kind
  public var detail: String
  /// The file or stream involved, when the caller knows it.
  public var source: String?

  public init(_ kind: Kind, _ detail: String, source: String? = nil) {
    self.kind = kind
    self.detail = detail
    self.source = source
  }

  /// The same error, naming the input it came from.
  public func from(_ source: String) -> AgeError {
    var copy = self
    if copy.source == nil { copy.source = source }
    return copy
  }

  public var exitStatus: ExitStatus { kind == .usage ? .usage : .failure }

  public var description: String {
    let prefix = source.map { "\($0): " } ?? ""
    switch kind {
    case .armor: return prefix + "invalid age armor: \(detail)"
    case .header: return prefix + "invalid age header: \(detail)"
    case .noMatch:
      return prefix + "no identity matched any of the recipients (\(detail)); pass the right key with -i/--identity"
    case .headerMAC: return prefix + "age header MAC does not verify: the file was tampered with or corrupted"
    case .payload: return prefix + "age payload failure: \(detail)"
    case .invalidRecipient: return prefix + "invalid age recipient: \(detail)"
    case .invalidIdentity: return prefix + "invalid age identity: \(detail)"
    case .usage: return prefix + detail
    }
  }
}
