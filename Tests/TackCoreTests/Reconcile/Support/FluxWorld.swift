import TackCore
import TackJSON
import TackTestSupport
import Testing

/// An in-memory cluster with the Flux controller double running on it: what the use-case tests
/// reconcile, suspend and resume against.
struct FluxWorld {
  let cluster: InMemoryFluxCluster
  let flux: FluxControllerDouble
  let progress = RecordingProgress()

  var client: InMemoryFluxClient { InMemoryFluxClient(cluster: cluster) }

  /// The timeout of a wait that is expected to succeed: only a hang reaches it. A full `swift test`
  /// on two loaded cores can keep this process's tasks from running for minutes, and a deadline on
  /// the wall clock keeps counting meanwhile.
  static let patience: Duration = .seconds(600)

  /// Seeds the objects, lets the double reconcile them once (so they start Ready, like a running
  /// cluster), runs `body`, and stops the double whatever happens.
  static func with<T>(
    _ objects: [JSON], script: (FluxControllerDouble) async -> Void = { _ in },
    _ body: (FluxWorld) async throws -> T
  ) async throws -> T {
    let cluster = InMemoryFluxCluster()
    for object in objects { await cluster.add(object) }
    let flux = FluxControllerDouble(store: InMemoryDoubleStore(cluster: cluster))
    await flux.start()
    let world = FluxWorld(cluster: cluster, flux: flux)
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

  func object(_ kind: FluxKind, _ name: String, namespace: String = "flux-system") async -> JSON? {
    await cluster.object(kind.plural, namespace, name)
  }

  /// The GitRepository revision the double derives for `namespace/name`.
  static func gitRevision(_ name: String, namespace: String = "flux-system") -> String {
    "main@sha1:" + FluxStatusModel.hex(sha1: "\(namespace)/\(name)")
  }
}
