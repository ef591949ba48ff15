import TackCore
import TackJSON
import TackKube
import TackTestSupport

/// The test API server on 127.0.0.1 with tack's live adapter (`KubeCluster` over TackKube, HTTPS)
/// talking to it: what the core use cases run against. There is no in-memory stand-in for the
/// cluster; tests seed the server and read it back through its in-process store.
///
/// ```swift
/// try await ClusterFixture.with(objects: GetFixtures.objects) { fixture in
///   let status = try await GetObjects(cluster: fixture.cluster, …).run(request)
///   let stored = try fixture.store.get(apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", …)
///   fixture.server.requests(method: "PATCH")   // what reached the server
/// }
/// ```
struct ClusterFixture {
  let test: TestCluster
  let cluster: KubeCluster

  var server: APIServer { test.server }
  var store: ObjectStore { test.store }

  /// Starts a server with the Flux and Flagger CRDs (`crds`, except those of `missing` kinds),
  /// stores `objects` as given (status included, namespaces created as needed), runs `body`, and
  /// stops the server whatever happens.
  static func with<T>(
    crds: Bool = true, objects: [JSON] = [], missing: Set<FluxKind> = [], _ body: (ClusterFixture) async throws -> T
  ) async throws -> T {
    let test = try await TestCluster.start()
    do {
      if crds { try install(test, missing: missing) }
      try seed(objects, into: test.store)
      let fixture = ClusterFixture(test: test, cluster: try connect(test))
      let result = try await body(fixture)
      await test.stop()
      return result
    } catch {
      await test.stop()
      throw error
    }
  }

  /// Another live adapter to the same server, e.g. with small list pages.
  func connect(pageSize: Int = 500) throws -> KubeCluster {
    try Self.connect(test, pageSize: pageSize)
  }

  static func connect(_ test: TestCluster, pageSize: Int = 500) throws -> KubeCluster {
    let loaded = try KubeConfigLoader(explicitPath: try test.writeKubeconfig(), environment: [:]).load()
    return KubeCluster(
      client: KubeClient(config: try ClientConfig.resolve(loaded, overrides: KubeConfigOverrides())), pageSize: pageSize)
  }

  /// The Flux and Flagger CRDs, less those serving `missing` kinds.
  static func install(_ test: TestCluster, missing: Set<FluxKind>) throws {
    let skipped = Set(missing.map(\.qualifiedResource))
    for crd in try TestCluster.crdDocuments(.all) {
      let name = crd[path: "metadata", "name"]?.stringValue ?? ""
      if skipped.contains(name) { continue }
      try test.store.create(crd, fieldManager: "tack-test-setup")
    }
  }

  /// Stores objects as fixtures are written (status, timestamps), creating their namespaces.
  static func seed(_ objects: [JSON], into store: ObjectStore) throws {
    let namespaces = Set(objects.compactMap { $0[path: "metadata", "namespace"]?.stringValue }).sorted()
    for namespace in namespaces { try store.ensureNamespace(namespace) }
    try store.seed(objects)
  }

  /// An object as the server holds it now.
  func stored(_ kind: FluxKind, _ name: String, namespace: String = "flux-system") throws -> JSON {
    try store.get(apiVersion: kind.apiVersion, kind: kind.kind, namespace: namespace, name: name)
  }

  /// Watch requests (`?watch=1`) that reached the server for a collection path.
  func watchRequests(_ path: String) -> [RecordedRequest] {
    server.requests(method: "GET", path: path).filter { $0.query.contains("watch=1") }
  }
}
