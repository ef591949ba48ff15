import Crypto
import TackBase

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One recipient stanza of an age header: `-> type args…` and a binary body.
public struct AgeStanza: Sendable, Equatable {
  public var type: String
  public var arguments: [String]
  public var body: [UInt8]
  public init(type: String, arguments: [String], body: [UInt8]) {
    self.type = type
    self.arguments = arguments
    self.body = body
  }
}

/// Something a file key can be encrypted to.
public protocol AgeRecipient: Sendable {
  func wrap(fileKey: [UInt8]) throws(AgeError) -> [AgeStanza]
}

/// Something that can open stanzas. `unwrap` returns nil when none of the stanzas is for this
/// identity, and throws only when a stanza it is responsible for is malformed.
public protocol AgeIdentity: Sendable {
  func unwrap(stanzas: [AgeStanza]) throws(AgeError) -> [UInt8]?
}

/// An identity with a public half (X25519 or post-quantum), as key files hold them.
public protocol AgeKeyIdentity: AgeIdentity, CustomStringConvertible {
  /// The recipient string (`age1…`, `age1pq1…`).
  var recipientString: String { get }
  var anyRecipient: any AgeRecipient { get }
  /// The secret key text. Only key files and Kubernetes Secrets should ever hold it.
  var secretKeyString: String { get }
}

/// Parsing of key strings of any supported type.
public enum AgeKeys {
  /// `AGE-SECRET-KEY-1…` or `AGE-SECRET-KEY-PQ-1…`.
  public static func identity(_ text: String) throws(AgeError) -> any AgeKeyIdentity {
    let trimmed = text.trimmedWhitespace
    if trimmed.uppercased().hasPrefix("AGE-SECRET-KEY-PQ-") { return try AgeHybridIdentity(trimmed) }
    return try AgeX25519Identity(trimmed)
  }

  /// `age1…` or `age1pq1…`.
  public static func recipient(_ text: String) throws(AgeError) -> any AgeRecipient {
    let trimmed = text.trimmedWhitespace
    try refuseIdentity(trimmed)
    if trimmed.lowercased().hasPrefix("age1pq1") { return try AgeHybridRecipient(trimmed) }
    return try AgeX25519Recipient(trimmed)
  }
}

extension AgeKeys {
  /// The error for a secret key pasted where a public recipient belongs. It never quotes the text:
  /// echoing it would put the key into terminal scrollback, CI logs and bug reports.
  static func refuseIdentity(_ text: String) throws(AgeError) {
    let upper = text.prefix(32).uppercased()
    if upper.hasPrefix("AGE-SECRET-KEY-") || upper.hasPrefix("AGE-PLUGIN-") {
      throw AgeError(.invalidRecipient, "this is an age identity; pass its recipient (age-keygen -y)")
    }
  }

  /// How a malformed recipient is named in a message: recipients are public, so one that looks like
  /// a recipient is quoted (shortened); anything else might be a secret pasted by mistake, so it is not.
  static func quoted(_ text: String, quotes: Bool = true) -> String {
    guard text.lowercased().hasPrefix("age1"), !text.contains(where: { $0.isWhitespace }) else {
      return "(text that is not an age1… recipient)"
    }
    let shown = text.count > 80 ? String(text.prefix(77)) + "…" : text
    return quotes ? "\"" + shown + "\"" : shown
  }
}

enum AgeConstants {
  static let fileKeySize = 16
  static let x25519Label = Array("age-encryption.org/v1/X25519".utf8)
  static let scryptLabel = Array("age-encryption.org/v1/scrypt".utf8)
  static let zeroNonce = try! ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12))
}

/// The HKDF-SHA-256 every age key derivation uses.
func ageHKDF(key: some ContiguousBytes, salt: [UInt8], info: [UInt8], count: Int = 32) -> SymmetricKey {
  HKDF<SHA256>.deriveKey(
    inputKeyMaterial: SymmetricKey(data: key), salt: salt, info: info, outputByteCount: count)
}

/// ChaCha20-Poly1305 with a zero nonce over a 16-byte file key, as stanza bodies use it.
func ageSealFileKey(_ fileKey: [UInt8], with key: SymmetricKey) -> [UInt8] {
  let box = try! ChaChaPoly.seal(fileKey, using: key, nonce: AgeConstants.zeroNonce)
  return Array(box.ciphertext) + Array(box.tag)
}

/// Opens a stanza body; nil when the key is wrong, an error when the body has the wrong size.
func ageOpenFileKey(_ body: [UInt8], with key: SymmetricKey, stanza: String) throws(AgeError) -> [UInt8]? {
  guard body.count == AgeConstants.fileKeySize + 16 else {
    throw AgeError(.header, "\(stanza) stanza body is \(body.count) bytes, expected 32 (a 16-byte file key and its tag)")
  }
  do {
    let box = try ChaChaPoly.SealedBox(
      nonce: AgeConstants.zeroNonce, ciphertext: body[0..<16], tag: body[16...])
    return Array(try ChaChaPoly.open(box, using: key))
  } catch {
    return nil
  }
}

/// An age X25519 recipient, written `age1…`.
public struct AgeX25519Recipient: AgeRecipient, Hashable, CustomStringConvertible {
  public let publicKey: [UInt8]

