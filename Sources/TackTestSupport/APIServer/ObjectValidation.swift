import Foundation
import TackJSON

/// Checks and defaults kube-apiserver applies to every object, and per-kind defaults for built-ins.
enum ObjectValidation {
  static let subdomainMessage =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
  static let labelMessage =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
  static let labelValueMessage =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

  static func isDNSLabel(_ text: String) -> Bool {
    guard !text.isEmpty, text.count <= 63, let first = text.first, let last = text.last else { return false }
    let alnum: (Character) -> Bool = { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }
    return alnum(first) && alnum(last) && text.allSatisfy { alnum($0) || $0 == "-" }
  }

  static func isDNSSubdomain(_ text: String) -> Bool {
    text.count <= 253 && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isDNSLabel(String($0)) }
  }

  static func isLabelValue(_ text: String) -> Bool {
    if text.isEmpty { return true }
    guard text.count <= 63, let first = text.first, let last = text.last else { return false }
    let alnum: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber) }
    return alnum(first) && alnum(last) && text.allSatisfy { alnum($0) || "-_.".contains($0) }
  }

  /// Name and metadata checks (`ValidateObjectMeta`).
  static func validateMetadata(_ object: JSON, type: ResourceType) -> [FieldError] {
    var errors: [FieldError] = []
    let name = object[path: "metadata", "name"]?.stringValue ?? ""
    if name.isEmpty {
      errors.append(FieldError(.required, field: "metadata.name", detail: "name or generateName is required"))
    } else if type.storageKey == "/namespaces" {
      if !isDNSLabel(name) {
        errors.append(FieldError(.invalid, field: "metadata.name", value: FieldError.goQuote(name),
          detail: name.count > 63 ? "must be no more than 63 characters" : labelMessage))
      }
    } else if type.group == "rbac.authorization.k8s.io" {
      if name == "." || name == ".." || name.contains("/") || name.contains("%") {
        errors.append(FieldError(.invalid, field: "metadata.name", value: FieldError.goQuote(name),
          detail: "may not contain '/' or '%'"))
      }
    } else if !isDNSSubdomain(name) {
      errors.append(FieldError(.invalid, field: "metadata.name", value: FieldError.goQuote(name),
        detail: name.count > 253 ? "must be no more than 253 characters" : subdomainMessage))
    }
    for label in object[path: "metadata", "labels"]?.objectValue ?? [:] {
      guard let value = label.value.stringValue else {
        errors.append(FieldError(.invalid, field: "metadata.labels", value: FieldError.render(label.value), detail: "must be a string"))
        continue
      }
      if !isLabelValue(value) {
        errors.append(FieldError(.invalid, field: "metadata.labels", value: FieldError.goQuote(value), detail: labelValueMessage))
      }
    }
    return errors
  }

  /// What the API server allocated stays when an update or apply leaves it out, as kube-apiserver's
  /// Service strategy keeps `clusterIP` and `clusterIPs` (a server-side apply that does not name
  /// them must not release the address).
  static func keepAllocatedValues(_ object: inout JSON, old: JSON, type: ResourceType) {
    guard type.storageKey == "/services", object[path: "spec", "type"]?.stringValue != "ExternalName" else { return }
    for field in ["clusterIP", "clusterIPs"] where object[path: "spec", field] == nil {
      if let value = old[path: "spec", field] { object[path: "spec", field] = value }
    }
  }

  /// Per-kind defaults and checks for built-ins (the parts clients notice).
  static func defaultBuiltin(_ object: inout JSON, type: ResourceType, isCreate: Bool) {
    switch type.storageKey {
    case "/namespaces":
      if isCreate {
        object[path: "spec", "finalizers"] = ["kubernetes"]
        object[path: "status", "phase"] = "Active"
      }
      if let name = object[path: "metadata", "name"]?.stringValue {
        object[path: "metadata", "labels", "kubernetes.io/metadata.name"] = .string(name)
      }
    case "/secrets":
      if object["type"] == nil { object["type"] = "Opaque" }
      if let stringData = object["stringData"]?.objectValue {
        var data = object["data"]?.objectValue ?? [:]
        for member in stringData {
          data[member.key] = .string(Data((member.value.stringValue ?? "").utf8).base64EncodedString())
        }
        object["data"] = .object(data)
        object["stringData"] = nil
      }
    case "/services":
      var spec = object["spec"] ?? [:]
      if spec["type"] == nil { spec["type"] = "ClusterIP" }
      if spec["sessionAffinity"] == nil { spec["sessionAffinity"] = "None" }
      if spec["type"]?.stringValue != "ExternalName" {
        if spec["clusterIP"] == nil, isCreate {
          let ip = "10.96.\(Int.random(in: 0...255)).\(Int.random(in: 1...254))"
          spec["clusterIP"] = .string(ip)
          spec["clusterIPs"] = [.string(ip)]
        }
        if spec["ipFamilies"] == nil { spec["ipFamilies"] = ["IPv4"] }
        if spec["ipFamilyPolicy"] == nil { spec["ipFamilyPolicy"] = "SingleStack" }
        if spec["internalTrafficPolicy"] == nil { spec["internalTrafficPolicy"] = "Cluster" }
      }
      if let ports = spec["ports"]?.arrayValue {
        spec["ports"] = .array(ports.map { port in
          var port = port
          if port["protocol"] == nil { port["protocol"] = "TCP" }
          if port["targetPort"] == nil, let number = port["port"] { port["targetPort"] = number }
          return port
        })
      }
      object["spec"] = spec
      if isCreate, object["status"] == nil { object["status"] = ["loadBalancer": [:]] }
    case "apps/deployments":
      var spec = object["spec"] ?? [:]
      if spec["replicas"] == nil { spec["replicas"] = 1 }
      if spec["revisionHistoryLimit"] == nil { spec["revisionHistoryLimit"] = 10 }
      if spec["progressDeadlineSeconds"] == nil { spec["progressDeadlineSeconds"] = 600 }
      if spec["strategy"] == nil {
        spec["strategy"] = ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": "25%", "maxUnavailable": "25%"]]
      }
      var podSpec = spec[path: "template", "spec"] ?? [:]
      if podSpec["restartPolicy"] == nil { podSpec["restartPolicy"] = "Always" }
      if podSpec["dnsPolicy"] == nil { podSpec["dnsPolicy"] = "ClusterFirst" }
      if podSpec["schedulerName"] == nil { podSpec["schedulerName"] = "default-scheduler" }
      if podSpec["terminationGracePeriodSeconds"] == nil { podSpec["terminationGracePeriodSeconds"] = 30 }
      if podSpec["securityContext"] == nil { podSpec["securityContext"] = [:] }
      if let containers = podSpec["containers"]?.arrayValue {
        podSpec["containers"] = .array(containers.map { container in
          var container = container
          if container["terminationMessagePath"] == nil { container["terminationMessagePath"] = "/dev/termination-log" }
          if container["terminationMessagePolicy"] == nil { container["terminationMessagePolicy"] = "File" }
          if container["imagePullPolicy"] == nil {
            let image = container["image"]?.stringValue ?? ""
            let tag = image.split(separator: "/").last?.split(separator: ":").dropFirst().first
            container["imagePullPolicy"] = tag == nil || tag == "latest" ? "Always" : "IfNotPresent"
          }
          if container["resources"] == nil { container["resources"] = [:] }
          return container
        })
      }
      spec[path: "template", "spec"] = podSpec
      object["spec"] = spec
    default:
      break
    }
  }

  static func validateBuiltin(_ object: JSON, type: ResourceType) -> [FieldError] {
    var errors: [FieldError] = []
    switch type.storageKey {
    case "apps/deployments":
      let selector = object[path: "spec", "selector"]
      if selector == nil {
        errors.append(FieldError(.required, field: "spec.selector"))
      } else {
        let labels = object[path: "spec", "template", "metadata", "labels"]?.objectValue ?? [:]
        let wanted = selector?["matchLabels"]?.objectValue ?? [:]
        if wanted.isEmpty && (selector?["matchExpressions"]?.arrayValue ?? []).isEmpty {
          errors.append(FieldError(.invalid, field: "spec.selector", value: FieldError.goValue(selector ?? [:]),
            detail: "empty selector is invalid for deployment"))
        }
        if !wanted.allSatisfy({ labels[$0.key] == $0.value }) {
          let shown = "map[string]string{" + labels.sortedMembers.map {
            "\(FieldError.goQuote($0.key)):\(FieldError.goQuote($0.value.stringValue ?? ""))"
          }.joined(separator: ", ") + "}"
          errors.append(FieldError(.invalid, field: "spec.template.metadata.labels", value: shown,
            detail: "`selector` does not match template `labels`"))
        }
      }
      if (object[path: "spec", "template", "spec", "containers"]?.arrayValue ?? []).isEmpty {
        errors.append(FieldError(.required, field: "spec.template.spec.containers"))
      }
    case "/services":
      for (i, port) in (object[path: "spec", "ports"]?.arrayValue ?? []).enumerated() where port["port"] == nil {
        errors.append(FieldError(.required, field: "spec.ports[\(i)].port"))
      }
    case "/secrets", "/configmaps":
      for member in object["data"]?.objectValue ?? [:] {
        let validKey = !member.key.isEmpty && member.key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        if !validKey {
          errors.append(FieldError(.invalid, field: "data", value: FieldError.goQuote(member.key),
            detail: "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"))
        }
      }
    default:
      break
    }
    return errors
  }
}
