import TackBase

/// How the Go sops binary types a YAML scalar: gopkg.in/yaml.v3 decoding into `interface{}`.
/// This differs from Kubernetes' YAML 1.1 reading (`yes`/`on` stay strings, timestamps become
/// `time`), and the typing decides the `type:` of an ENC value, so it has to match exactly.
enum SopsYAMLScalar {
  static let strTag = "tag:yaml.org,2002:str"
  static let intTag = "tag:yaml.org,2002:int"
  static let floatTag = "tag:yaml.org,2002:float"
  static let boolTag = "tag:yaml.org,2002:bool"
  static let nullTag = "tag:yaml.org,2002:null"
  static let timestampTag = "tag:yaml.org,2002:timestamp"
  static let binaryTag = "tag:yaml.org,2002:binary"

  /// Why a scalar cannot be represented the way sops would.
  struct Unsupported: Error { var reason: String }

  /// Resolves a scalar. `plain` is false for quoted and block scalars, `tag` is the explicit tag
  /// (nil or empty when none was written).
  static func resolve(_ text: String, plain: Bool, tag: String?) throws(Unsupported) -> SopsValue {
    let explicit = (tag?.isEmpty ?? true) || tag == "!" ? nil : tag
    switch explicit {
    case nil:
      return plain ? try implicit(text, allowTimestamp: true) : .string(text)
    case strTag?:
      return .string(text)
    case binaryTag?:
      let compact = text.utf8.filter { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
      guard let bytes = Base64.decode(bytes: Array(compact), grammar: .strict) else {
        throw Unsupported(reason: "!!binary value is not valid base64")
      }
      return .string(String(decoding: bytes, as: UTF8.self))
    case intTag?, floatTag?, boolTag?, nullTag?, timestampTag?:
      let value = try implicit(text, allowTimestamp: explicit == timestampTag)
      switch (explicit!, value) {
      case (intTag, .int), (floatTag, .float), (boolTag, .bool), (nullTag, .null), (timestampTag, .time):
        return value
      case (floatTag, .int(let i)):
        return .float(Double(i))
      default:
        // The value itself is never quoted: it may be the secret being encrypted.
        throw Unsupported(reason: "a value tagged !!\(explicit!.split(separator: ":").last!) is not of that type; fix the tag or the value")
      }
    default:
      // Application tags (`!foo`) decode as plain strings.
      return .string(text)
    }
  }

  /// yaml.v3's implicit resolution of an untagged plain scalar.
  static func implicit(_ text: String, allowTimestamp: Bool) throws(Unsupported) -> SopsValue {
    switch text {
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case "", "~", "null", "Null", "NULL": return .null
    case ".nan", ".NaN", ".NAN": return .float(.nan)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
    default: break
    }
    guard let first = text.utf8.first else { return .string(text) }
    if first == UInt8(ascii: ".") {
      return SopsValue.goParseFloat(text).map { .float($0) } ?? .string(text)
    }
    let isDigit = first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")
    guard isDigit || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else { return .string(text) }
    if allowTimestamp, let time = timestamp(text) { return .time(time) }
    let plain = String(text.filter { $0 != "_" })
    if let value = goParseInt(plain) { return .int(value) }
    if goParseUInt(plain) != nil {
      throw Unsupported(reason: "an integer does not fit in 64 signed bits (sops cannot encrypt it); quote it to make it a string")
    }
    if isYAMLStyleFloat(plain), let value = SopsValue.goParseFloat(plain) { return .float(value) }
    for (prefix, radix) in [("0b", 2), ("-0b", 2), ("0o", 8), ("-0o", 8)] where plain.hasPrefix(prefix) {
      let digits = plain.dropFirst(prefix.count)
      if let value = Int64(digits, radix: radix), !digits.hasPrefix("+"), !digits.hasPrefix("-") {
        return .int(prefix.hasPrefix("-") ? -value : value)
      }
    }
    return .string(text)
  }

  /// Go's `strconv.ParseInt(s, 0, 64)`: optional sign, then `0x`, `0o`, `0b` or a leading `0`
  /// (octal) prefix, or decimal.
  static func goParseInt(_ text: String) -> Int64? {
    guard let (negative, magnitude) = goParseMagnitude(text) else { return nil }
    if negative {
      return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
    }
    return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
  }

  static func goParseUInt(_ text: String) -> UInt64? {
    guard !text.hasPrefix("-"), !text.hasPrefix("+"), let (_, magnitude) = goParseMagnitude(text) else { return nil }
    return magnitude
  }

  private static func goParseMagnitude(_ text: String) -> (Bool, UInt64)? {
    var body = Substring(text)
    var negative = false
    if let sign = body.first, sign == "+" || sign == "-" {
      negative = sign == "-"
      body = body.dropFirst()
    }
    let lower = body.lowercased()
    var radix = 10
    if lower.hasPrefix("0x") {
      radix = 16
      body = body.dropFirst(2)
    } else if lower.hasPrefix("0o") {
      radix = 8
      body = body.dropFirst(2)
    } else if lower.hasPrefix("0b") {
      radix = 2
      body = body.dropFirst(2)
    } else if body.count > 1, body.first == "0" {
      radix = 8
      body = body.dropFirst()
    }
    guard !body.isEmpty, body.first != "+", body.first != "-", let value = UInt64(body, radix: radix) else {
      return nil
    }
    return (negative, value)
  }

  /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
  static func isYAMLStyleFloat(_ text: String) -> Bool {
    var bytes = Array(text.utf8)[...]
    func digits() -> Int {
      let count = bytes.prefix(while: { $0 >= 48 && $0 <= 57 }).count
      bytes = bytes.dropFirst(count)
      return count
    }
    if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      guard digits() > 0 else { return false }
    } else {
      guard digits() > 0 else { return false }
      if bytes.first == UInt8(ascii: ".") {
        bytes = bytes.dropFirst()
        _ = digits()
      }
    }
    if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
      guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
  }

