/// A unified diff (`diff -u` layout, three lines of context) between two texts that differ in a
/// run of lines — what a scalar edit produces. Texts with several separate changes get one hunk
/// spanning them.
enum UnifiedLineDiff {
  static func render(path: String, original: String, edited: String) -> String {
    guard original != edited else { return "" }
    let old = lines(original)
    let new = lines(edited)
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
      old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    let context = 3
    let start = max(0, prefix - context)
    let oldEnd = min(old.count, old.count - suffix + context)
    let newEnd = min(new.count, new.count - suffix + context)
    var out = "--- a/\(path)\n+++ b/\(path)\n"
    out += "@@ -\(start + 1),\(oldEnd - start) +\(start + 1),\(newEnd - start) @@\n"
    for line in old[start..<prefix] { out += " " + line + "\n" }
    for line in old[prefix..<(old.count - suffix)] { out += "-" + line + "\n" }
    for line in new[prefix..<(new.count - suffix)] { out += "+" + line + "\n" }
    for line in old[(old.count - suffix)..<oldEnd] { out += " " + line + "\n" }
    return out
  }

  static func lines(_ text: String) -> [String] {
    var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if parts.last == "" { parts.removeLast() }
    return parts
  }
}
