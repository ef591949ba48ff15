import Foundation
import TackJSON
import TackTestSupport
import Testing

/// `tack delete <noun> NAME` and `tack uninstall` against the test API server (finalizers honoured
/// as kube-apiserver honours them).
@Suite(.serialized) struct DeleteCommandTests {
  typealias F = ReconcileFixtures

  func exists(_ world: FluxCLIWorld, _ apiVersion: String, _ kind: String, _ name: String, namespace: String? = "flux-system") -> Bool {
    (try? world.cluster.store.get(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)) != nil
  }

  @Test func deleteWithSilentRemovesTheObject() async throws {
    try await FluxCLIWorld.with([F.gitRepository(), F.kustomization()]) { world in
      let result = await world.tack(["delete", "ks", "podinfo", "--silent"])
      try CLIGoldens.verify(result, "delete/ks")
      #expect(result.exitCode == 0, "\(result)")
      #expect(!exists(world, "kustomize.toolkit.fluxcd.io/v1", "Kustomization", "podinfo"))
    }
  }

  @Test func offATerminalDeleteRefusesWithoutSilent() async throws {
    try await FluxCLIWorld.with([F.gitRepository()]) { world in
      let result = await world.tack(["delete", "source", "git", "podinfo"])
      #expect(result.exitCode == 64, "\(result)")
      #expect(result.stderr.contains("--silent"))
      #expect(exists(world, "source.toolkit.fluxcd.io/v1", "GitRepository", "podinfo"))
    }
  }

  @Test func deletingWhatIsNotThereExits5() async throws {
    try await FluxCLIWorld.with([F.gitRepository()]) { world in
      let result = await world.tack(["delete", "hr", "nope", "-s"])
      try CLIGoldens.verify(result, "delete/missing")
      #expect(result.exitCode == 5)
    }
  }

  @Test func deleteWaitsForFinalizers() async throws {
    var repository = F.gitRepository()
    repository[path: "metadata", "finalizers"] = ["finalizers.fluxcd.io"]
    try await FluxCLIWorld.with([repository]) { world in
      let store = world.cluster.store
      // The "controller": once the object is marked for deletion, it cleans up and drops its finalizer.
      let controller = Task {
        var marked = false
        while !Task.isCancelled {
          guard
            let current = try? store.get(
              apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", namespace: "flux-system", name: "podinfo")
          else { return }
          if current[path: "metadata", "deletionTimestamp"] != nil {
            if !marked {
              marked = true
              try await Task.sleep(for: .milliseconds(200))
              continue
            }
            var cleaned = current
            cleaned[path: "metadata", "finalizers"] = .array([])
            // A conflict with the controller double's status write is retried on the next pass.
            _ = try? store.update(cleaned)
          }
          try await Task.sleep(for: .milliseconds(20))
        }
      }
      let result = await world.tack(["delete", "source", "git", "podinfo", "--silent"])
      controller.cancel()
      try CLIGoldens.verify(result, "delete/finalizers")
      #expect(result.exitCode == 0, "\(result)")
      #expect(!exists(world, "source.toolkit.fluxcd.io/v1", "GitRepository", "podinfo"))
    }
  }

  @Test func aFinalizerThatStaysTimesOut() async throws {
    var repository = F.gitRepository()
    repository[path: "metadata", "finalizers"] = ["finalizers.fluxcd.io"]
    try await FluxCLIWorld.with([repository]) { world in
      let result = await world.tack(["delete", "source", "git", "podinfo", "--silent", "--timeout", "1s"])
      #expect(result.exitCode == 3, "\(result)")
      #expect(result.stderr.contains("finalizers: finalizers.fluxcd.io"))
      let noWait = await world.tack(["delete", "source", "git", "podinfo", "--silent", "--wait=false"])
      #expect(noWait.exitCode == 0, "\(noWait)")
    }
  }

  static func seedComponents(_ world: FluxCLIWorld) throws {
    let store = world.cluster.store
    let labels: JSON = ["app.kubernetes.io/part-of": "flux"]
    try store.create([
      "apiVersion": "apps/v1", "kind": "Deployment",
      "metadata": ["name": "source-controller", "namespace": "flux-system", "labels": labels],
      "spec": [
        "selector": ["matchLabels": ["app": "source-controller"]],
        "template": [
          "metadata": ["labels": ["app": "source-controller"]],
          "spec": ["containers": [["name": "manager", "image": "ghcr.io/fluxcd/source-controller:v1.7.0"]]],
        ],
      ],
    ])
    try store.create([
      "apiVersion": "v1", "kind": "ServiceAccount",
      "metadata": ["name": "source-controller", "namespace": "flux-system", "labels": labels],
    ])
    try store.create([
      "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
      "metadata": ["name": "crd-controller-flux-system", "labels": labels], "rules": [],
    ])
    for name in ["gitrepositories.source.toolkit.fluxcd.io", "kustomizations.kustomize.toolkit.fluxcd.io"] {
      _ = try store.patch(
        apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", name: name,
        patch: ["metadata": ["labels": labels]])
    }
  }

  @Test func uninstallDryRunListsAndChangesNothing() async throws {
    var repository = F.gitRepository()
    repository[path: "metadata", "finalizers"] = ["finalizers.fluxcd.io"]
    try await FluxCLIWorld.with([repository]) { world in
      try Self.seedComponents(world)
      let result = await world.tack(["uninstall", "--dry-run"])
      try CLIGoldens.verify(result, "uninstall/dry-run")
      #expect(result.exitCode == 0, "\(result)")
      #expect(exists(world, "apps/v1", "Deployment", "source-controller"))
      #expect(exists(world, "source.toolkit.fluxcd.io/v1", "GitRepository", "podinfo"))
      let refused = await world.tack(["uninstall"])
      #expect(refused.exitCode == 64, "\(refused)")
      #expect(refused.stderr.contains("--silent"))
    }
  }

  @Test func uninstallRemovesInFluxsOrder() async throws {
    var repository = F.gitRepository()
    repository[path: "metadata", "finalizers"] = ["finalizers.fluxcd.io"]
    try await FluxCLIWorld.with([repository]) { world in
      await world.flux.stop()
      try Self.seedComponents(world)
      let result = await world.tack(["uninstall", "--silent", "--keep-namespace"])
      try CLIGoldens.verify(result, "uninstall/silent")
      #expect(result.exitCode == 0, "\(result)")
      #expect(!exists(world, "apps/v1", "Deployment", "source-controller"))
      #expect(!exists(world, "rbac.authorization.k8s.io/v1", "ClusterRole", "crd-controller-flux-system", namespace: nil))
      #expect(
        !exists(world, "apiextensions.k8s.io/v1", "CustomResourceDefinition", "gitrepositories.source.toolkit.fluxcd.io", namespace: nil))
      #expect(exists(world, "v1", "Namespace", "flux-system", namespace: nil))
      // The components went before the finalizers, the finalizers before the CRDs.
      let lines = result.stderr.split(separator: "\n").map(String.init)
      let order = ["Deployment/", "finalizers deleted", "CustomResourceDefinition/"].map { marker in
        lines.firstIndex { $0.contains(marker) } ?? -1
      }
      #expect(order == order.sorted() && !order.contains(-1), "\(lines)")
    }
  }
}
