import TackBase
import TackCore
import TackJSON

/// A small but realistic fleet at a fixed instant: every state, long and wide (CJK, emoji)
/// messages, canaries in each interesting phase.
enum DashboardFixtures {
  static let now = RFC3339Time("2026-08-07T12:00:00Z")!

  static func time(minutesAgo: Int) -> JSON {
    .string(RFC3339Time(epochSeconds: now.epochSeconds - Int64(minutesAgo * 60)).rfc3339)
  }

  static func condition(_ type: String, _ status: String, _ reason: String, _ message: String, minutesAgo: Int) -> JSON {
    ["type": .string(type), "status": .string(status), "reason": .string(reason), "message": .string(message),
     "lastTransitionTime": time(minutesAgo: minutesAgo)]
  }

  static func flux(
    _ kind: FluxKind, _ namespace: String, _ name: String, conditions: [JSON], suspend: Bool = false,
    status extra: [String: JSON] = [:], spec: [String: JSON] = [:]
  ) -> DashboardObject {
    var specObject: JSON = ["interval": "10m"]
    if suspend { specObject["suspend"] = true }
    for (key, value) in spec { specObject[key] = value }
    var status: JSON = ["conditions": .array(conditions), "observedGeneration": 1]
    for (key, value) in extra { status[key] = value }
    let object: JSON = [
      "apiVersion": .string(kind.apiVersion), "kind": .string(kind.kind),
      "metadata": ["name": .string(name), "namespace": .string(namespace), "generation": 1],
      "spec": specObject, "status": status,
    ]
    return DashboardObject(kind: kind, object: object)
  }

  static func ready(_ kind: FluxKind, _ namespace: String, _ name: String, revision: String, minutesAgo: Int = 30) -> DashboardObject {
    let key = kind == .kustomization || kind == .helmRelease ? "lastAppliedRevision" : "artifact"
    let value: JSON = key == "artifact" ? ["revision": .string(revision)] : .string(revision)
    return flux(
      kind, namespace, name,
      conditions: [condition("Ready", "True", "Succeeded", "Applied revision: \(revision)", minutesAgo: minutesAgo)],
      status: [key: value], spec: sourceRef(kind))
  }

  static func sourceRef(_ kind: FluxKind) -> [String: JSON] {
    kind == .kustomization ? ["sourceRef": ["kind": "GitRepository", "name": "flux-system", "namespace": "flux-system"]] : [:]
  }

  static let sha = "main@sha1:1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"
  static let newSha = "main@sha1:9f8e7d6c5b4a39281706f5e4d3c2b1a098765432"

  static let healthMessage =
    "Health check failed after 5m0s: timeout waiting for: [Deployment/apps/podinfo status: 'InProgress', "
    + "Deployment/apps/worker status: 'Failed'] — the new ReplicaSet podinfo-7d9c6 has 0 of 3 pods available "
    + "because the image ghcr.io/example/podinfo:6.7.1 cannot be pulled (manifest unknown)."

  static var fluxObjects: [DashboardObject] {
    [
      ready(.gitRepository, "flux-system", "flux-system", revision: sha),
      flux(.gitRepository, "apps", "podinfo", conditions: [
        condition("Ready", "False", "GitOperationFailed",
          "failed to checkout and determine revision: unable to clone 'https://github.com/example/podinfo': authentication required",
          minutesAgo: 12),
      ]),
      ready(.helmRepository, "flux-system", "bitnami", revision: "sha256:4f1e2d3c"),
      ready(.kustomization, "flux-system", "flux-system", revision: sha),
      ready(.kustomization, "flux-system", "infra", revision: sha),
      flux(.kustomization, "flux-system", "apps", conditions: [
        condition("Ready", "False", "HealthCheckFailed", healthMessage, minutesAgo: 7),
        condition("Healthy", "False", "HealthCheckFailed", "timeout", minutesAgo: 7),
      ], status: ["lastAppliedRevision": .string(sha), "lastAttemptedRevision": .string(newSha)],
        spec: sourceRef(.kustomization)),
      flux(.kustomization, "flux-system", "monitoring", conditions: [
        condition("Ready", "False", "DependencyNotReady", "dependency 'flux-system/infra-configs' is not ready", minutesAgo: 3),
      ], spec: sourceRef(.kustomization)),
      flux(.kustomization, "flux-system", "tenants", conditions: [
        condition("Ready", "True", "Succeeded", "Applied revision: \(sha)", minutesAgo: 600),
      ], suspend: true, status: ["lastAppliedRevision": .string(sha)], spec: sourceRef(.kustomization)),
      flux(.kustomization, "flux-system", "cache", conditions: [
        condition("Reconciling", "True", "Progressing", "Building manifests for revision \(newSha)", minutesAgo: 1),
        condition("Ready", "Unknown", "Progressing", "Reconciliation in progress", minutesAgo: 1),
      ], spec: sourceRef(.kustomization)),
      ready(.helmRelease, "monitoring", "kube-prometheus-stack", revision: "61.3.2"),
      flux(.helmRelease, "apps", "redis", conditions: [
        condition("Ready", "False", "UpgradeFailed",
          "Helm upgrade failed for release apps/redis with chart redis@19.6.4: 部署失败 🚀 context deadline exceeded",
          minutesAgo: 25),
      ], status: ["lastAttemptedRevision": "19.6.4"]),
    ]
  }

