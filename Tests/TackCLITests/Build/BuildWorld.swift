import Foundation
import TackBase
import TackJSON
import TackTestSupport

/// The fixture tree and Flux Kustomization of the build and diff command tests
/// (`Fixtures/build/`), and a test API server seeded with what they reference.
enum BuildWorld {
  static let root = CLIPaths.fixtures + "/build"
  static let apps = root + "/tree/apps"
  static let kustomizationFile = root + "/ks.yaml"

  static var kustomization: JSON {
    let text = (try? String(contentsOfFile: kustomizationFile, encoding: .utf8)) ?? ""
    return (try? JSON.parseYAML(text)) ?? .null
  }

  /// `substituteFrom`'s ConfigMap `vars` (MODE) and Secret `secret-vars` (IMAGE_TAG).
  static let variables: [JSON] = [
    [
      "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "vars", "namespace": "flux-system"],
      "data": ["MODE": "fast"],
    ],
    [
      "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "secret-vars", "namespace": "flux-system"],
      "data": ["IMAGE_TAG": .string(Base64.encode(Array("1.27".utf8)))],
    ],
  ]

  /// A cluster with the Flux CRDs, the namespaces, and `kustomization` (nil: none) plus `extra`.
  static func withCluster(
    kustomization: JSON? = BuildWorld.kustomization, extra: [JSON] = BuildWorld.variables,
    _ body: (TestCluster, [String: String]) async throws -> Void
  ) async throws {
    try await withTestCluster { cluster in
      try cluster.installCRDs(.all)
      let namespaces: [JSON] = ["flux-system", "apps"].map {
        ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string($0)]]
      }
      try cluster.store.seed(namespaces + (kustomization.map { [$0] } ?? []) + extra)
      try await body(cluster, ["KUBECONFIG": try cluster.writeKubeconfig()])
    }
  }

  /// Paths under the fixtures become `<fixtures>` so goldens do not name the checkout.
  static func normalised(_ result: TackResult) -> TackResult {
    var copy = result
    copy.stdoutBytes = Array(result.stdout.replacingOccurrences(of: CLIPaths.fixtures, with: "<fixtures>").utf8)
    copy.stderrBytes = Array(result.stderr.replacingOccurrences(of: CLIPaths.fixtures, with: "<fixtures>").utf8)
    return copy
  }
}
