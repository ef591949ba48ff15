import Crypto
import TackBase
import _CryptoExtras

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// An SSH key pair for a Git deploy key: generated for `bootstrap` (flux's `--ssh-key-algorithm`,
/// `--ssh-ecdsa-curve`, `--ssh-rsa-bits`) or read from `--private-key-file`.
public struct SSHKeyPair: Sendable {
  public enum Algorithm: Sendable, Equatable, CustomStringConvertible {
    case ecdsaP256, ecdsaP384, ecdsaP521
    case ed25519
    case rsa(bits: Int)

    /// flux's default: ECDSA on P-384.
    public static let `default` = Algorithm.ecdsaP384

    public var sshKeyType: String {
      switch self {
      case .ecdsaP256: "ecdsa-sha2-nistp256"
      case .ecdsaP384: "ecdsa-sha2-nistp384"
      case .ecdsaP521: "ecdsa-sha2-nistp521"
      case .ed25519: "ssh-ed25519"
      case .rsa: "ssh-rsa"
      }
    }

    public var description: String {
      switch self {
      case .ecdsaP256: "ecdsa (p256)"
      case .ecdsaP384: "ecdsa (p384)"
      case .ecdsaP521: "ecdsa (p521)"
      case .ed25519: "ed25519"
      case .rsa(let bits): "rsa (\(bits) bits)"
      }
    }

    /// From flux's flags: `--ssh-key-algorithm rsa|ecdsa|ed25519`, `--ssh-ecdsa-curve p256|p384|p521`,
    /// `--ssh-rsa-bits`.
    public init(name: String, ecdsaCurve: String = "p384", rsaBits: Int = 2048) throws(GitError) {
      switch name.lowercased() {
      case "ed25519": self = .ed25519
      case "rsa":
        guard [2048, 3072, 4096].contains(rsaBits) else {
          throw GitError(.invalidKey, "unsupported RSA key size \(rsaBits); use 2048, 3072 or 4096")
        }
        self = .rsa(bits: rsaBits)
      case "ecdsa":
        switch ecdsaCurve.lowercased() {
        case "p256": self = .ecdsaP256
        case "p384": self = .ecdsaP384
        case "p521": self = .ecdsaP521
        default:
          throw GitError(.invalidKey, "unsupported ECDSA curve \"\(ecdsaCurve)\"; use p256, p384 or p521")
        }
      default:
        throw GitError(.invalidKey, "unsupported SSH key algorithm \"\(name)\"; use ecdsa, ed25519 or rsa")
      }
    }
  }

  enum Key: Sendable {
    case p256(P256.Signing.PrivateKey)
    case p384(P384.Signing.PrivateKey)
    case p521(P521.Signing.PrivateKey)
    case ed25519(Curve25519.Signing.PrivateKey)
    case rsa(_RSA.Signing.PrivateKey)
  }

  let key: Key
  /// The comment stored in the private key and appended to the public key line.
  public var comment: String

  init(key: Key, comment: String) {
    self.key = key
    self.comment = comment
  }

  /// A new random key pair.
  public static func generate(_ algorithm: Algorithm = .default, comment: String = "") throws(GitError)
    -> SSHKeyPair
  {
    switch algorithm {
    case .ecdsaP256: return SSHKeyPair(key: .p256(P256.Signing.PrivateKey()), comment: comment)
    case .ecdsaP384: return SSHKeyPair(key: .p384(P384.Signing.PrivateKey()), comment: comment)
    case .ecdsaP521: return SSHKeyPair(key: .p521(P521.Signing.PrivateKey()), comment: comment)
    case .ed25519: return SSHKeyPair(key: .ed25519(Curve25519.Signing.PrivateKey()), comment: comment)
    case .rsa(let bits):
      let size: _RSA.Signing.KeySize
      switch bits {
      case 2048: size = .bits2048
      case 3072: size = .bits3072
      case 4096: size = .bits4096
      default: throw GitError(.invalidKey, "unsupported RSA key size \(bits); use 2048, 3072 or 4096")
      }
      do {
        return SSHKeyPair(key: .rsa(try _RSA.Signing.PrivateKey(keySize: size)), comment: comment)
      } catch {
        throw GitError(.invalidKey, "cannot generate an RSA key: \(error)")
      }
    }
  }

  public var algorithm: Algorithm {
    switch key {
    case .p256: .ecdsaP256
    case .p384: .ecdsaP384
    case .p521: .ecdsaP521
    case .ed25519: .ed25519
    case .rsa(let key): .rsa(bits: key.keySizeInBits)
    }
  }

  /// The public key in wire format (what authorized_keys and known_hosts carry base64-encoded).
  public var publicKeyBlob: [UInt8] {
    var writer = SSHWireWriter()
    writer.string(algorithm.sshKeyType)
    switch key {
    case .p256(let key):
      writer.string("nistp256")
      writer.string(Array(key.publicKey.x963Representation))
    case .p384(let key):
      writer.string("nistp384")
      writer.string(Array(key.publicKey.x963Representation))
    case .p521(let key):
      writer.string("nistp521")
      writer.string(Array(key.publicKey.x963Representation))
    case .ed25519(let key):
      writer.string(Array(key.publicKey.rawRepresentation))
    case .rsa(let key):
      let numbers = RSANumbers(key)
      writer.mpint(numbers.e)
      writer.mpint(numbers.n)
    }
    return writer.bytes
  }

  /// `<type> <base64> [comment]`: one authorized_keys line (flux's `identity.pub`, and what
  /// `bootstrap` prints as `✔ public key: …`).
  public var authorizedKey: String {
    let line = "\(algorithm.sshKeyType) \(Base64.encode(publicKeyBlob))"
    return comment.isEmpty ? line : line + " " + comment
  }

  /// `SHA256:…`, as `ssh-keygen -l` prints it.
  public var fingerprintSHA256: String {
    SSHHostKey(blob: publicKeyBlob)?.fingerprintSHA256 ?? ""
  }

  /// The private key in OpenSSH format (`-----BEGIN OPENSSH PRIVATE KEY-----`), unencrypted: what
  /// flux stores as `identity` and what libssh2 reads for every key type.
  public var openSSHPrivateKey: String { OpenSSHKeyCodec.encode(self) }

  /// The private key as PEM (`RSA PRIVATE KEY` PKCS#1 for RSA, `PRIVATE KEY` PKCS#8 for ECDSA) for
  /// tools that predate the OpenSSH format; nil for ed25519, which OpenSSH only writes in its own.
  public var pemPrivateKey: String? {
    switch key {
    case .p256(let key): return key.pemRepresentation
    case .p384(let key): return key.pemRepresentation
    case .p521(let key): return key.pemRepresentation
    case .rsa(let key): return key.pemRepresentation
    case .ed25519: return nil
    }
  }
}
