extension StringProtocol {
  /// The text without any of `characters` at either end (header lines and values; Foundation's
  /// version would pull in all of Foundation for one call).
  func trimming(_ characters: String) -> String {
    var slice = self[...]
    while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}
