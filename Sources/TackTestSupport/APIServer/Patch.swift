import Foundation
import TackBase
import TackJSON

/// The PATCH content types kube-apiserver accepts.
public enum PatchType: String, Sendable {
  case json = "application/json-patch+json"
  case merge = "application/merge-patch+json"
  case strategic = "application/strategic-merge-patch+json"
  case apply = "application/apply-patch+yaml"

  init?(contentType: String) {
    let base = contentType.split(separator: ";").first.map { $0.trimming(" \t").lowercased() } ?? ""
    if base == "application/apply-patch+cbor" { return nil }
    self.init(rawValue: base)
  }
}

enum Patcher {
  // MARK: RFC 7386 merge patch

  static func mergePatch(_ target: JSON?, _ patch: JSON) -> JSON {
    guard case .object(let members) = patch else { return patch }
    var result = target?.objectValue ?? [:]
    for member in members {
      if member.value.isNull {
        result[member.key] = nil
      } else {
        result[member.key] = mergePatch(result[member.key], member.value)
      }
    }
    return .object(result)
  }

  // MARK: RFC 6902 JSON patch

  static let rejected = APIError(
    code: 422, reason: "Invalid", message: "the server rejected our request due to an error in our request")

  static func jsonPatch(_ document: JSON, _ patch: JSON) throws(APIError) -> JSON {
    guard let operations = patch.arrayValue else {
      throw APIError.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch")
    }
    var document = document
    for operation in operations {
      guard let op = operation["op"]?.stringValue else { throw APIError.badRequest("Unexpected kind: unknown") }
      guard let path = operation["path"]?.stringValue, let pointer = pointer(path) else { throw rejected }
      switch op {
      case "add":
        guard let value = operation["value"] else { throw rejected }
        try set(&document, pointer[...], value: value, insert: true)
      case "remove":
        guard try remove(&document, pointer[...]) != nil else { throw rejected }
      case "replace":
        guard let value = operation["value"], resolve(document, pointer) != nil else { throw rejected }
        try set(&document, pointer[...], value: value, insert: false)
      case "move", "copy":
        guard let fromText = operation["from"]?.stringValue, let from = self.pointer(fromText),
          let value = resolve(document, from)
        else { throw rejected }
        if op == "move" { _ = try remove(&document, from[...]) }
        try set(&document, pointer[...], value: value, insert: true)
      case "test":
        guard let expected = operation["value"], resolve(document, pointer) == expected else { throw rejected }
      default:
        throw APIError.badRequest("Unexpected kind: \(op)")
      }
    }
    return document
  }

  static func pointer(_ text: String) -> [String]? {
    if text.isEmpty { return [] }
    guard text.hasPrefix("/") else { return nil }
    return text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
      $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
  }

  static func resolve(_ document: JSON, _ pointer: [String]) -> JSON? {
    var current: JSON? = document
    for token in pointer {
      guard let node = current else { return nil }
      if case .array(let items) = node {
        guard let index = Int(token), items.indices.contains(index) else { return nil }
        current = items[index]
      } else {
        current = node.objectValue?[token]
      }
    }
    return current
  }

  static func set(_ node: inout JSON, _ pointer: ArraySlice<String>, value: JSON, insert: Bool) throws(APIError) {
    guard let token = pointer.first else {
      node = value
      return
    }
    let rest = pointer.dropFirst()
    switch node {
    case .object(var members):
      if rest.isEmpty {
        members[token] = value
      } else {
        guard var child = members[token] else { throw rejected }
        try set(&child, rest, value: value, insert: insert)
        members[token] = child
      }
      node = .object(members)
    case .array(var items):
      if rest.isEmpty {
        if token == "-" && insert {
          items.append(value)
        } else {
          guard let index = Int(token), index >= 0, insert ? index <= items.count : index < items.count else {
            throw rejected
          }
          if insert { items.insert(value, at: index) } else { items[index] = value }
        }
      } else {
        guard let index = Int(token), items.indices.contains(index) else { throw rejected }
        try set(&items[index], rest, value: value, insert: insert)
      }
      node = .array(items)
    default:
      throw rejected
    }
  }

