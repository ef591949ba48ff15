import Crypto
import TackBase
import _CryptoExtras

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// OpenSSH's private key container (`openssh-key-v1`, PROTOCOL.key in OpenSSH's sources).
enum OpenSSHKeyCodec {
  static let magic = Array("openssh-key-v1".utf8) + [0]
  static let label = "OPENSSH PRIVATE KEY"

  /// The unencrypted container, PEM-armoured with 70-column lines as ssh-keygen writes it.
  static func encode(_ pair: SSHKeyPair) -> String {
    var privateSection = SSHWireWriter()
    let check = UInt32.random(in: .min ... .max)
    privateSection.uint32(check)
    privateSection.uint32(check)
    privateSection.string(pair.algorithm.sshKeyType)
    switch pair.key {
    case .p256(let key):
      privateSection.string("nistp256")
      privateSection.string(Array(key.publicKey.x963Representation))
      privateSection.mpint(Array(key.rawRepresentation))
    case .p384(let key):
      privateSection.string("nistp384")
      privateSection.string(Array(key.publicKey.x963Representation))
      privateSection.mpint(Array(key.rawRepresentation))
    case .p521(let key):
      privateSection.string("nistp521")
      privateSection.string(Array(key.publicKey.x963Representation))
      privateSection.mpint(Array(key.rawRepresentation))
    case .ed25519(let key):
      let publicKey = Array(key.publicKey.rawRepresentation)
      privateSection.string(publicKey)
      privateSection.string(Array(key.rawRepresentation) + publicKey)
    case .rsa(let key):
      let numbers = RSANumbers(key)
      privateSection.mpint(numbers.n)
      privateSection.mpint(numbers.e)
      privateSection.mpint(numbers.d)
      privateSection.mpint(numbers.iqmp)
      privateSection.mpint(numbers.p)
      privateSection.mpint(numbers.q)
    }
    privateSection.string(pair.comment)
    var padding: UInt8 = 1
    while privateSection.bytes.count % 8 != 0 {
      privateSection.raw([padding])
      padding += 1
    }

    var container = SSHWireWriter()
    container.raw(magic)
    container.string("none")
    container.string("none")
    container.string([UInt8]())
    container.uint32(1)
    container.string(pair.publicKeyBlob)
    container.string(privateSection.bytes)

    let base64 = Base64.encode(container.bytes)
    var lines = ["-----BEGIN \(label)-----"]
    var rest = base64[...]
    while !rest.isEmpty {
      lines.append(String(rest.prefix(70)))
      rest = rest.dropFirst(70)
    }
    lines.append("-----END \(label)-----")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The parts of a container before decryption.
  struct Container {
    var cipher: String
    var kdf: String
    var kdfOptions: [UInt8]
    var publicKeyBlob: [UInt8]
    var privateSection: [UInt8]
  }

  static func container(_ der: [UInt8]) throws(GitError) -> Container {
    guard der.starts(with: magic) else { throw malformed("it does not start with openssh-key-v1") }
    var reader = SSHWireReader(der[magic.count...])
    do {
      let cipher = try reader.text()
      let kdf = try reader.text()
      let kdfOptions = try reader.string()
      let count = try reader.uint32()
      guard count == 1 else { throw malformed("it holds \(count) keys; tack reads files with one key") }
      let publicKey = try reader.string()
      let privateSection = try reader.string()
      return Container(
        cipher: cipher, kdf: kdf, kdfOptions: kdfOptions, publicKeyBlob: publicKey,
        privateSection: privateSection)
    } catch let error as GitError {
      throw error
    } catch {
      throw malformed("it is truncated")
    }
  }

  static func decode(_ der: [UInt8], passphrase: String?) throws(GitError) -> SSHKeyPair {
    let container = try container(der)
    var section = container.privateSection
    switch (container.cipher, container.kdf) {
    case ("none", "none"):
      break
    case ("aes256-ctr", "bcrypt"), ("aes256-cbc", "bcrypt"):
      guard let passphrase, !passphrase.isEmpty else {
        throw GitError(.invalidKey, "the SSH private key is encrypted; give its passphrase (--password)")
      }
      section = try OpenSSHKeyDecryption.decrypt(
        section, cipher: container.cipher, kdfOptions: container.kdfOptions, passphrase: passphrase)
    default:
      throw GitError(
        .invalidKey,
        "the SSH private key is encrypted with \(container.cipher)/\(container.kdf), which tack cannot read; "
          + "re-encrypt it with `ssh-keygen -p` (aes256-ctr)")
    }
    var reader = SSHWireReader(section)
    do {
      let check1 = try reader.uint32()
      let check2 = try reader.uint32()
      guard check1 == check2 else {
        throw GitError(.invalidKey, "the passphrase of the SSH private key is wrong")
      }
      let type = try reader.text()
      let key: SSHKeyPair.Key
      switch type {
      case "ssh-ed25519":
        _ = try reader.string()
        let secret = try reader.string()
        guard secret.count == 64 else { throw malformed("its ed25519 key has the wrong length") }
        key = .ed25519(try Curve25519.Signing.PrivateKey(rawRepresentation: secret.prefix(32)))
      case "ecdsa-sha2-nistp256":
        _ = try reader.string()
        _ = try reader.string()
        key = .p256(try P256.Signing.PrivateKey(rawRepresentation: leftPadded(try reader.mpint(), to: 32)))
      case "ecdsa-sha2-nistp384":
        _ = try reader.string()
        _ = try reader.string()
        key = .p384(try P384.Signing.PrivateKey(rawRepresentation: leftPadded(try reader.mpint(), to: 48)))
      case "ecdsa-sha2-nistp521":
        _ = try reader.string()
        _ = try reader.string()
        key = .p521(try P521.Signing.PrivateKey(rawRepresentation: leftPadded(try reader.mpint(), to: 66)))
      case "ssh-rsa":
        let n = try reader.mpint()
        let e = try reader.mpint()
        let d = try reader.mpint()
        _ = try reader.mpint()  // iqmp: recomputed by the library
        let p = try reader.mpint()
        let q = try reader.mpint()
        key = .rsa(try _RSA.Signing.PrivateKey(n: n, e: e, d: d, p: p, q: q))
      default:
        throw GitError(.invalidKey, "SSH key type \(type) is not supported; use ecdsa, ed25519 or rsa")
      }
      let comment = try reader.text()
      return SSHKeyPair(key: key, comment: comment)
    } catch let error as GitError {
      throw error
    } catch is SSHWireReader.Truncated {
      throw malformed("it is truncated")
    } catch {
      throw GitError(.invalidKey, "the SSH private key is not valid: \(error)")
    }
  }

  static func leftPadded(_ bytes: [UInt8], to length: Int) -> [UInt8] {
    bytes.count >= length ? Array(bytes.suffix(length)) : [UInt8](repeating: 0, count: length - bytes.count) + bytes
  }

  static func malformed(_ why: String) -> GitError {
    GitError(.invalidKey, "the SSH private key is not a valid OpenSSH key: \(why)")
  }
}
