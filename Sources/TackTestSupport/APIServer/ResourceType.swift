import TackJSON

/// One resource served at one group/version: what discovery lists and what a URL names.
///
/// Versions of the same resource share storage (`storageKey`); a CRD's versions are converted with
/// the `None` strategy (only `apiVersion` changes), core and `events.k8s.io` Events are converted
/// field by field, as the real server does.
public struct ResourceType: Sendable {
  public var group: String
  public var version: String
  public var kind: String
  public var listKind: String
  public var plural: String
  public var singular: String
  public var shortNames: [String]
  public var categories: [String]
  public var namespaced: Bool
  public var verbs: [String]
  /// Has a `/status` subresource: writes to the main resource keep the old status.
  public var hasStatus: Bool
  public var hasScale: Bool
  /// `metadata.generation` is kept and bumped on spec changes.
  public var tracksGeneration: Bool
  /// Custom resource (served from a CRD).
  public var isCustom: Bool
  /// The structural schema of this version (custom resources only).
  public var schema: Schema?
  public var columns: [PrinterColumn]
  /// Fields the strategic merge patch merges by key (built-ins only), by dotted path.
  var conversion: Conversion = .none

  enum Conversion: Sendable { case none, coreEvent, eventsV1 }

  public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
  /// Shared by all versions of the resource. `events.k8s.io` Events live with the core ones, as on
  /// a real server (one etcd prefix, converted on the way in and out).
  public var storageKey: String { conversion == .eventsV1 ? "/events" : "\(group)/\(plural)" }

  public init(
    group: String, version: String, kind: String, plural: String, singular: String? = nil,
    shortNames: [String] = [], categories: [String] = [], namespaced: Bool = true,
    verbs: [String] = ResourceType.allVerbs, hasStatus: Bool = false, hasScale: Bool = false,
    tracksGeneration: Bool = false, isCustom: Bool = false, schema: Schema? = nil,
    columns: [PrinterColumn] = [], listKind: String? = nil
  ) {
    self.group = group
    self.version = version
    self.kind = kind
    self.listKind = listKind ?? kind + "List"
    self.plural = plural
    self.singular = singular ?? kind.lowercased()
    self.shortNames = shortNames
    self.categories = categories
    self.namespaced = namespaced
    self.verbs = verbs
    self.hasStatus = hasStatus
    self.hasScale = hasScale
    self.tracksGeneration = tracksGeneration
    self.isCustom = isCustom
    self.schema = schema
    self.columns = columns
  }

  public static let allVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
}

/// One column of `kubectl get` (a Table column), with how to compute its cell.
public struct PrinterColumn: Sendable {
  public var name: String
  public var type: String
  public var format: String
  public var description: String
  public var priority: Int
  public var value: Value

  public enum Value: Sendable {
    case jsonPath(JSONPath)
    /// Built-in printers compute cells from the object and the current time.
    case compute(@Sendable (JSON, Double) -> JSON)
  }

  public init(name: String, type: String = "string", format: String = "", description: String = "",
    priority: Int = 0, value: Value)
  {
    self.name = name
    self.type = type
    self.format = format
    self.description = description
    self.priority = priority
    self.value = value
  }
}
