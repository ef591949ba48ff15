import Foundation
import TackBase
import TackJSON

/// The built-in kinds the test server serves, with kube-apiserver's names, verbs and table columns.
enum BuiltinResources {
  static func age(_ object: JSON, _ now: Double) -> JSON {
    guard let text = object[path: "metadata", "creationTimestamp"]?.stringValue, let time = RFC3339Time(text)
    else { return "<unknown>" }
    return .string(HumanDuration.age(seconds: Int64(now - time.seconds)))
  }

  static let nameColumn = PrinterColumn(
    name: "Name", format: "name",
    description: "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
    value: .jsonPath(JSONPath(".metadata.name")!))
  static let ageColumn = PrinterColumn(
    name: "Age", description: "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
    value: .compute(age))

  static func path(_ name: String, _ path: String, type: String = "string", priority: Int = 0) -> PrinterColumn {
    PrinterColumn(name: name, type: type, priority: priority, value: .jsonPath(JSONPath(path)!))
  }

  static func computed(_ name: String, type: String = "string", priority: Int = 0,
    _ body: @escaping @Sendable (JSON) -> JSON) -> PrinterColumn
  {
    PrinterColumn(name: name, type: type, priority: priority, value: .compute({ object, _ in body(object) }))
  }

  static func count(_ value: JSON?) -> Int { value?.objectValue?.count ?? value?.arrayValue?.count ?? 0 }

  static func createdAt(_ object: JSON) -> JSON {
    object[path: "metadata", "creationTimestamp"] ?? .null
  }

