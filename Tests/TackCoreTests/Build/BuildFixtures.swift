import TackCore
import TackJSON
import TackKustomize
import TackTesting
import TackTestSupport
import Testing

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Source trees and Flux Kustomizations for the build and diff tests.
enum BuildFixtures {
  static func tree(_ root: String, _ files: [String: String]) -> InMemoryFileSystem {
    var tree = InMemoryFileSystem()
    for (path, text) in files { tree.write(root + "/" + path, text) }
    return tree
  }

  static func kustomization(_ yaml: String) throws -> FluxKustomization {
    try FluxKustomization.find(in: yaml, file: "ks.yaml", name: "apps", namespace: "flux-system")
  }

  /// A Flux Kustomization `apps` in `flux-system` with `spec.path` and `sourceRef`, `fields` added to
  /// its spec (one per line, unindented) and an optional `status` block.
  static func spec(_ fields: String, status: String = "") -> String {
    let header = """
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: apps
        namespace: flux-system
      spec:
        path: ./apps
        sourceRef:
          kind: GitRepository
          name: fleet

      """
    let body = fields.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    return header + body + "\n" + status
  }

  static let minimalKustomization = spec("interval: 10m\nprune: true")

  static func deployment(_ name: String, image: String = "nginx:1.25", replicas: String = "1") -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: \(name)
    spec:
      replicas: \(replicas)
      selector:
        matchLabels:
          app: \(name)
      template:
        metadata:
          labels:
            app: \(name)
        spec:
          containers:
          - name: app
            image: \(image)
            ports:
            - containerPort: 8080
              name: http

    """
  }

  static func service(_ name: String, port: Int = 80) -> String {
    """
    apiVersion: v1
    kind: Service
    metadata:
      name: \(name)
    spec:
      selector:
        app: \(name)
      ports:
      - name: http
        port: \(port)
        targetPort: http

    """
  }

  static func configMap(_ name: String, data: [(String, String)]) -> String {
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata:\n"
      + data.map { "  \($0.0): \($0.1)\n" }.joined()
  }

  /// A directory without a kustomization file: generated listing, `.sourceignore`, default
  /// exclusions, a sub-kustomization, non-YAML and ignored files.
  static var generatedTree: InMemoryFileSystem {
    tree("/repo/apps", [
      ".sourceignore": "# drafts are not deployed\nignored/\n*.tmp.yaml\n",
      "deploy.yaml": deployment("web"),
      "svc.yml": service("web"),
      "notes.txt": "not yaml at all: [",
      "draft.tmp.yaml": configMap("draft", data: [("a", "b")]),
      "ignored/cm.yaml": configMap("ignored", data: [("a", "b")]),
      "nested/cm.yaml": configMap("nested", data: [("key", "value")]),
      "base/kustomization.yaml": "resources:\n- cm.yaml\nnamePrefix: base-\n",
      "base/cm.yaml": configMap("settings", data: [("mode", "base")]),
      ".github/workflows/ci.yaml": "on: push\njobs: {}\n",
    ])
  }

  static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    GoldenFile.expect(text, at: GoldenFile.path(name), sourceLocation: sourceLocation)
  }
}
