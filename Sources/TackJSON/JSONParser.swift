/// A parse failure, with the byte offset where the input stopped making sense.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  public var offset: Int
  public var reason: String
  public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

/// What a parse does with a key that an object holds twice.
public enum JSONDuplicateKeys: Sendable {
  /// The last one wins, as in Go's decoder and so the API server.
  case lastWins
  /// The parse fails naming the key: for files whose every member matters (SOPS), where dropping one
  /// would lose a value without a word.
  case reject
}

extension JSON {
  /// Parses one JSON text (RFC 8259). Whitespace may surround it; anything else after it is an error.
  public static func parse(_ text: String, duplicateKeys: JSONDuplicateKeys = .lastWins) throws(JSONParseError) -> JSON {
    var copy = text
    do {
      return try copy.withUTF8 { buffer in try JSON.parse(buffer, duplicateKeys: duplicateKeys) }
    } catch let error as JSONParseError {
      throw error
    } catch {
      throw JSONParseError(offset: 0, reason: "\(error)")
    }
  }

  public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSON {
    if let result = bytes.withContiguousStorageIfAvailable({ buffer in
      Result { () throws(JSONParseError) -> JSON in try JSON.parse(buffer) }
    }) {
      return try result.get()
    }
    let array = Array(bytes)
    return try array.withUnsafeBufferPointer { buffer throws(JSONParseError) in try JSON.parse(buffer) }
  }

  public static func parse(
    _ buffer: UnsafeBufferPointer<UInt8>, duplicateKeys: JSONDuplicateKeys = .lastWins
  ) throws(JSONParseError) -> JSON {
    var parser = JSONParser(buffer, duplicateKeys: duplicateKeys)
    parser.skipWhitespace()
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.index == buffer.count else { throw parser.error("unexpected data after the value") }
    return value
  }
}

extension Result where Failure == JSONParseError {
  fileprivate init(_ body: () throws(JSONParseError) -> Success) {
    do { self = .success(try body()) } catch { self = .failure(error) }
  }
}

struct JSONParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  let duplicateKeys: JSONDuplicateKeys
  /// Deeper nesting than any Kubernetes object; bounds the recursion on hostile input.
  static let maxDepth = 512

  init(_ bytes: UnsafeBufferPointer<UInt8>, duplicateKeys: JSONDuplicateKeys = .lastWins) {
    self.bytes = bytes
    self.duplicateKeys = duplicateKeys
  }

  func error(_ reason: String) -> JSONParseError { JSONParseError(offset: index, reason: reason) }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  mutating func parseValue(depth: Int) throws(JSONParseError) -> JSON {
    guard depth < Self.maxDepth else { throw error("nested too deeply") }
    guard index < bytes.count else { throw error("unexpected end of input") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectLiteral("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default: throw error("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
    }
  }

  mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
    let count = literal.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw error("unexpected end of input") }
    let start = literal.utf8Start
    for offset in 0..<count where bytes[index + offset] != start[offset] {
      throw error("invalid literal")
    }
    index += count
  }

  mutating func parseObject(depth: Int) throws(JSONParseError) -> JSON {
    index += 1
    var members: [JSONObject.Member] = []
    var seen: Set<String> = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(JSONObject())
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a string key") }
      let keyOffset = index
      let key = try parseString()
      if duplicateKeys == .reject, !seen.insert(key).inserted {
        throw JSONParseError(offset: keyOffset, reason: "the key \"\(key)\" appears twice in one object")
      }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
      index += 1
      skipWhitespace()
      let value = try parseValue(depth: depth + 1)
      members.append(JSONObject.Member(key: key, value: value))
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input in object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        break
      }
      throw error("expected ',' or '}'")
    }
    return .object(JSONObject(Self.lastWins(members)))
  }

  /// Go's decoder (and so the API server) keeps the last of duplicated keys.
  static func lastWins(_ members: [JSONObject.Member]) -> [JSONObject.Member] {
    if members.count < 2 { return members }
    if members.count <= 16 {
      var duplicate = false
      outer: for i in 1..<members.count {
        for j in 0..<i where members[j].key == members[i].key {
          duplicate = true
          break outer
        }
      }
      if !duplicate { return members }
    } else {
      var seen = Set<String>(minimumCapacity: members.count)
      var duplicate = false
      for member in members where !seen.insert(member.key).inserted { duplicate = true }
      if !duplicate { return members }
    }
    var result = JSONObject()
    for member in members { result[member.key] = member.value }
    return result.members
  }

  mutating func parseArray(depth: Int) throws(JSONParseError) -> JSON {
    index += 1
    var elements: [JSON] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array([])
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input in array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        break
      }
      throw error("expected ',' or ']'")
    }
    return .array(elements)
  }

  mutating func parseNumber() throws(JSONParseError) -> String {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  mutating func parseString() throws(JSONParseError) -> String {
    index += 1
    let start = index
    // Fast path: no escapes.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        return try validatedString(slice, at: start)
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw error("control character in string") }
      index += 1
    }
    var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return try scratch.withUnsafeBufferPointer { buffer throws(JSONParseError) in
          try validatedString(buffer, at: start)
        }
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { throw error("unexpected end of input in string") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try parseHex4()
          if (0xD800...0xDBFF).contains(scalar) {
            // A high surrogate must be followed by an escaped low surrogate; otherwise U+FFFD, as Go does.
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
              let save = index
              index += 2
              let low = try parseHex4()
              if (0xDC00...0xDFFF).contains(low) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
              } else {
                index = save
                scalar = 0xFFFD
              }
            } else {
              scalar = 0xFFFD
            }
          } else if (0xDC00...0xDFFF).contains(scalar) {
            scalar = 0xFFFD
          }
          scratch.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        default:
          throw error("invalid escape sequence")
        }
      default:
        if byte < 0x20 { throw error("control character in string") }
        scratch.append(byte)
        index += 1
      }
    }
    throw error("unterminated string")
  }

  mutating func parseHex4() throws(JSONParseError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: throw error("invalid \\u escape")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  /// Invalid UTF-8 is replaced with U+FFFD, as Go's decoder does, rather than rejected.
  func validatedString(_ slice: UnsafeBufferPointer<UInt8>, at offset: Int) throws(JSONParseError) -> String {
    String(decoding: slice, as: UTF8.self)
  }
}
