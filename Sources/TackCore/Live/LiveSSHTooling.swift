#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackGit

/// ``SSHTooling`` over TackGit's key generation, parsing and host-key scan.
public struct LiveSSHTooling: SSHTooling {
  public let environment: [String: String]
  public init(environment: [String: String]) { self.environment = environment }

  static func algorithm(_ algorithm: SSHKeyAlgorithm) -> SSHKeyPair.Algorithm {
    switch algorithm {
    case .ecdsa(.p256): .ecdsaP256
    case .ecdsa(.p384): .ecdsaP384
    case .ecdsa(.p521): .ecdsaP521
    case .ed25519: .ed25519
    case .rsa(let bits): .rsa(bits: bits)
    }
  }

  public func generate(_ algorithm: SSHKeyAlgorithm) throws -> SSHKeyMaterial {
    let pair = try SSHKeyPair.generate(Self.algorithm(algorithm))
    return SSHKeyMaterial(privateKey: pair.openSSHPrivateKey, publicKey: pair.authorizedKey + "\n")
  }

  public func load(privateKey: String, passphrase: String?) throws -> SSHKeyMaterial {
    let pair = try SSHKeyPair.parse(privateKey: privateKey, passphrase: passphrase)
    return SSHKeyMaterial(privateKey: privateKey, publicKey: pair.authorizedKey + "\n")
  }

  /// Scans the host; when the user's known_hosts knows the host, the scanned key must be the one
  /// listed there (a different key is refused as a possible man-in-the-middle).
  public func scanHostKey(host: String, port: Int) async throws -> String {
    let hostPart = host.contains(":") ? "[\(host)]" : host
    let key = try await SSHHostKeyScanner().scan(url: "ssh://git@\(hostPart):\(port)/")
    let known = try LiveFleetRepositoryCloner.userKnownHosts(environment: environment)
    if case .mismatch = known.verify(host: host, port: port, keyType: key.type, key: key.blob) {
      throw GitError(
        .hostKeyMismatch,
        "the SSH host key of \(KnownHosts.hostName(host, port: port)) (\(key.fingerprintSHA256)) differs from the one in your known_hosts; refusing to store it")
    }
    return key.knownHostsLine(host: host, port: port) + "\n"
  }
}
