/// RFC 8288 `Link` header values as GitHub and Gitea send them for paging:
/// `<https://api.github.com/…?page=2>; rel="next", <…>; rel="last"`.
public enum LinkHeader {
  /// The target of the link whose `rel` list contains `relation`, or nil.
  public static func target(_ header: String, relation: String) -> String? {
    for link in splitLinks(header) {
      guard let open = link.firstIndex(of: "<"), let close = link.firstIndex(of: ">"), open < close else { continue }
      let target = String(link[link.index(after: open)..<close])
      let parameters = link[link.index(after: close)...].split(separator: ";")
      for parameter in parameters {
        let pair = parameter.split(separator: "=", maxSplits: 1)
        guard pair.count == 2, pair[0].trimmingSpaces().lowercased() == "rel" else { continue }
        let values = pair[1].trimmingSpaces().trimmingQuotes().split(separator: " ")
        if values.contains(where: { $0.lowercased() == relation }) { return target }
      }
    }
    return nil
  }

  /// Splits on commas outside `<…>` (a URL may hold commas).
  static func splitLinks(_ header: String) -> [Substring] {
    var parts: [Substring] = []
    var start = header.startIndex
    var inTarget = false
    var index = header.startIndex
    while index < header.endIndex {
      switch header[index] {
      case "<": inTarget = true
      case ">": inTarget = false
      case "," where !inTarget:
        parts.append(header[start..<index])
        start = header.index(after: index)
      default: break
      }
      index = header.index(after: index)
    }
    parts.append(header[start...])
    return parts
  }
}

extension Substring {
  func trimmingSpaces() -> Substring {
    var text = self
    while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return text
  }

  func trimmingQuotes() -> Substring {
    count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? dropFirst().dropLast() : self
  }
}
