import TackJSON

/// One object of each Flux kind, valid against the real CRDs, as a user would apply them (no
/// status: the controller double writes it).
enum ReconcileFixtures {
  static func meta(_ name: String, _ namespace: String) -> JSON {
    ["name": .string(name), "namespace": .string(namespace)]
  }

  static func object(_ apiVersion: String, _ kind: String, _ name: String, _ namespace: String, _ spec: JSON) -> JSON {
    ["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": meta(name, namespace), "spec": spec]
  }

  static func gitRepository(_ name: String = "podinfo", namespace: String = "flux-system", suspended: Bool = false) -> JSON {
    var spec: JSON = ["interval": "1m0s", "url": "https://github.com/stefanprodan/podinfo", "ref": ["branch": "master"]]
    if suspended { spec["suspend"] = true }
    return object("source.toolkit.fluxcd.io/v1", "GitRepository", name, namespace, spec)
  }

  static func ociRepository(_ name: String = "podinfo", namespace: String = "flux-system") -> JSON {
    object(
      "source.toolkit.fluxcd.io/v1", "OCIRepository", name, namespace,
      ["interval": "5m0s", "url": "oci://ghcr.io/stefanprodan/manifests/podinfo", "ref": ["tag": "latest"]])
  }

  static func helmRepository(_ name: String = "podinfo", namespace: String = "flux-system") -> JSON {
    object(
      "source.toolkit.fluxcd.io/v1", "HelmRepository", name, namespace,
      ["interval": "1h0m0s", "url": "https://stefanprodan.github.io/podinfo"])
  }

  static func ociHelmRepository(_ name: String = "charts", namespace: String = "flux-system") -> JSON {
    object(
      "source.toolkit.fluxcd.io/v1", "HelmRepository", name, namespace,
      ["interval": "1h0m0s", "type": "oci", "url": "oci://ghcr.io/stefanprodan/charts"])
  }

  static func helmChart(_ name: String = "podinfo", namespace: String = "flux-system") -> JSON {
    object(
      "source.toolkit.fluxcd.io/v1", "HelmChart", name, namespace,
      [
        "interval": "10m0s", "chart": "podinfo", "version": "6.5.4",
        "sourceRef": ["kind": "HelmRepository", "name": "podinfo"],
      ])
  }

  static func bucket(_ name: String = "podinfo", namespace: String = "flux-system") -> JSON {
    object(
      "source.toolkit.fluxcd.io/v1", "Bucket", name, namespace,
      ["interval": "5m0s", "bucketName": "podinfo", "endpoint": "minio.minio.svc.cluster.local:9000", "provider": "generic"])
  }

  static func kustomization(
    _ name: String = "podinfo", namespace: String = "flux-system", source: String = "podinfo", suspended: Bool = false
  ) -> JSON {
    var spec: JSON = [
      "interval": "10m0s", "path": "./kustomize", "prune": true,
      "sourceRef": ["kind": "GitRepository", "name": .string(source)],
    ]
    if suspended { spec["suspend"] = true }
    return object("kustomize.toolkit.fluxcd.io/v1", "Kustomization", name, namespace, spec)
  }

  static func helmRelease(_ name: String = "podinfo", namespace: String = "flux-system") -> JSON {
    object(
      "helm.toolkit.fluxcd.io/v2", "HelmRelease", name, namespace,
      [
        "interval": "5m0s",
        "chart": [
          "spec": ["chart": "podinfo", "version": "6.5.4", "sourceRef": ["kind": "HelmRepository", "name": "podinfo"]]
        ],
      ])
  }

  static func receiver(_ name: String = "github", namespace: String = "flux-system") -> JSON {
    object(
      "notification.toolkit.fluxcd.io/v1", "Receiver", name, namespace,
      [
        "type": "github", "events": ["ping", "push"], "secretRef": ["name": "webhook-token"],
        "resources": [["kind": "GitRepository", "name": "podinfo"]],
      ])
  }

  static func imageRepository(_ name: String = "podinfo", namespace: String = "flux-system") -> JSON {
    object(
      "image.toolkit.fluxcd.io/v1", "ImageRepository", name, namespace,
      ["image": "ghcr.io/stefanprodan/podinfo", "interval": "5m0s"])
  }

  static func imagePolicy(_ name: String = "podinfo", namespace: String = "flux-system") -> JSON {
    object(
      "image.toolkit.fluxcd.io/v1", "ImagePolicy", name, namespace,
      ["imageRepositoryRef": ["name": "podinfo"], "policy": ["semver": ["range": "5.0.x"]]])
  }

  static func imageUpdateAutomation(_ name: String = "podinfo", namespace: String = "flux-system") -> JSON {
    object(
      "image.toolkit.fluxcd.io/v1", "ImageUpdateAutomation", name, namespace,
      [
        "interval": "30m0s", "sourceRef": ["kind": "GitRepository", "name": "podinfo"],
        "git": ["commit": ["author": ["name": "fluxbot", "email": "fluxbot@example.com"]]],
        "update": ["strategy": "Setters", "path": "./clusters"],
      ])
  }

  static func canary(_ name: String = "podinfo", namespace: String = "test") -> JSON {
    object(
      "flagger.app/v1beta1", "Canary", name, namespace,
      [
        "targetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": "podinfo"],
        "service": ["port": 9898],
        "analysis": ["interval": "1m", "threshold": 5, "maxWeight": 50, "stepWeight": 10],
      ])
  }
}
