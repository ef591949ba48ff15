/// How a JSON value is written.
public struct JSONWriteOptions: Sendable, Equatable {
  /// `nil` writes compact JSON; otherwise one member per line, indented by this string per level.
  public var indent: String?
  /// Object keys in byte order, as Go writes maps (and so kubectl prints objects).
  public var sortKeys: Bool
  /// `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`, as Go's encoder writes them by default.
  public var escapeHTML: Bool

  public init(indent: String? = nil, sortKeys: Bool = false, escapeHTML: Bool = false) {
    self.indent = indent
    self.sortKeys = sortKeys
    self.escapeHTML = escapeHTML
  }

  /// Compact, order-preserving: what goes on the wire.
  public static let compact = JSONWriteOptions()
  /// What `kubectl get -o json` prints: four-space indent, sorted keys, Go's HTML escaping.
  public static let kubectl = JSONWriteOptions(indent: "    ", sortKeys: true, escapeHTML: true)
}

extension JSON {
  public func serialized(_ options: JSONWriteOptions = .compact) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(256)
    write(into: &bytes, options: options)
    return String(decoding: bytes, as: UTF8.self)
  }

  public func serializedBytes(_ options: JSONWriteOptions = .compact) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(256)
    write(into: &bytes, options: options)
    return bytes
  }

  public func write(into out: inout [UInt8], options: JSONWriteOptions = .compact) {
    var writer = JSONWriter(options: options)
    writer.write(self, into: &out, level: 0)
  }
}

struct JSONWriter {
  let options: JSONWriteOptions
  let indentBytes: [UInt8]?

  init(options: JSONWriteOptions) {
    self.options = options
    indentBytes = options.indent.map { Array($0.utf8) }
  }

  mutating func newline(_ out: inout [UInt8], level: Int) {
    guard let indentBytes else { return }
    out.append(0x0A)
    for _ in 0..<level { out.append(contentsOf: indentBytes) }
  }

  mutating func write(_ value: JSON, into out: inout [UInt8], level: Int) {
    switch value {
    case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    case .bool(let b): out.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
    case .number(let text): out.append(contentsOf: text.utf8)
    case .string(let s): writeString(s, into: &out)
    case .array(let elements):
      if elements.isEmpty {
        out.append(contentsOf: [0x5B, 0x5D])
        return
      }
      out.append(0x5B)
      for (i, element) in elements.enumerated() {
        if i > 0 { out.append(0x2C) }
        newline(&out, level: level + 1)
        write(element, into: &out, level: level + 1)
      }
      newline(&out, level: level)
      out.append(0x5D)
    case .object(let object):
      if object.isEmpty {
        out.append(contentsOf: [0x7B, 0x7D])
        return
      }
      out.append(0x7B)
      let members = options.sortKeys ? object.sortedMembers : object.members
      for (i, member) in members.enumerated() {
        if i > 0 { out.append(0x2C) }
        newline(&out, level: level + 1)
        writeString(member.key, into: &out)
        out.append(0x3A)
        if indentBytes != nil { out.append(0x20) }
        write(member.value, into: &out, level: level + 1)
      }
      newline(&out, level: level)
      out.append(0x7D)
    }
  }

  static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  func writeString(_ string: String, into out: inout [UInt8]) {
    out.append(0x22)
    var utf8 = string.utf8
    if let done = utf8.withContiguousStorageIfAvailable({ escape($0, into: &out) }) {
      _ = done
    } else {
      var copy = string
      copy.makeContiguousUTF8()
      utf8 = copy.utf8
      _ = utf8.withContiguousStorageIfAvailable { escape($0, into: &out) }
    }
    out.append(0x22)
  }

  /// Works on UTF-8 bytes: only ASCII needs escaping, plus U+2028/U+2029 (E2 80 A8/A9) for HTML safety.
  func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    var runStart = 0
    var i = 0
    func flush(_ out: inout [UInt8], upTo end: Int) {
      if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
    }
    while i < bytes.count {
      let byte = bytes[i]
      var replacement: [UInt8]? = nil
      var width = 1
      switch byte {
      case 0x22: replacement = [0x5C, 0x22]
      case 0x5C: replacement = [0x5C, 0x5C]
      case 0x0A: replacement = [0x5C, 0x6E]
      case 0x0D: replacement = [0x5C, 0x72]
      case 0x09: replacement = [0x5C, 0x74]
      case 0x08: replacement = [0x5C, 0x62]
      case 0x0C: replacement = [0x5C, 0x66]
      case 0x3C where options.escapeHTML, 0x3E where options.escapeHTML, 0x26 where options.escapeHTML:
        replacement = unicodeEscaped(UInt32(byte))
      case 0..<0x20: replacement = unicodeEscaped(UInt32(byte))
      case 0xE2 where options.escapeHTML && i + 2 < bytes.count && bytes[i + 1] == 0x80
        && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
        replacement = unicodeEscaped(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
        width = 3
      default: break
      }
      if let replacement {
        flush(&out, upTo: i)
        out.append(contentsOf: replacement)
        i += width
        runStart = i
      } else {
        i += 1
      }
    }
    flush(&out, upTo: bytes.count)
  }

  func unicodeEscaped(_ value: UInt32) -> [UInt8] {
    var out: [UInt8] = []
    unicodeEscape(value, into: &out)
    return out
  }

  func unicodeEscape(_ value: UInt32, into out: inout [UInt8]) {
    out.append(contentsOf: [0x5C, 0x75])
    out.append(Self.hex[Int((value >> 12) & 0xF)])
    out.append(Self.hex[Int((value >> 8) & 0xF)])
    out.append(Self.hex[Int((value >> 4) & 0xF)])
    out.append(Self.hex[Int(value & 0xF)])
  }
}
