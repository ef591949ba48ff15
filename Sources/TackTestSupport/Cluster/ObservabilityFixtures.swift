import Foundation
import TackJSON

/// Large, realistic inputs for the observability benchmarks: many Events about Flux objects, and
/// one Kustomization with a large inventory (what `tack events -A` and `tack tree` read).
public enum ObservabilityFixtures {
  static let reasons: [(type: String, reason: String, message: String)] = [
    ("Normal", "ReconciliationSucceeded", "Reconciliation finished in 812.303981ms, next run in 10m0s"),
    ("Normal", "Progressing", "Deployment/apps/podinfo configured\nService/apps/podinfo unchanged"),
    ("Warning", "ReconciliationFailed", "kustomize build failed: map[string]interface {}(nil): yaml: unmarshal errors"),
    ("Normal", "NewArtifact", "stored artifact for commit 'Merge pull request #42 from acme/feature'"),
    ("Warning", "HealthCheckFailed", "Health check failed after 5m0.04s: timeout waiting for: [Deployment/apps/podinfo status: 'InProgress']"),
  ]

  /// `count` core/v1 Events across `namespaces` namespaces (`tenant-N`, which
  /// ``FluxFixtures/kustomizations(count:namespaces:)`` creates), about Kustomizations and
  /// GitRepositories, with repeats counted as the event recorder counts them.
  public static func events(count: Int, namespaces: Int) -> [JSON] {
    let now = Int64(Date().timeIntervalSince1970)
    let namespaceCount = max(1, namespaces)
    return (0..<count).map { i in
      let namespace = "tenant-\(i % namespaceCount)"
      let (type, reason, message) = reasons[i % reasons.count]
      let kind = i % 3 == 0 ? "GitRepository" : "Kustomization"
      let object = "\(FluxFixtures.components[i % FluxFixtures.components.count])-\(i % 200)"
      let last = now - Int64(i % 86_400)
      let stamp = { (seconds: Int64) in ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds))) }
      return [
        "apiVersion": "v1", "kind": "Event",
        "metadata": ["name": .string("\(object).\(String(i, radix: 16))"), "namespace": .string(namespace)],
        "involvedObject": [
          "apiVersion": .string(kind == "GitRepository" ? "source.toolkit.fluxcd.io/v1" : "kustomize.toolkit.fluxcd.io/v1"),
          "kind": .string(kind), "name": .string(object), "namespace": .string(namespace),
        ],
        "type": .string(type), "reason": .string(reason), "message": .string(message), "count": .int(1 + i % 4),
        "firstTimestamp": .string(stamp(last - 3600)), "lastTimestamp": .string(stamp(last)),
        "source": ["component": kind == "GitRepository" ? "source-controller" : "kustomize-controller"],
        "reportingComponent": kind == "GitRepository" ? "source-controller" : "kustomize-controller",
      ]
    }
  }

  /// A namespace `apps` and a Ready Kustomization `flux-system/big` whose inventory lists `entries`
  /// objects (Deployments, Services, ConfigMaps), as kustomize-controller stores it.
  public static func largeInventory(entries: Int) -> [JSON] {
    let kinds = [("apps", "Deployment"), ("", "Service"), ("", "ConfigMap"), ("", "ServiceAccount")]
    let inventory: [JSON] = (0..<entries).map { i in
      let (group, kind) = kinds[i % kinds.count]
      return ["id": .string("apps_\(FluxFixtures.components[i % FluxFixtures.components.count])-\(i)_\(group)_\(kind)"), "v": "v1"]
    }
    return [
      ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "flux-system"]],
      ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "apps"]],
      [
        "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
        "metadata": ["name": "big", "namespace": "flux-system"],
        "spec": ["interval": "10m", "path": "./apps", "prune": true, "sourceRef": ["kind": "GitRepository", "name": "flux-system"]],
        "status": [
          "conditions": [["type": "Ready", "status": "True", "reason": "ReconciliationSucceeded", "message": "Applied revision: main@sha1:1", "lastTransitionTime": "2026-01-01T00:00:00Z"]],
          "inventory": ["entries": .array(inventory)],
        ],
      ],
    ]
  }
}
