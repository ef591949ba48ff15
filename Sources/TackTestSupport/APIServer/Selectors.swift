import Foundation
import TackBase
import TackJSON

/// A parsed label selector (`app=web,tier!=db,env in (a,b),!legacy`), as `labels.Parse` reads it.
public struct LabelSelector: Sendable, Equatable {
  public enum Operator: Sendable, Equatable { case equals, notEquals, `in`, notIn, exists, doesNotExist }
  public struct Requirement: Sendable, Equatable {
    public var key: String
    public var op: Operator
    public var values: [String]
  }

  public var requirements: [Requirement]
  public var isEmpty: Bool { requirements.isEmpty }

  public init(requirements: [Requirement] = []) { self.requirements = requirements }

  /// Parses selector text; throws a 400-style message for malformed input.
  public init(parsing text: String) throws(APIError) {
    var requirements: [Requirement] = []
    for part in LabelSelector.splitTopLevel(text) {
      let item = part.trimming(" \t")
      if item.isEmpty { continue }
      requirements.append(try LabelSelector.parseRequirement(item, whole: text))
    }
    self.requirements = requirements
  }

  static func splitTopLevel(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    for c in text {
      if c == "(" { depth += 1 }
      if c == ")" { depth -= 1 }
      if c == ",", depth == 0 {
        parts.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    parts.append(current)
    return parts
  }

  static func parseRequirement(_ item: String, whole: String) throws(APIError) -> Requirement {
    func fail(_ why: String) -> APIError {
      APIError.badRequest("unable to parse requirement: \(why)")
    }
    if item.hasPrefix("!") {
      let key = String(item.dropFirst()).trimming(" \t")
      try validateKey(key)
      return Requirement(key: key, op: .doesNotExist, values: [])
    }
    for (token, op) in [("!=", Operator.notEquals), ("==", .equals), ("=", .equals)] {
      if let range = item.range(of: token) {
        let key = String(item[..<range.lowerBound]).trimming(" \t")
        let value = String(item[range.upperBound...]).trimming(" \t")
        try validateKey(key)
        try validateValue(value)
        return Requirement(key: key, op: op, values: [value])
      }
    }
    let words = item.split(separator: " ", maxSplits: 1).map(String.init)
    if words.count == 2 {
      let rest = words[1].trimming(" \t")
      for (keyword, op) in [("notin", Operator.notIn), ("in", .in)] where rest.hasPrefix(keyword) {
        let list = rest.dropFirst(keyword.count).trimming(" \t")
        guard list.hasPrefix("("), list.hasSuffix(")") else {
          throw fail("found '\(list)', expected: '('")
        }
        let values = list.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
          .map { String($0).trimming(" \t") }
        try validateKey(words[0])
        for value in values { try validateValue(value) }
        return Requirement(key: words[0], op: op, values: values)
      }
      throw fail("found '\(rest)', expected: in, notin, =, ==, !=, gt, lt")
    }
    try validateKey(item)
    return Requirement(key: item, op: .exists, values: [])
  }

  static func validateKey(_ key: String) throws(APIError) {
    let name = key.split(separator: "/", maxSplits: 1).last.map(String.init) ?? ""
    if key.isEmpty || name.isEmpty || name.count > 63
      || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
      || !(name.first!.isLetter || name.first!.isNumber) || !(name.last!.isLetter || name.last!.isNumber)
    {
      throw APIError.badRequest(
        "unable to parse requirement: invalid label key \"\(key)\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
      )
    }
  }

  static func validateValue(_ value: String) throws(APIError) {
    if value.isEmpty { return }
    if value.count > 63 || !value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
      || !(value.first!.isLetter || value.first!.isNumber) || !(value.last!.isLetter || value.last!.isNumber)
    {
      throw APIError.badRequest(
        "unable to parse requirement: invalid label value: \"\(value)\": at key: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
      )
    }
  }

  /// Whether an object with these labels is selected.
  public func matches(_ labels: JSONObject?) -> Bool {
    for requirement in requirements {
      let value = labels?[requirement.key]?.stringValue
      switch requirement.op {
      case .equals: if value != requirement.values.first { return false }
      case .notEquals: if let value, value == requirement.values.first { return false }
      case .in: guard let value, requirement.values.contains(value) else { return false }
      case .notIn: if let value, requirement.values.contains(value) { return false }
      case .exists: if value == nil { return false }
      case .doesNotExist: if value != nil { return false }
      }
    }
    return true
  }
}

/// A parsed field selector (`metadata.name=x,involvedObject.kind!=Pod`).
public struct FieldSelector: Sendable, Equatable {
  public struct Requirement: Sendable, Equatable {
    public var field: String
    public var value: String
    public var negated: Bool
  }

  public var requirements: [Requirement]
  public var isEmpty: Bool { requirements.isEmpty }

  public init(requirements: [Requirement] = []) { self.requirements = requirements }

  public init(parsing text: String) throws(APIError) {
    var requirements: [Requirement] = []
    for part in text.split(separator: ",") {
      let item = String(part).trimming(" \t")
      if item.isEmpty { continue }
      var matched = false
      for (token, negated) in [("!=", true), ("==", false), ("=", false)] {
        if let range = item.range(of: token) {
          requirements.append(
            Requirement(
              field: String(item[..<range.lowerBound]).trimming(" \t"),
              value: String(item[range.upperBound...]).trimming(" \t"), negated: negated))
          matched = true
          break
        }
      }
      if !matched { throw APIError.badRequest("invalid selector: '\(text)'; can't understand '\(item)'") }
    }
    self.requirements = requirements
  }

  /// Field values of an object for a resource, or nil when the field is not selectable.
  static func fieldValue(_ field: String, of object: JSON, type: ResourceType) -> String?? {
    switch field {
    case "metadata.name": return .some(object[path: "metadata", "name"]?.stringValue ?? "")
    case "metadata.namespace": return .some(object[path: "metadata", "namespace"]?.stringValue ?? "")
    default: break
    }
    if type.storageKey == "/events" {
      let parts = field.split(separator: ".").map(String.init)
      switch parts.first {
      case "involvedObject", "regarding":
        if parts.count == 2 {
          return .some(object[path: "involvedObject", parts[1]].map(textOf) ?? "")
        }
      case "reason", "type", "reportingComponent":
        if parts.count == 1 { return .some(object[parts[0]].map(textOf) ?? "") }
      case "reportingController":  // events.k8s.io's name for the stored reportingComponent
        if parts.count == 1 { return .some(object["reportingComponent"].map(textOf) ?? "") }
      case "source":
        if parts.count == 1 { return .some(object[path: "source", "component"]?.stringValue ?? "") }
      default: break
      }
      return nil
    }
    switch (type.storageKey, field) {
    case ("/secrets", "type"): return .some(object["type"]?.stringValue ?? "")
    case ("/namespaces", "status.phase"): return .some(object[path: "status", "phase"]?.stringValue ?? "")
    default: return nil
    }
  }

  static func textOf(_ value: JSON) -> String {
    switch value {
    case .string(let s): s
    case .number(let n): n
    case .bool(let b): b ? "true" : "false"
    default: ""
    }
  }

  /// Throws 400 (worded as the real server) when a field cannot be selected on `type`.
  func check(for type: ResourceType) throws(APIError) {
    let probe: JSON = ["metadata": [:]]
    for requirement in requirements where FieldSelector.fieldValue(requirement.field, of: probe, type: type) == nil {
      if type.isCustom {
        throw APIError.badRequest(
          "\"\(requirement.field)\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"")
      }
      throw APIError.badRequest("field label not supported: \(requirement.field)")
    }
  }

  public func matches(_ object: JSON, type: ResourceType) -> Bool {
    for requirement in requirements {
      guard case .some(.some(let value)) = FieldSelector.fieldValue(requirement.field, of: object, type: type) else {
        return false
      }
      if (value == requirement.value) == requirement.negated { return false }
    }
    return true
  }
}
