import TackBase
import TackJSON

/// `--status-selector type=status` or `type!=status`, as flux parses and matches it: `!=` is looked
/// for first; type and status compare case-insensitively; with `=`, the last condition of that
/// type must have that status; `!=` is the plain negation, so objects lacking the condition match.
public struct StatusSelector: Sendable, Hashable, CustomStringConvertible {
  public var conditionType: String
  public var status: String
  public var negated: Bool

  public init(conditionType: String, status: String, negated: Bool = false) {
    self.conditionType = conditionType
    self.status = status
    self.negated = negated
  }

  /// Parses flux's syntax; a malformed selector is a usage error with flux's message.
  public init(parsing text: String) throws(StatusSelectorError) {
    let separator = text.contains("!=") ? "!=" : "="
    guard let range = text.firstRange(of: separator) else { throw StatusSelectorError(text: text) }
    conditionType = String(text[..<range.lowerBound])
    status = String(text[range.upperBound...])
    negated = separator == "!="
  }

  public var description: String { conditionType + (negated ? "!=" : "=") + status }

  /// Whether an object with these `status.conditions` is selected.
  public func matches(conditions: [JSON]) -> Bool {
    var found: String?
    for condition in conditions {
      guard let type = condition["type"]?.stringValue, Self.equalFold(type, conditionType) else { continue }
      found = condition["status"]?.stringValue ?? ""
    }
    let matched = found.map { Self.equalFold($0, status) } ?? false
    return negated ? !matched : matched
  }

  /// Alerts and Providers have no conditions in notification v1beta3: flux treats them as always
  /// `Ready=True`, so only `ready=true` matches.
  public func matchesAlwaysReady() -> Bool {
    let matched = Self.equalFold(conditionType, "Ready") && Self.equalFold(status, "True")
    return negated ? !matched : matched
  }

  static func equalFold(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }
}

public struct StatusSelectorError: TackError, Equatable {
  public var text: String
  public init(text: String) { self.text = text }
  public var exitStatus: ExitStatus { .usage }
  public var description: String {
    "expected status selector in type=status or type!=status format, but found: \(text)"
  }
}
