import Foundation
import TackJSON

/// Realistic Flux and Flagger objects (with status as the controllers write it) for demos,
/// benchmarks and tests. Seed them with ``ObjectStore/seed(_:fieldManager:)``.
public enum FluxFixtures {
  static func readyCondition(_ status: String = "True", reason: String = "ReconciliationSucceeded",
    message: String, generation: Int = 1, time: String) -> JSON
  {
    ["type": "Ready", "status": .string(status), "observedGeneration": .int(generation),
     "lastTransitionTime": .string(time), "reason": .string(reason), "message": .string(message)]
  }

  static func meta(_ name: String, _ namespace: String, labels: JSON = [:]) -> JSON {
    ["name": .string(name), "namespace": .string(namespace), "labels": labels]
  }

  /// `count` Kustomizations spread over `namespaces` namespaces (`tenant-0` …), each with
  /// status, inventory-free conditions and a Git source reference, as kustomize-controller writes them.
  public static func kustomizations(count: Int, namespaces: Int) -> [JSON] {
    let now = Date().timeIntervalSince1970
    var objects: [JSON] = []
    objects.reserveCapacity(count + namespaces)
    let namespaceCount = max(1, namespaces)
    for n in 0..<namespaceCount {
      objects.append(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string("tenant-\(n)")]])
    }
    for i in 0..<count {
      let namespace = "tenant-\(i % namespaceCount)"
      let time = KubeTime.format(seconds: Int64(now) - Int64(i % 7200))
      let revision = "main@sha1:\(String(format: "%040x", i &* 2_654_435_761 & 0xffff_ffff))"
      let failing = i % 50 == 7
      objects.append([
        "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
        "metadata": meta("app-\(i)", namespace, labels: ["app.kubernetes.io/part-of": "tenant", "tier": .string(i % 3 == 0 ? "frontend" : "backend")]),
        "spec": [
          "interval": "10m", "path": .string("./apps/app-\(i)"), "prune": true, "timeout": "5m",
          "sourceRef": ["kind": "GitRepository", "name": "tenant-repo"], "targetNamespace": .string(namespace),
        ],
        "status": [
          "observedGeneration": 1,
          "conditions": [
            readyCondition(failing ? "False" : "True", reason: failing ? "BuildFailed" : "ReconciliationSucceeded",
              message: failing ? "kustomization path not found: stat /tmp/kustomization-\(i)/apps/app-\(i): no such file or directory" : "Applied revision: \(revision)",
              time: time),
            ["type": "Healthy", "status": "True", "observedGeneration": 1, "lastTransitionTime": .string(time),
             "reason": "Succeeded", "message": "Health check passed in 2.01s"],
          ],
          "lastAppliedRevision": .string(revision), "lastAttemptedRevision": .string(revision),
          "lastHandledReconcileAt": .string(time),
        ],
      ])
    }
    return objects
  }

  /// A small realistic Flux + Flagger installation for the demo.
  public static func demo() -> [JSON] {
    let time = KubeTime.format(Date().addingTimeInterval(-600))
    let revision = "main@sha1:4f1c3e5a6b7d8e9f0a1b2c3d4e5f60718293a4b5"
    let ns = "flux-system"
    func ready(_ message: String, _ reason: String = "Succeeded", status: String = "True") -> JSON {
      ["observedGeneration": 1, "conditions": [readyCondition(status, reason: reason, message: message, time: time)]]
    }
    var status = ready("stored artifact for revision '\(revision)'")
    status["artifact"] = ["path": "gitrepository/flux-system/podinfo/4f1c3e5a.tar.gz", "revision": .string(revision),
                          "digest": "sha256:2f4c1d2e", "lastUpdateTime": .string(time), "size": 41_328,
                          "url": "http://source-controller.flux-system.svc.cluster.local./gitrepository/flux-system/podinfo/4f1c3e5a.tar.gz"]
    var objects: [JSON] = [
      ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(ns)]],
      ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "apps"]],
      ["apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository", "metadata": meta("podinfo", ns),
       "spec": ["interval": "1m", "url": "https://github.com/stefanprodan/podinfo", "ref": ["branch": "master"]],
       "status": status],
      ["apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization", "metadata": meta("podinfo", ns),
       "spec": ["interval": "10m", "path": "./kustomize", "prune": true, "targetNamespace": "apps",
                "sourceRef": ["kind": "GitRepository", "name": "podinfo"]],
       "status": ["observedGeneration": 1, "lastAppliedRevision": .string(revision),
                  "conditions": [readyCondition(message: "Applied revision: \(revision)", time: time)]]],
      ["apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization", "metadata": meta("infra", ns),
       "spec": ["interval": "1h", "path": "./infra", "prune": true, "suspend": true,
                "sourceRef": ["kind": "GitRepository", "name": "podinfo"]],
       "status": ["observedGeneration": 1,
                  "conditions": [readyCondition("False", reason: "BuildFailed", message: "kustomize build failed: accumulating resources: 'infra/missing.yaml': no such file or directory", time: time)]]],
      ["apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "HelmRepository", "metadata": meta("podinfo", ns),
       "spec": ["interval": "5m", "url": "https://stefanprodan.github.io/podinfo"],
       "status": ready("stored artifact: revision 'sha256:9d1e44d0'")],
      ["apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "HelmChart", "metadata": meta("apps-podinfo", ns),
       "spec": ["chart": "podinfo", "version": "6.x", "interval": "5m", "reconcileStrategy": "ChartVersion",
                "sourceRef": ["kind": "HelmRepository", "name": "podinfo"]],
       "status": ready("pulled 'podinfo' chart with version '6.7.1'", "ChartPullSucceeded")],
      ["apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease", "metadata": meta("podinfo", "apps"),
       "spec": ["interval": "10m", "chart": ["spec": ["chart": "podinfo", "version": "6.x",
                "sourceRef": ["kind": "HelmRepository", "name": "podinfo", "namespace": .string(ns)]]]],
       "status": ["observedGeneration": 1, "lastAttemptedRevision": "6.7.1",
                  "conditions": [readyCondition(reason: "InstallSucceeded", message: "Helm install succeeded for release apps/podinfo.v1 with chart podinfo@6.7.1", time: time)]]],
      ["apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "OCIRepository", "metadata": meta("manifests", ns),
       "spec": ["interval": "5m", "url": "oci://ghcr.io/stefanprodan/manifests/podinfo", "ref": ["tag": "latest"]],
       "status": ready("stored artifact for digest 'latest@sha256:7a3b1f'")],
      ["apiVersion": "notification.toolkit.fluxcd.io/v1beta3", "kind": "Provider", "metadata": meta("slack", ns),
       "spec": ["type": "slack", "channel": "general", "secretRef": ["name": "slack-url"]]],
      ["apiVersion": "notification.toolkit.fluxcd.io/v1beta3", "kind": "Alert", "metadata": meta("on-call", ns),
       "spec": ["providerRef": ["name": "slack"], "eventSeverity": "error",
                "eventSources": [["kind": "Kustomization", "name": "*"]]]],
      ["apiVersion": "image.toolkit.fluxcd.io/v1", "kind": "ImageRepository", "metadata": meta("podinfo", ns),
       "spec": ["image": "ghcr.io/stefanprodan/podinfo", "interval": "5m"],
       "status": ready("successful scan: found 42 tags")],
      ["apiVersion": "image.toolkit.fluxcd.io/v1", "kind": "ImagePolicy", "metadata": meta("podinfo", ns),
       "spec": ["imageRepositoryRef": ["name": "podinfo"], "policy": ["semver": ["range": "6.x"]]],
       "status": ready("Latest image tag for 'ghcr.io/stefanprodan/podinfo' resolved to 6.7.1")],
      ["apiVersion": "flagger.app/v1beta1", "kind": "Canary", "metadata": meta("podinfo", "apps"),
       "spec": ["targetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": "podinfo"],
                "service": ["port": 9898],
                "analysis": ["interval": "1m", "threshold": 5, "maxWeight": 50, "stepWeight": 10]],
       "status": ["phase": "Progressing", "canaryWeight": 20, "failedChecks": 0, "iterations": 0,
                  "lastTransitionTime": .string(time),
                  "conditions": [["type": "Promoted", "status": "Unknown", "lastUpdateTime": .string(time),
                                  "lastTransitionTime": .string(time), "reason": "Progressing",
                                  "message": "New revision detected, progressing canary analysis."]]]],
    ]
    objects.append(["apiVersion": "v1", "kind": "Secret", "metadata": meta("slack-url", ns),
                    "stringData": ["address": "https://hooks.slack.com/services/T000/B000/XXXX"]])
    return objects
  }
}
