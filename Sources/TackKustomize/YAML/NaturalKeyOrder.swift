import TackJSON

/// The order goyaml.v2 writes map keys in: a "natural" sort that compares runs of digits as numbers
/// and puts non-letters before letters (`_x` < `0` < `A` < `a`, `key9` < `key10`).
enum NaturalKeyOrder {
  static func sorted(_ members: [JSONObject.Member]) -> [JSONObject.Member] {
    if members.count < 2 { return members }
    let decorated = members.map { (Array($0.key.unicodeScalars), $0) }
    return decorated.sorted { less($0.0, $1.0) }.map(\.1)
  }

  static func less(_ a: String, _ b: String) -> Bool {
    less(Array(a.unicodeScalars), Array(b.unicodeScalars))
  }

  static func less(_ ar: [Unicode.Scalar], _ br: [Unicode.Scalar]) -> Bool {
    var i = 0
    while i < ar.count && i < br.count {
      let x = ar[i]
      let y = br[i]
      if x == y {
        i += 1
        continue
      }
      let xl = isLetter(x)
      let yl = isLetter(y)
      if xl && yl { return x.value < y.value }
      if xl || yl { return yl }
      var an: Int64 = 0
      var bn: Int64 = 0
      if x == "0" || y == "0" {
        var j = i - 1
        while j >= 0, isDigit(ar[j]) {
          if ar[j] != "0" {
            an = 1
            bn = 1
            break
          }
          j -= 1
        }
      }
      var ai = i
      while ai < ar.count, isDigit(ar[ai]) {
        an = an &* 10 &+ Int64(Int(ar[ai].value) - 48)
        ai += 1
      }
      var bi = i
      while bi < br.count, isDigit(br[bi]) {
        bn = bn &* 10 &+ Int64(Int(br[bi].value) - 48)
        bi += 1
      }
      if an != bn { return an < bn }
      if ai != bi { return ai < bi }
      return x.value < y.value
    }
    return ar.count < br.count
  }

  /// Go's `unicode.IsLetter`: the L* general categories.
  static func isLetter(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 {
      return (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
  }

  /// Go's `unicode.IsDigit`: the Nd category.
  static func isDigit(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return s.value >= 0x30 && s.value <= 0x39 }
    return s.properties.generalCategory == .decimalNumber
  }
}
