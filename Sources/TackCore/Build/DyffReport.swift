import TackBase

/// dyff's human report as flux prints it (no banner, indent 0, no colour): per difference a blank
/// line, the path, then each detail; details of one path sit side by side when they fit the
/// terminal width, one after the other otherwise.
struct DyffReport {
  /// gonvenience/term's width when stdout is not a terminal.
  var terminalWidth = 80

  func render(_ differences: [Dyff.Difference]) -> String {
    var output = ""
    for difference in differences {
      output += "\n" + Dyff.pathText(difference.path) + "\n"
      output += textBlocks(indent: 0, difference.details.map(detail))
    }
    return output + "\n"
  }

  // MARK: details

  private func detail(_ detail: Dyff.Detail) -> String {
    switch detail.kind {
    case .addition: return entries(detail.to!, verb: "added", indent: 2)
    case .removal: return entries(detail.from!, verb: "removed", indent: 0)
    case .modification: return modification(detail.from!, detail.to!)
    case .orderChange: return orderChange(detail.from!, detail.to!)
    }
  }

  private func entries(_ node: Dyff.Node, verb: String, indent: Int) -> String {
    let header: String
    switch node {
    case .sequence(let elements):
      header = "\(verb == "added" ? "+" : "-") \(plural(elements.count, "list entry", "list entries")) \(verb):\n"
    case .mapping(let pairs):
      header = "\(verb == "added" ? "+" : "-") \(plural(pairs.count, "map entry", "map entries")) \(verb):\n"
    case .scalar:
      header = ""
    }
    return header + textBlocks(indent: indent, [NeatYAML.render(Restructure.apply(node))])
  }

  private func modification(_ from: Dyff.Node, _ to: Dyff.Node) -> String {
    let fromType = from.typeName
    let toType = to.typeName
    if fromType == "string" && toType == "string" { return stringChange(from.scalarText, to.scalarText) }
    var output = fromType != toType ? "± type change from \(fromType) to \(toType)\n" : "± value change\n"
    output += prefixed("- ", NeatYAML.value(from).trimmingTrailingNewlines())
    output += prefixed("+ ", NeatYAML.value(to).trimmingTrailingNewlines())
    return output
  }

  private func stringChange(_ from: String, _ to: String) -> String {
    if trimmed(from) == trimmed(to) {
      return "± whitespace only change\n"
        + textBlocks(indent: 0, [prefixed("- ", visibleWhitespace(from)), prefixed("+ ", visibleWhitespace(to))])
    }
    if from.contains("\n") || to.contains("\n") {
      let chunks = LineDiff.chunks(from, to)
      var body = ""
      var inserts = 0
      var deletions = 0
      for chunk in chunks {
        switch chunk.kind {
        case .insert:
          body += continuouslyPrefixed("+ ", chunk.text)
          inserts += 1
        case .delete:
          body += continuouslyPrefixed("- ", chunk.text)
          deletions += 1
        case .equal:
          continue
        }
      }
      return "± value change in multiline text (\(plural(inserts, "insert")), \(plural(deletions, "deletion")))\n" + body + "\n"
    }
    return "± value change\n" + prefixed("- ", from) + prefixed("+ ", to)
  }

  private func orderChange(_ from: Dyff.Node, _ to: Dyff.Node) -> String {
    func texts(_ node: Dyff.Node) -> [String] {
      guard case .sequence(let elements) = node else { return [] }
      return elements.map { element in
        let text = element.scalarText
        return text.isEmpty ? NeatYAML.value(element) : text
      }
    }
    let a = texts(from)
    let b = texts(to)
    let lengthA = a.reduce(0) { $0 + $1.unicodeScalars.count } + (a.count - 1) * 2
    let lengthB = b.reduce(0) { $0 + $1.unicodeScalars.count } + (b.count - 1) * 2
    var output = "⇆ order changed\n"
    if max(lengthA, lengthB) < terminalWidth / 2 {
      output += "- " + a.joined(separator: ", ") + "\n" + "+ " + b.joined(separator: ", ") + "\n"
    } else {
      output += table(separator: " ", indent: 2, [a.joined(separator: "\n"), b.joined(separator: "\n")])
    }
    return output
  }

