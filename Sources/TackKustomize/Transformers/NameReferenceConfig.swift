/// Which fields of which kinds hold the name of which other kind (kustomize's built-in
/// `nameReference` configuration), so renamed objects are followed by their referrers.
struct NameBackReference {
  /// The referred-to kind (a group or version left empty matches any).
  var group = ""
  var version = ""
  var kind: String
  var referrers: [FieldSpec]
}

enum NameReferenceConfig {
  private static func spec(_ kind: String, _ path: String, group: String = "", version: String = "") -> FieldSpec {
    FieldSpec(group: group, version: version, kind: kind, path: path)
  }

  /// `prefix` + each path for the given kinds.
  private static func podTemplateRefs(_ paths: [String], podVersion: String = "v1") -> [FieldSpec] {
    var specs: [FieldSpec] = paths.map { spec("Pod", "spec/" + $0, version: podVersion) }
    specs += paths.map { spec("PodTemplate", "template/spec/" + $0) }
    for kind in ["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job"] {
      specs += paths.map { spec(kind, "spec/template/spec/" + $0) }
    }
    specs += paths.map { spec("CronJob", "spec/jobTemplate/spec/template/spec/" + $0) }
    return specs
  }

  /// Pod-spec paths for the kinds kustomize lists for ServiceAccount, PVC and PriorityClass names.
  private static func workloadRefs(_ path: String) -> [FieldSpec] {
    [spec("Pod", "spec/" + path)]
      + ["StatefulSet", "Deployment", "ReplicationController"].map { spec($0, "spec/template/spec/" + path) }
      + [spec("CronJob", "spec/jobTemplate/spec/template/spec/" + path)]
      + ["Job", "DaemonSet"].map { spec($0, "spec/template/spec/" + path) }
  }

  static let backReferences: [NameBackReference] = {
    let rbac = "rbac.authorization.k8s.io"
    var refs: [NameBackReference] = ["Deployment", "ReplicationController", "ReplicaSet", "StatefulSet"].map {
      NameBackReference(kind: $0, referrers: [spec("HorizontalPodAutoscaler", "spec/scaleTargetRef/name")])
    }
    let configMapPaths = [
      "volumes/configMap/name", "containers/env/valueFrom/configMapKeyRef/name",
      "initContainers/env/valueFrom/configMapKeyRef/name", "containers/envFrom/configMapRef/name",
      "initContainers/envFrom/configMapRef/name", "volumes/projected/sources/configMap/name",
    ]
    refs.append(
      NameBackReference(
        version: "v1", kind: "ConfigMap",
        referrers: podTemplateRefs(configMapPaths) + [
          spec("Node", "spec/configSource/configMap"),
          spec("Role", "rules/resourceNames"),
          spec("ClusterRole", "rules/resourceNames"),
          spec("Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap"),
        ]))
    let secretPaths = [
      "volumes/secret/secretName", "containers/env/valueFrom/secretKeyRef/name",
      "initContainers/env/valueFrom/secretKeyRef/name", "containers/envFrom/secretRef/name",
      "initContainers/envFrom/secretRef/name", "imagePullSecrets/name", "volumes/projected/sources/secret/name",
    ]
    refs.append(
      NameBackReference(
        version: "v1", kind: "Secret",
        referrers: podTemplateRefs(secretPaths) + [
          spec("Ingress", "spec/tls/secretName"),
          spec("Ingress", "metadata/annotations/ingress.kubernetes.io\\/auth-secret"),
          spec("Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret"),
          spec("Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret"),
          spec("ServiceAccount", "imagePullSecrets/name"),
          spec("StorageClass", "parameters/secretName"),
          spec("StorageClass", "parameters/adminSecretName"),
          spec("StorageClass", "parameters/userSecretName"),
          spec("StorageClass", "parameters/secretRef"),
          spec("Role", "rules/resourceNames"),
          spec("ClusterRole", "rules/resourceNames"),
          spec("Service", "spec/template/spec/containers/env/valueFrom/secretKeyRef/name", group: "serving.knative.dev", version: "v1"),
          spec("PersistentVolume", "spec/azureFile/secretName"),
        ]))
    refs.append(
      NameBackReference(
        version: "v1", kind: "Service",
        referrers: [
          spec("StatefulSet", "spec/serviceName", group: "apps"),
          spec("Ingress", "spec/rules/http/paths/backend/serviceName"),
          spec("Ingress", "spec/backend/serviceName"),
          spec("Ingress", "spec/rules/http/paths/backend/service/name"),
          spec("Ingress", "spec/defaultBackend/service/name"),
          spec("APIService", "spec/service/name", group: "apiregistration.k8s.io"),
          spec("ValidatingWebhookConfiguration", "webhooks/clientConfig/service", group: "admissionregistration.k8s.io"),
          spec("MutatingWebhookConfiguration", "webhooks/clientConfig/service", group: "admissionregistration.k8s.io"),
        ]))
    refs.append(NameBackReference(group: rbac, kind: "Role", referrers: [spec("RoleBinding", "roleRef/name", group: rbac)]))
    refs.append(
      NameBackReference(
        group: rbac, kind: "ClusterRole",
        referrers: [spec("RoleBinding", "roleRef/name", group: rbac), spec("ClusterRoleBinding", "roleRef/name", group: rbac)]))
    refs.append(
      NameBackReference(
        version: "v1", kind: "ServiceAccount",
        referrers: [spec("RoleBinding", "subjects", group: rbac), spec("ClusterRoleBinding", "subjects", group: rbac)]
          + workloadRefs("serviceAccountName")))
    refs.append(
      NameBackReference(version: "v1", kind: "PersistentVolumeClaim", referrers: workloadRefs("volumes/persistentVolumeClaim/claimName")))
    refs.append(
      NameBackReference(
        version: "v1", kind: "PersistentVolume",
        referrers: [spec("PersistentVolumeClaim", "spec/volumeName"), spec("ClusterRole", "rules/resourceNames")]))
    refs.append(
      NameBackReference(
        group: "storage.k8s.io", version: "v1", kind: "StorageClass",
        referrers: [
          spec("PersistentVolume", "spec/storageClassName"),
          spec("PersistentVolumeClaim", "spec/storageClassName"),
          spec("StatefulSet", "spec/volumeClaimTemplates/spec/storageClassName"),
        ]))
    refs.append(
      NameBackReference(group: "scheduling.k8s.io", version: "v1", kind: "PriorityClass", referrers: workloadRefs("priorityClassName")))
    // kustomize's entry carries the group "networking.k8s.io/v1", which no object has: it never fires.
    refs.append(
      NameBackReference(group: "networking.k8s.io/v1", version: "v1", kind: "IngressClass", referrers: [spec("Ingress", "spec/ingressClassName")]))
    refs.append(
      NameBackReference(
        group: "admissionregistration.k8s.io", kind: "ValidatingAdmissionPolicy",
        referrers: [spec("ValidatingAdmissionPolicyBinding", "spec/policyName", group: "admissionregistration.k8s.io")]))
    return refs
  }()
}
