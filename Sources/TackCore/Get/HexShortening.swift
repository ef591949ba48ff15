/// flux's hex shortening: every 40–128 character lowercase hex word (a SHA-1 … SHA-512 digest) is
/// cut to its first 8 characters, so `main@sha1:696f056d…` reads `main@sha1:696f056d`.
///
/// A "word" follows Go's ASCII `\b`: a maximal run of `[0-9A-Za-z_]`. Only a word made entirely of
/// `[0-9a-f]` is shortened, so `X696f…`, uppercase digests and 129-character runs stay whole, as in
/// flux. Applied where flux applies it (sources' and Kustomizations' REVISION and MESSAGE; not
/// HelmChart REVISION, which is a semver, nor HelmRelease, Receiver and image messages).
public enum HexShortening {
  public static let minimumLength = 40
  public static let maximumLength = 128
  public static let keptLength = 8

  public static func shorten(_ text: String) -> String {
    let bytes = Array(text.utf8)
    guard bytes.count >= minimumLength else { return text }
    var output: [UInt8] = []
    var changed = false
    var index = 0
    while index < bytes.count {
      guard isWordByte(bytes[index]) else {
        output.append(bytes[index])
        index += 1
        continue
      }
      var end = index
      var allHex = true
      while end < bytes.count, isWordByte(bytes[end]) {
        if !isLowerHex(bytes[end]) { allHex = false }
        end += 1
      }
      let length = end - index
      if allHex, length >= minimumLength, length <= maximumLength {
        output.append(contentsOf: bytes[index..<(index + keptLength)])
        changed = true
      } else {
        output.append(contentsOf: bytes[index..<end])
      }
      index = end
    }
    return changed ? String(decoding: output, as: UTF8.self) : text
  }

  static func isWordByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
      true
    default: false
    }
  }

  static func isLowerHex(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"): true
    default: false
    }
  }
}
