import Crypto
import TackJSON

/// The suffix kustomize appends to generated ConfigMap and Secret names: SHA-256 of a Go-encoded
/// JSON object of the kind, an always-empty name, the data (and type for Secrets), first ten hex
/// digits, with `0 1 3 a e` swapped for `g h k m t` so the suffix never looks like a number.
enum NameHasher {
  static func suffix(for object: JSONObject) -> String? {
    let kind = object["kind"]?.stringValue ?? ""
    var fields = JSONObject()
    switch kind {
    case "ConfigMap":
      fields["kind"] = "ConfigMap"
      fields["name"] = ""
      fields["data"] = hashValue(object["data"])
      if case .object = object["binaryData"] { fields["binaryData"] = hashValue(object["binaryData"]) }
    case "Secret":
      fields["kind"] = "Secret"
      fields["name"] = ""
      fields["type"] = hashValue(object["type"])
      fields["data"] = hashValue(object["data"])
      if case .object = object["stringData"] { fields["stringData"] = hashValue(object["stringData"]) }
    default:
      return nil
    }
    return encode(GoJSON.encode(.object(fields)))
  }

  /// A missing field hashes as "", a scalar as its text, a map as itself.
  private static func hashValue(_ value: JSON?) -> JSON {
    switch value {
    case nil: return ""
    case .object, .array: return value!
    case .string(let s): return .string(s)
    case .number(let n): return .string(n)
    case .bool(let b): return .string(b ? "true" : "false")
    case .null: return ""
    }
  }

  static func encode(_ text: String) -> String {
    let digest = SHA256.hash(data: Array(text.utf8))
    let hex = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in digest.prefix(5) {
      out.append(hex[Int(byte >> 4)])
      out.append(hex[Int(byte & 0x0F)])
    }
    for index in out.indices {
      switch out[index] {
      case UInt8(ascii: "0"): out[index] = UInt8(ascii: "g")
      case UInt8(ascii: "1"): out[index] = UInt8(ascii: "h")
      case UInt8(ascii: "3"): out[index] = UInt8(ascii: "k")
      case UInt8(ascii: "a"): out[index] = UInt8(ascii: "m")
      case UInt8(ascii: "e"): out[index] = UInt8(ascii: "t")
      default: break
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Go's `encoding/json` output for a decoded value: compact, map keys in byte order, numbers as
/// float64, and the HTML-safe string escapes (`<` `>` `&` U+2028 U+2029).
enum GoJSON {
  static func encode(_ value: JSON) -> String {
    var out: [UInt8] = []
    write(value, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  private static func write(_ value: JSON, into out: inout [UInt8]) {
    switch value {
    case .null: out.append(contentsOf: Array("null".utf8))
    case .bool(let b): out.append(contentsOf: Array((b ? "true" : "false").utf8))
    case .number(let text): out.append(contentsOf: Array(floatText(text).utf8))
    case .string(let s): writeString(s, into: &out)
    case .array(let elements):
      out.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        write(element, into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let object):
      out.append(UInt8(ascii: "{"))
      for (index, member) in object.sortedMembers.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        writeString(member.key, into: &out)
        out.append(UInt8(ascii: ":"))
        write(member.value, into: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  /// A float64 as Go's JSON encoder writes it: `%f`-style between 1e-6 and 1e21, else exponent form.
  static func floatText(_ text: String) -> String {
    guard let value = Double(text), value.isFinite else { return text }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 1e-6 && magnitude < 1e21 {
      let (negative, digits, point) = GoNumber.shortestDigits(value)
      var result = negative ? "-" : ""
      if point <= 0 {
        result += "0." + String(repeating: "0", count: -point) + digits
      } else if point >= digits.count {
        result += digits + String(repeating: "0", count: point - digits.count)
      } else {
        let index = digits.index(digits.startIndex, offsetBy: point)
        result += digits[..<index] + "." + digits[index...]
      }
      return result
    }
    var e = GoNumber.formatG(value)
    // Go trims a two-digit negative exponent's leading zero: 1e-07 → 1e-7.
    if let range = e.range(of: "e-0") { e.replaceSubrange(range, with: "e-") }
    return e
  }

  static func writeString(_ s: String, into out: inout [UInt8]) {
    let hex = Array("0123456789abcdef".utf8)
    out.append(UInt8(ascii: "\""))
    for scalar in s.unicodeScalars {
      switch scalar.value {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
      case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
      case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x00..<0x20, 0x3C, 0x3E, 0x26, 0x2028, 0x2029:
        let v = scalar.value
        out.append(contentsOf: Array("\\u".utf8))
        out.append(hex[Int(v >> 12 & 0xF)])
        out.append(hex[Int(v >> 8 & 0xF)])
        out.append(hex[Int(v >> 4 & 0xF)])
        out.append(hex[Int(v & 0xF)])
      default:
        out.append(contentsOf: Array(String(scalar).utf8))
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
