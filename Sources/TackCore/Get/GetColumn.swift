import TackBase

/// A column of a `tack get` table. Titles are flux's headers as its table writer prints them
/// (upper case, `Last scan` → `LAST SCAN`).
public enum GetColumn: String, Sendable, Hashable, CaseIterable {
  case namespace, name, source, revision, lastAttemptedRevision, lastScan, lastRun, image, tag
  case status, weight, failed, step, provider, type, suspended, age, lastTransition, ready, message

  public var title: String {
    switch self {
    case .namespace: "NAMESPACE"
    case .name: "NAME"
    case .source: "SOURCE"
    case .revision: "REVISION"
    case .lastAttemptedRevision: "LAST ATTEMPTED"
    case .lastScan: "LAST SCAN"
    case .lastRun: "LAST RUN"
    case .image: "IMAGE"
    case .tag: "TAG"
    case .status: "STATUS"
    case .weight: "WEIGHT"
    case .failed: "FAILED"
    case .step: "STEP"
    case .provider: "PROVIDER"
    case .type: "TYPE"
    case .suspended: "SUSPENDED"
    case .age: "AGE"
    case .lastTransition: "LAST TRANSITION"
    case .ready: "READY"
    case .message: "MESSAGE"
    }
  }
}

/// What shapes a table besides the objects: `-A`, `--show-source`, `-o wide`, and `get all`'s
/// `<kind>/<name>` names. `now` fixes the AGE column (tests pass a constant).
public struct GetTableOptions: Sendable, Hashable {
  public var allNamespaces: Bool
  public var showSource: Bool
  public var wide: Bool
  /// `get all`: NAME becomes `<lowercased kind>/<name>`.
  public var includeKind: Bool
  public var now: RFC3339Time

  public init(
    allNamespaces: Bool = false, showSource: Bool = false, wide: Bool = false, includeKind: Bool = false,
    now: RFC3339Time = .now()
  ) {
    self.allNamespaces = allNamespaces
    self.showSource = showSource
    self.wide = wide
    self.includeKind = includeKind
    self.now = now
  }
}
