import Crypto
import SwiftASN1
import TackBase
import _CryptoExtras

/// Reading existing private keys (flux's `--private-key-file`, decrypted with `--password`).
extension SSHKeyPair {
  /// Parses an OpenSSH (`OPENSSH PRIVATE KEY`) or PEM (`RSA PRIVATE KEY`, `EC PRIVATE KEY`,
  /// PKCS#8 `PRIVATE KEY`) private key.
  public static func parse(privateKey text: String, passphrase: String? = nil) throws(GitError) -> SSHKeyPair {
    let block = try firstBlock(text)
    if block.label == OpenSSHKeyCodec.label {
      return try OpenSSHKeyCodec.decode(block.bytes, passphrase: passphrase)
    }
    if block.headers["Proc-Type"]?.contains("ENCRYPTED") == true {
      throw GitError(
        .invalidKey,
        "the SSH private key uses legacy PEM encryption, which tack cannot read; convert it with "
          + "`ssh-keygen -p -f <file>` (OpenSSH format)")
    }
    // swift-crypto reads strict PEM only: armour the bytes again the RFC 7468 way.
    let pem = PEMDocument(type: block.label, derBytes: block.bytes).pemString + "\n"
    switch block.label {
    case "RSA PRIVATE KEY":
      if let key = try? _RSA.Signing.PrivateKey(unsafePEMRepresentation: pem) {
        return SSHKeyPair(key: .rsa(key), comment: "")
      }
    case "EC PRIVATE KEY", "PRIVATE KEY":
      if let key = try? P256.Signing.PrivateKey(pemRepresentation: pem) {
        return SSHKeyPair(key: .p256(key), comment: "")
      }
      if let key = try? P384.Signing.PrivateKey(pemRepresentation: pem) {
        return SSHKeyPair(key: .p384(key), comment: "")
      }
      if let key = try? P521.Signing.PrivateKey(pemRepresentation: pem) {
        return SSHKeyPair(key: .p521(key), comment: "")
      }
      if block.label == "PRIVATE KEY" {
        if let key = try? Curve25519.Signing.PrivateKey(pemRepresentation: pem) {
          return SSHKeyPair(key: .ed25519(key), comment: "")
        }
        if let key = try? _RSA.Signing.PrivateKey(unsafePEMRepresentation: pem) {
          return SSHKeyPair(key: .rsa(key), comment: "")
        }
      }
    case "ENCRYPTED PRIVATE KEY":
      throw GitError(
        .invalidKey,
        "the SSH private key is an encrypted PKCS#8 file, which tack cannot read; convert it with "
          + "`ssh-keygen -p -f <file>` (OpenSSH format)")
    default:
      break
    }
    throw GitError(.invalidKey, "the SSH private key (\(block.label)) is not an RSA, ECDSA or ed25519 key")
  }

  /// The public key of an OpenSSH private key file without decrypting it (the container stores
  /// it in clear), e.g. to print the deploy key of a passphrase-protected `--private-key-file`.
  public static func publicKey(ofPrivateKey text: String) throws(GitError) -> SSHHostKey {
    let block = try firstBlock(text)
    if block.label == OpenSSHKeyCodec.label {
      let container = try OpenSSHKeyCodec.container(block.bytes)
      guard let key = SSHHostKey(blob: container.publicKeyBlob) else {
        throw OpenSSHKeyCodec.malformed("its public key is malformed")
      }
      return key
    }
    let pair = try parse(privateKey: text)
    guard let key = SSHHostKey(blob: pair.publicKeyBlob) else {
      throw GitError(.invalidKey, "cannot derive the public key")
    }
    return key
  }

  /// The first PEM block of a key file, read as OpenSSH reads it (70-column lines, headers).
  static func firstBlock(_ text: String) throws(GitError) -> PEM.Block {
    guard let block = try? PEM.blocks(in: text).first else {
      throw GitError(.invalidKey, "the SSH private key is not in OpenSSH or PEM format")
    }
    return block
  }
}
