import Foundation
import TackBase
import TackJSON

/// Realistic Flux and Flagger objects (with status as the controllers write it) for demos,
/// benchmarks and tests. Seed them with ``ObjectStore/seed(_:fieldManager:)`` (every object through the
/// create path) or, for thousands, ``ObjectStore/bulkInsert(_:fieldManager:validation:)``.
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

  /// `count` Kustomizations spread over `namespaces` tenant namespaces (`tenant-0` …, created first),
  /// shaped as a bootstrap repository's tenant Kustomizations look once kustomize-controller has
  /// reconciled them: the labels the parent Kustomization stamps, a spec with `sourceRef`, `path`,
  /// `interval`, `prune` (some with `wait`, `dependsOn`, `retryInterval`, a few suspended), and a
  /// status with `observedGeneration`, `lastAppliedRevision` / `lastAttemptedRevision`
  /// (`main@sha1:<40 hex>`) and conditions — Ready=True for most, Ready=False with kustomize-controller's
  /// own failure messages for about 1 in 25, Ready=Unknown while Reconciling for about 1 in 100.
  /// No inventory (it would dwarf everything else). Deterministic apart from the timestamps, which
  /// are relative to now.
  public static func kustomizations(count: Int, namespaces: Int) -> [JSON] {
    let now = Int64(Date().timeIntervalSince1970)
    var objects: [JSON] = []
    objects.reserveCapacity(count + namespaces)
    let namespaceCount = max(1, namespaces)
    for n in 0..<namespaceCount {
      objects.append([
        "apiVersion": "v1", "kind": "Namespace",
        "metadata": ["name": .string("tenant-\(n)"), "labels": ["toolkit.fluxcd.io/tenant": .string("tenant-\(n)")]],
      ])
    }
    for i in 0..<count {
      objects.append(kustomization(index: i, namespace: "tenant-\(i % namespaceCount)", now: now))
    }
    return objects
  }

  static let components = [
    "podinfo", "frontend", "backend", "api-gateway", "redis", "postgres", "worker", "ingress", "metrics",
    "cert-manager", "auth", "search", "billing", "notifications", "cache",
  ]

  /// 40 lowercase hex digits, a stable function of `seed` (splitmix64).
  static func sha1Hex(_ seed: UInt64) -> String {
    var state = seed &+ 0x9E37_79B9_7F4A_7C15
    var text = ""
    text.reserveCapacity(40)
    for _ in 0..<3 {
      state = state &+ 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      let hex = String(z, radix: 16)
      text += String(repeating: "0", count: 16 - hex.count) + hex
    }
    return String(text.prefix(40))
  }

  /// The kinds of trouble a tenant Kustomization is in, with kustomize-controller's reason and message.
  static func failure(_ index: Int, name: String, namespace: String, path: String) -> (reason: String, message: String) {
    let tmp = "/tmp/kustomization-\(3_000_000_000 + index * 7919 % 1_000_000_000)"
    switch index / 25 % 5 {
    case 0:
      return ("ArtifactFailed", "kustomization path not found: stat \(tmp)/\(path.dropFirst(2)): no such file or directory")
    case 1:
      return ("BuildFailed", "kustomize build failed: accumulating resources: accumulation err='accumulating resources from 'deployment.yaml': open \(tmp)/\(path.dropFirst(2))/deployment.yaml: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '\(tmp)/\(path.dropFirst(2))/deployment.yaml' : lstat \(tmp)/\(path.dropFirst(2))/deployment.yaml: no such file or directory")
    case 2:
      return ("HealthCheckFailed", "Health check failed after 5m0.04s: timeout waiting for: [Deployment/\(namespace)/\(name) status: 'InProgress']")
    case 3:
      return ("ReconciliationFailed", "Deployment/\(namespace)/\(name) dry-run failed (Invalid): Deployment.apps \"\(name)\" is invalid: spec.template.spec.containers[0].image: Required value")
    default:
      return ("DependencyNotReady", "Dependencies do not meet ready condition, retrying in 30s")
    }
  }

  static func kustomization(index i: Int, namespace: String, now: Int64) -> JSON {
    let name = "\(components[i % components.count])-\(i)"
    let path = "./apps/\(namespace)/\(name)"
    let applied = "main@sha1:\(sha1Hex(UInt64(i)))"
    let attempted = "main@sha1:\(sha1Hex(UInt64(i) &+ 1_000_003))"
    let failing = i % 25 == 7
    let reconciling = !failing && i % 100 == 42
    let wait = i % 4 == 0
    let dependsOnInfra = i % 10 == 3
    let suspended = i % 97 == 5
    let generation = 1  // what a create leaves in metadata.generation
    let transition = RFC3339Time(epochSeconds: now - Int64(60 + i % 7_200)).rfc3339
    let handled = RFC3339Time(epochSeconds: now - Int64(3_600 + i % 86_400)).rfc3339

    var spec: JSONObject = [
      "interval": .string(["10m", "5m", "1h", "30m"][i % 4]), "path": .string(path), "prune": true,
      "sourceRef": ["kind": "GitRepository", "name": "flux-system", "namespace": "flux-system"],
      "targetNamespace": .string(namespace), "timeout": "5m",
    ]
    if wait { spec["wait"] = true }
    if i % 5 == 1 { spec["retryInterval"] = "2m" }
    if dependsOnInfra { spec["dependsOn"] = [["name": "infrastructure", "namespace": "flux-system"]] }
    if suspended { spec["suspend"] = true }

    var conditions: [JSON] = []
    var status: JSONObject = ["observedGeneration": .int(generation)]
    if failing {
      let (reason, message) = failure(i, name: name, namespace: namespace, path: path)
      conditions.append(readyCondition("False", reason: reason, message: message, generation: generation, time: transition))
      if reason == "HealthCheckFailed" {
        conditions.append(["type": "Healthy", "status": "False", "observedGeneration": .int(generation),
          "lastTransitionTime": .string(transition), "reason": "HealthCheckFailed", "message": .string(message)])
      }
      status["lastAppliedRevision"] = .string(applied)
      status["lastAttemptedRevision"] = .string(attempted)
    } else if reconciling {
      conditions.append(["type": "Reconciling", "status": "True", "observedGeneration": .int(generation),
        "lastTransitionTime": .string(transition), "reason": "Progressing",
        "message": .string("Fetching manifests for revision \(attempted) with a timeout of 4m30s")])
      conditions.append(readyCondition("Unknown", reason: "Progressing", message: "Reconciliation in progress",
        generation: generation, time: transition))
      status["lastAppliedRevision"] = .string(applied)
      status["lastAttemptedRevision"] = .string(attempted)
    } else {
      conditions.append(readyCondition(message: "Applied revision: \(applied)", generation: generation, time: transition))
      if wait {
        conditions.append(["type": "Healthy", "status": "True", "observedGeneration": .int(generation),
          "lastTransitionTime": .string(transition), "reason": "Succeeded",
          "message": .string("Health check passed in \(1 + i % 40).\(10 + i % 90)s")])
      }
      status["lastAppliedRevision"] = .string(applied)
      status["lastAttemptedRevision"] = .string(applied)
    }
    status["conditions"] = .array(conditions)
    if i % 6 == 0 { status["lastHandledReconcileAt"] = .string(handled) }

    return [
      "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
      "metadata": [
        "name": .string(name), "namespace": .string(namespace),
        "labels": [
          "app.kubernetes.io/part-of": .string(namespace), "tier": .string(i % 3 == 0 ? "frontend" : "backend"),
          "kustomize.toolkit.fluxcd.io/name": "tenants", "kustomize.toolkit.fluxcd.io/namespace": "flux-system",
        ],
      ],
      "spec": .object(spec),
      "status": .object(status),
    ]
  }

  /// A small realistic Flux + Flagger installation for the demo.
  public static func demo() -> [JSON] {
    let time = RFC3339Time(epochSeconds: RFC3339Time.now().epochSeconds - 600).rfc3339
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
