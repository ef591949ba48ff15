import TackJSON

/// One object as `tack get` shows it: the table cells (already shortened and formatted as flux
/// formats them) and the typed values behind them for `-o jsonl`.
public struct GetRow: Sendable, Hashable {
  public var kind: FluxKind
  public var namespace: String
  public var name: String
  /// Display text per column; a column the kind does not have is absent (renders empty).
  public var cells: [GetColumn: String]

  /// Status of the Ready condition (`True`, `False`, `Unknown`), flux's `False` when absent;
  /// `nil` for kinds without one (Flagger's).
  public var ready: String?
  /// Message of the Ready condition (not shortened), flux's default when absent.
  public var message: String?
  public var suspended: Bool?
  /// The revision, in full (tables shorten it; JSON lines keep it whole).
  public var revision: String?
  /// When the Ready condition (a Canary: its status) last changed.
  public var lastTransitionTime: String?
  /// Kind-specific typed values for `-o jsonl` (canary phase, weight, step…), in order.
  public var extra: JSONObject

  public init(
    kind: FluxKind, namespace: String, name: String, cells: [GetColumn: String] = [:], ready: String? = nil,
    message: String? = nil, suspended: Bool? = nil, revision: String? = nil, lastTransitionTime: String? = nil,
    extra: JSONObject = [:]
  ) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.cells = cells
    self.ready = ready
    self.message = message
    self.suspended = suspended
    self.revision = revision
    self.lastTransitionTime = lastTransitionTime
    self.extra = extra
  }

  /// The cells for these columns, in order.
  public func values(for columns: [GetColumn]) -> [String] {
    columns.map { cells[$0] ?? "" }
  }

  /// The `-o jsonl` object: `kind`, `apiVersion`, `namespace`, `name`, `ready`, `readyBool`,
  /// `suspended`, `revision`, `message`, `lastTransitionTime`, then kind-specific fields.
  /// Absent values are `null`, so every line of a kind has the same keys.
  public var jsonLine: JSON {
    var object = JSONObject()
    object.appendUnchecked("kind", .string(kind.kind))
    object.appendUnchecked("apiVersion", .string(kind.apiVersion))
    object.appendUnchecked("namespace", .string(namespace))
    object.appendUnchecked("name", .string(name))
    object.appendUnchecked("ready", ready.map(JSON.string) ?? .null)
    object.appendUnchecked("readyBool", ready.map { .bool($0 == "True") } ?? .null)
    object.appendUnchecked("suspended", suspended.map(JSON.bool) ?? .null)
    object.appendUnchecked("revision", revision.map(JSON.string) ?? .null)
    object.appendUnchecked("message", message.map(JSON.string) ?? .null)
    object.appendUnchecked("lastTransitionTime", lastTransitionTime.map(JSON.string) ?? .null)
    for member in extra { object[member.key] = member.value }
    return .object(object)
  }
}