  // MARK: text helpers (gonvenience/text, dyff's output helpers)

  private func plural(_ amount: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
    let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    let number = amount < words.count ? words[amount] : String(amount)
    if amount == 1 { return "\(number) \(singular)" }
    return "\(number) \(pluralForm ?? singular + "s")"
  }

  private func trimmed(_ text: String) -> Substring {
    var slice = Substring(text)
    while let first = slice.first, first == " " || first == "\n" { slice = slice.dropFirst() }
    while let last = slice.last, last == " " || last == "\n" { slice = slice.dropLast() }
    return slice
  }

  private func visibleWhitespace(_ text: String) -> String {
    var output = ""
    for character in text {
      switch character {
      case "\n": output += "↵\n"
      case " ": output += "·"
      default: output.append(character)
      }
    }
    return output
  }

  /// First line after `prefix`, the others indented by its width; always ends with a newline.
  private func prefixed(_ prefix: String, _ text: String) -> String {
    let pad = String(repeating: " ", count: prefix.unicodeScalars.count)
    return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .map { ($0.offset == 0 ? prefix : pad) + $0.element + "\n" }.joined()
  }

  /// Every line after `prefix`.
  private func continuouslyPrefixed(_ prefix: String, _ text: String) -> String {
    var body = Substring(text)
    if body.hasSuffix("\n") { body = body.dropLast() }
    return body.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 + "\n" }.joined()
  }

  private func width(_ line: Substring) -> Int { line.unicodeScalars.count }

  /// Blocks side by side (three spaces apart) when the widest combination fits, else stacked.
  func textBlocks(indent: Int, _ blocks: [String]) -> String {
    var total = indent + (blocks.count - 1) * 3
    for block in blocks {
      total += block.split(separator: "\n", omittingEmptySubsequences: false).map(width).max() ?? 0
    }
    if total > terminalWidth {
      var output = ""
      for block in blocks {
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
          output += String(repeating: " ", count: indent) + line + "\n"
        }
      }
      return output
    }
    return table(separator: "   ", indent: indent, blocks)
  }

  /// dyff's `CreateTableStyleString`: columns padded to their widest line, rows right-trimmed,
  /// joined by newlines (no newline after the last row).
  private func table(separator: String, indent: Int, _ columns: [String]) -> String {
    let split = columns.map { $0.split(separator: "\n", omittingEmptySubsequences: false) }
    let rows = split.map(\.count).max() ?? 0
    let widths = split.map { $0.map(width).max() ?? 0 }
    var lines: [String] = []
    for row in 0..<rows {
      var cells: [String] = []
      for (column, lines) in split.enumerated() {
        if row < lines.count {
          let line = lines[row]
          cells.append(String(repeating: " ", count: indent) + line + String(repeating: " ", count: widths[column] - width(line)))
        } else {
          cells.append(String(repeating: " ", count: widths[column] + indent))
        }
      }
      var joined = Substring(cells.joined(separator: separator))
      while joined.hasSuffix(" ") { joined = joined.dropLast() }
      lines.append(String(joined))
    }
    return lines.joined(separator: "\n")
  }
}

/// gonvenience/neat's YAML output for dyff's nodes (no colour): two-space indents, lists at their
/// key's indentation, `{}`/`[]` for empty collections, multi-line strings as `|` blocks, and
/// double quotes only for strings that are `true`/`false`/`null`, start with `-` or hold one of
/// ` *&:,`.
enum NeatYAML {
  static func render(_ node: Dyff.Node) -> String {
    var output = ""
    write(node, prefix: "", skipFirstIndent: false, into: &output)
    return output
  }

  /// A single value for a value-change line: `<nil>` for null.
  static func value(_ node: Dyff.Node) -> String {
    if case .scalar(_, "!!null") = node { return "<nil>" }
    return render(node)
  }

