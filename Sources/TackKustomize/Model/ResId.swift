/// A resource's identity: group, version, kind, name and namespace. Two IDs are equal when group,
/// version, kind and name match and their *effective* namespaces match: an empty namespace counts as
/// `default`, and cluster-scoped kinds have no namespace at all.
struct ResId: Hashable, CustomStringConvertible {
  var group: String
  var version: String
  var kind: String
  var name: String
  var namespace: String
  /// `default` for "" and "default", a marker for cluster-scoped kinds, else the namespace.
  private(set) var effectiveNamespace: String

  static let clusterScopedMarker = "_non_namespaceable_"

  /// An ID for a resource as it is now: cluster scope comes from the built-in schema table.
  init(apiVersion: String, kind: String, name: String, namespace: String) {
    let (group, version) = Self.splitAPIVersion(apiVersion)
    self.init(group: group, version: version, kind: kind, name: name, namespace: namespace,
              clusterScoped: ClusterScope.isClusterScoped(apiVersion: apiVersion, kind: kind))
  }

  init(group: String, version: String, kind: String, name: String, namespace: String, clusterScoped: Bool) {
    self.group = group
    self.version = version
    self.kind = kind
    self.name = name
    self.namespace = namespace
    if clusterScoped {
      effectiveNamespace = Self.clusterScopedMarker
    } else if namespace.isEmpty || namespace == "default" {
      effectiveNamespace = "default"
    } else {
      effectiveNamespace = namespace
    }
  }

  var isClusterScoped: Bool { effectiveNamespace == Self.clusterScopedMarker }

  var apiVersion: String { group.isEmpty ? version : group + "/" + version }

  static func splitAPIVersion(_ apiVersion: String) -> (group: String, version: String) {
    guard let slash = apiVersion.firstIndex(of: "/") else { return ("", apiVersion) }
    return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
  }

  static func == (a: ResId, b: ResId) -> Bool {
    a.name == b.name && a.kind == b.kind && a.effectiveNamespace == b.effectiveNamespace && a.version == b.version
      && a.group == b.group
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(kind)
    hasher.combine(effectiveNamespace)
    hasher.combine(version)
    hasher.combine(group)
  }

  /// Whether the non-empty group/version/kind of `selector` match (kustomize's `IsSelected`).
  func gvkSelected(group g: String, version v: String, kind k: String) -> Bool {
    (g.isEmpty || g == group) && (v.isEmpty || v == version) && (k.isEmpty || k == kind)
  }

  /// kustomize's spelling: `Kind.version.group/name.namespace` with `[noGrp]`-style blanks.
  var description: String {
    let k = kind.isEmpty ? "[noKind]" : kind
    let v = version.isEmpty ? "[noVer]" : version
    let g = group.isEmpty ? "[noGrp]" : group
    let n = name.isEmpty ? "[noName]" : name
    let ns = namespace.isEmpty ? "[noNs]" : namespace
    return "\(k).\(v).\(g)/\(n).\(ns)"
  }
}

/// Kinds the built-in Kubernetes 1.21.2 schema (the one kustomize embeds) marks cluster-scoped, by
/// exact apiVersion. Everything else — CRDs, newer built-ins — is treated as namespaced.
enum ClusterScope {
  private static let kinds: Set<String> = [
    "admissionregistration.k8s.io/v1 MutatingWebhookConfiguration",
    "admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration",
    "admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration",
    "admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration",
    "apiextensions.k8s.io/v1 CustomResourceDefinition",
    "apiextensions.k8s.io/v1beta1 CustomResourceDefinition",
    "apiregistration.k8s.io/v1 APIService",
    "apiregistration.k8s.io/v1beta1 APIService",
    "certificates.k8s.io/v1 CertificateSigningRequest",
    "certificates.k8s.io/v1beta1 CertificateSigningRequest",
    "flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema",
    "flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration",
    "networking.k8s.io/v1 IngressClass",
    "networking.k8s.io/v1beta1 IngressClass",
    "node.k8s.io/v1 RuntimeClass",
    "node.k8s.io/v1beta1 RuntimeClass",
    "policy/v1beta1 PodSecurityPolicy",
    "rbac.authorization.k8s.io/v1 ClusterRole",
    "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
    "rbac.authorization.k8s.io/v1beta1 ClusterRole",
    "rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding",
    "scheduling.k8s.io/v1 PriorityClass",
    "scheduling.k8s.io/v1beta1 PriorityClass",
    "storage.k8s.io/v1 CSIDriver",
    "storage.k8s.io/v1 CSINode",
    "storage.k8s.io/v1 StorageClass",
    "storage.k8s.io/v1 VolumeAttachment",
    "storage.k8s.io/v1beta1 CSIDriver",
    "storage.k8s.io/v1beta1 CSINode",
    "storage.k8s.io/v1beta1 StorageClass",
    "storage.k8s.io/v1beta1 VolumeAttachment",
    "v1 ComponentStatus",
    "v1 Namespace",
    "v1 Node",
    "v1 NodeProxyOptions",
    "v1 PersistentVolume",
  ]

  static func isClusterScoped(apiVersion: String, kind: String) -> Bool {
    kinds.contains(apiVersion + " " + kind)
  }
}
