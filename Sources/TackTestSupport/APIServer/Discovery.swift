import Crypto
import Foundation
import TackBase
import TackJSON

/// The discovery documents kubectl reads (`/api`, `/apis`, `/api/v1`, `/apis/<group>/<version>`),
/// built from the registry as it is at request time (so a new CRD shows up once Established).
enum Discovery {
  static func version(_ gitVersion: String = "v1.32.6") -> JSON {
    let numbers = gitVersion.dropFirst().split(separator: ".").map { String($0.prefix { $0.isNumber }) }
    return [
      "major": .string(numbers.first ?? ""), "minor": .string(numbers.count > 1 ? numbers[1] : ""),
      "gitVersion": .string(gitVersion), "gitCommit": "0000000000000000000000000000000000000000",
      "gitTreeState": "clean", "buildDate": "2025-06-17T00:00:00Z", "goVersion": "go1.23.10", "compiler": "gc",
      "platform": "linux/amd64",
    ]
  }

  static func coreVersions(serverAddress: String) -> JSON {
    ["kind": "APIVersions", "versions": ["v1"],
     "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]]]
  }

  static func group(_ name: String, versions: [String]) -> JSON {
    let entries: [JSON] = versions.map { ["groupVersion": .string("\(name)/\($0)"), "version": .string($0)] }
    return ["name": .string(name), "versions": .array(entries), "preferredVersion": entries.first ?? .null]
  }

  static func groupList(_ registry: ResourceRegistry) -> JSON {
    let groups = registry.groups.filter { !$0.name.isEmpty }.map { group($0.name, versions: $0.versions) }
    return ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(groups)]
  }

  static func groupDocument(_ registry: ResourceRegistry, name: String) -> JSON? {
    guard let entry = registry.groups.first(where: { $0.name == name && !name.isEmpty }) else { return nil }
    var document = group(entry.name, versions: entry.versions).objectValue ?? [:]
    document["kind"] = "APIGroup"
    document["apiVersion"] = "v1"
    return .object(JSONObject([JSONObject.Member(key: "kind", value: "APIGroup"), .init(key: "apiVersion", value: "v1")]
      + document.members.filter { $0.key != "kind" && $0.key != "apiVersion" }))
  }

  static func storageVersionHash(_ type: ResourceType) -> String {
    let digest = SHA256.hash(data: Data("\(type.group)/\(type.version)/\(type.kind)".utf8))
    return Data(Array(digest).prefix(8)).base64EncodedString()
  }

  static func resourceList(_ registry: ResourceRegistry, group: String, version: String) -> JSON? {
    let types = registry.types(group: group, version: version)
    guard !types.isEmpty else { return nil }
    var resources: [JSON] = []
    for type in types {
      var entry: JSONObject = [
        "name": .string(type.plural), "singularName": .string(type.singular), "namespaced": .bool(type.namespaced),
        "kind": .string(type.kind), "verbs": .array(type.verbs.map { .string($0) }),
      ]
      if !type.shortNames.isEmpty { entry["shortNames"] = .array(type.shortNames.map { .string($0) }) }
      if !type.categories.isEmpty { entry["categories"] = .array(type.categories.map { .string($0) }) }
      entry["storageVersionHash"] = .string(storageVersionHash(type))
      resources.append(.object(entry))
      if type.hasStatus {
        resources.append([
          "name": .string("\(type.plural)/status"), "singularName": "", "namespaced": .bool(type.namespaced),
          "kind": .string(type.kind), "verbs": ["get", "patch", "update"],
        ])
      }
    }
    return ["kind": "APIResourceList", "apiVersion": "v1",
            "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"), "resources": .array(resources)]
  }
}

/// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`: the server-side printing kubectl uses.
enum TableConverter {
  static func columnDefinitions(_ type: ResourceType) -> JSON {
    .array(type.columns.map { column in
      ["name": .string(column.name), "type": .string(column.type), "format": .string(column.format),
       "description": .string(column.description.isEmpty ? "Custom resource definition column (in JSONPath format): \(jsonPathText(column))" : column.description),
       "priority": .int(column.priority)]
    })
  }

  static func jsonPathText(_ column: PrinterColumn) -> String {
    if case .jsonPath(let path) = column.value { return path.text }
    return ""
  }

  static func cells(_ type: ResourceType, _ object: JSON, now: Double) -> [JSON] {
    type.columns.map { column in
      switch column.value {
      case .compute(let body): return body(object, now)
      case .jsonPath(let path):
        guard let value = path.first(object), !value.isNull else { return .null }
        return cell(value, type: column.type, now: now)
      }
    }
  }

  /// `cellForJSONValue` of apiextensions-apiserver's table convertor.
  static func cell(_ value: JSON, type: String, now: Double) -> JSON {
    switch type {
    case "integer":
      if let i = value.intValue { return .int(i) }
      return .null
    case "number":
      if case .number = value { return value }
      return .null
    case "boolean":
      if case .bool = value { return value }
      return .null
    case "date":
      guard let text = value.stringValue else { return .null }
      guard let time = RFC3339Time(text) else { return "<invalid>" }
      return .string(HumanDuration.age(seconds: Int64(now - time.seconds)))
    default:
      switch value {
      case .string: return value
      case .number(let n): return .string(n)
      case .bool(let b): return .string(b ? "true" : "false")
      default: return .string(value.serialized())
      }
    }
  }

  static func rowObject(_ object: JSON, include: String) -> JSON? {
    switch include {
    case "None": return nil
    case "Object": return object
    default:
      return ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": object["metadata"] ?? [:]]
    }
  }

  static func table(_ type: ResourceType, objects: [JSON], listMetadata: JSON, include: String, headers: Bool = true,
    tableVersion: String = "v1") -> JSON
  {
    let now = Date().timeIntervalSince1970
    let rows: [JSON] = objects.map { object in
      var row: JSONObject = ["cells": .array(cells(type, object, now: now))]
      if let rowObject = rowObject(object, include: include) { row["object"] = rowObject }
      return .object(row)
    }
    return ["kind": "Table", "apiVersion": .string("meta.k8s.io/\(tableVersion)"), "metadata": listMetadata,
            "columnDefinitions": headers ? columnDefinitions(type) : .array([]), "rows": .array(rows)]
  }
}
