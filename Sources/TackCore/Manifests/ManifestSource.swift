#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import Crypto
import TackBase
import TackHTTP
import TackKube

/// Where the component bundle comes from: a local `--manifests` directory, or Flux's release
/// artifact for `--version`, downloaded once into a cache and read from there afterwards (offline).
///
/// Download: `<base>/<version>/install.yaml` (base `https://github.com/fluxcd/flux2/releases/download`,
/// overridable with `TACK_MANIFESTS_URL`), checked against the release's
/// `flux_<version without v>_checksums.txt` (a missing file or entry refuses the bundle), and parsed
/// before it is cached. The cache is `$XDG_CACHE_HOME/tack/manifests/<version>/install.yaml` (else
/// `~/.cache/tack/…`), private to the user (0700), with the bundle's SHA-256 stored next to it.
public struct ManifestSource: Sendable {
  /// The newest Flux release tack was tested with.
  public static let defaultVersion = "v2.9.4"
  public static let defaultBaseURL = "https://github.com/fluxcd/flux2/releases/download"
  public static let bundleFileName = "install.yaml"

  public var baseURL: String
  public var cacheDirectory: String
  public var caFile: String?
  public var fetcher: any HTTPFetching

  public init(baseURL: String, cacheDirectory: String, caFile: String? = nil, fetcher: any HTTPFetching) {
    self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    self.cacheDirectory = cacheDirectory
    self.caFile = caFile
    self.fetcher = fetcher
  }

