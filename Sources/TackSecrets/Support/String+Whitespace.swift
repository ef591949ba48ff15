extension StringProtocol {
  /// The text without leading and trailing ASCII whitespace (space, tab, CR, LF, VT, FF).
  var trimmedWhitespace: String {
    let bytes = Array(utf8)
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = bytes.lastIndex(where: { !isSpace($0) })!
    return String(decoding: bytes[first...last], as: UTF8.self)
  }
}
