import Foundation
import TackJSON

/// The simple JSONPath subset CRD printer columns use: `.a.b`, `.a[0]`, `.a[*]`, `['key']`, and
/// filters `[?(@.type=="Ready")]` (also `!=`, and `@.a.b` paths inside the filter).
public struct JSONPath: Sendable, Equatable {
  enum Step: Sendable, Equatable {
    case key(String)
    case index(Int)
    case all
    case filter(path: [String], op: String, value: String)
  }

  let steps: [Step]
  public let text: String

  public init?(_ text: String) {
    self.text = text
    var steps: [Step] = []
    var s = Substring(text.trimmingCharacters(in: CharacterSet(charactersIn: " {}")))
    while !s.isEmpty {
      if s.first == "." {
        s = s.dropFirst()
        let end = s.firstIndex(where: { $0 == "." || $0 == "[" }) ?? s.endIndex
        let key = String(s[..<end])
        if !key.isEmpty { steps.append(key == "*" ? .all : .key(key)) }
        s = s[end...]
      } else if s.first == "[" {
        guard let close = JSONPath.matchingBracket(s) else { return nil }
        let inner = s[s.index(after: s.startIndex)..<close]
        s = s[s.index(after: close)...]
        if inner == "*" {
          steps.append(.all)
        } else if let i = Int(inner) {
          steps.append(.index(i))
        } else if inner.hasPrefix("'") || inner.hasPrefix("\"") {
          steps.append(.key(String(inner.dropFirst().dropLast())))
        } else if inner.hasPrefix("?(") && inner.hasSuffix(")") {
          let expression = inner.dropFirst(2).dropLast()
          var op = "=="
          var parts = expression.components(separatedBy: "==")
          if parts.count != 2 {
            parts = expression.components(separatedBy: "!=")
            op = "!="
          }
          guard parts.count == 2 else { return nil }
          let lhs = parts[0].trimmingCharacters(in: .whitespaces)
          guard lhs.hasPrefix("@.") else { return nil }
          var rhs = parts[1].trimmingCharacters(in: .whitespaces)
          if rhs.hasPrefix("\"") || rhs.hasPrefix("'") { rhs = String(rhs.dropFirst().dropLast()) }
          steps.append(.filter(path: lhs.dropFirst(2).split(separator: ".").map(String.init), op: op, value: rhs))
        } else {
          return nil
        }
      } else {
        let end = s.firstIndex(where: { $0 == "." || $0 == "[" }) ?? s.endIndex
        steps.append(.key(String(s[..<end])))
        s = s[end...]
      }
    }
    self.steps = steps
  }

  static func matchingBracket(_ s: Substring) -> Substring.Index? {
    var depth = 0
    var quote: Character?
    for index in s.indices {
      let c = s[index]
      if let q = quote {
        if c == q { quote = nil }
        continue
      }
      if c == "\"" || c == "'" { quote = c; continue }
      if c == "[" { depth += 1 }
      if c == "]" {
        depth -= 1
        if depth == 0 { return index }
      }
    }
    return nil
  }

  /// Every value the path selects, in document order.
  public func evaluate(_ value: JSON) -> [JSON] {
    var current = [value]
    for step in steps {
      var next: [JSON] = []
      for item in current {
        switch step {
        case .key(let key): if let v = item[key] { next.append(v) }
        case .index(let i):
          if let array = item.arrayValue {
            let index = i < 0 ? array.count + i : i
            if array.indices.contains(index) { next.append(array[index]) }
          }
        case .all:
          if let array = item.arrayValue { next.append(contentsOf: array) }
          if let object = item.objectValue { next.append(contentsOf: object.members.map(\.value)) }
        case .filter(let path, let op, let expected):
          for element in item.arrayValue ?? [] {
            guard let actual = element[path: path] else { continue }
            let text: String
            switch actual {
            case .string(let s): text = s
            case .number(let n): text = n
            case .bool(let b): text = b ? "true" : "false"
            default: continue
            }
            if (text == expected) == (op == "==") { next.append(element) }
          }
        }
      }
      current = next
    }
    return current
  }

  /// The first selected value, if any.
  public func first(_ value: JSON) -> JSON? { evaluate(value).first }
}
