import TackJSON

/// A minimal `/openapi/v3`: kubectl 1.32 reads it only to learn that the server does field
/// validation (the PATCH operation of each kind lists a `fieldValidation` query parameter); with
/// that, `kubectl apply/create` send `fieldValidation=Strict` and skip client-side validation, which
/// would otherwise need the protobuf `/openapi/v2`. Schemas are not published: kubectl then falls
/// back to its compiled-in types for strategic merge and to merge patch for custom resources,
/// exactly as it does against servers without them.
enum OpenAPI {
  static func groupVersionPath(_ type: ResourceType) -> String {
    type.group.isEmpty ? "api/\(type.version)" : "apis/\(type.group)/\(type.version)"
  }

  static func root(_ registry: ResourceRegistry) -> JSON {
    var paths = JSONObject()
    for type in registry.types {
      let path = groupVersionPath(type)
      if paths[path] == nil {
        paths[path] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=\(Discovery.storageVersionHash(type).filter(\.isLetter))")]
      }
    }
    return ["paths": .object(paths)]
  }

  static func document(_ registry: ResourceRegistry, group: String, version: String) -> JSON? {
    let types = registry.types(group: group, version: version)
    guard !types.isEmpty else { return nil }
    var paths = JSONObject()
    for type in types {
      let prefix = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
      let item = type.namespaced ? "\(prefix)/namespaces/{namespace}/\(type.plural)/{name}" : "\(prefix)/\(type.plural)/{name}"
      let gvk: JSON = ["group": .string(group), "version": .string(version), "kind": .string(type.kind)]
      let parameters: JSON = [
        ["name": "dryRun", "in": "query", "schema": ["type": "string", "uniqueItems": true]],
        ["name": "fieldManager", "in": "query", "schema": ["type": "string", "uniqueItems": true]],
        ["name": "fieldValidation", "in": "query", "schema": ["type": "string", "uniqueItems": true]],
        ["name": "force", "in": "query", "schema": ["type": "boolean", "uniqueItems": true]],
      ]
      paths[item] = ["patch": [
        "operationId": .string("patch\(type.kind)"), "parameters": parameters,
        "x-kubernetes-action": "patch", "x-kubernetes-group-version-kind": gvk,
        "responses": ["200": ["description": "OK"]],
      ]]
    }
    return ["openapi": "3.0.0", "info": ["title": "Kubernetes", "version": "v1.32.6"], "paths": .object(paths),
            "components": ["schemas": [:]]]
  }
}
