import Crypto
import TackBase

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// age's post-quantum hybrid keys (age ≥ 1.3): HPKE with the X-Wing KEM (ML-KEM-768 + X25519),
/// HKDF-SHA-256 and ChaCha20-Poly1305, info `age-encryption.org/mlkem768x25519`; stanza
/// `-> mlkem768x25519 <enc>` with the wrapped file key as body.
enum AgeHybrid {
  static let stanzaType = "mlkem768x25519"
  static let label = Data("age-encryption.org/mlkem768x25519".utf8)
  static let ciphersuite = HPKE.Ciphersuite(kem: .XWingMLKEM768X25519, kdf: .HKDF_SHA256, aead: .chaChaPoly)
  /// ML-KEM-768 ciphertext (1088) ‖ X25519 share (32).
  static let encapsulationSize = 1120
  static let publicKeySize = 1216
  /// Any clamped scalar maps exactly the low-order points to the all-zero shared secret.
  static let probe = try! Curve25519.KeyAgreement.PrivateKey(rawRepresentation: [UInt8](repeating: 0x5A, count: 32))
}

/// A post-quantum recipient, written `age1pq1…`.
public struct AgeHybridRecipient: AgeRecipient, CustomStringConvertible {
  let publicKey: XWingMLKEM768X25519.PublicKey
  let publicKeyBytes: [UInt8]

  public init(_ text: String) throws(AgeError) {
    guard let (hrp, data) = Bech32.decode(text.trimmedWhitespace), hrp == "age1pq" else {
      throw AgeError(.invalidRecipient, "not a valid age1pq1… recipient (bad Bech32 or type)")
    }
    try self.init(publicKeyBytes: data)
  }

  init(publicKeyBytes: [UInt8]) throws(AgeError) {
    guard publicKeyBytes.count == AgeHybrid.publicKeySize,
      let key = try? XWingMLKEM768X25519.PublicKey(rawRepresentation: publicKeyBytes)
    else {
      throw AgeError(.invalidRecipient, "an age1pq1… recipient holds a \(AgeHybrid.publicKeySize)-byte ML-KEM-768+X25519 key")
    }
    publicKey = key
    self.publicKeyBytes = publicKeyBytes
  }

  public var description: String { Bech32.encode(hrp: "age1pq", data: publicKeyBytes) }

  public func wrap(fileKey: [UInt8]) throws(AgeError) -> [AgeStanza] {
    do {
      var sender = try HPKE.Sender(recipientKey: publicKey, ciphersuite: AgeHybrid.ciphersuite, info: AgeHybrid.label)
      let body = try sender.seal(fileKey)
      return [
        AgeStanza(
          type: AgeHybrid.stanzaType, arguments: [Base64.encode(Array(sender.encapsulatedKey), padded: false)],
          body: Array(body))
      ]
    } catch {
      throw AgeError(.invalidRecipient, "post-quantum encapsulation failed: \(error)")
    }
  }
}

/// A post-quantum identity, written `AGE-SECRET-KEY-PQ-1…` (the 32-byte X-Wing seed).
public struct AgeHybridIdentity: AgeKeyIdentity {
  private let privateKey: XWingMLKEM768X25519.PrivateKey
  private let seed: [UInt8]
  public let recipient: AgeHybridRecipient

  init(seed: [UInt8]) throws(AgeError) {
    guard seed.count == 32, let key = try? XWingMLKEM768X25519.PrivateKey(seedRepresentation: seed, publicKey: nil) else {
      throw AgeError(.invalidIdentity, "an AGE-SECRET-KEY-PQ-1… identity holds a 32-byte seed")
    }
    privateKey = key
    self.seed = seed
    recipient = try AgeHybridRecipient(publicKeyBytes: Array(key.publicKey.rawRepresentation))
  }

  public init(_ text: String) throws(AgeError) {
    guard let (hrp, data) = Bech32.decode(text.trimmedWhitespace), hrp == "age-secret-key-pq-" else {
      throw AgeError(.invalidIdentity, "not a valid AGE-SECRET-KEY-PQ-1… key (bad Bech32, type or length)")
    }
    try self.init(seed: data)
  }

  public static func generate() -> AgeHybridIdentity {
    try! AgeHybridIdentity(seed: SecureRandom.bytes(32))
  }

  public var recipientString: String { recipient.description }
  public var anyRecipient: any AgeRecipient { recipient }
  public var secretKeyString: String { Bech32.encode(hrp: "AGE-SECRET-KEY-PQ-", data: seed, uppercase: true) }
  public var description: String { "age post-quantum identity for \(recipient.description.prefix(24))…" }

  public func unwrap(stanzas: [AgeStanza]) throws(AgeError) -> [UInt8]? {
    for stanza in stanzas where stanza.type == AgeHybrid.stanzaType {
      guard stanza.arguments.count == 1 else {
        throw AgeError(.header, "mlkem768x25519 stanza has \(stanza.arguments.count) arguments, expected 1")
      }
      guard let enc = Base64.decode(stanza.arguments[0], grammar: .strictUnpadded), enc.count == AgeHybrid.encapsulationSize else {
        throw AgeError(.header, "mlkem768x25519 stanza share is not \(AgeHybrid.encapsulationSize) bytes of canonical base64")
      }
      guard stanza.body.count == AgeConstants.fileKeySize + 16 else {
        throw AgeError(.header, "mlkem768x25519 stanza body is \(stanza.body.count) bytes, expected 32")
      }
      // X-Wing itself does not reject a low-order X25519 share; age does.
      guard let share = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: enc.suffix(32)),
        let probe = try? AgeHybrid.probe.sharedSecretFromKeyAgreement(with: share),
        probe.withUnsafeBytes({ $0.contains { $0 != 0 } })
      else {
        throw AgeError(.header, "mlkem768x25519 stanza X25519 share is a low-order point")
      }
      do {
        var recipient = try HPKE.Recipient(
          privateKey: privateKey, ciphersuite: AgeHybrid.ciphersuite, info: AgeHybrid.label,
          encapsulatedKey: Data(enc))
        return Array(try recipient.open(stanza.body))
      } catch {
        continue
      }
    }
    return nil
  }
}