  static func remove(_ node: inout JSON, _ pointer: ArraySlice<String>) throws(APIError) -> JSON? {
    guard let token = pointer.first else { return nil }
    let rest = pointer.dropFirst()
    switch node {
    case .object(var members):
      guard var child = members[token] else { return nil }
      if rest.isEmpty {
        members[token] = nil
        node = .object(members)
        return child
      }
      let removed = try remove(&child, rest)
      members[token] = child
      node = .object(members)
      return removed
    case .array(var items):
      guard let index = Int(token), items.indices.contains(index) else { return nil }
      if rest.isEmpty {
        let removed = items.remove(at: index)
        node = .array(items)
        return removed
      }
      let removed = try remove(&items[index], rest)
      node = .array(items)
      return removed
    default:
      return nil
    }
  }

  // MARK: strategic merge patch (built-in kinds)

  /// Strategic merge for built-ins: maps merge, lists with a Go `patchMergeKey` merge by key,
  /// `finalizers` merge as a set, other lists are replaced; `$patch`, `$retainKeys`,
  /// `$setElementOrder/…` and `$deleteFromPrimitiveList/…` directives are honoured.
  static func strategicMerge(_ original: JSON?, _ patch: JSON, path: [String]) -> JSON? {
    guard case .object(var members) = patch else { return patch }
    if let directive = members["$patch"]?.stringValue {
      members["$patch"] = nil
      if directive == "delete" { return nil }
      if directive == "replace" { return .object(members) }
    }
    var result = original?.objectValue ?? [:]
    let retainKeys = members.removeValue(forKey: "$retainKeys")?.arrayValue?.compactMap(\.stringValue)
    var orders: [String: [JSON]] = [:]
    for member in members where member.key.hasPrefix("$setElementOrder/") {
      orders[String(member.key.dropFirst("$setElementOrder/".count))] = member.value.arrayValue ?? []
    }
    for member in members where !member.key.hasPrefix("$setElementOrder/") {
      if member.key.hasPrefix("$deleteFromPrimitiveList/") {
        let field = String(member.key.dropFirst("$deleteFromPrimitiveList/".count))
        let doomed = member.value.arrayValue ?? []
        if let items = result[field]?.arrayValue { result[field] = .array(items.filter { !doomed.contains($0) }) }
        continue
      }
      let childPath = path + [member.key]
      if member.value.isNull {
        result[member.key] = nil
      } else if case .array(let patchItems) = member.value {
        result[member.key] = mergeList(result[member.key]?.arrayValue, patchItems, path: childPath)
      } else if case .object = member.value {
        result[member.key] = strategicMerge(result[member.key], member.value, path: childPath)
      } else {
        result[member.key] = member.value
      }
    }
    for (field, order) in orders {
      guard let items = result[field]?.arrayValue, let key = mergeKey(for: path + [field]) else { continue }
      var ordered: [JSON] = []
      for wanted in order {
        if let item = items.first(where: { $0[key] == wanted[key] }) { ordered.append(item) }
      }
      for item in items where !ordered.contains(item) { ordered.append(item) }
      result[field] = .array(ordered)
    }
    if let retainKeys {
      for key in result.keys where !retainKeys.contains(key) { result[key] = nil }
    }
    return .object(result)
  }

  static func mergeKey(for path: [String]) -> String? {
    guard let field = path.last else { return nil }
    if field == "ports" { return path.contains("containers") || path.contains("initContainers") ? "containerPort" : "port" }
    return BuiltinShapes.keyedLists[field]?.first
  }

  static func mergeList(_ original: [JSON]?, _ patch: [JSON], path: [String]) -> JSON {
    if path == ["metadata", "finalizers"] {
      var items = original ?? []
      for item in patch where !items.contains(item) { items.append(item) }
      return .array(items)
    }
    guard let key = mergeKey(for: path), patch.allSatisfy({ $0.objectValue != nil }) else { return .array(patch) }
    if patch.contains(where: { $0["$patch"]?.stringValue == "replace" }) {
      return .array(patch.filter { $0["$patch"] == nil })
    }
    var items = original ?? []
    for item in patch {
      let index = items.firstIndex { $0[key] == item[key] }
      if item["$patch"]?.stringValue == "delete" {
        if let index { items.remove(at: index) }
        continue
      }
      if let index {
        if let merged = strategicMerge(items[index], item, path: path) { items[index] = merged }
      } else if let merged = strategicMerge(nil, item, path: path) {
        items.append(merged)
      }
    }
    return .array(items)
  }
}
