import TackBase

/// Why reading, encrypting or decrypting a SOPS file failed. Messages name the file and the key
/// path involved (paths are not secret) and say what to do; they never contain a value.
public struct SopsError: TackError, Equatable {
  public enum Kind: String, Sendable, Equatable {
    /// The input is not valid YAML/JSON, or has a shape SOPS cannot hold.
    case invalidInput
    /// A plaintext input already carries a `sops` key.
    case alreadyEncrypted
    /// An encrypted input has no `sops` metadata.
    case notEncrypted
    /// The `sops` metadata block is malformed.
    case invalidMetadata
    /// None of the identities could unwrap the data key.
    case noDataKey
    /// A value does not decrypt (tampered, renamed key, wrong data key).
    case valueDecryption
    /// The MAC does not match the content.
    case macMismatch
    /// `.sops.yaml` or the flags are wrong.
    case configuration
    /// A feature of the format tack does not implement.
    case unsupported
    /// `--extract` names something that is not there.
    case extract
  }

  public var kind: Kind
  public var message: String
  public var source: String?

  public init(_ kind: Kind, _ message: String, source: String? = nil) {
    self.kind = kind
    self.message = message
    self.source = source
  }

  /// The same error, naming the file it came from.
  public func from(_ source: String) -> SopsError {
    var copy = self
    if copy.source == nil { copy.source = source }
    return copy
  }

  public var exitStatus: ExitStatus {
    switch kind {
    case .extract: .notFound
    default: .failure
    }
  }

  public var description: String { (source.map { "\($0): " } ?? "") + message }
}
