import Foundation

/// Debian's `docker-registry` (distribution 2.8) started for one test on 127.0.0.1: a free port,
/// TLS with a certificate from a throwaway CA, htpasswd (bcrypt, written by `htpasswd -B`) or
/// token auth, filesystem storage in a temporary directory. The packaged config and service are
/// never used. `stop()` ends it and removes everything.
///
/// ```swift
/// let registry = try await TestRegistry.start()
/// defer { registry.stop() }
/// // push to oci://\(registry.host)/fleet/app:v1 with --creds registry.creds --ca-file registry.caFile
/// ```
public final class TestRegistry: Sendable {
  public static let username = "tack"
  public static let password = "s3cret-registry-pass"

  public enum Auth: Sendable {
    case htpasswd
    /// Bearer tokens from `TestTokenServer`: realm, service, issuer and the signing certificate.
    case token(realm: String, service: String, issuer: String, rootCertificatePEM: String)
  }

  public let port: Int
  public let directory: TemporaryDirectory
  /// The CA that signed the registry's certificate, as a PEM file (`--ca-file`).
  public let caFile: String
  /// A directory holding `ca.crt`, for skopeo's `--cert-dir`.
  public let certDirectory: String
  private let process: BackgroundProcess

  /// `127.0.0.1:<port>`.
  public var host: String { "127.0.0.1:\(port)" }
  /// `user:password` for `--creds`.
  public var creds: String { "\(Self.username):\(Self.password)" }

  private init(port: Int, directory: TemporaryDirectory, caFile: String, certDirectory: String, process: BackgroundProcess) {
    self.port = port
    self.directory = directory
    self.caFile = caFile
    self.certDirectory = certDirectory
    self.process = process
  }

  /// - Parameter tls: false serves plain HTTP (the `--insecure-registry` fallback).
  public static func start(auth: Auth = .htpasswd, tls: Bool = true) async throws -> TestRegistry {
    guard let registry = Oracle.dockerRegistry.path else { throw Oracle.Missing(oracles: [.dockerRegistry]) }
    let directory = try TemporaryDirectory(prefix: "tack-registry")
    let ca = try CertificateAuthority(name: "tack-registry-ca")
    let server = try ca.issueServerCertificate(dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"])
    let certFile = try directory.write("tls.crt", contents: server.certificatePEM)
    let keyFile = try directory.write("tls.key", contents: server.privateKeyPEM, permissions: 0o600)
    let caFile = try directory.write("ca.crt", contents: ca.certificatePEM)
    try FileManager.default.createDirectory(atPath: directory.file("certs"), withIntermediateDirectories: true)
    _ = try directory.write("certs/ca.crt", contents: ca.certificatePEM)
    let authSection: String
    switch auth {
    case .htpasswd:
      guard let htpasswd = Oracle.htpasswd.path else { throw Oracle.Missing(oracles: [.htpasswd]) }
      let line = try await ProcessRunner.run(htpasswd, ["-Bbn", username, password])
      guard line.succeeded else { throw ProcessFailure(command: ["htpasswd"], result: line) }
      let file = try directory.write("htpasswd", contents: line.stdout)
      authSection = "auth:\n  htpasswd: {realm: tack-test, path: \(file)}\n"
    case .token(let realm, let service, let issuer, let rootCertificatePEM):
      let bundle = try directory.write("token-root.crt", contents: rootCertificatePEM)
      authSection = """
        auth:
          token: {realm: "\(realm)", service: "\(service)", issuer: "\(issuer)", rootcertbundle: \(bundle)}

        """
    }
    let port = try LoopbackPort.free()
    let config = try directory.write(
      "config.yml",
      contents: """
        version: 0.1
        log: {level: warn}
        storage:
          filesystem: {rootdirectory: \(directory.file("data"))}
          delete: {enabled: true}
        http:
          addr: 127.0.0.1:\(port)
          secret: \(UUID().uuidString)
        \(tls ? "  tls: {certificate: \(certFile), key: \(keyFile)}" : "")
        \(authSection)
        """)
    let process = try BackgroundProcess(registry, ["serve", config])
    do {
      try await LoopbackPort.waitUntilListening(port, timeout: .seconds(20))
    } catch {
      process.terminate()
      throw LoopbackPort.Failure(description: "docker-registry did not start: \(process.stderr)")
    }
    return TestRegistry(
      port: port, directory: directory, caFile: caFile, certDirectory: directory.file("certs"), process: process)
  }

  /// What the registry logged (for failure messages).
  public var log: String { process.stderr }

  public func stop() {
    process.terminate()
    directory.remove()
  }

  deinit { process.terminate() }
}
