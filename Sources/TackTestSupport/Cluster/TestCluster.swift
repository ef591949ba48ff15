import Foundation
import Synchronization
import TackJSON

/// The fixture every tack test that needs Kubernetes uses: an ``APIServer`` on 127.0.0.1 with its
/// own CA, a temp directory for kubeconfigs and certificates, and helpers to install the real Flux
/// and Flagger CRDs.
///
/// ```swift
/// try await withTestCluster { cluster in
///   try cluster.installCRDs(.flux)                       // Established, served at once
///   let kubeconfig = try cluster.writeKubeconfig()       // admin client certificate
///   let viewer = try cluster.writeKubeconfig(user: .token("t0ken", user: "viewer"))
///   cluster.server.deny(AccessRule(user: "viewer", verbs: ["delete"]))
///   try cluster.store.create(gitRepository)               // in-process API, same rules as HTTP
///   cluster.server.inject(Fault(.status(429, retryAfter: 1), method: "GET", times: 1))
///   cluster.server.proxy.register(namespace: "test", service: "loadtester") { _ in .text("ok") }
///   // run kubectl / tack with KUBECONFIG=kubeconfig …
/// }
/// ```
///
/// Or, when one server is shared across tests: `let cluster = try await TestCluster.start()` and
/// `await cluster.stop()` when done. Other kubeconfig shapes: `.clientCert(cn:groups:embedded:)`,
/// `.tokenFile`, `.basic(username:password:)`, `.exec(command:args:env:)`, `.anonymous`, with
/// `trust: .caFile | .untrustedCA | .insecureSkipTLSVerify | .systemRoots`, and several contexts
/// via ``writeKubeconfig(contexts:trust:currentContext:fileName:)``.
public final class TestCluster: Sendable {
  public let server: APIServer
  /// Holds the kubeconfigs, certificates and token files this cluster writes.
  public let directory: TemporaryDirectory
  private let admin = Mutex<IssuedCertificate?>(nil)

  /// The in-process API (same code paths as HTTP).
  public var store: ObjectStore { server.store }
  /// `https://127.0.0.1:<port>`
  public var url: String { server.url }
  public var caPEM: String { server.caPEM }

  init(server: APIServer, directory: TemporaryDirectory) {
    self.server = server
    self.directory = directory
  }

  public static func start(_ configuration: APIServer.Configuration = APIServer.Configuration()) async throws -> TestCluster {
    let directory = try TemporaryDirectory(prefix: "tack-cluster")
    do {
      return TestCluster(server: try await APIServer.start(configuration), directory: directory)
    } catch {
      directory.remove()
      throw error
    }
  }

  /// Stops the server and removes the temp directory.
  public func stop() async {
    await server.stop()
    directory.remove()
  }

  func adminCertificate() throws -> IssuedCertificate {
    if let issued = admin.withLock({ $0 }) { return issued }
    let issued = try server.issueClientCertificate(user: "admin", groups: ["system:masters"])
    admin.withLock { $0 = issued }
    return issued
  }

  // MARK: CRDs

  /// Which CRDs to install.
  public enum CRDSource: Sendable {
    /// Every Flux CRD from `../shared/crds/flux`.
    case flux
    /// The Flagger CRDs (`Canary`, `MetricTemplate`, `AlertProvider`).
    case flagger
    /// Flux and Flagger.
    case all
    /// Every `*.yaml`/`*.yml` file in a directory (multi-document YAML allowed).
    case directory(String)
    /// One YAML file.
    case file(String)
  }

  /// The CRD documents of a source, parsed.
  public static func crdDocuments(_ source: CRDSource) throws -> [JSON] {
    switch source {
    case .flux: try sharedFluxCRDs.get()
    case .flagger: try sharedFlaggerCRDs.get()
    case .all: try sharedFluxCRDs.get() + sharedFlaggerCRDs.get()
    case .directory(let directory): try parseCRDs(in: directory)
    case .file(let path): try parseCRDs(at: [path])
    }
  }

  // The shared CRDs are parsed once per process: nearly every test starts a cluster, and parsing
  // 400 KB of YAML in a debug build is seconds of CPU that every other test waits behind.
  private static let sharedFluxCRDs = Result { try parseCRDs(in: ProjectPaths.shared("crds/flux")) }
  private static let sharedFlaggerCRDs = Result { try parseCRDs(in: ProjectPaths.shared("crds/flagger")) }

  private static func parseCRDs(in directory: String) throws -> [JSON] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    return try parseCRDs(at: names.map { "\(directory)/\($0)" })
  }

  private static func parseCRDs(at paths: [String]) throws -> [JSON] {
    var documents: [JSON] = []
    for path in paths {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      documents += try JSON.parseYAMLDocuments(text).filter { $0["kind"]?.stringValue == "CustomResourceDefinition" }
    }
    return documents
  }

  /// Installs CRDs through the in-process API (same validation as `kubectl apply`); CRDs that
  /// already exist are left alone. They are Established (and served) when this returns.
  @discardableResult
  public func installCRDs(_ source: CRDSource) throws -> [String] {
    try Self.install(crds: try Self.crdDocuments(source), into: store)
  }

  static func install(crds: [JSON], into store: ObjectStore) throws -> [String] {
    var names: [String] = []
    for crd in crds {
      let result = Result { () throws(APIError) -> JSON in try store.create(crd, fieldManager: "tack-test-setup") }
      if case .failure(let error) = result, error.code != 409 { throw error }
      names.append(crd[path: "metadata", "name"]?.stringValue ?? "")
    }
    return names
  }
}

/// Starts a ``TestCluster``, runs `body`, and stops the cluster (also when `body` throws).
public func withTestCluster<T: Sendable>(
  _ configuration: APIServer.Configuration = APIServer.Configuration(),
  _ body: (TestCluster) async throws -> T
) async throws -> T {
  let cluster = try await TestCluster.start(configuration)
  do {
    let result = try await body(cluster)
    await cluster.stop()
    return result
  } catch {
    await cluster.stop()
    throw error
  }
}
