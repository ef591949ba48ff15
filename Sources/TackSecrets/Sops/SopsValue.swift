/// A typed leaf value, with the byte form SOPS encrypts and feeds to the MAC (Go's `sops.ToBytes`).
public enum SopsValue: Sendable, Equatable {
  case null
  case string(String)
  case int(Int64)
  case float(Double)
  case bool(Bool)
  /// A YAML timestamp, held as RFC 3339 with nanoseconds (Go's `time.Time.MarshalText`).
  case time(String)

  /// The `type:` name in an ENC value; nil for null, which is never encrypted.
  var typeName: String? {
    switch self {
    case .null: nil
    case .string: "str"
    case .int: "int"
    case .float: "float"
    case .bool: "bool"
    case .time: "time"
    }
  }

  /// The bytes that are encrypted and hashed: strings as UTF-8, ints in decimal, floats in Go's
  /// shortest fixed notation, bools as `True`/`False`.
  var plaintext: [UInt8]? {
    switch self {
    case .null: nil
    case .string(let s): Array(s.utf8)
    case .int(let i): Array(String(i).utf8)
    case .float(let d): Array(Self.goFixed(d).utf8)
    case .bool(let b): Array((b ? "True" : "False").utf8)
    case .time(let t): Array(t.utf8)
    }
  }

  /// Rebuilds a value from decrypted bytes and its `type:`, as sops' AES cipher does.
  static func decoded(type: String, bytes: [UInt8]) -> SopsValue? {
    let text = String(decoding: bytes, as: UTF8.self)
    switch type {
    case "str", "bytes", "comment": return .string(text)
    case "int": return goAtoi(text).map { .int($0) }
    case "float": return goParseFloat(text).map { .float($0) }
    case "bool":
      switch text {
      case "1", "t", "T", "TRUE", "true", "True": return .bool(true)
      case "0", "f", "F", "FALSE", "false", "False": return .bool(false)
      default: return nil
      }
    case "time": return SopsYAMLScalar.timestamp(text).map { .time($0) }
    default: return nil
    }
  }

  static func goAtoi(_ text: String) -> Int64? {
    var body = Substring(text)
    if body.first == "+" { body = body.dropFirst() }
    guard !body.isEmpty, body.first != "+" else { return nil }
    return Int64(body)
  }

  static func goParseFloat(_ text: String) -> Double? {
    switch text.lowercased() {
    case "nan": return .nan
    case "inf", "+inf", "infinity", "+infinity": return .infinity
    case "-inf", "-infinity": return -.infinity
    default: break
    }
    guard text.utf8.allSatisfy({ "0123456789.eE+-".utf8.contains($0) }) else { return nil }
    return Double(text)
  }

  /// Go's `strconv.FormatFloat(d, 'f', -1, 64)`: the shortest digits that round-trip, never an
  /// exponent (`1e3` → `1000`, `1e-7` → `0.0000001`).
  static func goFixed(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
    var text = "\(value)"
    var sign = ""
    if text.hasPrefix("-") {
      sign = "-"
      text.removeFirst()
    }
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(String(text[text.index(after: e)...].filter { $0 != "+" }))!
      text = String(text[..<e])
    }
    let point = text.firstIndex(of: ".")
    let integerPart = point.map { String(text[..<$0]) } ?? text
    let fractionPart = point.map { String(text[text.index(after: $0)...]) } ?? ""
    var digits = integerPart + fractionPart
    var pointPosition = integerPart.count + exponent
    // Normalize: drop leading zeros (keeping the position right) and trailing zeros.
    while digits.count > 1, digits.first == "0" {
      digits.removeFirst()
      pointPosition -= 1
    }
    while digits.count > 1, digits.last == "0", digits.count > pointPosition { digits.removeLast() }
    if digits == "0" { return sign + "0" }
    let result: String
    if pointPosition <= 0 {
      result = "0." + String(repeating: "0", count: -pointPosition) + digits
    } else if pointPosition >= digits.count {
      result = digits + String(repeating: "0", count: pointPosition - digits.count)
    } else {
      let index = digits.index(digits.startIndex, offsetBy: pointPosition)
      result = digits[..<index] + "." + digits[index...]
    }
    return sign + result
  }
}