  private static func write(_ node: Dyff.Node, prefix: String, skipFirstIndent: Bool, into output: inout String) {
    switch node {
    case .sequence(let elements):
      for (index, element) in elements.enumerated() {
        if index > 0 || !skipFirstIndent { output += prefix }
        output += "- "
        write(element, prefix: prefix + "  ", skipFirstIndent: true, into: &output)
      }
    case .mapping(let pairs):
      for (index, pair) in pairs.enumerated() {
        if index > 0 || !skipFirstIndent { output += prefix }
        output += pair.key + ":"
        switch pair.value {
        case .mapping(let inner) where inner.isEmpty: output += " {}\n"
        case .sequence(let inner) where inner.isEmpty: output += " []\n"
        case .mapping:
          output += "\n"
          write(pair.value, prefix: prefix + "  ", skipFirstIndent: false, into: &output)
        case .sequence:
          output += "\n"
          write(pair.value, prefix: prefix, skipFirstIndent: false, into: &output)
        case .scalar:
          output += " "
          write(pair.value, prefix: prefix + "  ", skipFirstIndent: false, into: &output)
        }
      }
    case .scalar(let value, let tag):
      let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
      if lines.count == 1 {
        output += tag == "!!str" && needsQuotes(value) ? GoQuote.quoted(value) : value
      } else {
        output += "|\n" + lines.map { prefix + $0 }.joined(separator: "\n")
      }
      output += "\n"
    }
  }

  private static func needsQuotes(_ value: String) -> Bool {
    if ["true", "false", "null"].contains(value) || value.hasPrefix("-") { return true }
    return value.contains { " *&:,".contains($0) }
  }
}

/// gonvenience/ytbx's `RestructureObject`: keys of well-known shapes in their usual order (`name`
/// first, …), the rest by how deep their values go, shallow first.
enum Restructure {
  private static let knownOrders: [[String]] = [
    ["name", "director_uuid", "releases", "instance_groups", "networks", "resource_pools", "compilation"],
    ["name", "url", "version", "sha1"],
    ["jobs", "resources", "resource_types"],
    ["name", "type", "source"],
    ["get"], ["put"], ["task"],
    ["releases", "instance_groups", "configuration", "variables"],
    ["auth", "templates"],
    ["name"], ["key"], ["id"],
  ]

  static func apply(_ node: Dyff.Node) -> Dyff.Node {
    switch node {
    case .scalar: return node
    case .sequence(let elements): return .sequence(elements.map(apply))
    case .mapping(let pairs):
      let keys = pairs.map(\.key)
      var best: [String]?
      var bestHits = 0
      for order in knownOrders {
        let hits = order.filter(keys.contains).count
        if hits > 0 && hits > bestHits {
          best = order
          bestHits = hits
        }
      }
      var ordered = pairs
      if let best {
        let first = best.filter(keys.contains)
        let rest = pairs.filter { !first.contains($0.key) }
        let sortedRest = rest.enumerated().sorted {
          let a = depth($0.element.value)
          let b = depth($1.element.value)
          return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
        ordered = first.map { key in pairs.first { $0.key == key }! } + sortedRest
      }
      return .mapping(ordered.map { ($0.key, apply($0.value)) })
    }
  }

  /// The deepest leaf below `node` (a scalar itself is depth 0; named list entries count twice).
  static func depth(_ node: Dyff.Node) -> Int {
    switch node {
    case .scalar: return 0
    case .mapping(let pairs):
      return pairs.map { leafDepth($0.value, base: 1) }.max() ?? 0
    case .sequence:
      return leafDepth(node, base: 0)
    }
  }

  private static func leafDepth(_ node: Dyff.Node, base: Int) -> Int {
    switch node {
    case .scalar: return base
    case .mapping(let pairs): return pairs.map { leafDepth($0.value, base: base + 1) }.max() ?? 0
    case .sequence(let elements):
      if let identifier = namedListIdentifier(elements) {
        var deepest = 0
        for case .mapping(let pairs) in elements {
          for pair in pairs where pair.key != identifier {
            deepest = max(deepest, leafDepth(pair.value, base: base + 2))
          }
        }
        return deepest
      }
      return elements.map { leafDepth($0, base: base + 1) }.max() ?? 0
    }
  }

  private static func namedListIdentifier(_ elements: [Dyff.Node]) -> String? {
    var counts: [String: Int] = [:]
    for case .mapping(let pairs) in elements {
      for pair in pairs { counts[pair.key, default: 0] += 1 }
    }
    return ["name", "key", "id"].first { counts[$0] == elements.count }
  }
}
