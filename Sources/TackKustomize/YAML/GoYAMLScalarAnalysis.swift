/// Which styles the libyaml-family emitter (goyaml.v2) allows for a scalar, decided from its bytes
/// exactly as the emitter's scalar analysis decides: indicators at the start or after spaces, line
/// breaks, leading/trailing spaces, and characters it does not consider printable.
struct GoYAMLScalarAnalysis {
  var multiline = false
  var flowPlainAllowed = true
  var blockPlainAllowed = true
  var singleQuotedAllowed = true
  var blockAllowed = true

  init(_ text: String) {
    let b = Array(text.utf8)
    guard !b.isEmpty else {
      flowPlainAllowed = false
      blockAllowed = false
      return
    }
    var blockIndicators = false
    var flowIndicators = false
    var lineBreaks = false
    var specialCharacters = false
    var leadingSpace = false
    var leadingBreak = false
    var trailingSpace = false
    var trailingBreak = false
    var breakSpace = false
    var spaceBreak = false
    var previousSpace = false
    var previousBreak = false

    if b.count >= 3,
      (b[0] == UInt8(ascii: "-") && b[1] == UInt8(ascii: "-") && b[2] == UInt8(ascii: "-"))
        || (b[0] == UInt8(ascii: ".") && b[1] == UInt8(ascii: ".") && b[2] == UInt8(ascii: "."))
    {
      blockIndicators = true
      flowIndicators = true
    }
    var precededByWhitespace = true
    var i = 0
    while i < b.count {
      let w = GoYAMLBytes.width(b[i])
      let followedByWhitespace = i + w >= b.count || GoYAMLBytes.isBlank(b, i + w)
      let c = b[i]
      if i == 0 {
        switch c {
        case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
          UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
          UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
          UInt8(ascii: "`"):
          flowIndicators = true
          blockIndicators = true
        case UInt8(ascii: "?"), UInt8(ascii: ":"):
          flowIndicators = true
          if followedByWhitespace { blockIndicators = true }
        case UInt8(ascii: "-"):
          if followedByWhitespace {
            flowIndicators = true
            blockIndicators = true
          }
        default: break
        }
      } else {
        switch c {
        case UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
          UInt8(ascii: "}"):
          flowIndicators = true
        case UInt8(ascii: ":"):
          flowIndicators = true
          if followedByWhitespace { blockIndicators = true }
        case UInt8(ascii: "#"):
          if precededByWhitespace {
            flowIndicators = true
            blockIndicators = true
          }
        default: break
        }
      }
      if !GoYAMLBytes.isPrintable(b, i) { specialCharacters = true }
      if c == UInt8(ascii: " ") {
        if i == 0 { leadingSpace = true }
        if i + w == b.count { trailingSpace = true }
        if previousBreak { breakSpace = true }
        previousSpace = true
        previousBreak = false
      } else if GoYAMLBytes.isBreak(b, i) {
        lineBreaks = true
        if i == 0 { leadingBreak = true }
        if i + w == b.count { trailingBreak = true }
        if previousSpace { spaceBreak = true }
        previousSpace = false
        previousBreak = true
      } else {
        previousSpace = false
        previousBreak = false
      }
      precededByWhitespace = GoYAMLBytes.isBlankOrBreak(b, i)
      i += w
    }

    multiline = lineBreaks
    if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
      flowPlainAllowed = false
      blockPlainAllowed = false
    }
    if trailingSpace { blockAllowed = false }
    if breakSpace {
      flowPlainAllowed = false
      blockPlainAllowed = false
      singleQuotedAllowed = false
    }
    if spaceBreak || specialCharacters {
      flowPlainAllowed = false
      blockPlainAllowed = false
      singleQuotedAllowed = false
      blockAllowed = false
    }
    if lineBreaks {
      flowPlainAllowed = false
      blockPlainAllowed = false
    }
    if flowIndicators { flowPlainAllowed = false }
    if blockIndicators { blockPlainAllowed = false }
  }
}

/// libyaml's byte-class helpers over UTF-8.
enum GoYAMLBytes {
  static func width(_ b: UInt8) -> Int {
    if b & 0x80 == 0 { return 1 }
    if b & 0xE0 == 0xC0 { return 2 }
    if b & 0xF0 == 0xE0 { return 3 }
    if b & 0xF8 == 0xF0 { return 4 }
    return 1
  }

  @inline(__always) static func at(_ b: [UInt8], _ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }

  static func isBlank(_ b: [UInt8], _ i: Int) -> Bool {
    let c = at(b, i)
    return c == UInt8(ascii: " ") || c == UInt8(ascii: "\t")
  }

  static func isBreak(_ b: [UInt8], _ i: Int) -> Bool {
    let c = at(b, i)
    if c == UInt8(ascii: "\r") || c == UInt8(ascii: "\n") { return true }
    if c == 0xC2 && at(b, i + 1) == 0x85 { return true }
    if c == 0xE2 && at(b, i + 1) == 0x80 && (at(b, i + 2) == 0xA8 || at(b, i + 2) == 0xA9) { return true }
    return false
  }

  /// is_blankz: blank, break, or the end of the text.
  static func isBlankOrBreak(_ b: [UInt8], _ i: Int) -> Bool {
    i >= b.count || isBlank(b, i) || isBreak(b, i) || b[i] == 0
  }

  static func isPrintable(_ b: [UInt8], _ i: Int) -> Bool {
    let c = at(b, i)
    let c1 = at(b, i + 1)
    let c2 = at(b, i + 2)
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c == 0xC2 && c1 >= 0xA0) || (c > 0xC2 && c < 0xED)
      || (c == 0xED && c1 < 0xA0) || c == 0xEE
      || (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)))
  }
}
