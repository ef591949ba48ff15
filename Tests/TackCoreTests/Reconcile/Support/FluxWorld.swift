import TackCore
import TackJSON
import TackTestSupport
import Testing

/// The test API server with the Flux CRDs and the Flux controller double running on it, and tack's
/// live adapter talking to it: what the use-case tests reconcile, suspend and resume against.
struct FluxWorld {
  let fixture: ClusterFixture
  let flux: FluxControllerDouble
  let progress = RecordingProgress()

  var cluster: any Cluster { fixture.cluster }
  var server: APIServer { fixture.server }

  /// The timeout of a wait that is expected to succeed: only a hang reaches it. A full `swift test`
  /// on two loaded cores can keep this process's tasks from running for minutes, and a deadline on
  /// the wall clock keeps counting meanwhile.
  static let patience: Duration = .seconds(600)

  /// Creates the objects (as a user applies them: no status), lets the double reconcile them once
  /// (so they start Ready, like a running cluster), runs `body`, and stops the double whatever
  /// happens.
  static func with<T>(
    _ objects: [JSON], script: (FluxControllerDouble) async -> Void = { _ in },
    _ body: (FluxWorld) async throws -> T
  ) async throws -> T {
    try await ClusterFixture.with { fixture in
      for namespace in Set(objects.compactMap { $0[path: "metadata", "namespace"]?.stringValue }).sorted() {
        try fixture.store.ensureNamespace(namespace)
      }
      for object in objects { try fixture.store.create(object) }
      let flux = await FluxControllerDouble.start(on: fixture.server)
      let world = FluxWorld(fixture: fixture, flux: flux)
      do {
        // Suspended objects and OCI HelmRepositories (static) get no status.
        try await world.settle(
          count: objects.filter {
            $0[path: "spec", "suspend"]?.boolValue != true && $0[path: "spec", "type"]?.stringValue != "oci"
          }.count)
        await script(flux)
        let result = try await body(world)
        await flux.stop()
        return result
      } catch {
        await flux.stop()
        throw error
      }
    }
  }

  /// Waits until the double wrote at least `count` final statuses.
  func settle(count: Int) async throws {
    // Generous: the whole test bundle shares two cores when `swift test` runs everything.
    let deadline = ContinuousClock.now + .seconds(300)
    while await flux.writes.count < count {
      guard ContinuousClock.now < deadline else {
        Issue.record("the controller double did not settle: \(await flux.writes.count) of \(count) writes")
        return
      }
      try await Task.sleep(for: .milliseconds(5))
    }
  }

  /// The object as the server holds it, or nil.
  func object(_ kind: FluxKind, _ name: String, namespace: String = "flux-system") -> JSON? {
    try? fixture.stored(kind, name, namespace: namespace)
  }

  /// Merge patches of a kind that reached the server.
  func patches(_ kind: FluxKind) -> [RecordedRequest] {
    server.requests(method: "PATCH", path: "/apis/\(kind.group)/\(kind.version)/*/\(kind.plural)/*")
  }

  /// Watches of a kind in a namespace that reached the server: all of them, or (`collection`) only
  /// those following the whole collection rather than one object.
  func watches(_ kind: FluxKind, namespace: String = "flux-system", collection: Bool = false) -> [RecordedRequest] {
    fixture.watchRequests("/apis/\(kind.group)/\(kind.version)/namespaces/\(namespace)/\(kind.plural)")
      .filter { !collection || !$0.query.contains("fieldSelector") }
  }

  /// The GitRepository revision the double derives for `namespace/name`.
  static func gitRevision(_ name: String, namespace: String = "flux-system") -> String {
    "main@sha1:" + FluxStatusModel.hex(sha1: "\(namespace)/\(name)")
  }
}
