#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TackBase
import TackJSON

/// `push artifact`: builds the layer into a temporary file, uploads the blobs the registry does
/// not have yet, then stores the manifest under the tag. The manifest goes last, so an interrupted
/// push never leaves the tag pointing at missing content.
public struct ArtifactPush: Sendable {
  public var reference: OCIReference
  public var path: String
  public var source: String
  public var revision: String
  public var annotations: [String: String]
  public var ignorePaths: [String]
  /// `--reproducible`: the created time is the Unix epoch.
  public var reproducible: Bool
  public var now: @Sendable () -> Int64

  public init(
    reference: OCIReference, path: String, source: String, revision: String, annotations: [String] = [],
    ignorePaths: [String] = ArtifactTarball.defaultIgnorePaths, reproducible: Bool = false,
    now: @escaping @Sendable () -> Int64 = { Int64(time(nil)) }
  ) throws(OCIError) {
    guard reference.digest == nil else {
      throw .invalidReference("oci://\(reference)", reason: "artifact tag parsing failed: a digest cannot be pushed to")
    }
    self.reference = reference
    self.path = path
    self.source = source
    self.revision = revision
    var parsed: [String: String] = [:]
    for annotation in annotations {
      let parts = annotation.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2 else {
        throw .invalidPath(annotation, reason: "invalid annotation \(annotation), must be in the format key=value")
      }
      parsed[String(parts[0])] = String(parts[1])
    }
    self.annotations = parsed
    self.ignorePaths = ignorePaths
    self.reproducible = reproducible
    self.now = now
  }

  public struct Result: Sendable, Equatable {
    public var reference: OCIReference
    public var digest: String
    /// Blobs actually sent (0 when the registry had everything).
    public var uploadedBlobs: Int

    /// flux's `-o json` document, keys in its struct's order (YAML sorts them).
    public var document: JSON {
      [
        "url": .string("oci://\(reference.name)@\(digest)"), "repository": .string(reference.name),
        "tag": .string(reference.reference), "digest": .string(digest),
      ]
    }
  }

  public func run(client: RegistryClient, temporaryFiles: TemporaryFiles? = nil) async throws -> Result {
    let tarball = try ArtifactTarball(path: path, ignorePaths: ignorePaths)
    let directory = try Self.temporaryDirectory()
    defer { ArtifactExtraction.removeTree(directory) }
    let layer = try ArtifactLayer.build(tarball, to: directory + "/layer.tgz", temporaryFiles: temporaryFiles)
    let created = RFC3339Time(epochSeconds: reproducible ? 0 : now()).rfc3339
    let config = ArtifactManifest.configBytes(created: created, diffID: layer.diffID)
    var annotations = [
      ArtifactManifest.createdAnnotation: created, ArtifactManifest.sourceAnnotation: source,
      ArtifactManifest.revisionAnnotation: revision,
    ]
    for (key, value) in self.annotations { annotations[key] = value }
    let manifest = ArtifactManifest(
      config: .init(mediaType: ArtifactManifest.configMediaType, size: config.count, digest: Digest.of(config)),
      layers: [.init(mediaType: ArtifactManifest.layerMediaType, size: layer.size, digest: layer.digest)],
      annotations: annotations)
    let bytes = manifest.bytes
    let digest = Digest.of(bytes)
    if try await client.manifestDigest(reference.reference) == digest {
      return Result(reference: reference, digest: digest, uploadedBlobs: 0)
    }
    var uploaded = 0
    if try await !client.blobExists(layer.digest) {
      try await client.uploadBlob(.file(path: layer.path), digest: layer.digest, size: layer.size)
      uploaded += 1
    }
    let configDigest = manifest.config.digest
    if try await !client.blobExists(configDigest) {
      try await client.uploadBlob(.bytes(config), digest: configDigest, size: config.count)
      uploaded += 1
    }
    try await client.putManifest(bytes, mediaType: ArtifactManifest.mediaType, reference: reference.reference)
    return Result(reference: reference, digest: digest, uploadedBlobs: uploaded)
  }

  /// `--path -`: stdin (trailing newlines trimmed, as flux does) saved as `stdin.yaml` in a private
  /// directory; returns the file's path, pushed as a single file. The fixed name (flux uses a random
  /// one) keeps `--reproducible` digests stable. The caller removes the directory.
  public static func stage(stdin bytes: [UInt8]) throws -> (directory: String, file: String) {
    var bytes = bytes
    while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
    let directory = try temporaryDirectory()
    let file = directory + "/stdin.yaml"
    do {
      try AtomicFile.write(bytes, to: file, permissions: .exactly(0o600), durable: false)
    } catch {
      ArtifactExtraction.removeTree(directory)
      throw error
    }
    return (directory, file)
  }

  /// Removes a directory made by `stage(stdin:)`.
  public static func removeStaged(_ directory: String) { ArtifactExtraction.removeTree(directory) }

  /// A private directory for the layer file (0700, under `$TMPDIR`).
  static func temporaryDirectory() throws -> String {
    let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array((base + "/tack-artifact-XXXXXX").utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw OCIError.io(path: base, reason: String(cString: strerror(errno)))
    }
    return String(cString: made)
  }
}
