import Crypto
import TackBase

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A public key an SSH server presented, in wire format.
public struct SSHHostKey: Sendable, Equatable {
  /// `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`, …
  public let type: String
  /// The key blob (what known_hosts stores base64-encoded).
  public let blob: [UInt8]

  /// nil when the blob does not start with a key type string.
  public init?(blob: [UInt8]) {
    var reader = SSHWireReader(blob)
    guard let type = try? reader.text(), !type.isEmpty else { return nil }
    self.type = type
    self.blob = blob
  }

  /// `SHA256:<base64 without padding>`, as `ssh-keygen -l` and OpenSSH's warnings print it.
  public var fingerprintSHA256: String {
    "SHA256:" + Base64.encode(Array(SHA256.hash(data: blob)), padded: false)
  }

  /// The known_hosts line flux stores for this key (`host type key`, `[host]:port` off port 22).
  public func knownHostsLine(host: String, port: Int) -> String {
    KnownHosts.line(host: host, port: port, keyType: type, key: blob)
  }
}
