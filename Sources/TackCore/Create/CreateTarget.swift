import TackBase
import TackJSON

/// What every `create` noun shares: the object's name and namespace, its labels and `--interval`.
public struct CreateTarget: Sendable, Equatable {
  public var name: String
  public var namespace: String
  public var labels: [String: String]
  public var interval: GoDuration

  public init(name: String, namespace: String, labels: [String: String] = [:], interval: GoDuration = .init(nanoseconds: 60_000_000_000)) {
    self.name = name
    self.namespace = namespace
    self.labels = labels
    self.interval = interval
  }

  func draft(_ kind: FluxKind, _ spec: SpecFields) -> FluxObjectDraft {
    FluxObjectDraft(kind: kind, name: name, namespace: namespace, labels: labels, spec: spec.json)
  }
}

/// flux's `<kind>/<name>.<namespace>` references (`--source`, `--chart-ref`, `--health-check`,
/// `--event-source`) and `--depends-on` items.
public enum ObjectReferenceText {
  /// `Kind/name.ns` → (kind, name, namespace); the namespace is whatever follows the last dot.
  public static func kindNameNamespace(_ text: String) -> (kind: String, name: String, namespace: String) {
    let (kind, nameAndNamespace) = kindName(text)
    let parts = nameAndNamespace.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count > 1 else { return (kind, nameAndNamespace, "") }
    return (kind, parts.dropLast().joined(separator: "."), String(parts[parts.count - 1]))
  }

  /// `Kind/name` → (kind, name); without exactly one slash the whole text is the name.
  public static func kindName(_ text: String) -> (kind: String, name: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    return parts.count == 2 ? (String(parts[0]), String(parts[1])) : ("", text)
  }

  /// `--depends-on` items: `name` or `namespace/name`; a CEL `@<expr>` suffix is dropped, as
  /// flux drops it.
  public static func dependencies(_ items: [String]) -> JSON {
    .array(
      CreateInputs.splitList(items).map { item in
        let reference = item.split(separator: "@", maxSplits: 1).first.map(String.init) ?? item
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        var entry = JSONObject()
        if parts.count == 2 {
          entry["name"] = .string(String(parts[1]))
          if !parts[0].isEmpty { entry["namespace"] = .string(String(parts[0])) }
        } else {
          entry["name"] = .string(reference)
        }
        return .object(entry)
      })
  }

  /// Matches `value` to one of `allowed` ignoring case, returning the allowed spelling.
  static func equalFold(_ value: String, _ allowed: [String]) -> String? {
    allowed.first { $0.lowercased() == value.lowercased() }
  }
}
