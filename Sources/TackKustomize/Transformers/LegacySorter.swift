/// kustomize's default output order ("legacy"): by kind rank (Namespaces and other prerequisites
/// first, webhooks last), then group/version/kind, then namespace and name.
enum LegacySorter {
  static let defaultOrderFirst = [
    "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy",
    "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service",
    "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet",
    "CronJob", "PodDisruptionBudget",
  ]
  static let defaultOrderLast = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]

  static func sort(_ resources: [Resource], orderFirst: [String], orderLast: [String]) -> [Resource] {
    var rank: [String: Int] = [:]
    for (i, kind) in orderFirst.enumerated() { rank[kind] = -orderFirst.count + i }
    for (i, kind) in orderLast.enumerated() { rank[kind] = 1 + i }
    let keyed = resources.map { resource -> (Key, Resource) in
      let id = resource.currentID
      return (Key(id: id, rank: rank[id.kind] ?? 0), resource)
    }
    return keyed.sorted { $0.0 < $1.0 }.map(\.1)
  }

  private struct Key: Comparable {
    var id: ResId
    var rank: Int
    var gvkString: String
    var idString: String

    init(id: ResId, rank: Int) {
      self.id = id
      self.rank = rank
      gvkString = (id.group.isEmpty ? "~G" : id.group) + "_" + (id.version.isEmpty ? "~V" : id.version) + "_"
        + (id.kind.isEmpty ? "~K" : id.kind)
      let gvk = (id.kind.isEmpty ? "[noKind]" : id.kind) + "." + (id.version.isEmpty ? "[noVer]" : id.version) + "."
        + (id.group.isEmpty ? "[noGrp]" : id.group)
      idString = gvk + "|" + (id.namespace.isEmpty ? "~X" : id.namespace) + "|" + (id.name.isEmpty ? "~N" : id.name)
    }

    static func == (a: Key, b: Key) -> Bool { a.idString == b.idString && a.gvkString == b.gvkString }

    static func < (a: Key, b: Key) -> Bool {
      let sameGVK = a.id.group == b.id.group && a.id.version == b.id.version && a.id.kind == b.id.kind
      if !sameGVK {
        if a.rank != b.rank { return a.rank < b.rank }
        if a.id.kind == "Namespace" && b.id.kind == "Namespace" && (a.id.group.isEmpty || b.id.group.isEmpty) {
          // The core Namespace first: kustomize reverses the comparison for this pair.
          return b.gvkString.utf8.lexicographicallyPrecedes(a.gvkString.utf8)
        }
        return a.gvkString.utf8.lexicographicallyPrecedes(b.gvkString.utf8)
      }
      return a.idString.utf8.lexicographicallyPrecedes(b.idString.utf8)
    }
  }
}
