/// The YAML timestamp forms Go's YAML libraries accept (through `time.Parse` with the layouts
/// `2006-1-2T15:4:5.999999999Z07:00`, the same with a lower-case `t`, `2006-1-2 15:4:5.999999999`
/// and `2006-1-2`), and the RFC 3339 text Go's JSON encoder writes for the parsed `time.Time`.
enum GoTimestamp {
  /// The `time.Time` as `encoding/json` prints it (RFC 3339 with nanoseconds, trailing zeros
  /// dropped, `Z` for a zero offset), or nil when `text` is not a timestamp.
  static func parse(_ text: String) -> String? {
    let b = Array(text.utf8)
    // Quick check shared by both libraries: four digits, then '-'.
    guard b.count > 4, b[0...3].allSatisfy(isDigit), b[4] == UInt8(ascii: "-") else { return nil }
    var i = 5
    func number(maxDigits: Int) -> Int? {
      let start = i
      var value = 0
      while i < b.count, i - start < maxDigits, isDigit(b[i]) {
        value = value * 10 + Int(b[i] - UInt8(ascii: "0"))
        i += 1
      }
      return i > start ? value : nil
    }
    func take(_ byte: UInt8) -> Bool {
      guard i < b.count, b[i] == byte else { return false }
      i += 1
      return true
    }
    let year = b[0...3].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    guard let month = number(maxDigits: 2), (1...12).contains(month), take(UInt8(ascii: "-")),
      let day = number(maxDigits: 2), day >= 1, day <= daysIn(month: month, year: year)
    else { return nil }
    var hour = 0, minute = 0, second = 0
    var fraction: [UInt8] = []
    var offsetMinutes = 0
    if i < b.count {
      let separator = b[i]
      let withZone = separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
      guard withZone || separator == UInt8(ascii: " ") else { return nil }
      i += 1
      guard let h = number(maxDigits: 2), h < 24, take(UInt8(ascii: ":")),
        let m = number(maxDigits: 2), m < 60, take(UInt8(ascii: ":")),
        let s = number(maxDigits: 2), s < 60
      else { return nil }
      (hour, minute, second) = (h, m, s)
      if i + 1 < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ","), isDigit(b[i + 1]) {
        i += 1
        while i < b.count, isDigit(b[i]) {
          fraction.append(b[i])
          i += 1
        }
      }
      if withZone {
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "Z") {
          i += 1
        } else {
          guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), b.count - i >= 6,
            isDigit(b[i + 1]), isDigit(b[i + 2]), b[i + 3] == UInt8(ascii: ":"), isDigit(b[i + 4]),
            isDigit(b[i + 5])
          else { return nil }
          let hours = Int(b[i + 1] - 48) * 10 + Int(b[i + 2] - 48)
          let minutes = Int(b[i + 4] - 48) * 10 + Int(b[i + 5] - 48)
          guard hours <= 24, minutes <= 60 else { return nil }
          offsetMinutes = (hours * 60 + minutes) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
          i += 6
        }
      }
    }
    guard i == b.count else { return nil }
    // Go keeps nine digits of the fraction (more are cut), and prints without trailing zeros.
    var nanos = Array(fraction.prefix(9))
    while nanos.last == UInt8(ascii: "0") { nanos.removeLast() }
    var out = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(hour, 2) + ":" + pad(minute, 2)
      + ":" + pad(second, 2)
    if !nanos.isEmpty { out += "." + String(decoding: nanos, as: UTF8.self) }
    if offsetMinutes == 0 {
      out += "Z"
    } else {
      let magnitude = abs(offsetMinutes)
      out += (offsetMinutes < 0 ? "-" : "+") + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
    }
    return out
  }

  private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
