import Foundation
import TackBase
import TackJSON

extension ObjectStore {
  static func acceptedPatchTypes(_ type: ResourceType) -> [String] {
    var types = [PatchType.json.rawValue, PatchType.merge.rawValue, PatchType.apply.rawValue]
    if !type.isCustom { types.insert(PatchType.strategic.rawValue, at: 2) }
    return types
  }

  /// PATCH in every flavour; server-side apply creates the object when it is missing.
  func patch(_ type: ResourceType, namespace: String?, name: String, patchType: PatchType, body: [UInt8],
    options: WriteOptions, subresource: String? = nil) throws(APIError) -> WriteResult
  {
    if patchType == .strategic && type.isCustom {
      throw APIError.unsupportedMediaType(patchType.rawValue, accepted: ObjectStore.acceptedPatchTypes(type))
    }
    let patch: JSON
    do {
      if patchType == .apply {
        patch = try JSON.parseYAML(String(decoding: body, as: UTF8.self))
      } else {
        patch = try JSON.parse(body)
      }
    } catch {
      throw APIError.badRequest("error decoding patch: \(error)")
    }
    if patchType == .apply {
      return try apply(type, namespace: namespace, name: name, applied: patch, options: options, subresource: subresource)
    }
    let key = ObjectStore.objectKey(namespace: type.namespaced ? namespace : nil, name: name)
    let limit = historyLimit
    let counter = currentRevision
    return try state.withLock { state throws(APIError) -> WriteResult in
      guard let storageType = state.registry.storageType(forKey: type.storageKey) else { throw APIError.pathNotFound() }
      guard let existing = state.buckets[type.storageKey]?.objects[key] else {
        throw APIError.notFound(resource: type.plural, group: type.group, name: name)
      }
      let old = ObjectStore.present(existing, as: type).object
      var patched: JSON
      switch patchType {
      case .merge:
        guard case .object = patch else { throw APIError.badRequest("json: cannot unmarshal into a merge patch: the patch must be a JSON object") }
        patched = Patcher.mergePatch(old, patch)
      case .json: patched = try Patcher.jsonPatch(old, patch)
      case .strategic:
        guard case .object = patch else { throw APIError.badRequest("json: cannot unmarshal into a strategic merge patch: the patch must be a JSON object") }
        patched = Patcher.strategicMerge(old, patch, path: []) ?? [:]
      case .apply: patched = old
      }
      guard case .object = patched else { throw APIError.badRequest("the patch did not produce an object") }
      let patchedRV = patched[path: "metadata", "resourceVersion"]?.stringValue ?? ""
      if !patchedRV.isEmpty, patchedRV != String(existing.revision) {
        throw APIError.conflict(resource: type.plural, group: type.group, name: name, detail: APIError.staleObject)
      }
      if patched[path: "metadata", "name"]?.stringValue != name {
        throw APIError.badRequest("the name of the object (\(patched[path: "metadata", "name"]?.stringValue ?? "")) does not match the name on the URL (\(name))")
      }
      patched = try ObjectStore.checkBody(patched, type: type)
      return try ObjectStore.finishUpdate(
        &state, type: type, storageType: storageType, key: key, old: old, new: patched, options: options,
        subresource: subresource, applied: false, historyLimit: limit, revisionCounter: counter)
    }
  }

  /// Server-side apply (`application/apply-patch+yaml`).
  func apply(_ type: ResourceType, namespace: String?, name: String, applied input: JSON, options: WriteOptions,
    subresource: String? = nil) throws(APIError) -> WriteResult
  {
    if options.fieldManager.isEmpty {
      throw APIError.invalid(kind: "PatchOptions", group: "meta.k8s.io", name: "", causes: [
        FieldError(.required, field: "fieldManager", detail: "is required for apply patch")
      ])
    }
    var applied = try ObjectStore.checkBody(input, type: type)
    let appliedName = applied[path: "metadata", "name"]?.stringValue ?? ""
    if appliedName.isEmpty {
      applied[path: "metadata", "name"] = .string(name)
    } else if appliedName != name {
      throw APIError.badRequest("the name of the object (\(appliedName)) does not match the name on the URL (\(name))")
    }
    if type.namespaced, let namespace { applied[path: "metadata", "namespace"] = .string(namespace) }
    applied[path: "metadata", "managedFields"] = nil
    if subresource == "status" {
      var statusOnly: JSON = ["apiVersion": applied["apiVersion"] ?? .null, "kind": applied["kind"] ?? .null,
        "metadata": ["name": .string(name)]]
      statusOnly["status"] = applied["status"]
      applied = statusOnly
    } else if type.hasStatus {
      applied["status"] = nil
    }
    let key = ObjectStore.objectKey(namespace: type.namespaced ? namespace : nil, name: name)
    let exists = state.withLock { $0.buckets[type.storageKey]?.objects[key] != nil }
    if !exists {
      if subresource != nil { throw APIError.notFound(resource: type.plural, group: type.group, name: name) }
      var createOptions = options
      createOptions.fieldManager = options.fieldManager
      return try create(type, namespace: namespace, body: applied, options: createOptions, applyManager: options.fieldManager)
    }
    let limit = historyLimit
    let counter = currentRevision
    let now = RFC3339Time.now().rfc3339
    return try state.withLock { state throws(APIError) -> WriteResult in
      guard let storageType = state.registry.storageType(forKey: type.storageKey) else { throw APIError.pathNotFound() }
      guard let existing = state.buckets[type.storageKey]?.objects[key] else {
        throw APIError.notFound(resource: type.plural, group: type.group, name: name)
      }
      let old = ObjectStore.present(existing, as: type).object
      if let rv = applied[path: "metadata", "resourceVersion"]?.stringValue, !rv.isEmpty, rv != String(existing.revision) {
        throw APIError.conflict(resource: type.plural, group: type.group, name: name, detail: APIError.staleObject)
      }
      let merged = try ManagedFields.apply(
        live: old, applied: applied, manager: options.fieldManager, force: options.force, apiVersion: type.apiVersion,
        subresource: subresource, walker: ObjectStore.walker(for: type), now: now)
      return try ObjectStore.finishUpdate(
        &state, type: type, storageType: storageType, key: key, old: old, new: merged, options: options,
        subresource: subresource, applied: true, historyLimit: limit, revisionCounter: counter)
    }
  }
}
