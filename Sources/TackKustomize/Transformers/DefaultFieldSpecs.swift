/// Where kustomize's built-in transformers write, by kind (its default "configurations").
enum DefaultFieldSpecs {
  private static func spec(_ path: String, _ kind: String = "", group: String = "", version: String = "", create: Bool = true) -> FieldSpec {
    FieldSpec(group: group, version: version, kind: kind, path: path, create: create)
  }

  /// metadata labels plus the pod-template and claim-template labels of workloads.
  static let templateLabels: [FieldSpec] = [
    spec("metadata/labels"),
    spec("spec/template/metadata/labels", "ReplicationController", version: "v1"),
    spec("spec/template/metadata/labels", "Deployment"),
    spec("spec/template/metadata/labels", "ReplicaSet"),
    spec("spec/template/metadata/labels", "DaemonSet"),
    spec("spec/template/metadata/labels", "StatefulSet", group: "apps"),
    spec("spec/volumeClaimTemplates[]/metadata/labels", "StatefulSet", group: "apps"),
    spec("spec/template/metadata/labels", "Job", group: "batch"),
    spec("spec/jobTemplate/metadata/labels", "CronJob", group: "batch"),
    spec("spec/jobTemplate/spec/template/metadata/labels", "CronJob", group: "batch"),
  ]

  /// Selectors that must carry the labels too (commonLabels, `includeSelectors`), then the above.
  static let commonLabels: [FieldSpec] = {
    var specs: [FieldSpec] = [
      spec("spec/selector", "Service", version: "v1"),
      spec("spec/selector", "ReplicationController", version: "v1"),
      spec("spec/selector/matchLabels", "Deployment"),
    ]
    let affinity = [
      "spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
      "spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
      "spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels",
      "spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels",
      "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels",
    ]
    specs += affinity.map { spec($0, "Deployment", group: "apps", create: false) }
    specs += [
      spec("spec/selector/matchLabels", "ReplicaSet"),
      spec("spec/selector/matchLabels", "DaemonSet"),
      spec("spec/selector/matchLabels", "StatefulSet", group: "apps"),
    ]
    specs += affinity.map { spec($0, "StatefulSet", group: "apps", create: false) }
    specs += [
      spec("spec/selector/matchLabels", "Job", group: "batch", create: false),
      spec("spec/jobTemplate/spec/selector/matchLabels", "CronJob", group: "batch", create: false),
      spec("spec/selector/matchLabels", "PodDisruptionBudget", group: "policy", create: false),
      spec("spec/podSelector/matchLabels", "NetworkPolicy", group: "networking.k8s.io", create: false),
      spec("spec/ingress/from/podSelector/matchLabels", "NetworkPolicy", group: "networking.k8s.io", create: false),
      spec("spec/egress/to/podSelector/matchLabels", "NetworkPolicy", group: "networking.k8s.io", create: false),
    ]
    return specs + templateLabels
  }()

  static let commonAnnotations: [FieldSpec] = [
    spec("metadata/annotations"),
    spec("spec/template/metadata/annotations", "ReplicationController", version: "v1"),
    spec("spec/template/metadata/annotations", "Deployment"),
    spec("spec/template/metadata/annotations", "ReplicaSet"),
    spec("spec/template/metadata/annotations", "DaemonSet"),
    spec("spec/template/metadata/annotations", "StatefulSet"),
    spec("spec/template/metadata/annotations", "Job", group: "batch"),
    spec("spec/jobTemplate/metadata/annotations", "CronJob", group: "batch"),
    spec("spec/jobTemplate/spec/template/metadata/annotations", "CronJob", group: "batch"),
  ]

  static let images: [FieldSpec] = [
    spec("spec/containers[]/image"),
    spec("spec/initContainers[]/image"),
    spec("spec/template/spec/containers[]/image"),
    spec("spec/template/spec/initContainers[]/image"),
  ]

  static let replicas: [FieldSpec] = [
    spec("spec/replicas", "Deployment"),
    spec("spec/replicas", "ReplicationController"),
    spec("spec/replicas", "ReplicaSet"),
    spec("spec/replicas", "StatefulSet"),
  ]

  /// Appends `incoming` to `specs`, skipping ones already there (same GVK and path), as kustomize's
  /// FsSlice.MergeAll does; a clash in `create` is an error there, ignored here (the built-in
  /// tables never clash).
  static func merge(_ specs: [FieldSpec], _ incoming: [FieldSpec]) -> [FieldSpec] {
    var result = specs
    for spec in incoming where !result.contains(where: { $0.group == spec.group && $0.version == spec.version && $0.kind == spec.kind && $0.path == spec.path }) {
      result.append(spec)
    }
    return result
  }
}
