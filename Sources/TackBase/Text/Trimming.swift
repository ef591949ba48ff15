extension StringProtocol {
  /// The text without any of `characters` at either end. Characters, not scalars, are compared, so
  /// `"\r\n"` counts as one character: `"a\r\n".trimming("\r\n")` is `"a"`, `"a\r\n".trimming("\n")`
  /// is not trimmed.
  ///
  /// Foundation's `trimmingCharacters(in:)` would do, but it pulls all of Foundation into layers
  /// that otherwise do without it.
  public func trimming(_ characters: String) -> String {
    var slice = self[...]
    while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }

  /// The text without white space (`Character.isWhitespace`: spaces, tabs, line breaks, and Unicode's
  /// other spaces) at either end.
  public func trimmingWhitespace() -> String {
    var slice = self[...]
    while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
    while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
    return String(slice)
  }
}
