import TackJSON

/// Flux objects as a user would apply them (no status): the fixtures of the core tests.
enum FluxObjects {
  static func gitRepository(_ name: String, namespace: String = "flux-system", suspended: Bool = false) -> JSON {
    var object: JSON = [
      "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
      "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "spec": [
        "interval": "1m0s", "url": "https://github.com/stefanprodan/podinfo", "ref": ["branch": "main"],
      ],
    ]
    if suspended { object[path: "spec", "suspend"] = true }
    return object
  }

  static func kustomization(
    _ name: String, namespace: String = "flux-system", source: String = "flux-system", suspended: Bool = false
  ) -> JSON {
    var object: JSON = [
      "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
      "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "spec": [
        "interval": "10m0s", "path": "./kustomize", "prune": true,
        "sourceRef": ["kind": "GitRepository", "name": .string(source)],
      ],
    ]
    if suspended { object[path: "spec", "suspend"] = true }
    return object
  }

  static func helmRepository(_ name: String, namespace: String = "flux-system", oci: Bool = false) -> JSON {
    var object: JSON = [
      "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "HelmRepository",
      "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "spec": ["interval": "1h0m0s", "url": "https://stefanprodan.github.io/podinfo"],
    ]
    if oci {
      object[path: "spec", "type"] = "oci"
      object[path: "spec", "url"] = "oci://ghcr.io/stefanprodan/charts"
    }
    return object
  }

  static func helmRelease(_ name: String, namespace: String = "flux-system", repository: String = "podinfo") -> JSON {
    [
      "apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease",
      "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "spec": [
        "interval": "5m0s",
        "chart": [
          "spec": [
            "chart": "podinfo", "version": "6.5.4",
            "sourceRef": ["kind": "HelmRepository", "name": .string(repository)],
          ]
        ],
      ],
    ]
  }
}
