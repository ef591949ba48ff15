import TackJSON

/// One `metadata.managedFields` entry.
struct ManagedFieldsEntry: Sendable {
  var manager: String
  var operation: String
  var apiVersion: String
  var time: String
  var subresource: String?
  var fields: FieldSet

  var json: JSON {
    var object: JSONObject = [
      "manager": .string(manager), "operation": .string(operation), "apiVersion": .string(apiVersion),
      "time": .string(time), "fieldsType": "FieldsV1", "fieldsV1": fields.json,
    ]
    if let subresource { object["subresource"] = .string(subresource) }
    return .object(object)
  }

  /// How conflict messages name the manager (`printManager` in k8s.io/apiserver).
  var displayName: String {
    var text = FieldError.goQuote(manager)
    if let subresource { text += " with subresource \(FieldError.goQuote(subresource))" }
    if operation == "Update" { text += " using \(apiVersion)" }
    return text
  }
}

/// Server-side field ownership: who set which field, apply with conflict detection, and the
/// transfer of ownership on ordinary updates (the structured-merge-diff rules tack relies on).
enum ManagedFields {
  static func decode(_ object: JSON?) -> [ManagedFieldsEntry] {
    (object?[path: "metadata", "managedFields"]?.arrayValue ?? []).compactMap { entry in
      guard let manager = entry["manager"]?.stringValue else { return nil }
      return ManagedFieldsEntry(
        manager: manager, operation: entry["operation"]?.stringValue ?? "Update",
        apiVersion: entry["apiVersion"]?.stringValue ?? "", time: entry["time"]?.stringValue ?? "",
        subresource: entry["subresource"]?.stringValue, fields: FieldSet(json: entry["fieldsV1"] ?? [:]))
    }
  }

  static func store(_ entries: [ManagedFieldsEntry], in object: inout JSON) {
    let kept = entries.filter { !$0.fields.isEmpty }
    if kept.isEmpty {
      object[path: "metadata", "managedFields"] = JSON?.none
    } else {
      object[path: "metadata", "managedFields"] = .array(kept.map(\.json))
    }
  }

  /// After a non-apply write: fields `manager` changed become its own and leave other managers.
  static func recordUpdate(
    old: JSON?, new: inout JSON, manager: String, apiVersion: String, subresource: String?, walker: FieldWalker,
    now: String
  ) {
    let newSet = walker.fieldSet(of: new)
    guard let old else {
      // A create: the manager sets every field the object has (what the comparison below finds).
      store([ManagedFieldsEntry(manager: manager, operation: "Update", apiVersion: apiVersion, time: now,
        subresource: subresource, fields: newSet)], in: &new)
      return
    }
    var entries = decode(old)
    let oldSet = walker.fieldSet(of: old)
    var changed = FieldSet()
    for path in newSet.paths() {
      let before = FieldWalker.value(at: path, in: old)
      let after = FieldWalker.value(at: path, in: new)
      let hasChildren = !(newSet.childNode(path)?.children.isEmpty ?? true)
      if hasChildren ? before == nil : before != after { changed.insert(path[...]) }
    }
    let removed = oldSet.subtracting(newSet)
    if changed.isEmpty && removed.isEmpty {
      store(entries, in: &new)
      return
    }
    for index in entries.indices {
      entries[index].fields = entries[index].fields.subtracting(changed).subtracting(removed)
    }
    if let index = entries.firstIndex(where: {
      $0.manager == manager && $0.operation == "Update" && $0.subresource == subresource && $0.apiVersion == apiVersion
    }) {
      entries[index].fields = entries[index].fields.union(changed)
      entries[index].time = now
    } else {
      entries.append(
        ManagedFieldsEntry(manager: manager, operation: "Update", apiVersion: apiVersion, time: now,
          subresource: subresource, fields: changed))
    }
    store(entries, in: &new)
  }

  /// Server-side apply of `applied` by `manager` over `live` (nil when the object does not exist).
  static func apply(
    live: JSON?, applied: JSON, manager: String, force: Bool, apiVersion: String, subresource: String?,
    walker: FieldWalker, now: String
  ) throws(APIError) -> JSON {
    var entries = decode(live)
    let appliedSet = walker.fieldSet(of: applied)
    let mineIndex = entries.firstIndex {
      $0.manager == manager && $0.operation == "Apply" && $0.subresource == subresource
    }
    let previous = mineIndex.map { entries[$0].fields } ?? FieldSet()

    var conflicts: [(entry: Int, path: [String])] = []
    if let live {
      for path in appliedSet.paths() where appliedSet.childNode(path)?.children.isEmpty ?? true {
        let liveValue = FieldWalker.value(at: path, in: live)
        let appliedValue = FieldWalker.value(at: path, in: applied)
        guard liveValue != appliedValue else { continue }
        for (index, entry) in entries.enumerated() where index != mineIndex && entry.fields.contains(path[...]) {
          conflicts.append((index, path))
        }
      }
    }
    if !conflicts.isEmpty {
      if !force { throw conflictError(conflicts.map { (entries[$0.entry], $0.path) }) }
      for conflict in conflicts { entries[conflict.entry].fields.remove(conflict.path[...]) }
    }

    var result = live ?? applied
    if live != nil {
      // Fields this manager applied before and dropped now are removed unless someone else owns them.
      let dropped = previous.subtracting(appliedSet).paths().sorted { $0.count > $1.count }
      for path in dropped where !entries.enumerated().contains(where: { $0.offset != mineIndex && $0.element.fields.contains(path[...]) }) {
        remove(path, from: &result)
      }
      result = merge(result, applied, walker: walker, fieldPath: [], schema: walker.schema, isRoot: true)
    }
    if let mineIndex {
      // An apply that changes nothing keeps the old timestamp, so the write stays a no-op.
      if entries[mineIndex].fields != appliedSet || entries[mineIndex].apiVersion != apiVersion {
        entries[mineIndex].time = now
      }
      entries[mineIndex].fields = appliedSet
      entries[mineIndex].apiVersion = apiVersion
    } else {
      entries.append(
        ManagedFieldsEntry(manager: manager, operation: "Apply", apiVersion: apiVersion, time: now,
          subresource: subresource, fields: appliedSet))
    }
    store(entries, in: &result)
    return result
  }

