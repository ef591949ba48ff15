import TackJSON

/// Flux's artifact layout (`fluxcd/pkg/oci`): an OCI image manifest without `artifactType`, a
/// config of media type `application/vnd.cncf.flux.config.v1+json` shaped like an image config
/// (with the tar's `diff_ids`, so `diff artifact` can compare without downloading the layer),
/// one gzip tar layer, and the `org.opencontainers.image.*` annotations. Serialised as Go's
/// `encoding/json` would: compact, struct fields in declaration order, map keys sorted, HTML escaped.
public struct ArtifactManifest: Sendable, Equatable {
  public static let mediaType = "application/vnd.oci.image.manifest.v1+json"
  public static let configMediaType = "application/vnd.cncf.flux.config.v1+json"
  public static let layerMediaType = "application/vnd.cncf.flux.content.v1.tar+gzip"
  public static let createdAnnotation = "org.opencontainers.image.created"
  public static let sourceAnnotation = "org.opencontainers.image.source"
  public static let revisionAnnotation = "org.opencontainers.image.revision"

  public struct Descriptor: Sendable, Equatable {
    public var mediaType: String
    public var size: Int
    public var digest: String

    var json: JSON { ["mediaType": .string(mediaType), "size": .int(size), "digest": .string(digest)] }
  }

  public var config: Descriptor
  public var layers: [Descriptor]
  public var annotations: [String: String]

  public init(config: Descriptor, layers: [Descriptor], annotations: [String: String]) {
    self.config = config
    self.layers = layers
    self.annotations = annotations
  }

  public var bytes: [UInt8] {
    var object: JSON = [
      "schemaVersion": 2, "mediaType": .string(Self.mediaType), "config": config.json,
      "layers": .array(layers.map(\.json)),
    ]
    if !annotations.isEmpty, case .object(var fields) = object {
      let sorted = annotations.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
      fields["annotations"] = .object(JSONObject(sorted.map { JSONObject.Member(key: $0.key, value: .string($0.value)) }))
      object = .object(fields)
    }
    return object.serializedBytes(JSONWriteOptions(escapeHTML: true))
  }

  /// The config blob for a layer whose uncompressed tar has digest `diffID`.
  public static func configBytes(created: String, diffID: String) -> [UInt8] {
    let config: JSON = [
      "architecture": "", "created": .string(created), "history": [["created": "0001-01-01T00:00:00Z"]], "os": "",
      "rootfs": ["type": "layers", "diff_ids": [.string(diffID)]], "config": [:],
    ]
    return config.serializedBytes(JSONWriteOptions(escapeHTML: true))
  }

  /// Reads a manifest another tool may have written: only what tack uses is required.
  public init(parsing bytes: [UInt8]) throws(OCIError) {
    guard let json = try? JSON.parse(bytes) else { throw .invalidManifest(reason: "not JSON") }
    if let type = json["mediaType"]?.stringValue, type.contains("index") || type.contains("list") {
      throw .invalidManifest(reason: "\(type) is an index, not an artifact manifest")
    }
    func descriptor(_ value: JSON?) throws(OCIError) -> Descriptor {
      guard let value, let digest = value["digest"]?.stringValue, let size = value["size"]?.intValue else {
        throw .invalidManifest(reason: "a descriptor lacks digest or size")
      }
      guard Digest.isValid(digest) else { throw .invalidManifest(reason: "unsupported digest \(digest)") }
      guard size >= 0 else { throw .invalidManifest(reason: "negative size") }
      return Descriptor(mediaType: value["mediaType"]?.stringValue ?? "", size: size, digest: digest)
    }
    config = try descriptor(json["config"])
    var layers: [Descriptor] = []
    for layer in json["layers"]?.arrayValue ?? [] { layers.append(try descriptor(layer)) }
    guard !layers.isEmpty else { throw .invalidManifest(reason: "no layers") }
    self.layers = layers
    var annotations: [String: String] = [:]
    for member in json["annotations"]?.objectValue ?? JSONObject() {
      if let text = member.value.stringValue { annotations[member.key] = text }
    }
    self.annotations = annotations
  }

  /// `rootfs.diff_ids[0]` of a config blob, when it has one.
  public static func diffID(ofConfig bytes: [UInt8]) -> String? {
    guard let json = try? JSON.parse(bytes) else { return nil }
    return json["rootfs"]?["diff_ids"]?[0]?.stringValue
  }
}
