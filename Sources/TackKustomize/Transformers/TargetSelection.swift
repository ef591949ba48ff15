import TackJSON

/// Patch targets: group/version/kind/name/namespace are whole-string regular expressions (name and
/// namespace match the original or the current value), plus label and annotation selectors.
struct TargetSelection {
  private let selector: Selector
  private let group: Regex<AnyRegexOutput>?
  private let version: Regex<AnyRegexOutput>?
  private let kind: Regex<AnyRegexOutput>?
  private let name: Regex<AnyRegexOutput>?
  private let namespace: Regex<AnyRegexOutput>?
  private let labels: LabelSelector
  private let annotations: LabelSelector

  init(_ selector: Selector, file: String, field: String) throws(KustomizeError) {
    self.selector = selector
    func compile(_ pattern: String) throws(KustomizeError) -> Regex<AnyRegexOutput>? {
      guard !pattern.isEmpty else { return nil }
      do {
        return try Regex("^(?:" + pattern + ")$")
      } catch {
        throw .patch(file: file, reason: "\(field): target: invalid regular expression '\(pattern)'")
      }
    }
    group = try compile(selector.group)
    version = try compile(selector.version)
    kind = try compile(selector.kind)
    name = try compile(selector.name)
    namespace = try compile(selector.namespace)
    do {
      labels = try LabelSelector(selector.labelSelector)
      annotations = try LabelSelector(selector.annotationSelector)
    } catch {
      throw .patch(file: file, reason: "\(field): target: \(error.message)")
    }
  }

  private static func matches(_ regex: Regex<AnyRegexOutput>?, _ text: String) -> Bool {
    guard let regex else { return true }
    return (try? regex.wholeMatch(in: text)) != nil
  }

  func selects(_ resource: Resource) -> Bool {
    let current = resource.currentID
    let original = resource.originalID
    if namespace != nil,
      !Self.matches(namespace, original.effectiveNamespace) && !Self.matches(namespace, current.effectiveNamespace)
    {
      return false
    }
    if name != nil, !Self.matches(name, original.name) && !Self.matches(name, current.name) { return false }
    if !Self.matches(group, current.group) || !Self.matches(version, current.version) || !Self.matches(kind, current.kind) {
      return false
    }
    return labels.matches(resource.labels) && annotations.matches(resource.annotations)
  }

  /// Only the label and annotation selectors (replacement targets select IDs exactly).
  static func matchesSelectors(_ resource: Resource, _ selector: Selector, file: String) throws(KustomizeError) -> Bool {
    do throws(LabelSelector.ParseError) {
      let labels = try LabelSelector(selector.labelSelector)
      let annotations = try LabelSelector(selector.annotationSelector)
      return labels.matches(resource.labels) && annotations.matches(resource.annotations)
    } catch {
      throw .transformer(file: file, field: "replacements", reason: error.message)
    }
  }
}

/// A Kubernetes label selector string: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`,
/// `!a`, `a>1`, `a<1`, joined by commas (all must hold).
struct LabelSelector {
  struct ParseError: Error { var message: String }

  private enum Requirement {
    case exists(String), notExists(String), equals(String, String), notEquals(String, String)
    case isIn(String, Set<String>), notIn(String, Set<String>), greater(String, Int), less(String, Int)
  }

  private var requirements: [Requirement] = []

  init(_ text: String) throws(ParseError) {
    var scanner = Substring(text)
    func skipSpaces() { scanner = scanner.drop(while: { $0 == " " || $0 == "\t" }) }
    func readWord() -> String {
      skipSpaces()
      let word = scanner.prefix(while: { !" \t,=!<>()".contains($0) })
      scanner = scanner.dropFirst(word.count)
      return String(word)
    }
    func readSet() throws(ParseError) -> Set<String> {
      skipSpaces()
      guard scanner.first == "(" else { throw ParseError(message: "unable to parse requirement: found '\(scanner)', expected: '('") }
      scanner = scanner.dropFirst()
      var values: Set<String> = []
      while true {
        let value = readWord()
        values.insert(value)
        skipSpaces()
        if scanner.first == "," { scanner = scanner.dropFirst(); continue }
        if scanner.first == ")" { scanner = scanner.dropFirst(); break }
        throw ParseError(message: "unable to parse requirement: expected ')' or ','")
      }
      return values
    }
    skipSpaces()
    while !scanner.isEmpty {
      skipSpaces()
      if scanner.first == "!" {
        scanner = scanner.dropFirst()
        let key = readWord()
        guard !key.isEmpty else { throw ParseError(message: "unable to parse requirement: missing key after '!'") }
        requirements.append(.notExists(key))
      } else {
        let key = readWord()
        guard !key.isEmpty else { throw ParseError(message: "unable to parse requirement: found '\(scanner)', expected: identifier") }
        skipSpaces()
        if scanner.hasPrefix("==") {
          scanner = scanner.dropFirst(2)
          requirements.append(.equals(key, readWord()))
        } else if scanner.hasPrefix("!=") {
          scanner = scanner.dropFirst(2)
          requirements.append(.notEquals(key, readWord()))
        } else if scanner.hasPrefix("=") {
          scanner = scanner.dropFirst()
          requirements.append(.equals(key, readWord()))
        } else if scanner.hasPrefix(">") || scanner.hasPrefix("<") {
          let greater = scanner.first == ">"
          scanner = scanner.dropFirst()
          let word = readWord()
          guard let number = Int(word) else { throw ParseError(message: "unable to parse requirement: for 'gt', 'lt' operators, the value must be an integer") }
          requirements.append(greater ? .greater(key, number) : .less(key, number))
        } else if scanner.hasPrefix("in") && (scanner.dropFirst(2).first.map { " (\t".contains($0) } ?? false) {
          scanner = scanner.dropFirst(2)
          requirements.append(.isIn(key, try readSet()))
        } else if scanner.hasPrefix("notin") && (scanner.dropFirst(5).first.map { " (\t".contains($0) } ?? false) {
          scanner = scanner.dropFirst(5)
          requirements.append(.notIn(key, try readSet()))
        } else {
          requirements.append(.exists(key))
        }
      }
      skipSpaces()
      if scanner.first == "," {
        scanner = scanner.dropFirst()
        skipSpaces()
        if scanner.isEmpty { throw ParseError(message: "unable to parse requirement: found '', expected: identifier") }
      } else if !scanner.isEmpty {
        throw ParseError(message: "unable to parse requirement: found '\(scanner)', expected: ',' or end")
      }
    }
  }

  func matches(_ labels: [String: String]) -> Bool {
    for requirement in requirements {
      switch requirement {
      case .exists(let k): if labels[k] == nil { return false }
      case .notExists(let k): if labels[k] != nil { return false }
      case .equals(let k, let v): if labels[k] != v { return false }
      case .notEquals(let k, let v): if labels[k] == v { return false }
      case .isIn(let k, let values):
        guard let value = labels[k], values.contains(value) else { return false }
      case .notIn(let k, let values):
        if let value = labels[k], values.contains(value) { return false }
      case .greater(let k, let n):
        guard let value = labels[k].flatMap({ Int($0) }), value > n else { return false }
      case .less(let k, let n):
        guard let value = labels[k].flatMap({ Int($0) }), value < n else { return false }
      }
    }
    return true
  }
}
