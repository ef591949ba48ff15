import TackJSON

/// RFC 6902 JSON Patch with the behaviour of the library kustomize uses (evanphx/json-patch v4):
/// `add` needs the parent, `-` appends, negative indices count from the end, `replace` of a
/// missing member of an object adds it, `remove` of a missing member fails.
struct JSONPatch {
  struct Operation {
    var op: String
    var path: String
    var from: String?
    var value: JSON?
  }

  struct PatchError: Error {
    var message: String
  }

  var operations: [Operation]

  /// Decodes a patch document (a JSON array of operations).
  init(_ document: JSON) throws(PatchError) {
    guard case .array(let elements) = document else { throw PatchError(message: "a JSON patch must be a list of operations") }
    operations = []
    for element in elements {
      guard case .object(let object) = element else { throw PatchError(message: "a JSON patch operation must be an object") }
      guard case .string(let op)? = object["op"] else { throw PatchError(message: "operation has no 'op'") }
      let path = object["path"]?.stringValue
      let from = object["from"]?.stringValue
      guard let path else { throw PatchError(message: "operation \(op) has no 'path'") }
      operations.append(Operation(op: op, path: path, from: from, value: object["value"]))
    }
  }

  func apply(to document: inout JSON) throws(PatchError) {
    for operation in operations {
      switch operation.op {
      case "add":
        guard let value = operation.value else { throw PatchError(message: "add operation has no value") }
        try add(&document, operation.path, value, op: "add")
      case "remove":
        _ = try remove(&document, operation.path, op: "remove")
      case "replace":
        guard let value = operation.value else { throw PatchError(message: "replace operation has no value") }
        try replace(&document, operation.path, value)
      case "move":
        guard let from = operation.from else { throw PatchError(message: "move operation has no 'from'") }
        let value = try remove(&document, from, op: "move")
        try add(&document, operation.path, value, op: "move")
      case "copy":
        guard let from = operation.from else { throw PatchError(message: "copy operation has no 'from'") }
        guard let value = Self.get(document, Self.tokens(from)[...]) else {
          throw PatchError(message: "copy operation does not apply: doc is missing from path: \(from)")
        }
        try add(&document, operation.path, value, op: "copy")
      case "test":
        let found = Self.get(document, Self.tokens(operation.path)[...])
        let expected = operation.value ?? .null
        guard let found else {
          if expected.isNull { continue }
          throw PatchError(message: "testing value \(operation.path) failed: test failed")
        }
        if !Self.equal(found, expected) { throw PatchError(message: "testing value \(operation.path) failed: test failed") }
      default:
        throw PatchError(message: "unexpected kind of operation: \(operation.op)")
      }
    }
  }

