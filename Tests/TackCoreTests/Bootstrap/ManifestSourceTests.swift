#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import Crypto
import Synchronization
import TackHTTP
import TackKube
import Testing
@testable import TackCore

/// Serves fixed answers per URL and counts requests.
final class FakeFetcher: HTTPFetching {
  let answers: Mutex<[String: HTTPFetchResponse]>
  let requests = Mutex<[String]>([])
  init(_ answers: [String: HTTPFetchResponse]) { self.answers = Mutex(answers) }
  func get(_ url: String, options: HTTPFetchOptions) async throws -> HTTPFetchResponse {
    requests.withLock { $0.append(url) }
    return answers.withLock { $0[url] } ?? HTTPFetchResponse(status: 404, body: Array("Not Found".utf8))
  }
  var requestCount: Int { requests.withLock { $0.count } }
}

@Suite struct ManifestSourceTests {
  let bundle = Array(BootstrapTestPaths.read(BootstrapTestPaths.manifests + "/install.yaml").utf8)
  let base = "https://mirror.test/releases"

  func checksums(for body: [UInt8]) -> HTTPFetchResponse {
    let digest = SHA256.hash(data: body).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    return HTTPFetchResponse(
      status: 200, body: Array("0000 flux_2.9.4_linux_amd64.tar.gz\n\(digest)  install.yaml\n".utf8))
  }

  @Test func downloadsVerifiesCachesAndThenWorksOffline() async throws {
    let cache = try BootstrapTestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let fetcher = FakeFetcher([
      "\(base)/v2.9.4/install.yaml": HTTPFetchResponse(status: 200, body: bundle),
      "\(base)/v2.9.4/flux_2.9.4_checksums.txt": checksums(for: bundle),
    ])
    let source = ManifestSource(baseURL: base + "/", cacheDirectory: cache, fetcher: fetcher)
    let (first, origin) = try await source.load(version: "v2.9.4")
    #expect(origin == .downloaded(url: "\(base)/v2.9.4/install.yaml", verifiedChecksum: true))
    #expect(first.entries.count == 39)
    #expect(FileManager.default.fileExists(atPath: cache + "/v2.9.4/install.yaml"))

    // Offline now: the fetcher would fail every request.
    let offline = ManifestSource(baseURL: base, cacheDirectory: cache, fetcher: FakeFetcher([:]))
    let (second, secondOrigin) = try await offline.load(version: "v2.9.4")
    #expect(secondOrigin == .cache(cache + "/v2.9.4/install.yaml"))
    #expect(second.entries.count == 39)
  }

  @Test func aChecksumMismatchIsRefusedAndNothingIsCached() async throws {
    let cache = try BootstrapTestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let fetcher = FakeFetcher([
      "\(base)/v2.9.4/install.yaml": HTTPFetchResponse(status: 200, body: bundle),
      "\(base)/v2.9.4/flux_2.9.4_checksums.txt": checksums(for: Array("tampered".utf8)),
    ])
    let source = ManifestSource(baseURL: base, cacheDirectory: cache, fetcher: fetcher)
    await #expect(throws: ManifestError.self) { try await source.load(version: "v2.9.4") }
    #expect(!FileManager.default.fileExists(atPath: cache + "/v2.9.4/install.yaml"))
  }

  @Test func withoutAChecksumFileOrEntryTheBundleIsRefused() async throws {
    let cache = try BootstrapTestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let noFile = ManifestSource(
      baseURL: base, cacheDirectory: cache,
      fetcher: FakeFetcher(["\(base)/v2.9.4/install.yaml": HTTPFetchResponse(status: 200, body: bundle)]))
    await #expect {
      try await noFile.load(version: "v2.9.4")
    } throws: { error in
      "\(error)".contains("flux_2.9.4_checksums.txt answered HTTP 404") && "\(error)".contains("--insecure-skip-checksum")
    }
    #expect(!FileManager.default.fileExists(atPath: cache + "/v2.9.4/install.yaml"))