  /// From the environment: `TACK_MANIFESTS_URL`, `TACK_MANIFESTS_CA_FILE`, `XDG_CACHE_HOME`, `HOME`.
  public init(environment: [String: String], fetcher: any HTTPFetching) {
    let base = environment["TACK_MANIFESTS_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultBaseURL
    self.init(
      baseURL: base, cacheDirectory: Self.cacheDirectory(environment: environment),
      caFile: environment["TACK_MANIFESTS_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 }, fetcher: fetcher)
  }

  public static func cacheDirectory(environment: [String: String]) -> String {
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/tack/manifests" }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    return home + "/.cache/tack/manifests"
  }

  /// What happened while loading, for the progress lines.
  public enum Origin: Sendable, Equatable {
    case directory(String)
    case cache(String)
    case downloaded(url: String, verifiedChecksum: Bool)
  }

  /// `v`-prefixed release versions only (`v2.9.4`, `v2.10.0-rc.1`), as flux requires.
  public static func validate(version: String) throws(ManifestError) {
    let body = version.dropFirst()
    let core = body.split(separator: "-", maxSplits: 1).first ?? ""
    let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
    guard version.hasPrefix("v"), numbers.count == 3,
      numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      !version.contains("/"), !version.contains("..")
    else {
      throw ManifestError(
        .invalidVersion,
        "--version \"\(version)\" is not a Flux release tag: use the form v2.9.4 (default \(defaultVersion))")
    }
  }

  /// The bundle for `version`, from the cache or downloaded into it.
  ///
  /// Fails closed: a download is used only when the release's checksums file lists the bundle
  /// with the same SHA-256, unless `skipChecksum` (`--insecure-skip-checksum`) says otherwise. A
  /// cached bundle is used only when it still matches the checksum stored next to it.
  public func load(version: String, skipChecksum: Bool = false) async throws -> (ComponentBundle, Origin) {
    try Self.validate(version: version)
    let directory = cacheDirectory + "/" + version
    let cached = directory + "/" + Self.bundleFileName
    let cachedDigest = cached + Self.digestSuffix
    try ManifestCache.ensurePrivate(cacheDirectory, below: Self.cacheRoot(of: cacheDirectory))
    if let bundle = try loadCached(cached, digestFile: cachedDigest, version: version) {
      return (bundle, .cache(cached))
    }
    let url = "\(baseURL)/\(version)/\(Self.bundleFileName)"
    let options = HTTPFetchOptions(caFile: caFile)
    let response: HTTPFetchResponse
    do {
      response = try await fetcher.get(url, options: options)
    } catch let error as ManifestError {
      throw error
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      throw ManifestError(.download, "downloading the Flux \(version) manifests from \(url) failed: \(error)")
    }
    guard response.status == 200 else {
      let hint = response.status == 404 ? " (is \(version) a Flux release?)" : ""
      throw ManifestError(
        .download, "downloading the Flux \(version) manifests from \(url) failed: HTTP \(response.status)\(hint)")
    }
    let digest = Self.sha256(response.body)
    let verified: Bool
    if skipChecksum {
      verified = false
    } else {
      try await verifyChecksum(digest, version: version, options: options)
      verified = true
    }
    let text = String(decoding: response.body, as: UTF8.self)
    let bundle: ComponentBundle
    do {
      bundle = try ComponentBundle(text: text, source: url)
    } catch {
      throw ManifestError(.download, "the download from \(url) is not a Flux components bundle: \(error.message)")
    }
    // An unverified bundle is used once and never cached, so a later run without the flag
    // cannot take it for a checked one.
    guard verified else { return (bundle, .downloaded(url: url, verifiedChecksum: false)) }
    try ManifestCache.ensurePrivate(directory, below: Self.cacheRoot(of: cacheDirectory))
    // The digest first: a bundle without its digest is never trusted, so an interruption between
    // the two writes costs a download, not a check.
    try Self.writeAtomically(Array("\(digest)  \(Self.bundleFileName)\n".utf8), to: cachedDigest)
    try Self.writeAtomically(response.body, to: cached)
    return (bundle, .downloaded(url: url, verifiedChecksum: true))
  }

  /// Where the stored checksum of a cached bundle lives: `install.yaml.sha256`.
  static let digestSuffix = ".sha256"

  /// The cache directory tack owns: `…/tack` above `…/tack/manifests`, else the cache directory.
  static func cacheRoot(of cacheDirectory: String) -> String {
    cacheDirectory.hasSuffix("/tack/manifests") ? String(cacheDirectory.dropLast("/manifests".count)) : cacheDirectory
  }

  /// The cached bundle when it matches its stored checksum; nil when there is none (or it predates
  /// stored checksums, and is downloaded again). A mismatch is an error: someone changed the file.
  func loadCached(_ path: String, digestFile: String, version: String) throws -> ComponentBundle? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let stored = FileManager.default.contents(atPath: digestFile) else { return nil }
    let expected = String(decoding: stored, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    guard Self.sha256(Array(data)) == expected.lowercased() else {
      throw ManifestError(
        .invalidBundle,
        "the cached Flux \(version) manifests in \(path) do not match the checksum stored with them; remove \(path) to download them again")
    }
    return try? ComponentBundle(text: String(decoding: data, as: UTF8.self), source: path)
  }

  /// Checks the bundle's digest against the release's checksums file; a missing file or entry is
  /// as fatal as a mismatch (only `--insecure-skip-checksum` accepts an unverified bundle).
  func verifyChecksum(_ digest: String, version: String, options: HTTPFetchOptions) async throws {
    let name = "flux_\(version.dropFirst())_checksums.txt"
    let url = "\(baseURL)/\(version)/\(name)"
    let skip = "pass --insecure-skip-checksum to use an unverified bundle"
    let response: HTTPFetchResponse
    do {
      response = try await fetcher.get(url, options: options)
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      throw ManifestError(
        .download, "cannot verify the Flux \(version) manifests: downloading \(url) failed: \(error); \(skip)")
    }
    guard response.status == 200 else {
      throw ManifestError(
        .download, "cannot verify the Flux \(version) manifests: \(url) answered HTTP \(response.status); \(skip)")
    }
    for line in response.text.split(whereSeparator: \.isNewline) {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count == 2, fields[1] == Self.bundleFileName || fields[1] == "*" + Self.bundleFileName else {
        continue
      }
      guard fields[0].lowercased() == digest else {
        throw ManifestError(
          .download,
          "the Flux \(version) manifests downloaded from \(baseURL) do not match the release checksum in \(name); not using them")
      }
      return
    }
    throw ManifestError(
      .download, "cannot verify the Flux \(version) manifests: \(name) lists no checksum for \(Self.bundleFileName); \(skip)")
  }

  static func sha256(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { byte in
      let hex = String(byte, radix: 16)
      return hex.count == 1 ? "0" + hex : hex
    }.joined()
  }

  /// Writes through a temporary file and a rename, so an interrupted download never leaves a
  /// half-written bundle in the cache.
  static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ManifestError) {
    do {
      try AtomicFile.write(bytes, to: path, permissions: .umasked(0o666), durable: false, createDirectories: true)
    } catch {
      throw ManifestError(.download, "cannot write the manifests cache \(path): \(error)")
    }
  }
}
