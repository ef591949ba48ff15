import TackJSON

/// `spec.ignore` rules compiled: JSON pointers removed from both sides before drift detection,
/// for objects a rule's target selects (group/version/kind/name/namespace as anchored regular
/// expressions, label and annotation selectors), as fluxcd/pkg `ssa/jsondiff` does.
struct DriftIgnore {
  private struct Rule {
    var paths: [[String]]
    var patterns: [(field: Field, regex: Regex<AnyRegexOutput>)]
    var labels: SimpleLabelSelector?
    var annotations: SimpleLabelSelector?
  }

  private enum Field { case group, version, kind, name, namespace }

  private let rules: [Rule]

  init(_ rules: [FluxKustomization.DriftIgnoreRule]) throws(FluxDiffError) {
    var compiled: [Rule] = []
    for (index, rule) in rules.enumerated() {
      var patterns: [(field: Field, regex: Regex<AnyRegexOutput>)] = []
      var labels: SimpleLabelSelector?
      var annotations: SimpleLabelSelector?
      if let target = rule.target {
        for (field, text, name) in [
          (Field.group, target.group, "group"), (.version, target.version, "version"), (.kind, target.kind, "kind"),
          (.name, target.name, "name"), (.namespace, target.namespace, "namespace"),
        ] where !text.isEmpty {
          do {
            patterns.append((field, try Regex("^(?:" + text + ")$")))
          } catch {
            throw FluxDiffError("spec.ignore[\(index)].target: invalid \(name) regex: \(text)")
          }
        }
        if !target.labelSelector.isEmpty {
          labels = try SimpleLabelSelector(target.labelSelector, field: "spec.ignore[\(index)].target.labelSelector")
        }
        if !target.annotationSelector.isEmpty {
          annotations = try SimpleLabelSelector(
            target.annotationSelector, field: "spec.ignore[\(index)].target.annotationSelector")
        }
      }
      var paths: [[String]] = []
      for path in rule.paths {
        guard path.isEmpty || path.hasPrefix("/") else {
          throw FluxDiffError("spec.ignore[\(index)].paths: '\(path)' is not a JSON pointer")
        }
        paths.append(
          path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            EnvSubst.goReplace(EnvSubst.goReplace(String($0), "~1", "/", limit: nil), "~0", "~", limit: nil)
          })
      }
      compiled.append(Rule(paths: paths, patterns: patterns, labels: labels, annotations: annotations))
    }
    self.rules = compiled
  }

  /// Removes the paths of every rule that selects `selector` from `object`.
  func strip(_ object: inout JSON, selectedBy selector: JSON) {
    for rule in rules where matches(rule, selector) {
      for path in rule.paths { Self.remove(path[...], from: &object) }
    }
  }

  private func matches(_ rule: Rule, _ object: JSON) -> Bool {
    let apiVersion = object["apiVersion"]?.stringValue ?? ""
    let parts = apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
    let group = parts.count == 2 ? parts[0] : ""
    let version = parts.count == 2 ? parts[1] : apiVersion
    for (field, regex) in rule.patterns {
      let value: String
      switch field {
      case .group: value = group
      case .version: value = version
      case .kind: value = object["kind"]?.stringValue ?? ""
      case .name: value = object[path: "metadata", "name"]?.stringValue ?? ""
      case .namespace: value = object[path: "metadata", "namespace"]?.stringValue ?? ""
      }
      guard (try? regex.wholeMatch(in: value)) != nil else { return false }
    }
    if let labels = rule.labels, !labels.matches(Self.stringMap(object[path: "metadata", "labels"])) { return false }
    if let annotations = rule.annotations, !annotations.matches(Self.stringMap(object[path: "metadata", "annotations"])) {
      return false
    }
    return true
  }

  private static func stringMap(_ value: JSON?) -> [String: String] {
    var map: [String: String] = [:]
    for member in value?.objectValue ?? [:] { map[member.key] = member.value.stringValue ?? "" }
    return map
  }

  /// JSON patch `remove` with missing paths allowed (and negative list indices counting from the end).
  private static func remove(_ path: ArraySlice<String>, from value: inout JSON) {
    guard let first = path.first else { return }
    let rest = path.dropFirst()
    switch value {
    case .object(var object):
      if rest.isEmpty {
        object[first] = nil
      } else if var child = object[first] {
        remove(rest, from: &child)
        object[first] = child
      }
      value = .object(object)
    case .array(var elements):
      guard var index = Int(first) else { return }
      if index < 0 { index += elements.count }
      guard elements.indices.contains(index) else { return }
      if rest.isEmpty {
        elements.remove(at: index)
      } else {
        remove(rest, from: &elements[index])
      }
      value = .array(elements)
    default:
      return
    }
  }
}

/// Kubernetes label selector syntax (`a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x)`),
/// comma-separated requirements that must all hold.
struct SimpleLabelSelector {
  private enum Requirement {
    case equals(String, String)
    case notEquals(String, String)
    case exists(String)
    case notExists(String)
    case within(String, Set<String>)
    case notWithin(String, Set<String>)
  }

  private var requirements: [Requirement] = []

  init(_ text: String, field: String) throws(FluxDiffError) {
    var parts: [String] = []
    var current = ""
    var depth = 0
    for character in text {
      if character == "(" { depth += 1 }
      if character == ")" { depth -= 1 }
      if character == ",", depth == 0 {
        parts.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    parts.append(current)
    for raw in parts {
      let part = raw.trimming(" ")
      guard !part.isEmpty else { throw FluxDiffError("\(field): invalid label selector '\(text)'") }
      if let range = part.locate(" notin ") ?? part.locate(" in ") {
        let key = String(part[..<range.lowerBound]).trimming(" ")
        let values = part[range.upperBound...].trimming(" ")
        guard values.hasPrefix("("), values.hasSuffix(")") else {
          throw FluxDiffError("\(field): invalid label selector '\(text)'")
        }
        let set = Set(values.dropFirst().dropLast().split(separator: ",").map { String($0).trimming(" ") })
        requirements.append(part[range].contains("notin") ? .notWithin(key, set) : .within(key, set))
      } else if let range = part.locate("!=") {
        requirements.append(.notEquals(String(part[..<range.lowerBound]).trimming(" "),
          String(part[range.upperBound...]).trimming(" ")))
      } else if let range = part.locate("==") ?? part.locate("=") {
        requirements.append(.equals(String(part[..<range.lowerBound]).trimming(" "),
          String(part[range.upperBound...]).trimming(" ")))
      } else if part.hasPrefix("!") {
        requirements.append(.notExists(String(part.dropFirst()).trimming(" ")))
      } else {
        requirements.append(.exists(part))
      }
    }
  }

  func matches(_ labels: [String: String]) -> Bool {
    requirements.allSatisfy { requirement in
      switch requirement {
      case .equals(let key, let value): labels[key] == value
      case .notEquals(let key, let value): labels[key] != value
      case .exists(let key): labels[key] != nil
      case .notExists(let key): labels[key] == nil
      case .within(let key, let values): labels[key].map(values.contains) ?? false
      case .notWithin(let key, let values): !(labels[key].map(values.contains) ?? false)
      }
    }
  }
}

extension StringProtocol {
  fileprivate func trimming(_ set: Character) -> String {
    var slice = Substring(self)
    while slice.first == set { slice = slice.dropFirst() }
    while slice.last == set { slice = slice.dropLast() }
    return String(slice)
  }

  fileprivate func locate(_ needle: String) -> Range<Index>? {
    firstRange(of: needle)
  }
}
