import TackBase
import TackCore
import TackJSON

/// A cluster whose Kustomizations carry inventories and dependsOn: the tree screen's fixture.
extension DashboardFixtures {
  static func entry(_ namespace: String, _ name: String, _ group: String, _ kind: String) -> JSON {
    ["id": .string("\(namespace)_\(name)_\(group)_\(kind)"), "v": "v1"]
  }

  static func inventory(_ entries: [JSON]) -> [String: JSON] {
    ["inventory": ["entries": .array(entries)]]
  }

  static func gitSource(_ namespace: String, _ name: String) -> [String: JSON] {
    ["sourceRef": ["kind": "GitRepository", "name": .string(name), "namespace": .string(namespace)]]
  }

  static let chart: [String: JSON] = [
    "chart": ["spec": ["chart": "redis", "sourceRef": ["kind": "HelmRepository", "name": "bitnami", "namespace": "flux-system"]]]
  ]

  static var treeObjects: [DashboardObject] {
    let ks = "kustomize.toolkit.fluxcd.io"
    let hr = "helm.toolkit.fluxcd.io"
    let readyCondition = [condition("Ready", "True", "Succeeded", "Applied revision: \(sha)", minutesAgo: 30)]
    return [
      ready(.gitRepository, "flux-system", "flux-system", revision: sha),
      flux(.gitRepository, "apps", "podinfo", conditions: [
        condition("Ready", "False", "GitOperationFailed", "unable to clone: authentication required", minutesAgo: 12),
      ]),
      ready(.helmRepository, "flux-system", "bitnami", revision: "sha256:4f1e2d3c"),
      flux(.kustomization, "flux-system", "flux-system", conditions: readyCondition,
        status: inventory([
          entry("", "apps", "", "Namespace"),
          entry("flux-system", "infra", ks, "Kustomization"),
          entry("flux-system", "apps", ks, "Kustomization"),
          entry("flux-system", "monitoring", ks, "Kustomization"),
          entry("apps", "podinfo", "source.toolkit.fluxcd.io", "GitRepository"),
        ]), spec: gitSource("flux-system", "flux-system")),
      flux(.kustomization, "flux-system", "infra", conditions: readyCondition,
        status: inventory([
          entry("", "cert-manager", "", "Namespace"),
          entry("cert-manager", "cert-manager", "apps", "Deployment"),
          entry("monitoring", "kube-prometheus-stack", hr, "HelmRelease"),
        ]), spec: gitSource("flux-system", "flux-system")),
      flux(.kustomization, "flux-system", "apps", conditions: [
        condition("Ready", "False", "HealthCheckFailed", healthMessage, minutesAgo: 7),
      ], status: inventory([
        entry("apps", "podinfo", "", "Service"),
        entry("apps", "podinfo", "apps", "Deployment"),
        entry("apps", "worker", "apps", "Deployment"),
        entry("apps", "redis", hr, "HelmRelease"),
      ]), spec: gitSource("flux-system", "flux-system").merging(["dependsOn": [["name": "infra"]]]) { $1 }),
      flux(.kustomization, "flux-system", "monitoring", conditions: [
        condition("Ready", "False", "DependencyNotReady", "dependency 'flux-system/infra-configs' is not ready", minutesAgo: 3),
      ], spec: gitSource("flux-system", "flux-system").merging(["dependsOn": [["name": "infra-configs"]]]) { $1 }),
      flux(.kustomization, "flux-system", "tenants", conditions: readyCondition, suspend: true,
        spec: gitSource("apps", "podinfo")),
      flux(.helmRelease, "monitoring", "kube-prometheus-stack", conditions: readyCondition, spec: chart),
      flux(.helmRelease, "apps", "redis", conditions: [
        condition("Ready", "False", "UpgradeFailed", "Helm upgrade failed: context deadline exceeded", minutesAgo: 25),
      ], spec: chart.merging(["dependsOn": [["name": "kube-prometheus-stack", "namespace": "monitoring"]]]) { $1 }),
      flux(.helmRelease, "flux-system", "ingress-nginx", conditions: readyCondition, spec: chart),
    ]
  }

  static func tree() -> DashboardState {
    var state = DashboardState(context: "prod-eu", namespace: nil, now: now)
    for kind in state.kinds { state.apply(DashboardUpdate.feed(kind, kind == .bucket ? .notInstalled : .watching)) }
    state.load(treeObjects + canaries)
    return state
  }

  static func treeFleet() -> DashboardState {
    var state = fleet()
    state.load(tagged(treeObjects, "prod-eu"))
    return state
  }
}
