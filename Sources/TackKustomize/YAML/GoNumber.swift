/// Go's number rules as kustomize's output shows them: `strconv` parsing for YAML scalars, and the
/// JSON → goyaml.v2 round trip every resource takes before it is printed.
enum GoNumber {
  /// `strconv.ParseInt(text, 0, 64)`, falling back to `ParseUint`: sign, then `0x`/`0o`/`0b` or a
  /// leading `0` for octal. Returns the decimal text, or nil when Go would reject it.
  static func parseInteger(_ text: String) -> String? {
    var bytes = Substring(text).utf8[...]
    var negative = false
    if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
      negative = first == UInt8(ascii: "-")
      bytes = bytes.dropFirst()
    }
    guard !bytes.isEmpty else { return nil }
    var radix: UInt64 = 10
    if bytes.count >= 2, bytes.first == UInt8(ascii: "0") {
      let second = bytes[bytes.index(after: bytes.startIndex)] | 0x20
      switch second {
      case UInt8(ascii: "x"): radix = 16; bytes = bytes.dropFirst(2)
      case UInt8(ascii: "o"): radix = 8; bytes = bytes.dropFirst(2)
      case UInt8(ascii: "b"): radix = 2; bytes = bytes.dropFirst(2)
      default: radix = 8; bytes = bytes.dropFirst()
      }
      guard !bytes.isEmpty else { return nil }
    }
    var magnitude: UInt64 = 0
    for byte in bytes {
      let digit: UInt64
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
      default: return nil
      }
      guard digit < radix else { return nil }
      let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: radix)
      let (sum, overflow2) = shifted.addingReportingOverflow(digit)
      guard !overflow1, !overflow2 else { return nil }
      magnitude = sum
    }
    if negative {
      // int64 only: -9223372036854775808 is the smallest.
      guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
      return magnitude == 0 ? "0" : "-" + String(magnitude)
    }
    return String(magnitude)
  }

  /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`, the YAML float shape both Go YAML
  /// libraries require before calling `ParseFloat`.
  static func isYAMLStyleFloat(_ text: String) -> Bool {
    let b = Array(text.utf8)
    var i = 0
    func digits() -> Int {
      let start = i
      while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
      return i - start
    }
    if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
    if i < b.count, b[i] == UInt8(ascii: ".") {
      i += 1
      guard digits() > 0 else { return false }
    } else {
      guard digits() > 0 else { return false }
      if i < b.count, b[i] == UInt8(ascii: ".") {
        i += 1
        _ = digits()
      }
    }
    if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
      i += 1
      if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() > 0 else { return false }
    }
    return i == b.count
  }

  /// `strconv.ParseFloat` for the decimal forms YAML scalars can take. Overflow gives an infinity
  /// (Go reports it as an error, and the caller then keeps the text as a string).
  static func parseFloat(_ text: String) -> Double? {
    guard isYAMLStyleFloat(text) else { return nil }
    return Double(text)
  }

  /// YAML 1.1 base-60 numbers (`1:20`), which goyaml.v2 quotes although it reads them as strings.
  static func isBase60Float(_ text: String) -> Bool {
    let b = Array(text.utf8)
    guard let first = b.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || isDigit(first),
      b.contains(UInt8(ascii: ":"))
    else { return false }
    // ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
    var i = 0
    if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
    guard i < b.count, isDigit(b[i]) else { return false }
    i += 1
    while i < b.count, isDigit(b[i]) || b[i] == UInt8(ascii: "_") { i += 1 }
    var groups = 0
    while i < b.count, b[i] == UInt8(ascii: ":") {
      i += 1
      var n = 0
      let start = i
      while i < b.count, isDigit(b[i]), i - start < 2 { n = n * 10 + Int(b[i] - UInt8(ascii: "0")); i += 1 }
      let count = i - start
      guard count >= 1 else { return false }
      if count == 2 && n >= 60 {
        // [0-5]?[0-9]: a two-digit group must start with 0-5.
        return false
      }
      groups += 1
    }
    guard groups > 0 else { return false }
    if i < b.count, b[i] == UInt8(ascii: ".") {
      i += 1
      while i < b.count, isDigit(b[i]) || b[i] == UInt8(ascii: "_") { i += 1 }
    }
    return i == b.count
  }

  private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

  /// How a float prints after kustomize's JSON → YAML round trip: integral values that Go's JSON
  /// writes without exponent and that fit int64/uint64 become integers; everything else is
  /// `strconv.FormatFloat(v, 'g', -1, 64)`.
  static func jsonText(_ value: Double) -> String {
    if value == value.rounded(.towardZero), abs(value) < 1e21 {
      if let integer = Int64(exactly: value) { return String(integer) }
      if let unsigned = UInt64(exactly: value) { return String(unsigned) }
    }
    return formatG(value)
  }

  /// `strconv.FormatFloat(v, 'g', -1, 64)`: shortest digits, `%e` layout when the decimal exponent
  /// is below -4 or at least 6 (so 1234567.5 prints as 1.2345675e+06), `%f` otherwise.
  static func formatG(_ value: Double) -> String {
    if value == 0 { return value.sign == .minus ? "-0" : "0" }
    let (negative, digits, pointPosition) = shortestDigits(value)
    let exponent = pointPosition - 1
    var out = negative ? "-" : ""
    if exponent < -4 || exponent >= 6 {
      out.append(digits.first!)
      if digits.count > 1 {
        out.append(".")
        out += digits.dropFirst()
      }
      out += exponent < 0 ? "e-" : "e+"
      let magnitude = abs(exponent)
      if magnitude < 10 { out += "0" }
      out += String(magnitude)
      return out
    }
    if pointPosition <= 0 {
      out += "0." + String(repeating: "0", count: -pointPosition) + digits
    } else if pointPosition >= digits.count {
      out += digits + String(repeating: "0", count: pointPosition - digits.count)
    } else {
      let index = digits.index(digits.startIndex, offsetBy: pointPosition)
      out += digits[..<index] + "." + digits[index...]
    }
    return out
  }

  /// The shortest round-tripping decimal digits of `value` (no leading or trailing zeros) and where
  /// the decimal point goes: value = 0.d1d2d3… × 10^pointPosition. Swift's `description` already
  /// produces the shortest digits; this only takes its layout apart.
  static func shortestDigits(_ value: Double) -> (negative: Bool, digits: String, pointPosition: Int) {
    var text = Substring(abs(value).description)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(text[text.index(after: e)...]) ?? 0
      text = text[..<e]
    }
    var integerPart = Substring(text)
    var fraction = Substring("")
    if let dot = text.firstIndex(of: ".") {
      integerPart = text[..<dot]
      fraction = text[text.index(after: dot)...]
    }
    var digits = String(integerPart) + fraction
    var point = integerPart.count + exponent
    while digits.first == "0" {
      digits.removeFirst()
      point -= 1
    }
    while digits.last == "0" { digits.removeLast() }
    if digits.isEmpty { return (value.sign == .minus, "0", 1) }
    return (value.sign == .minus, digits, point)
  }

  /// Normalises any JSON number text to what kustomize prints for it.
  static func canonical(_ text: String) -> String {
    if isPlainInteger(text) {
      if text == "-0" { return "0" }
      if text.utf8.count < 19 || Int64(text) != nil || UInt64(text) != nil { return text }
    }
    guard let value = Double(text), value.isFinite else { return text }
    return jsonText(value)
  }

  /// `-?(0|[1-9][0-9]*)`: JSON's integer form.
  private static func isPlainInteger(_ text: String) -> Bool {
    var bytes = text.utf8[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    guard let first = bytes.first else { return false }
    if first == UInt8(ascii: "0") { return bytes.count == 1 }
    return bytes.allSatisfy(isDigit)
  }
}
