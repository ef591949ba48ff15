#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Crypto
import TackBase

/// `pull artifact`: the manifest, then layer 0 streamed through digest check, gunzip and untar
/// into a staging directory that is moved into `output` only when everything verified.
public struct ArtifactPull: Sendable {
  public var reference: OCIReference
  public var output: String

  public init(reference: OCIReference, output: String) throws(OCIError) {
    guard !output.isEmpty else { throw .invalidPath(output, reason: "output path cannot be empty") }
    var info = stat()
    guard stat(output, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
      throw .invalidPath(output, reason: "not an existing directory")
    }
    self.reference = reference
    self.output = output
  }

  public struct Result: Sendable, Equatable {
    public var source: String?
    public var revision: String?
    public var digest: String
  }

  public func run(client: RegistryClient) async throws -> Result {
    let fetched = try await client.manifest(reference.reference)
    let manifest = try ArtifactManifest(parsing: fetched.bytes)
    let layer = manifest.layers[0]
    let extraction = try ArtifactExtraction(output: output)
    var first = true
    try await client.downloadBlob(layer.digest) { chunk in
      if first, !chunk.isEmpty {
        first = false
        guard chunk.count < 2 || (chunk[0] == 0x1f && chunk[1] == 0x8b) else {
          throw OCIError.invalidManifest(reason: "layer 0 is not a gzip tarball (\(layer.mediaType))")
        }
      }
      try extraction.write(chunk)
    }
    try extraction.commit()
    return Result(
      source: manifest.annotations[ArtifactManifest.sourceAnnotation],
      revision: manifest.annotations[ArtifactManifest.revisionAnnotation], digest: fetched.digest)
  }
}

/// `tag artifact`: the source manifest's exact bytes stored under each new tag.
public struct ArtifactTag: Sendable {
  public var reference: OCIReference
  public var tags: [String]

  public init(reference: OCIReference, tags: [String]) throws(OCIError) {
    guard !tags.isEmpty else { throw .invalidReference("oci://\(reference)", reason: "--tag is required") }
    for tag in tags where !OCIReference.isValidTag(tag) {
      throw .invalidReference(tag, reason: "not a valid tag")
    }
    self.reference = reference
    self.tags = tags
  }

  /// Tags one at a time, calling `tagged` after each.
  public func run(client: RegistryClient, tagged: (OCIReference) -> Void) async throws {
    let manifest = try await client.manifest(reference.reference)
    for tag in tags {
      try await client.putManifest(manifest.bytes, mediaType: manifest.mediaType, reference: tag)
      tagged(OCIReference(registry: reference.registry, repository: reference.repository, tag: tag))
    }
  }
}

/// `list artifacts`: tags (all pages) without signature/attestation/SBOM tags, filtered, sorted
/// descending, each with its digest and source annotations.
public struct ArtifactList: Sendable {
  public struct Row: Sendable, Equatable {
    public var artifact: String
    public var digest: String
    public var source: String
    public var revision: String
  }

  public var reference: OCIReference
  public var regex: String?
  public var semver: SemverConstraint?

  public init(reference: OCIReference, regex: String? = nil, semver: String? = nil) throws(OCIError) {
    self.reference = reference
    if let regex {
      guard (try? Regex(regex)) != nil else { throw .invalidReference(regex, reason: "--filter-regex is not a valid regular expression") }
    }
    self.regex = regex
    self.semver = try semver.map { text throws(OCIError) in
      guard let constraint = SemverConstraint(text) else {
        throw .invalidReference(text, reason: "--filter-semver is not a valid semver constraint")
      }
      return constraint
    }
  }

  public func filter(_ tags: [String]) -> [String] {
    var kept = tags.filter { !$0.hasSuffix(".sig") && !$0.hasSuffix(".att") && !$0.hasSuffix(".sbom") }
    if let semver { kept = kept.filter { Semver($0).map(semver.matches) ?? false } }
    if let regex, let compiled = try? Regex(regex) { kept = kept.filter { $0.contains(compiled) } }
    return kept.sorted { $0 > $1 }
  }

  public func run(client: RegistryClient) async throws -> [Row] {
    var rows: [Row] = []
    for tag in filter(try await client.tags()) {
      let fetched = try await client.manifest(tag)
      let manifest = try? ArtifactManifest(parsing: fetched.bytes)
      rows.append(
        Row(
          artifact: "\(reference.name):\(tag)", digest: fetched.digest,
          source: manifest?.annotations[ArtifactManifest.sourceAnnotation] ?? "",
          revision: manifest?.annotations[ArtifactManifest.revisionAnnotation] ?? ""))
    }
    return rows
  }
}

/// `diff artifact`: compares contents, not gzip bytes. The local tree's tar digest against the
/// config's `diff_ids` first (no download); when they differ or the config has none, the layer is
/// downloaded and both tars are compared entry by entry.
public struct ArtifactDiff: Sendable {
  public var reference: OCIReference
  public var path: String
  public var ignorePaths: [String]

  public init(reference: OCIReference, path: String, ignorePaths: [String]) {
    self.reference = reference
    self.path = path
    self.ignorePaths = ignorePaths
  }

  /// Changed paths (`+ new`, `- gone`, `~ changed`), empty when the contents are the same.
  public func run(client: RegistryClient) async throws -> [String] {
    let tarball = try ArtifactTarball(path: path, ignorePaths: ignorePaths)
    var local = TarContents()
    var localHash = SHA256()
    try tarball.write { chunk in
      localHash.update(data: chunk)
      try local.feed(chunk)
    }
    let fetched = try await client.manifest(reference.reference)
    let manifest = try ArtifactManifest(parsing: fetched.bytes)
    var config: [UInt8] = []
    if manifest.config.size <= 1 << 20 {
      try await client.downloadBlob(manifest.config.digest) { config += $0 }
    }
    if let diffID = ArtifactManifest.diffID(ofConfig: config), diffID == Digest.string(localHash.finalize()) { return [] }
    var remote = TarContents()
    let decoder = try GzipDecoder { try remote.feed($0) }
    try await client.downloadBlob(manifest.layers[0].digest) { try decoder.write($0) }
    try decoder.finish()
    return local.changes(comparedTo: remote)
  }
}
