/// URL percent-decoding (RFC 3986 §2.1): `%2F` becomes `/`; a `%` not followed by two hex digits
/// stays as it is, as browsers and Go's lenient paths treat it.
///
/// ```swift
/// PercentEncoding.decode("bot%40ci")                       // "bot@ci"
/// PercentEncoding.decode("a+b%3Dc", plusAsSpace: true)     // "a b=c" (query strings)
/// ```
public enum PercentEncoding {
  /// `plusAsSpace` reads `+` as a space, as `application/x-www-form-urlencoded` query strings do.
  public static func decode(_ text: String, plusAsSpace: Bool = false) -> String {
    guard text.contains("%") || (plusAsSpace && text.contains("+")) else { return text }
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "%"), utf8.count >= 2,
        let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        utf8 = utf8.dropFirst(2)
      } else if plusAsSpace && byte == UInt8(ascii: "+") {
        bytes.append(UInt8(ascii: " "))
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