    let noEntry = ManifestSource(
      baseURL: base, cacheDirectory: cache,
      fetcher: FakeFetcher([
        "\(base)/v2.9.4/install.yaml": HTTPFetchResponse(status: 200, body: bundle),
        "\(base)/v2.9.4/flux_2.9.4_checksums.txt": HTTPFetchResponse(
          status: 200, body: Array("0000  flux_2.9.4_linux_amd64.tar.gz\n".utf8)),
      ]))
    await #expect {
      try await noEntry.load(version: "v2.9.4")
    } throws: { error in
      "\(error)".contains("flux_2.9.4_checksums.txt lists no checksum for install.yaml")
    }
    #expect(!FileManager.default.fileExists(atPath: cache + "/v2.9.4/install.yaml"))

    // The explicit flag takes the bundle once, unverified, and does not cache it.
    let (_, origin) = try await noFile.load(version: "v2.9.4", skipChecksum: true)
    #expect(origin == .downloaded(url: "\(base)/v2.9.4/install.yaml", verifiedChecksum: false))
    #expect(!FileManager.default.fileExists(atPath: cache + "/v2.9.4/install.yaml"))

    // A mismatch is refused even with the flag.
    let tampered = ManifestSource(
      baseURL: base, cacheDirectory: cache,
      fetcher: FakeFetcher([
        "\(base)/v2.9.4/install.yaml": HTTPFetchResponse(status: 200, body: bundle + Array("# evil\n".utf8)),
        "\(base)/v2.9.4/flux_2.9.4_checksums.txt": checksums(for: bundle),
      ]))
    await #expect(throws: ManifestError.self) { try await tampered.load(version: "v2.9.4") }

    let garbage = ManifestSource(
      baseURL: base, cacheDirectory: cache,
      fetcher: FakeFetcher(["\(base)/v2.9.3/install.yaml": HTTPFetchResponse(status: 200, body: Array("<html>".utf8))]))
    await #expect(throws: ManifestError.self) { try await garbage.load(version: "v2.9.3", skipChecksum: true) }
    #expect(!FileManager.default.fileExists(atPath: cache + "/v2.9.3/install.yaml"))
  }

  @Test func aCachedBundleIsCheckedAgainstItsStoredChecksum() async throws {
    let cache = try BootstrapTestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let fetcher = FakeFetcher([
      "\(base)/v2.9.4/install.yaml": HTTPFetchResponse(status: 200, body: bundle),
      "\(base)/v2.9.4/flux_2.9.4_checksums.txt": checksums(for: bundle),
    ])
    let source = ManifestSource(baseURL: base, cacheDirectory: cache, fetcher: fetcher)
    _ = try await source.load(version: "v2.9.4")
    let cached = cache + "/v2.9.4/install.yaml"
    #expect(FileManager.default.fileExists(atPath: cached + ".sha256"))

    // Someone edits the cached bundle: refused, naming the file, not silently re-downloaded.
    try Data((String(decoding: bundle, as: UTF8.self) + "---\nkind: Evil\n").utf8).write(to: URL(fileURLWithPath: cached))
    let offline = ManifestSource(baseURL: base, cacheDirectory: cache, fetcher: FakeFetcher([:]))
    await #expect {
      try await offline.load(version: "v2.9.4")
    } throws: { error in
      "\(error)".contains("\(cached) do not match the checksum stored with them")
    }

    // A bundle cached without a stored checksum (an older tack) is downloaded and verified again.
    try FileManager.default.removeItem(atPath: cached + ".sha256")
    let before = fetcher.requestCount
    let (_, origin) = try await source.load(version: "v2.9.4")
    #expect(origin == .downloaded(url: "\(base)/v2.9.4/install.yaml", verifiedChecksum: true))
    #expect(fetcher.requestCount == before + 2)
  }

  @Test func theCacheIsPrivateToTheUser() async throws {
    let home = try BootstrapTestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let cache = ManifestSource.cacheDirectory(environment: ["HOME": home])
    // A cache directory left open to everyone (umask 000, a shared machine): tightened, not used as is.
    try FileManager.default.createDirectory(
      atPath: home + "/.cache/tack", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
    let fetcher = FakeFetcher([
      "\(base)/v2.9.4/install.yaml": HTTPFetchResponse(status: 200, body: bundle),
      "\(base)/v2.9.4/flux_2.9.4_checksums.txt": checksums(for: bundle),
    ])
    _ = try await ManifestSource(baseURL: base, cacheDirectory: cache, fetcher: fetcher).load(version: "v2.9.4")
    for directory in [home + "/.cache/tack", cache, cache + "/v2.9.4"] {
      let mode = try #require(try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int)
      #expect(mode == 0o700, "\(directory): \(String(mode, radix: 8))")
    }

    // A cache directory that is a link (to a place others control) is refused.
    let elsewhere = try BootstrapTestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: elsewhere) }
    try FileManager.default.removeItem(atPath: cache)
    try FileManager.default.createSymbolicLink(atPath: cache, withDestinationPath: elsewhere)
    await #expect {
      try await ManifestSource(baseURL: base, cacheDirectory: cache, fetcher: fetcher).load(version: "v2.9.4")
    } throws: { error in
      "\(error)".contains("\(cache) is not a directory")
    }
  }

  @Test func anUnknownVersionSaysSo() async throws {
    let cache = try BootstrapTestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let source = ManifestSource(baseURL: base, cacheDirectory: cache, fetcher: FakeFetcher([:]))
    do {
      _ = try await source.load(version: "v9.9.9")
      Issue.record("expected an error")
    } catch let error as ManifestError {
      #expect(error.description.contains("HTTP 404"))
      #expect(error.description.contains("is v9.9.9 a Flux release?"))
    }
  }

  @Test(arguments: ["2.9.4", "latest", "v2.9", "v2.9.4/../x", "v2.x.4", ""])
  func rejectsMalformedVersions(_ version: String) {
    #expect(throws: ManifestError.self) { try ManifestSource.validate(version: version) }
  }

  @Test(arguments: ["v2.9.4", "v2.10.0-rc.1"])
  func acceptsReleaseTags(_ version: String) throws {
    try ManifestSource.validate(version: version)
  }

  @Test func cacheDirectoryFollowsXDG() {
    #expect(ManifestSource.cacheDirectory(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]) == "/c/tack/manifests")
    #expect(ManifestSource.cacheDirectory(environment: ["HOME": "/h"]) == "/h/.cache/tack/manifests")
  }
}