  public init(publicKey: [UInt8]) throws(AgeError) {
    guard publicKey.count == 32, (try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: publicKey)) != nil else {
      throw AgeError(.invalidRecipient, "an X25519 public key is 32 bytes")
    }
    self.publicKey = publicKey
  }

  /// Parses `age1…`.
  public init(_ text: String) throws(AgeError) {
    let trimmed = text.trimmedWhitespace
    try AgeKeys.refuseIdentity(trimmed)
    if trimmed.lowercased().hasPrefix("age1pq1") {
      throw AgeError(.invalidRecipient, "age1pq1… is a post-quantum recipient; an X25519 one (age1…) is needed here")
    }
    if trimmed.lowercased().hasPrefix("age1tag") {
      throw AgeError(.invalidRecipient, "hardware (age1tag…) recipients are not supported; use an X25519 recipient (age1…)")
    }
    guard let (hrp, data) = Bech32.decode(trimmed) else {
      throw AgeError(.invalidRecipient, "\(AgeKeys.quoted(trimmed)) is not a valid age1… recipient (bad Bech32)")
    }
    guard hrp == "age" else {
      throw AgeError(.invalidRecipient, "\(AgeKeys.quoted(trimmed)) is not an age1… recipient")
    }
    guard data.count == 32 else {
      throw AgeError(.invalidRecipient, "\(AgeKeys.quoted(trimmed)) does not hold a 32-byte X25519 key")
    }
    try self.init(publicKey: data)
  }

  public var description: String { Bech32.encode(hrp: "age", data: publicKey) }

  public func wrap(fileKey: [UInt8]) throws(AgeError) -> [AgeStanza] {
    let ephemeral = Curve25519.KeyAgreement.PrivateKey()
    let share = Array(ephemeral.publicKey.rawRepresentation)
    let recipientKey = try! Curve25519.KeyAgreement.PublicKey(rawRepresentation: publicKey)
    // A low-order point (all zeros, one, the curve's small-subgroup points) gives an all-zero shared
    // secret whatever the ephemeral key: the file key would be wrapped under a key anyone can derive.
    // BoringSSL reports it as a failed agreement; the explicit check holds for any backend.
    guard let shared = try? ephemeral.sharedSecretFromKeyAgreement(with: recipientKey) else {
      throw AgeError(.invalidRecipient, "\(self) is a low-order X25519 point; nothing encrypted to it would be secret")
    }
    let secret = shared.withUnsafeBytes { Array($0) }
    guard secret.contains(where: { $0 != 0 }) else {
      throw AgeError(.invalidRecipient, "\(self) is a low-order X25519 point; nothing encrypted to it would be secret")
    }
    let wrapKey = ageHKDF(key: secret, salt: share + publicKey, info: AgeConstants.x25519Label)
    return [AgeStanza(type: "X25519", arguments: [Base64.encode(share, padded: false)], body: ageSealFileKey(fileKey, with: wrapKey))]
  }
}

/// An age X25519 identity, written `AGE-SECRET-KEY-1…`. Its description is the recipient, never
/// the secret, so it cannot leak into a log line by accident.
public struct AgeX25519Identity: AgeKeyIdentity {
  private let privateKey: Curve25519.KeyAgreement.PrivateKey
  public let recipient: AgeX25519Recipient

  public init(secretKey: [UInt8]) throws(AgeError) {
    guard secretKey.count == 32, let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: secretKey) else {
      throw AgeError(.invalidIdentity, "an X25519 secret key is 32 bytes")
    }
    privateKey = key
    recipient = try AgeX25519Recipient(publicKey: Array(key.publicKey.rawRepresentation))
  }

  /// A fresh random identity.
  public static func generate() -> AgeX25519Identity {
    try! AgeX25519Identity(secretKey: Array(Curve25519.KeyAgreement.PrivateKey().rawRepresentation))
  }

  /// Parses `AGE-SECRET-KEY-1…`.
  public init(_ text: String) throws(AgeError) {
    let trimmed = text.trimmedWhitespace
    if trimmed.uppercased().hasPrefix("AGE-PLUGIN-") {
      throw AgeError(.invalidIdentity, "plugin identities (AGE-PLUGIN-…) are not supported; use AGE-SECRET-KEY-1… or AGE-SECRET-KEY-PQ-1…")
    }
    guard let (hrp, data) = Bech32.decode(trimmed), hrp == "age-secret-key-", data.count == 32 else {
      throw AgeError(.invalidIdentity, "not a valid AGE-SECRET-KEY-1… key (bad Bech32, type or length)")
    }
    try self.init(secretKey: data)
  }

  public var recipientString: String { recipient.description }
  public var anyRecipient: any AgeRecipient { recipient }

  /// The `AGE-SECRET-KEY-1…` text. Only key files and Kubernetes Secrets should ever hold it.
  public var secretKeyString: String {
    Bech32.encode(hrp: "AGE-SECRET-KEY-", data: Array(privateKey.rawRepresentation), uppercase: true)
  }

  public var description: String { "age identity for \(recipient)" }

  public func unwrap(stanzas: [AgeStanza]) throws(AgeError) -> [UInt8]? {
    for stanza in stanzas where stanza.type == "X25519" {
      guard stanza.arguments.count == 1 else {
        throw AgeError(.header, "X25519 stanza has \(stanza.arguments.count) arguments, expected 1")
      }
      guard let share = Base64.decode(stanza.arguments[0], grammar: .strictUnpadded), share.count == 32,
        let shareKey = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: share)
      else {
        throw AgeError(.header, "X25519 stanza share is not 32 bytes of canonical base64")
      }
      guard let shared = try? privateKey.sharedSecretFromKeyAgreement(with: shareKey) else {
        throw AgeError(.header, "X25519 key agreement failed")
      }
      let secret = shared.withUnsafeBytes { Array($0) }
      guard secret.contains(where: { $0 != 0 }) else {
        throw AgeError(.header, "X25519 stanza share is a low-order point")
      }
      let wrapKey = ageHKDF(key: secret, salt: share + recipient.publicKey, info: AgeConstants.x25519Label)
      if let fileKey = try ageOpenFileKey(stanza.body, with: wrapKey, stanza: "X25519") {
        return fileKey
      }
    }
    return nil
  }
}
