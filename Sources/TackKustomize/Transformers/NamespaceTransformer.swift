import TackJSON

/// `namespace:` — sets metadata.namespace on every resource not known to be cluster-scoped,
/// renames v1 Namespace objects, fills APIService and CRD conversion-webhook service namespaces,
/// and sets the namespace of (Cluster)RoleBinding subjects named `default`.
struct NamespaceTransformer {
  let namespace: String
  let file: String

  private static let specs: [FieldSpec] = [
    FieldSpec(kind: "Namespace", path: "metadata/name", create: true),
    FieldSpec(group: "apiregistration.k8s.io", kind: "APIService", path: "spec/service/namespace", create: true),
    FieldSpec(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition",
              path: "spec/conversion/webhook/clientConfig/service/namespace", create: false),
  ]

  func apply(to list: inout ResourceList) throws(KustomizeError) {
    let value = JSON.string(namespace)
    try list.update { (items: inout [Resource]) throws(KustomizeError) in
      for index in items.indices {
        if items[index].object.isEmpty { continue }
        items[index].storePreviousID()
        let apiVersion = items[index].apiVersion
        let kind = items[index].kind
        do throws(FieldSpecError) {
          if !ClusterScope.isClusterScoped(apiVersion: apiVersion, kind: kind) {
            items[index].setNamespace(namespace)
          }
          if kind == "RoleBinding" || kind == "ClusterRoleBinding" {
            setDefaultSubjects(&items[index].object)
          }
          for spec in Self.specs {
            // metadata/name of a Namespace only for the core v1 kind.
            if spec.path == "metadata/name" && apiVersion != "v1" { continue }
            try FieldSpecWalker.apply(spec, to: &items[index].object, leaf: value) { (node: inout JSON) throws(FieldSpecError) in
              switch node {
              case .array, .object: throw FieldSpecError(message: "namespace field specs must target scalar nodes")
              default: node = value
              }
            }
          }
        } catch {
          throw .transformer(file: file, field: "namespace", reason: "\(items[index].currentID): \(error.message)")
        }
      }
    }
    // Two resources collapsing onto one ID is an error.
    var seen = Set<ResId>()
    for item in list.items where !item.object.isEmpty {
      if !seen.insert(item.currentID).inserted {
        throw .transformer(file: file, field: "namespace", reason: "namespace transformation produces ID conflict: \(item.currentID)")
      }
    }
  }

  private func setDefaultSubjects(_ object: inout JSONObject) {
    guard case .array(var subjects) = object["subjects"] else { return }
    for index in subjects.indices {
      guard case .object(var subject) = subjects[index], subject["name"]?.stringValue == "default" else { continue }
      subject["namespace"] = .string(namespace)
      subjects[index] = .object(subject)
    }
    object["subjects"] = .array(subjects)
  }
}