  static func tokens(_ pointer: String) -> [String] {
    guard !pointer.isEmpty else { return [] }
    return pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
      $0.replacingOccurrences("~1", "/").replacingOccurrences("~0", "~")
    }
  }

  static func get(_ node: JSON, _ path: ArraySlice<String>) -> JSON? {
    guard let key = path.first else { return node }
    switch node {
    case .object(let object):
      guard let child = object[key] else { return nil }
      return get(child, path.dropFirst())
    case .array(let elements):
      guard var index = Int(key) else { return nil }
      if index < 0 { index += elements.count }
      guard index >= 0, index < elements.count else { return nil }
      return get(elements[index], path.dropFirst())
    default:
      return nil
    }
  }

  /// Runs `body` on the container holding the last token of `path`.
  private func withParent(
    _ document: inout JSON, _ path: String, op: String, _ body: (inout JSON, String) throws(PatchError) -> Void
  ) throws(PatchError) {
    let parts = Self.tokens(path)
    guard let last = parts.last else { throw PatchError(message: "\(op) operation does not apply: empty path") }
    try descend(&document, parts.dropLast()[...], path: path, op: op) { (parent: inout JSON) throws(PatchError) in
      try body(&parent, last)
    }
  }

  private func descend(
    _ node: inout JSON, _ path: ArraySlice<String>, path full: String, op: String,
    _ body: (inout JSON) throws(PatchError) -> Void
  ) throws(PatchError) {
    guard let key = path.first else {
      try body(&node)
      return
    }
    switch node {
    case .object(var object):
      guard var child = object[key] else {
        throw PatchError(message: "\(op) operation does not apply: doc is missing path: \"\(full)\": missing value")
      }
      node = .null
      object[key] = .null
      defer {
        object[key] = child
        node = .object(object)
      }
      try descend(&child, path.dropFirst(), path: full, op: op, body)
    case .array(var elements):
      guard var index = Int(key) else {
        throw PatchError(message: "\(op) operation does not apply: doc is missing path: \"\(full)\": missing value")
      }
      if index < 0 { index += elements.count }
      guard index >= 0, index < elements.count else {
        throw PatchError(message: "\(op) operation does not apply: doc is missing path: \"\(full)\": missing value")
      }
      node = .null
      defer { node = .array(elements) }
      try descend(&elements[index], path.dropFirst(), path: full, op: op, body)
    default:
      throw PatchError(message: "\(op) operation does not apply: doc is missing path: \"\(full)\": missing value")
    }
  }

  private func add(_ document: inout JSON, _ path: String, _ value: JSON, op: String) throws(PatchError) {
    if path.isEmpty {
      document = value
      return
    }
    try withParent(&document, path, op: op) { (parent: inout JSON, key: String) throws(PatchError) in
      switch parent {
      case .object(var object):
        parent = .null
        object[key] = value
        parent = .object(object)
      case .array(var elements):
        if key == "-" {
          elements.append(value)
        } else {
          guard var index = Int(key) else { throw PatchError(message: "\(op) operation does not apply: invalid index \(key)") }
          if index < 0 {
            // The library counts from the end of the list as it will be (so -1 appends).
            guard index >= -(elements.count + 1) else { throw PatchError(message: "Unable to access invalid index: \(index)") }
            index += elements.count + 1
          }
          guard index <= elements.count else { throw PatchError(message: "Unable to access invalid index: \(index)") }
          elements.insert(value, at: index)
        }
        parent = .array(elements)
      default:
        throw PatchError(message: "\(op) operation does not apply: doc is missing path: \"\(path)\": missing value")
      }
    }
  }

  private func remove(_ document: inout JSON, _ path: String, op: String) throws(PatchError) -> JSON {
    var removed: JSON = .null
    try withParent(&document, path, op: op) { (parent: inout JSON, key: String) throws(PatchError) in
      switch parent {
      case .object(var object):
        guard let value = object[key] else {
          throw PatchError(message: "\(op) operation does not apply: doc is missing key: \(path): missing value")
        }
        removed = value
        parent = .null
        object[key] = nil
        parent = .object(object)
      case .array(var elements):
        guard var index = Int(key) else { throw PatchError(message: "\(op) operation does not apply: invalid index \(key)") }
        if index < 0 { index += elements.count }
        guard index >= 0, index < elements.count else { throw PatchError(message: "Unable to access invalid index: \(key)") }
        removed = elements.remove(at: index)
        parent = .array(elements)
      default:
        throw PatchError(message: "\(op) operation does not apply: doc is missing path: \"\(path)\": missing value")
      }
    }
    return removed
  }

  private func replace(_ document: inout JSON, _ path: String, _ value: JSON) throws(PatchError) {
    if path.isEmpty {
      document = value
      return
    }
    try withParent(&document, path, op: "replace") { (parent: inout JSON, key: String) throws(PatchError) in
      switch parent {
      case .object(var object):
        parent = .null
        object[key] = value
        parent = .object(object)
      case .array(var elements):
        guard var index = Int(key) else { throw PatchError(message: "replace operation does not apply: invalid index \(key)") }
        if index < 0 { index += elements.count }
        guard index >= 0, index < elements.count else {
          throw PatchError(message: "replace operation does not apply: doc is missing key: \(path): missing value")
        }
        elements[index] = value
        parent = .array(elements)
      default:
        throw PatchError(message: "replace operation does not apply: doc is missing parent path: \(path)")
      }
    }
  }

  /// JSON equality as the library compares values (numbers by value).
  static func equal(_ a: JSON, _ b: JSON) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)): return Double(x) == Double(y)
    case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
    case (.object(let x), .object(let y)):
      return x.count == y.count && x.allSatisfy { member in y[member.key].map { equal(member.value, $0) } ?? false }
    default: return a == b
    }
  }
}

extension Substring {
  func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    String(self).replacingOccurrences(target, replacement)
  }
}

extension String {
  /// Literal, non-overlapping replacement (no Foundation needed).
  func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }

  /// Go's `strings.Split`: every piece, empty ones included.
  func splitExact(_ separator: String) -> [String] {
    guard !separator.isEmpty else { return map(String.init) }
    return split(separator: separator, omittingEmptySubsequences: false).map(String.init)
  }
}
