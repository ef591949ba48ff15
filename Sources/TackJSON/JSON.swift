/// A JSON value that keeps what Kubernetes objects need to survive a round trip: object key order and
/// the exact text of every number (an `int64` stays an integer, a `0.50` stays `0.50`).
///
/// Objects are ordered and looked up linearly: Kubernetes maps are small, and keeping insertion order
/// lets a read-modify-write send back exactly what the server sent.
public enum JSON: Sendable, Hashable {
  case null
  case bool(Bool)
  /// The number's literal text, already valid JSON.
  case number(String)
  case string(String)
  case array([JSON])
  case object(JSONObject)
}

extension JSON {
  public static func int(_ value: Int) -> JSON { .number(String(value)) }
  public static func double(_ value: Double) -> JSON {
    if value.rounded() == value, abs(value) < 1e15 { return .number(String(Int64(value))) }
    return .number(String(value))
  }

  public var isNull: Bool { if case .null = self { true } else { false } }

  public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
  public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
  public var arrayValue: [JSON]? { if case .array(let a) = self { a } else { nil } }
  public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
  public var intValue: Int? {
    guard case .number(let text) = self else { return nil }
    if let i = Int(text) { return i }
    if let d = Double(text), d.rounded() == d, abs(d) < 9.0e18 { return Int(d) }
    return nil
  }
  public var doubleValue: Double? { if case .number(let text) = self { Double(text) } else { nil } }

  /// Member of an object; `nil` for a missing key or a non-object.
  public subscript(key: String) -> JSON? {
    get { objectValue?[key] }
    set {
      guard case .object(var object) = self else { return }
      object[key] = newValue
      self = .object(object)
    }
  }

  /// Element of an array; `nil` when out of range or not an array.
  public subscript(index: Int) -> JSON? {
    guard case .array(let a) = self, a.indices.contains(index) else { return nil }
    return a[index]
  }

  /// Follows a path of object keys, e.g. `obj[path: "status", "artifact", "revision"]`.
  public subscript(path keys: String...) -> JSON? {
    get { self[path: keys] }
    set { self[path: keys] = newValue }
  }

  public subscript(path keys: [String]) -> JSON? {
    get {
      var current: JSON? = self
      for key in keys { current = current?[key] }
      return current
    }
    set {
      guard let first = keys.first else {
        if let newValue { self = newValue }
        return
      }
      guard case .object(var object) = self else { return }
      if keys.count == 1 {
        object[first] = newValue
      } else {
        var child = object[first] ?? .object([:])
        if child.objectValue == nil { child = .object([:]) }
        child[path: Array(keys.dropFirst())] = newValue
        object[first] = child
      }
      self = .object(object)
    }
  }
}

extension JSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByStringLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .number(String(value)) }
  public init(floatLiteral value: Double) { self = .number(String(value)) }
  public init(arrayLiteral elements: JSON...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSON)...) {
    self = .object(JSONObject(elements.map { JSONObject.Member(key: $0.0, value: $0.1) }))
  }
}

extension JSON: CustomStringConvertible {
  public var description: String { serialized() }
}