  static func canary(
    _ namespace: String, _ name: String, phase: String, weight: Int = 0, failedChecks: Int = 0, iterations: Int = 0,
    gate: Bool = false, message: String = "", minutesAgo: Int = 2
  ) -> DashboardObject {
    var webhooks: [JSON] = [
      ["name": "load-test", "type": "rollout", "url": "http://flagger-loadtester.test/"],
    ]
    if gate {
      webhooks.append(["name": "ask-sre", "type": "confirm-promotion", "url": "http://flagger-loadtester.test/gate/check"])
    }
    let object: JSON = [
      "apiVersion": "flagger.app/v1beta1", "kind": "Canary",
      "metadata": ["name": .string(name), "namespace": .string(namespace), "generation": 1],
      "spec": [
        "targetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": .string(name)],
        "analysis": ["interval": "1m", "threshold": 5, "maxWeight": 50, "stepWeight": 10, "webhooks": .array(webhooks)],
      ],
      "status": [
        "phase": .string(phase), "canaryWeight": .int(weight), "failedChecks": .int(failedChecks),
        "iterations": .int(iterations), "lastTransitionTime": time(minutesAgo: minutesAgo),
        "conditions": [condition("Promoted", phase == "Failed" ? "False" : "Unknown", phase, message, minutesAgo: minutesAgo)],
      ],
    ]
    return DashboardObject(kind: .canary, object: object)
  }

  static var canaries: [DashboardObject] {
    [
      canary("test", "podinfo", phase: "Progressing", weight: 30, failedChecks: 1, message: "New revision detected! Progressing canary analysis for podinfo.test"),
      canary("prod", "api", phase: "WaitingPromotion", weight: 0, gate: true, message: "Canary analysis completed, waiting for approval"),
      canary("test", "frontend", phase: "Succeeded", message: "Canary analysis completed successfully, promotion finished.", minutesAgo: 90),
      canary("test", "backend", phase: "Failed", failedChecks: 5, message: "Canary analysis failed, Deployment scaled to zero.", minutesAgo: 40),
    ]
  }

  /// Every kind watched and listed.
  static func mixed() -> DashboardState {
    var state = DashboardState(context: "prod-eu", namespace: nil, now: now)
    for kind in state.kinds { state.apply(DashboardUpdate.feed(kind, kind == .bucket ? .notInstalled : .watching)) }
    state.load(fluxObjects + canaries)
    return state
  }

  /// Just started: nothing listed yet.
  static func connecting() -> DashboardState {
    DashboardState(context: "staging", namespace: "flux-system", now: now)
  }

  /// Everything Ready, no Flagger.
  static func healthy() -> DashboardState {
    var state = DashboardState(context: "staging", namespace: "flux-system", now: now)
    for kind in state.kinds {
      state.apply(DashboardUpdate.feed(kind, [.canary, .bucket, .ociRepository].contains(kind) ? .notInstalled : .watching))
    }
    state.load([
      ready(.gitRepository, "flux-system", "flux-system", revision: sha),
      ready(.kustomization, "flux-system", "flux-system", revision: sha),
      ready(.kustomization, "flux-system", "infra", revision: sha),
      ready(.helmRelease, "flux-system", "ingress-nginx", revision: "4.11.1"),
    ])
    return state
  }

  static func event(_ type: String, _ reason: String, _ message: String, minutesAgo: Int) -> EventRecord {
    EventRecord([
      "metadata": ["name": .string("e-\(reason)-\(minutesAgo)"), "namespace": "flux-system"],
      "type": .string(type), "reason": .string(reason), "message": .string(message),
      "involvedObject": ["kind": "Kustomization", "name": "apps"],
      "lastTimestamp": time(minutesAgo: minutesAgo),
    ])
  }

  static let appsEvents: [EventRecord] = [
    event("Normal", "Progressing", "Deployment/apps/podinfo configured\nService/apps/podinfo unchanged", minutesAgo: 9),
    event("Warning", "HealthCheckFailed", healthMessage, minutesAgo: 7),
    event("Normal", "ReconciliationRequested", "reconcile requested by tack", minutesAgo: 1),
  ]
}

extension DashboardFixtures {
  static func tagged(_ objects: [DashboardObject], _ cluster: String) -> [DashboardObject] {
    objects.map { object in
      var copy = object
      copy.key.cluster = cluster
      return copy
    }
  }

  /// Three contexts: one with problems, one that does not answer, one healthy without Flagger.
  static func fleet() -> DashboardState {
    var state = DashboardState(context: "prod-eu", namespace: nil, clusters: ["prod-eu", "prod-us", "staging"], now: now)
    for kind in state.kinds {
      state.apply(DashboardUpdate.feed(kind, kind == .bucket ? .notInstalled : .watching, cluster: "prod-eu"))
      state.apply(DashboardUpdate.feed(kind, .failed("connection refused"), cluster: "prod-us"))
      state.apply(
        DashboardUpdate.feed(kind, [.canary, .bucket].contains(kind) ? .notInstalled : .watching, cluster: "staging"))
    }
    state.apply(DashboardUpdate.cluster("prod-eu", .connected(version: "v1.33.1")))
    state.apply(DashboardUpdate.cluster("prod-us", .unreachable("connection refused (https://10.0.0.12:6443)")))
    state.apply(DashboardUpdate.cluster("staging", .connected(version: "v1.32.4")))
    state.load(tagged(fluxObjects + canaries, "prod-eu"))
    state.load(tagged(healthy().filteredObjects(where: { _ in true }), "staging"))
    return state
  }
}