  static var all: [ResourceType] {
    var types: [ResourceType] = []
    types.append(
      ResourceType(
        group: "", version: "v1", kind: "Namespace", plural: "namespaces", shortNames: ["ns"], namespaced: false,
        verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], hasStatus: true,
        columns: [nameColumn, path("Status", ".status.phase"), ageColumn]))
    types.append(
      ResourceType(
        group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", shortNames: ["cm"],
        columns: [
          nameColumn,
          computed("Data", type: "integer") { .int(count($0["data"]) + count($0["binaryData"])) }, ageColumn,
        ]))
    types.append(
      ResourceType(
        group: "", version: "v1", kind: "Secret", plural: "secrets",
        columns: [
          nameColumn, path("Type", ".type"), computed("Data", type: "integer") { .int(count($0["data"])) },
          ageColumn,
        ]))
    types.append(
      ResourceType(
        group: "", version: "v1", kind: "ServiceAccount", plural: "serviceaccounts", shortNames: ["sa"],
        columns: [nameColumn, computed("Secrets", type: "integer") { .int(count($0["secrets"])) }, ageColumn]))
    types.append(
      ResourceType(
        group: "", version: "v1", kind: "Service", plural: "services", shortNames: ["svc"], categories: ["all"],
        verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
        hasStatus: true,
        columns: [
          nameColumn, path("Type", ".spec.type"), path("Cluster-IP", ".spec.clusterIP"),
          computed("External-IP") { object in
            let ips = (object[path: "status", "loadBalancer", "ingress"]?.arrayValue ?? []).compactMap {
              $0["ip"]?.stringValue ?? $0["hostname"]?.stringValue
            } + (object[path: "spec", "externalIPs"]?.arrayValue ?? []).compactMap(\.stringValue)
            if ips.isEmpty {
              return object[path: "spec", "type"]?.stringValue == "LoadBalancer" ? "<pending>" : "<none>"
            }
            return .string(ips.joined(separator: ","))
          },
          computed("Port(s)") { object in
            let ports = (object[path: "spec", "ports"]?.arrayValue ?? []).map { port -> String in
              let number = port["port"]?.intValue ?? 0
              let proto = port["protocol"]?.stringValue ?? "TCP"
              if let node = port["nodePort"]?.intValue { return "\(number):\(node)/\(proto)" }
              return "\(number)/\(proto)"
            }
            return .string(ports.isEmpty ? "<none>" : ports.joined(separator: ","))
          },
          ageColumn,
          computed("Selector", priority: 1) { object in
            let selector = object[path: "spec", "selector"]?.objectValue?.sortedMembers ?? []
            if selector.isEmpty { return "<none>" }
            return .string(selector.map { "\($0.key)=\($0.value.stringValue ?? "")" }.joined(separator: ","))
          },
        ]))
    types.append(
      ResourceType(
        group: "", version: "v1", kind: "Pod", plural: "pods", shortNames: ["po"], categories: ["all"],
        hasStatus: true,
        columns: [
          nameColumn,
          computed("Ready") { object in
            let statuses = object[path: "status", "containerStatuses"]?.arrayValue ?? []
            let ready = statuses.filter { $0["ready"]?.boolValue == true }.count
            let want = object[path: "spec", "containers"]?.arrayValue?.count ?? 0
            return .string("\(ready)/\(want)")
          },
          path("Status", ".status.phase"), ageColumn,
        ]))
    var coreEvent = ResourceType(
      group: "", version: "v1", kind: "Event", plural: "events", shortNames: ["ev"],
      columns: eventColumns)
    coreEvent.conversion = .coreEvent
    types.append(coreEvent)
    types.append(
      ResourceType(
        group: "apps", version: "v1", kind: "Deployment", plural: "deployments", shortNames: ["deploy"],
        categories: ["all"], hasStatus: true, hasScale: true, tracksGeneration: true,
        columns: [
          nameColumn,
          computed("Ready") { object in
            let ready = object[path: "status", "readyReplicas"]?.intValue ?? 0
            let want = object[path: "spec", "replicas"]?.intValue ?? 0
            return .string("\(ready)/\(want)")
          },
          computed("Up-to-date", type: "integer") { .int($0[path: "status", "updatedReplicas"]?.intValue ?? 0) },
          computed("Available", type: "integer") { .int($0[path: "status", "availableReplicas"]?.intValue ?? 0) },
          ageColumn,
          computed("Containers", priority: 1) { object in
            .string(containers(object).compactMap { $0["name"]?.stringValue }.joined(separator: ","))
          },
          computed("Images", priority: 1) { object in
            .string(containers(object).compactMap { $0["image"]?.stringValue }.joined(separator: ","))
          },
          computed("Selector", priority: 1) { object in
            let labels = object[path: "spec", "selector", "matchLabels"]?.objectValue?.sortedMembers ?? []
            return .string(labels.map { "\($0.key)=\($0.value.stringValue ?? "")" }.joined(separator: ","))
          },
        ]))
    var eventsV1 = ResourceType(
      group: "events.k8s.io", version: "v1", kind: "Event", plural: "events", shortNames: ["ev"],
      columns: eventColumns)
    eventsV1.conversion = .eventsV1
    types.append(eventsV1)
    types.append(
      ResourceType(
        group: "networking.k8s.io", version: "v1", kind: "NetworkPolicy", plural: "networkpolicies",
        shortNames: ["netpol"], tracksGeneration: true,
        columns: [
          nameColumn,
          computed("Pod-Selector") { object in
            let labels = object[path: "spec", "podSelector", "matchLabels"]?.objectValue?.sortedMembers ?? []
            return .string(
              labels.isEmpty ? "<none>" : labels.map { "\($0.key)=\($0.value.stringValue ?? "")" }.joined(separator: ","))
          },
          ageColumn,
        ]))
    let rbac = "rbac.authorization.k8s.io"
    let createdAtColumn = computed("Created At", type: "date") { createdAt($0) }
    types.append(
      ResourceType(group: rbac, version: "v1", kind: "ClusterRoleBinding", plural: "clusterrolebindings",
        namespaced: false, columns: [nameColumn, roleRefColumn, ageColumn]))
    types.append(
      ResourceType(group: rbac, version: "v1", kind: "ClusterRole", plural: "clusterroles", namespaced: false,
        columns: [nameColumn, createdAtColumn]))
    types.append(
      ResourceType(group: rbac, version: "v1", kind: "RoleBinding", plural: "rolebindings",
        columns: [nameColumn, roleRefColumn, ageColumn]))
    types.append(
      ResourceType(group: rbac, version: "v1", kind: "Role", plural: "roles", columns: [nameColumn, createdAtColumn]))
    types.append(
      ResourceType(
        group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition",
        plural: "customresourcedefinitions", shortNames: ["crd", "crds"], categories: ["api-extensions"],
        namespaced: false, hasStatus: true, tracksGeneration: true, columns: [nameColumn, createdAtColumn]))
    return types
  }

  static let roleRefColumn = computed("Role") { object in
    .string("\(object[path: "roleRef", "kind"]?.stringValue ?? "")/\(object[path: "roleRef", "name"]?.stringValue ?? "")")
  }

  static func containers(_ object: JSON) -> [JSON] {
    object[path: "spec", "template", "spec", "containers"]?.arrayValue ?? []
  }

  static let eventColumns: [PrinterColumn] = [
    PrinterColumn(
      name: "Last Seen", value: .compute({ object, now in
        let stamp = object["lastTimestamp"]?.stringValue ?? object["eventTime"]?.stringValue
          ?? object[path: "metadata", "creationTimestamp"]?.stringValue
        guard let stamp, let time = RFC3339Time(stamp) else { return "<unknown>" }
        return .string(HumanDuration.age(seconds: Int64(now - time.seconds)))
      })),
    path("Type", ".type"),
    path("Reason", ".reason"),
    computed("Object") { object in
      let kind = object[path: "involvedObject", "kind"]?.stringValue ?? ""
      let name = object[path: "involvedObject", "name"]?.stringValue ?? ""
      return .string("\(kind.lowercased())/\(name)")
    },
    path("Subobject", ".involvedObject.fieldPath", priority: 1),
    computed("Source", priority: 1) { object in
      let component = object[path: "source", "component"]?.stringValue ?? object["reportingComponent"]?.stringValue ?? ""
      if let host = object[path: "source", "host"]?.stringValue, !host.isEmpty { return .string("\(component), \(host)") }
      return .string(component)
    },
    path("Message", ".message"),
    path("First Seen", ".firstTimestamp", priority: 1),
    computed("Count", type: "integer", priority: 1) { .int($0["count"]?.intValue ?? 1) },
    path("Name", ".metadata.name", priority: 1),
  ]
}
