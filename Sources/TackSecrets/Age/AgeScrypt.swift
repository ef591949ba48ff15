import Crypto
import TackBase
import _CryptoExtras

/// A passphrase, as an identity for `-> scrypt` stanzas. scrypt comes from swift-crypto's
/// `_CryptoExtras` (BoringSSL's EVP_PBE_scrypt), checked against the age test vectors.
public struct AgeScryptIdentity: AgeIdentity, CustomStringConvertible {
  private let passphrase: [UInt8]
  /// Files asking for more work than this are refused before any work is done (age's default).
  public let maxWorkFactor: Int

  public init(passphrase: String, maxWorkFactor: Int = 22) {
    self.passphrase = Array(passphrase.utf8)
    self.maxWorkFactor = maxWorkFactor
  }

  public var description: String { "age passphrase" }

  public func unwrap(stanzas: [AgeStanza]) throws(AgeError) -> [UInt8]? {
    guard let stanza = stanzas.first(where: { $0.type == "scrypt" }) else { return nil }
    guard stanza.arguments.count == 2 else {
      throw AgeError(.header, "scrypt stanza has \(stanza.arguments.count) arguments, expected 2")
    }
    guard let salt = Base64.decode(stanza.arguments[0], grammar: .strictUnpadded), salt.count == 16 else {
      throw AgeError(.header, "scrypt stanza salt is not 16 bytes of canonical base64")
    }
    let factor = stanza.arguments[1]
    guard let first = factor.utf8.first, first != UInt8(ascii: "0"),
      factor.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      factor.utf8.count <= 3, let logN = Int(factor), logN > 0
    else {
      throw AgeError(.header, "scrypt work factor is not a positive decimal number")
    }
    guard logN <= maxWorkFactor else {
      throw AgeError(.header, "scrypt work factor \(logN) is above the limit of \(maxWorkFactor)")
    }
    let key = Self.derive(passphrase: passphrase, salt: salt, logN: logN)
    return try ageOpenFileKey(stanza.body, with: key, stanza: "scrypt")
  }

  static func derive(passphrase: [UInt8], salt: [UInt8], logN: Int) -> SymmetricKey {
    // Parameters are validated above, so BoringSSL has no reason to refuse them.
    try! KDF.Scrypt.deriveKey(
      from: passphrase, salt: AgeConstants.scryptLabel + salt, outputByteCount: 32,
      rounds: 1 << logN, blockSize: 8, parallelism: 1)
  }
}

/// A passphrase as a recipient (`age -p`). It must be the only recipient of a file.
public struct AgeScryptRecipient: AgeRecipient {
  private let passphrase: [UInt8]
  public let workFactor: Int

  public init(passphrase: String, workFactor: Int = 18) {
    self.passphrase = Array(passphrase.utf8)
    self.workFactor = workFactor
  }

  public func wrap(fileKey: [UInt8]) throws(AgeError) -> [AgeStanza] {
    let salt = SecureRandom.bytes(16)
    let key = AgeScryptIdentity.derive(passphrase: passphrase, salt: salt, logN: workFactor)
    return [
      AgeStanza(
        type: "scrypt", arguments: [Base64.encode(salt, padded: false), String(workFactor)],
        body: ageSealFileKey(fileKey, with: key))
    ]
  }
}
