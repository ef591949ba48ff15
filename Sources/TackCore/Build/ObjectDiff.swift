import TackBase
import TackJSON

/// The API server's answer to the server-side apply dry-run of one object.
public enum DryRunOutcome: Sendable, Equatable {
  /// The object as the server would store it.
  case applied(JSON)
  case failed(DryRunFailure)
}

/// A failed dry-run, from the `Status` the server answered with.
public struct DryRunFailure: Sendable, Equatable {
  public var code: Int
  /// `Status.reason` (`Invalid`, `NotFound`, `Conflict`, …).
  public var reason: String
  public var message: String
  /// `Status.details.causes[].reason` (`FieldManagerConflict`, `FieldValueInvalid`, …).
  public var causes: [String]

  public init(code: Int, reason: String, message: String, causes: [String] = []) {
    self.code = code
    self.reason = reason
    self.message = message
    self.causes = causes
  }

  /// kubectl's (and flux's) test for a change the server refuses to make in place.
  var isImmutable: Bool {
    if code == 409 || code == 422 || reason == "Conflict" || reason == "Invalid" { return true }
    return Self.matches(message, "is", "immutable") || Self.matches(message, "immutable", "field")
  }

  /// `first\s+second` with exactly one whitespace character between the words.
  private static func matches(_ text: String, _ first: String, _ second: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    let a = Array(first.unicodeScalars)
    let b = Array(second.unicodeScalars)
    guard scalars.count >= a.count + b.count + 1 else { return false }
    for start in 0...(scalars.count - a.count - b.count - 1) {
      guard scalars[start..<(start + a.count)].elementsEqual(a) else { continue }
      let gap = scalars[start + a.count]
      guard gap == " " || gap == "\t" || gap == "\n" || gap == "\r" || gap == "\u{0B}" || gap == "\u{0C}" else { continue }
      if scalars[(start + a.count + 1)..<(start + a.count + 1 + b.count)].elementsEqual(b) { return true }
    }
    return false
  }
}

/// Group, kind, namespace and name: how Flux's inventory identifies an object
/// (`<namespace>_<name>_<group>_<kind>`, `:` in RBAC names written `__`).
public struct ObjectIdentity: Sendable, Hashable, Codable {
  public var group: String
  public var kind: String
  public var namespace: String
  public var name: String

  public init(group: String, kind: String, namespace: String, name: String) {
    self.group = group
    self.kind = kind
    self.namespace = namespace
    self.name = name
  }

  public init(_ object: JSON) {
    let apiVersion = object["apiVersion"]?.stringValue ?? ""
    group = apiVersion.contains("/") ? String(apiVersion.split(separator: "/", maxSplits: 1)[0]) : ""
    kind = object["kind"]?.stringValue ?? ""
    namespace = object[path: "metadata", "namespace"]?.stringValue ?? ""
    name = object[path: "metadata", "name"]?.stringValue ?? ""
  }

  /// Parses an inventory id; nil when it does not have four fields.
  public init?(inventoryID text: String) {
    guard let first = text.firstIndex(of: "_") else { return nil }
    namespace = String(text[..<first])
    var rest = text[text.index(after: first)...]
    guard let last = rest.lastIndex(of: "_") else { return nil }
    kind = String(rest[rest.index(after: last)...])
    rest = rest[..<last]
    guard let groupSeparator = rest.lastIndex(of: "_") else { return nil }
    group = String(rest[rest.index(after: groupSeparator)...])
    name = rest[..<groupSeparator].replacingOccurrences(of: "__", with: ":")
  }

  static let rbacKinds: Set<String> = ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"]

  public var inventoryID: String {
    let stored = group == "rbac.authorization.k8s.io" && Self.rbacKinds.contains(kind) ? name.replacingOccurrences(of: ":", with: "__") : name
    return "\(namespace)_\(stored)_\(group)_\(kind)"
  }

  /// `Kind/namespace/name`, or `Kind/name` without a namespace: how flux names objects.
  public var subject: String { namespace.isEmpty ? "\(kind)/\(name)" : "\(kind)/\(namespace)/\(name)" }
}

extension StringProtocol {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    EnvSubst.goReplace(String(self), target, replacement, limit: nil)
  }
}

/// One object's line in `flux diff`.
public struct ObjectDiff: Sendable {
  public enum Action: String, Sendable, Codable {
    case created, drifted, unchanged, skipped
  }

  public var identity: ObjectIdentity
  /// The API version (the inventory's `v`).
  public var version: String
  public var action: Action
  /// For `drifted`: the live and dry-run objects as compared and printed (managed fields gone,
  /// drift-ignored fields stripped, Secret values masked).
  public var live: JSON?
  public var merged: JSON?
  /// For `drifted`: dyff's report, starting with a blank line.
  public var report: String
  /// For `drifted`: the differences as data.
  public var changes: [FieldChange]

  public var subject: String { identity.subject }

  /// An outcome without a report (the CLI builds `skipped` entries this way, tests any).
  public init(_ object: JSON, action: Action) {
    identity = ObjectIdentity(object)
    let apiVersion = object["apiVersion"]?.stringValue ?? ""
    version = apiVersion.split(separator: "/").last.map(String.init) ?? ""
    self.action = action
    report = ""
    changes = []
  }

  /// flux's line (and, for drift, the report after it).
  public var text: String {
    switch action {
    case .created: "► \(subject) created\n"
    case .skipped: "► \(subject) skipped\n"
    case .drifted: "► \(subject) drifted\n" + report
    case .unchanged: ""
    }
  }
}

/// One difference in a drifted object, for `-o json`.
public struct FieldChange: Sendable, Codable, Equatable {
  public enum Kind: String, Sendable, Codable {
    case added, removed, changed, orderChanged
  }

  /// dyff's dot-style path (`spec.ports.http.port`), `(root level)` for the object itself.
  public var path: String
  public var kind: Kind
  /// The old and new values as YAML text (masked where flux masks them).
  public var from: String?
  public var to: String?

  public init(path: String, kind: Kind, from: String?, to: String?) {
    self.path = path
    self.kind = kind
    self.from = from
    self.to = to
  }
}

/// A `diff ks` failure: a dry-run error, a bad drift-ignore rule, an unreadable inventory.
public struct FluxDiffError: TackError, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
