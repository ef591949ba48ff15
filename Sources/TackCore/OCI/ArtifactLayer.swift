#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Crypto
import TackBase

/// A gzipped artifact tarball written to a file, with what the manifest and config need: the sha256
/// and size of the gzip bytes (the layer's digest) and the sha256 of the uncompressed tar (the
/// config's `diff_ids`). Built in one streaming pass, so memory stays flat in the tree's size.
public struct ArtifactLayer: Sendable, Equatable {
  public var path: String
  public var digest: String
  public var size: Int
  public var diffID: String

  /// Writes `tarball` gzipped to `destination` atomically with mode `permissions`.
  public static func build(
    _ tarball: ArtifactTarball, to destination: String, permissions: mode_t = 0o640,
    temporaryFiles: TemporaryFiles? = nil
  ) throws -> ArtifactLayer {
    let file = try AtomicFile(destination: destination, permissions: .exactly(permissions), registry: temporaryFiles)
    var layerHash = SHA256()
    var tarHash = SHA256()
    var size = 0
    do {
      let gzip = ParallelGzipEncoder { chunk in
        layerHash.update(data: chunk)
        size += chunk.count
        try file.write(chunk)
      }
      try tarball.write { chunk in
        tarHash.update(data: chunk)
        try gzip.write(chunk)
      }
      try gzip.finish()
      try file.commit(durable: false)
    } catch {
      file.abandon()
      throw error
    }
    return ArtifactLayer(
      path: file.destination, digest: Digest.string(layerHash.finalize()), size: size,
      diffID: Digest.string(tarHash.finalize()))
  }
}

/// `sha256:<hex>` digests.
public enum Digest {
  public static func string(_ digest: SHA256.Digest) -> String {
    "sha256:" + digest.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
  }

  public static func of(_ bytes: [UInt8]) -> String { string(SHA256.hash(data: bytes)) }

  /// `sha256:` followed by 64 lowercase hex digits.
  public static func isValid(_ text: String) -> Bool {
    guard text.hasPrefix("sha256:") else { return false }
    let hex = text.dropFirst(7)
    return hex.count == 64 && hex.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
