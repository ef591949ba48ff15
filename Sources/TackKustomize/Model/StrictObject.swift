import TackJSON

/// Reads a JSON object the way Go's `encoding/json` decodes into a struct with unknown fields
/// disallowed: keys match field names case-insensitively (an exact match wins), `null` leaves the
/// field unset, and a value of the wrong JSON type is an error naming the field path.
struct StrictObject {
  let object: JSONObject
  let path: String
  private var known: [String] = []

  struct DecodeError: Error {
    var message: String
  }

  init(_ value: JSON, path: String) throws(DecodeError) {
    guard case .object(let object) = value else {
      throw DecodeError(message: "\(path.isEmpty ? "document" : path): expected a mapping, found \(Self.typeName(value))")
    }
    self.object = object
    self.path = path
  }

  private func fieldPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

  /// The value for field `key`; nil when absent or null.
  mutating func value(_ key: String) -> JSON? {
    known.append(key)
    if let exact = object[key] { return exact.isNull ? JSON?.none : exact }
    let lowered = key.lowercased()
    for member in object where member.key.lowercased() == lowered {
      return member.value.isNull ? JSON?.none : member.value
    }
    return nil
  }

  /// Whether the field is present with a non-null value.
  mutating func has(_ key: String) -> Bool { value(key) != nil }

  mutating func string(_ key: String) throws(DecodeError) -> String {
    guard let value = value(key) else { return "" }
    guard case .string(let s) = value else { throw typeError(key, value, expected: "string") }
    return s
  }

  mutating func bool(_ key: String) throws(DecodeError) -> Bool {
    guard let value = value(key) else { return false }
    guard case .bool(let b) = value else { throw typeError(key, value, expected: "bool") }
    return b
  }

  mutating func int(_ key: String) throws(DecodeError) -> Int? {
    guard let value = value(key) else { return nil }
    guard case .number(let text) = value, let integer = Int(text) ?? Double(text).flatMap({ $0 == $0.rounded() ? Int(exactly: $0) : nil })
    else { throw typeError(key, value, expected: "int64") }
    return integer
  }

  /// A `map[string]string`: keys in input order (callers sort where kustomize sorts).
  mutating func stringMap(_ key: String) throws(DecodeError) -> [(key: String, value: String)]? {
    guard let value = value(key) else { return nil }
    guard case .object(let map) = value else { throw typeError(key, value, expected: "map[string]string") }
    var result: [(key: String, value: String)] = []
    for member in map {
      switch member.value {
      case .string(let s): result.append((member.key, s))
      case .null: result.append((member.key, ""))
      default: throw typeError(key + "." + member.key, member.value, expected: "string")
      }
    }
    return result
  }

  mutating func boolMap(_ key: String) throws(DecodeError) -> [String: Bool] {
    guard let value = value(key) else { return [:] }
    guard case .object(let map) = value else { throw typeError(key, value, expected: "map[string]bool") }
    var result: [String: Bool] = [:]
    for member in map {
      switch member.value {
      case .bool(let b): result[member.key] = b
      case .null: result[member.key] = false
      default: throw typeError(key + "." + member.key, member.value, expected: "bool")
      }
    }
    return result
  }

  mutating func stringList(_ key: String) throws(DecodeError) -> [String]? {
    guard let value = value(key) else { return nil }
    guard case .array(let elements) = value else { throw typeError(key, value, expected: "[]string") }
    var result: [String] = []
    for (index, element) in elements.enumerated() {
      switch element {
      case .string(let s): result.append(s)
      case .null: result.append("")
      default: throw typeError("\(key)[\(index)]", element, expected: "string")
      }
    }
    return result
  }

  mutating func objectList<T>(_ key: String, _ decode: (inout StrictObject) throws(DecodeError) -> T) throws(DecodeError) -> [T]? {
    guard let value = value(key) else { return nil }
    guard case .array(let elements) = value else { throw typeError(key, value, expected: "list") }
    var result: [T] = []
    for (index, element) in elements.enumerated() {
      if element.isNull { continue }
      var child = try StrictObject(element, path: fieldPath(key) + "[\(index)]")
      result.append(try decode(&child))
      try child.finish()
    }
    return result
  }

  mutating func nested<T>(_ key: String, _ decode: (inout StrictObject) throws(DecodeError) -> T) throws(DecodeError) -> T? {
    guard let value = value(key) else { return nil }
    var child = try StrictObject(value, path: fieldPath(key))
    let result = try decode(&child)
    try child.finish()
    return result
  }

  /// Fails on any member no field claimed (Go: `json: unknown field "x"`).
  func finish() throws(DecodeError) {
    let claimed = Set(known.map { $0.lowercased() })
    for member in object where !claimed.contains(member.key.lowercased()) {
      throw DecodeError(message: "json: unknown field \"\(member.key)\"" + (path.isEmpty ? "" : " in \(path)"))
    }
  }

  private func typeError(_ key: String, _ value: JSON, expected: String) -> DecodeError {
    DecodeError(message: "json: cannot unmarshal \(Self.typeName(value)) into field \(fieldPath(key)) of type \(expected)")
  }

  static func typeName(_ value: JSON) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "bool"
    case .number: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }
}
