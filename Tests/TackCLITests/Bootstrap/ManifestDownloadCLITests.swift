import Foundation
import TackTestSupport
import Testing

/// Without `--manifests`, tack downloads the release's install.yaml (following the redirect to the
/// CDN), checks it against the release checksums, caches it, and works offline afterwards.
@Suite struct ManifestDownloadCLITests {
  @Test func downloadsVerifiesCachesThenWorksOffline() async throws {
    let bundle = Array(try String(contentsOfFile: BootstrapCLI.manifests + "/install.yaml", encoding: .utf8).utf8)
    let server = try await ManifestReleaseServer.start(releases: ["v2.9.4": ["install.yaml": bundle]])
    let home = try TemporaryDirectory(prefix: "tack-download-home")
    defer { home.remove() }
    var env = BootstrapCLI.environment(home: home.path)
    env["TACK_MANIFESTS_URL"] = server.baseURL
    env["TACK_MANIFESTS_CA_FILE"] = try home.write("ca.pem", contents: server.caPEM)

    let first = try await ProcessRunner.run(
      BootstrapCLI.tack, ["install", "--export", "--version", "v2.9.4"], environment: env, inheritEnvironment: false)
    #expect(first.exitCode == 0, "\(first)")
    #expect(first.stdout == (try String(contentsOfFile: BootstrapCLI.manifests + "/default-components.yaml", encoding: .utf8)))
    #expect(first.stderr == "✔ downloaded Flux v2.9.4 manifests from \(server.baseURL)/v2.9.4/install.yaml (checksum verified)\n")
    #expect(server.requests == [
      "/download/v2.9.4/install.yaml", "/cdn/v2.9.4/install.yaml",
      "/download/v2.9.4/flux_2.9.4_checksums.txt", "/cdn/v2.9.4/flux_2.9.4_checksums.txt",
    ])
    #expect(FileManager.default.fileExists(atPath: home.path + "/.cache/tack/manifests/v2.9.4/install.yaml"))

    await server.stop()
    let offline = try await ProcessRunner.run(
      BootstrapCLI.tack, ["install", "--export", "--version", "v2.9.4"], environment: env, inheritEnvironment: false)
    #expect(offline.exitCode == 0, "\(offline)")
    #expect(offline.stderr.isEmpty)
    #expect(offline.stdout == first.stdout)
  }

  @Test func aTamperedOrUntrustedOrUnknownReleaseIsRefused() async throws {
    let bundle = Array(try String(contentsOfFile: BootstrapCLI.manifests + "/install.yaml", encoding: .utf8).utf8)
    let server = try await ManifestReleaseServer.start(releases: ["v2.9.4": ["install.yaml": bundle]], tamperedChecksums: true)
    let home = try TemporaryDirectory(prefix: "tack-download-home")
    var env = BootstrapCLI.environment(home: home.path)
    env["TACK_MANIFESTS_CA_FILE"] = try home.write("ca.pem", contents: server.caPEM)
    env["TACK_MANIFESTS_URL"] = server.baseURL
    func export(_ version: String) async throws -> ProcessResult {
      try await ProcessRunner.run(
        BootstrapCLI.tack, ["install", "--export", "--version", version], environment: env, inheritEnvironment: false)
    }

    let tampered = try await export("v2.9.4")
    #expect(tampered.exitCode == 1, "\(tampered)")
    #expect(tampered.stderr.contains("do not match the release checksum"), "\(tampered)")
    #expect(tampered.stdout.isEmpty)

    let unknown = try await export("v2.9.3")
    #expect(unknown.exitCode == 1, "\(unknown)")
    #expect(unknown.stderr.contains("HTTP 404 (is v2.9.3 a Flux release?)"), "\(unknown)")

    // An untrusted server certificate is a TLS error, not a download.
    env["TACK_MANIFESTS_CA_FILE"] = nil
    let untrusted = try await export("v2.9.4")
    #expect(untrusted.exitCode == 1, "\(untrusted)")
    #expect(untrusted.stdout.isEmpty)

    #expect(!FileManager.default.fileExists(atPath: home.path + "/.cache/tack/manifests/v2.9.4/install.yaml"))
    await server.stop()
    home.remove()
  }

  /// A release whose checksums file does not list install.yaml (or that has none) is refused; the
  /// explicit flag takes it, saying so loudly, and does not cache it.
  @Test func anUnlistedBundleIsRefusedUnlessTheFlagSaysOtherwise() async throws {
    let bundle = Array(try String(contentsOfFile: BootstrapCLI.manifests + "/install.yaml", encoding: .utf8).utf8)
    let server = try await ManifestReleaseServer.start(
      releases: ["v2.9.4": ["install.yaml": bundle, "manifests.tar.gz": [1, 2, 3]]], unlisted: ["install.yaml"])
    let home = try TemporaryDirectory(prefix: "tack-download-home")
    var env = BootstrapCLI.environment(home: home.path)
    env["TACK_MANIFESTS_CA_FILE"] = try home.write("ca.pem", contents: server.caPEM)
    env["TACK_MANIFESTS_URL"] = server.baseURL
    func export(_ extra: [String] = []) async -> TackResult {
      await InProcessTack.run(["install", "--export", "--version", "v2.9.4"] + extra, exactEnvironment: env)
    }

    let refused = await export()
    #expect(refused.exitCode == 1, "\(refused)")
    #expect(refused.stderr.contains("✗ cannot verify the Flux v2.9.4 manifests: flux_2.9.4_checksums.txt lists no checksum for install.yaml; pass --insecure-skip-checksum"), "\(refused)")
    #expect(refused.stdout.isEmpty)

    let skipped = await export(["--insecure-skip-checksum"])
    #expect(skipped.exitCode == 0, "\(skipped)")
    #expect(skipped.stderr == "⚠️ downloaded Flux v2.9.4 manifests from \(server.baseURL)/v2.9.4/install.yaml WITHOUT verifying their checksum (--insecure-skip-checksum)\n", "\(skipped)")
    #expect(!FileManager.default.fileExists(atPath: home.path + "/.cache/tack/manifests/v2.9.4/install.yaml"))
    await server.stop()
    home.remove()
  }
}