  // MARK: timestamps

  /// Parses the YAML timestamp forms yaml.v3 accepts (`2001-12-14`, `2001-12-14T21:59:43.10-05:00`,
  /// `2001-12-14 21:59:43.10`) and returns Go's RFC 3339 nanosecond form of it, or nil.
  static func timestamp(_ text: String) -> String? {
    var scanner = Array(text.utf8)[...]
    func number(min: Int, max: Int) -> Int? {
      let count = scanner.prefix(while: { $0 >= 48 && $0 <= 57 }).prefix(max).count
      guard count >= min else { return nil }
      let value = scanner.prefix(count).reduce(0) { $0 * 10 + Int($1 - 48) }
      scanner = scanner.dropFirst(count)
      if count == max, let next = scanner.first, next >= 48 && next <= 57 { return nil }
      return value
    }
    func expect(_ c: Character) -> Bool {
      guard scanner.first == c.asciiValue else { return false }
      scanner = scanner.dropFirst()
      return true
    }
    guard let year = number(min: 4, max: 4), expect("-"), let month = number(min: 1, max: 2), expect("-"),
      let day = number(min: 1, max: 2), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
    else { return nil }
    var hour = 0, minute = 0, second = 0, nanos = 0, offset = 0
    if !scanner.isEmpty {
      let separator = scanner.first!
      let spaced = separator == UInt8(ascii: " ")
      guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || spaced else { return nil }
      scanner = scanner.dropFirst()
      guard let h = number(min: 1, max: 2), expect(":"), let m = number(min: 1, max: 2), expect(":"),
        let s = number(min: 1, max: 2), h < 24, m < 60, s < 60
      else { return nil }
      (hour, minute, second) = (h, m, s)
      if scanner.first == UInt8(ascii: "."), scanner.count > 1, let d = scanner.dropFirst().first, d >= 48, d <= 57 {
        scanner = scanner.dropFirst()
        let fraction = scanner.prefix(while: { $0 >= 48 && $0 <= 57 })
        scanner = scanner.dropFirst(fraction.count)
        let nine = Array(fraction.prefix(9)) + [UInt8](repeating: 48, count: max(0, 9 - fraction.count))
        nanos = nine.reduce(0) { $0 * 10 + Int($1 - 48) }
      }
      if spaced {
        guard scanner.isEmpty else { return nil }
      } else if expect("Z") {
        guard scanner.isEmpty else { return nil }
      } else {
        guard let sign = scanner.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        scanner = scanner.dropFirst()
        guard let oh = number(min: 2, max: 2), expect(":"), let om = number(min: 2, max: 2), scanner.isEmpty,
          oh <= 24, om < 60
        else { return nil }
        offset = (oh * 60 + om) * (sign == UInt8(ascii: "-") ? -1 : 1)
      }
    }
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    var result = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
    if nanos > 0 {
      var fraction = pad(nanos, 9)
      while fraction.last == "0" { fraction.removeLast() }
      result += "." + fraction
    }
    if offset == 0 {
      result += "Z"
    } else {
      result += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
    }
    return result
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  // MARK: writing

  /// Whether a string must be quoted so yaml.v3 (and YAML 1.1 readers such as Kubernetes') read it
  /// back as the same string.
  static func needsQuoting(_ text: String) -> Bool {
    if (try? implicit(text, allowTimestamp: true)) != .string(text) { return true }
    switch text {
    case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
      "on", "On", "ON", "off", "Off", "OFF", "<<", "=":
      return true
    default:
      return isBase60(text)
    }
  }

  /// YAML 1.1 sexagesimal numbers such as `1:20` (yaml.v3 quotes them for old readers).
  static func isBase60(_ text: String) -> Bool {
    guard text.utf8.contains(UInt8(ascii: ":")), text.utf8.count < 64 else { return false }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count > 1, let head = parts.first else { return false }
    let headDigits = head.hasPrefix("-") || head.hasPrefix("+") ? head.dropFirst() : head[...]
    guard !headDigits.isEmpty, headDigits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "_") }) else { return false }
    for part in parts.dropFirst() {
      let body = part.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
      guard let digits = body.first, !digits.isEmpty, digits.count <= 2, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
        return false
      }
    }
    return true
  }
}