  static func conflictError(_ conflicts: [(ManagedFieldsEntry, [String])]) -> APIError {
    let causes: [JSON] = conflicts.map { entry, path in
      ["reason": "FieldManagerConflict", "message": .string("conflict with \(entry.displayName)"),
       "field": .string(FieldSet.describe(path))]
    }
    let message: String
    if conflicts.count == 1 {
      message = "Apply failed with 1 conflict: conflict with \(conflicts[0].0.displayName): \(FieldSet.describe(conflicts[0].1))"
    } else {
      var byManager: [String: [String]] = [:]
      for (entry, path) in conflicts { byManager[entry.displayName, default: []].append(FieldSet.describe(path)) }
      var lines: [String] = []
      for manager in byManager.keys.sorted() {
        lines.append("conflicts with \(manager):")
        for path in byManager[manager]! { lines.append("- \(path)") }
      }
      message = "Apply failed with \(conflicts.count) conflicts: " + lines.joined(separator: "\n")
    }
    return APIError(code: 409, reason: "Conflict", message: message, details: .object(["causes": .array(causes)]))
  }

  /// Deep-merges an applied configuration into the live object by the field shapes.
  static func merge(_ live: JSON?, _ applied: JSON, walker: FieldWalker, fieldPath: [String], schema: Schema?, isRoot: Bool = false) -> JSON {
    let shape = FieldShape.of(applied, schema: schema, path: fieldPath, custom: walker.custom)
    switch (shape, applied) {
    case (.structure, .object(let appliedObject)), (.map, .object(let appliedObject)):
      guard case .object(var result) = live ?? .object([:]) else { return applied }
      for member in appliedObject {
        if isRoot && member.key == "metadata" {
          var metadata = result["metadata"] ?? [:]
          for field in member.value.objectValue ?? [:] where field.key != "managedFields" {
            metadata[field.key] = merge(metadata[field.key], field.value, walker: walker,
              fieldPath: ["metadata", field.key], schema: nil)
          }
          result["metadata"] = metadata
          continue
        }
        let childSchema = isRoot ? schema?.property(member.key) : schema?.child(member.key)
        result[member.key] = merge(result[member.key], member.value, walker: walker,
          fieldPath: fieldPath + [member.key], schema: childSchema)
      }
      return .object(result)
    case (.keyedList(let keys), .array(let appliedItems)):
      var items = live?.arrayValue ?? []
      for item in appliedItems {
        if let index = items.firstIndex(where: { existing in keys.allSatisfy { existing[$0] == item[$0] } }) {
          items[index] = merge(items[index], item, walker: walker, fieldPath: fieldPath, schema: schema?.items)
        } else {
          items.append(item)
        }
      }
      return .array(items)
    case (.setList, .array(let appliedItems)):
      var items = live?.arrayValue ?? []
      for item in appliedItems where !items.contains(item) { items.append(item) }
      return .array(items)
    default:
      return applied
    }
  }

  /// Removes the value at a field-set path.
  static func remove(_ path: [String], from object: inout JSON) {
    guard let first = path.first else { return }
    let rest = Array(path.dropFirst())
    if first.hasPrefix("f:"), case .object(var members) = object {
      let key = String(first.dropFirst(2))
      if rest.isEmpty {
        members[key] = nil
      } else if var child = members[key] {
        remove(rest, from: &child)
        // A struct left empty by the removal goes too (nothing owns it any more).
        if child.objectValue?.isEmpty == true { members[key] = nil } else { members[key] = child }
      }
      object = .object(members)
    } else if case .array(var items) = object {
      let match: (JSON) -> Bool
      if first.hasPrefix("k:") {
        let keys = (try? JSON.parse(String(first.dropFirst(2))))?.objectValue ?? [:]
        match = { item in keys.allSatisfy { item[$0.key] == $0.value } }
      } else {
        let wanted = try? JSON.parse(String(first.dropFirst(2)))
        match = { $0 == wanted }
      }
      guard let index = items.firstIndex(where: match) else { return }
      if rest.isEmpty {
        items.remove(at: index)
      } else {
        remove(rest, from: &items[index])
      }
      object = .array(items)
    }
  }
}

extension FieldSet {
  func childNode(_ path: [String]) -> FieldSet? {
    var node = self
    for element in path {
      guard let next = node.children[element] else { return nil }
      node = next
    }
    return node
  }
}
