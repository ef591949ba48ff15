/// The resource words kubectl users type for common kinds (`deploy`, `svc`, `deployments.apps`) and
/// Flux's own (`ks`, `hr`, `gitrepositories`), for commands that take `<resource> <name>` as kubectl
/// does. Anything else is named with `--kind` and `--api-version`.
public enum ResourceNames {
  struct Entry {
    var apiVersion: String
    var kind: String
    var plural: String
    var shortNames: [String]
  }

  static let builtIn: [Entry] = [
    Entry(apiVersion: "v1", kind: "Pod", plural: "pods", shortNames: ["po"]),
    Entry(apiVersion: "v1", kind: "Service", plural: "services", shortNames: ["svc"]),
    Entry(apiVersion: "v1", kind: "ConfigMap", plural: "configmaps", shortNames: ["cm"]),
    Entry(apiVersion: "v1", kind: "Secret", plural: "secrets", shortNames: []),
    Entry(apiVersion: "v1", kind: "ServiceAccount", plural: "serviceaccounts", shortNames: ["sa"]),
    Entry(apiVersion: "v1", kind: "Namespace", plural: "namespaces", shortNames: ["ns"]),
    Entry(apiVersion: "v1", kind: "PersistentVolumeClaim", plural: "persistentvolumeclaims", shortNames: ["pvc"]),
    Entry(apiVersion: "apps/v1", kind: "Deployment", plural: "deployments", shortNames: ["deploy"]),
    Entry(apiVersion: "apps/v1", kind: "StatefulSet", plural: "statefulsets", shortNames: ["sts"]),
    Entry(apiVersion: "apps/v1", kind: "DaemonSet", plural: "daemonsets", shortNames: ["ds"]),
    Entry(apiVersion: "apps/v1", kind: "ReplicaSet", plural: "replicasets", shortNames: ["rs"]),
    Entry(apiVersion: "batch/v1", kind: "Job", plural: "jobs", shortNames: []),
    Entry(apiVersion: "batch/v1", kind: "CronJob", plural: "cronjobs", shortNames: ["cj"]),
    Entry(apiVersion: "networking.k8s.io/v1", kind: "Ingress", plural: "ingresses", shortNames: ["ing"]),
    Entry(apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", plural: "networkpolicies", shortNames: ["netpol"]),
    Entry(apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", plural: "roles", shortNames: []),
    Entry(apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", plural: "rolebindings", shortNames: []),
    Entry(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", plural: "clusterroles", shortNames: []),
    Entry(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", plural: "clusterrolebindings", shortNames: []),
    Entry(apiVersion: "policy/v1", kind: "PodDisruptionBudget", plural: "poddisruptionbudgets", shortNames: ["pdb"]),
    Entry(apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", plural: "horizontalpodautoscalers", shortNames: ["hpa"]),
    Entry(apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", plural: "customresourcedefinitions", shortNames: ["crd", "crds"]),
  ]

  /// The type a resource word names, if tack knows it: a kind, singular, plural, short name, or
  /// `plural.group`, case-insensitively.
  public static func resolve(_ word: String) -> ObjectKind? {
    let text = word.lowercased()
    for entry in builtIn {
      let group = entry.apiVersion.contains("/") ? String(entry.apiVersion.split(separator: "/")[0]) : ""
      let singular = entry.kind.lowercased()
      let names = [singular, entry.plural] + entry.shortNames + (group.isEmpty ? [] : ["\(entry.plural).\(group)", "\(singular).\(group)"])
      if names.contains(text) { return ObjectKind(apiVersion: entry.apiVersion, kind: entry.kind) }
    }
    for kind in FluxKind.catalog {
      let singular = kind.kind.lowercased()
      let names = [singular, kind.plural, "\(kind.plural).\(kind.group)", "\(singular).\(kind.group)"] + kind.noun.shortNames
      if names.contains(text) { return ObjectKind(kind) }
    }
    return nil
  }
}
