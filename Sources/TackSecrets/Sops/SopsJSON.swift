import TackJSON

/// Reads and writes SOPS trees as JSON through TackJSON, which keeps key order and number text.
enum SopsJSON {
  static func parse(_ text: String) throws(SopsError) -> SopsNode {
    let json: JSON
    do {
      // Every member is encrypted and MACed: keeping only the last of two would drop a value quietly.
      json = try JSON.parse(text, duplicateKeys: .reject)
    } catch {
      throw SopsError(.invalidInput, "\(error)")
    }
    guard case .object = json else {
      throw SopsError(.invalidInput, "the JSON document must be an object")
    }
    return node(json)
  }

  static func node(_ json: JSON) -> SopsNode {
    switch json {
    case .null: return .scalar(.null)
    case .bool(let b): return .scalar(.bool(b))
    case .string(let s): return .scalar(.string(s))
    case .number(let text):
      // Integers that fit in 64 bits stay ints (sops ≥ 3.13); everything else is a float.
      if let int = Int64(text) { return SopsNode(.scalar(.int(int)), literal: text) }
      return SopsNode(.scalar(.float(Double(text) ?? .nan)), literal: text)
    case .array(let items): return .sequence(items.map(node))
    case .object(let object):
      return .mapping(object.members.map { SopsMember($0.key, node($0.value)) })
    }
  }

  /// The document as indented JSON (tab by default, as sops writes it) and a final newline.
  static func emit(_ document: SopsNode, indent: String = "\t") -> String {
    json(document).serialized(JSONWriteOptions(indent: indent)) + "\n"
  }

  static func json(_ node: SopsNode) -> JSON {
    switch node.kind {
    case .mapping(let members):
      var object = JSONObject()
      for member in members { object.appendUnchecked(member.key, json(member.value)) }
      return .object(object)
    case .sequence(let items): return .array(items.map(json))
    case .scalar(let value):
      switch value {
      case .null: return .null
      case .bool(let b): return .bool(b)
      case .string(let s): return .string(s)
      case .time(let t): return .string(t)
      case .int(let i): return .number(node.literal ?? String(i))
      case .float(let d):
        if let literal = node.literal { return .number(literal) }
        // JSON has no NaN or infinities; keep the value readable rather than write invalid JSON.
        if !d.isFinite { return .string(SopsValue.goFixed(d)) }
        return .number(SopsValue.goFixed(d))
      }
    }
  }
}
