import Crypto
import _CryptoExtras

/// Decrypting passphrase-protected OpenSSH keys: bcrypt KDF, AES-256 in CTR (ssh-keygen's default)
/// or CBC mode.
enum OpenSSHKeyDecryption {
  static func decrypt(_ section: [UInt8], cipher: String, kdfOptions: [UInt8], passphrase: String)
    throws(GitError) -> [UInt8]
  {
    var reader = SSHWireReader(kdfOptions)
    guard let salt = try? reader.string(), let rounds = try? reader.uint32(), rounds > 0, rounds < 1 << 20 else {
      throw OpenSSHKeyCodec.malformed("its bcrypt parameters are invalid")
    }
    guard section.count % 16 == 0 else { throw OpenSSHKeyCodec.malformed("its encrypted part is truncated") }
    let derived = BcryptPBKDF.derive(password: Array(passphrase.utf8), salt: salt, rounds: Int(rounds), count: 48)
    let key = SymmetricKey(data: derived[0..<32])
    let iv = Array(derived[32..<48])
    do {
      switch cipher {
      case "aes256-ctr":
        return Array(try AES._CTR.decrypt(section, using: key, nonce: AES._CTR.Nonce(nonceBytes: iv)))
      default:
        return Array(
          try AES._CBC.decrypt(section, using: key, iv: AES._CBC.IV(ivBytes: iv), noPadding: true))
      }
    } catch {
      throw GitError(.invalidKey, "cannot decrypt the SSH private key: \(error)")
    }
  }
}
