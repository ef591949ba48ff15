import TackJSON

/// A kind of object the API serves: its group, version and kind, and — for the few resources tack
/// addresses without asking discovery — their plural and scope.
///
/// Flux's CRDs, and anything else that may be missing or served at another version, are looked up
/// through discovery, so a cluster without them gets ``ResourceNotServedError`` instead of a request
/// to a wrong URL. Core resources and Flagger's Canary, whose URLs do not vary, are ``fixed``: the
/// canary commands make exactly one request per call, never a discovery round trip.
public struct ObjectKind: Sendable, Hashable, CustomStringConvertible {
  public var group: String
  public var version: String
  public var kind: String
  /// The plural and scope of a resource addressed without discovery; `nil` to ask discovery.
  public var fixed: Fixed?

  public struct Fixed: Sendable, Hashable {
    public var plural: String
    public var namespaced: Bool
    public init(plural: String, namespaced: Bool) {
      self.plural = plural
      self.namespaced = namespaced
    }
  }

  public init(group: String, version: String, kind: String, fixed: Fixed? = nil) {
    self.group = group
    self.version = version
    self.kind = kind
    self.fixed = fixed
  }

  /// `apps/v1` and `Deployment`, `v1` and `Secret`: looked up through discovery.
  public init(apiVersion: String, kind: String) {
    if let slash = apiVersion.firstIndex(of: "/") {
      self.init(
        group: String(apiVersion[..<slash]), version: String(apiVersion[apiVersion.index(after: slash)...]), kind: kind)
    } else {
      self.init(group: "", version: apiVersion, kind: kind)
    }
  }

  /// A Flux or Flagger kind, at the version tack speaks, looked up through discovery.
  public init(_ kind: FluxKind) {
    self.init(group: kind.group, version: kind.version, kind: kind.kind)
  }

  /// The type an object's `apiVersion` and `kind` name.
  public init(of object: JSON) {
    self.init(apiVersion: object["apiVersion"]?.stringValue ?? "", kind: object["kind"]?.stringValue ?? "")
  }

  public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
  public var description: String { "\(kind) (\(apiVersion))" }
}

extension ObjectKind {
  /// Core v1 Secrets (the secrets commands, `export --with-credentials`).
  public static let secret = ObjectKind(
    group: "", version: "v1", kind: "Secret", fixed: Fixed(plural: "secrets", namespaced: true))
  /// Core v1 ConfigMaps (`postBuild.substituteFrom`).
  public static let configMap = ObjectKind(
    group: "", version: "v1", kind: "ConfigMap", fixed: Fixed(plural: "configmaps", namespaced: true))
  /// Core v1 Services (the Sealed Secrets controller's port name).
  public static let service = ObjectKind(
    group: "", version: "v1", kind: "Service", fixed: Fixed(plural: "services", namespaced: true))
  /// Core v1 Events, which Flagger records.
  public static let event = ObjectKind(
    group: "", version: "v1", kind: "Event", fixed: Fixed(plural: "events", namespaced: true))
  /// The same Events through `events.k8s.io/v1`.
  public static let eventV1 = ObjectKind(
    group: "events.k8s.io", version: "v1", kind: "Event", fixed: Fixed(plural: "events", namespaced: true))
  /// Flagger's Canary, as the canary commands address it.
  public static let canary = ObjectKind(
    group: "flagger.app", version: "v1beta1", kind: "Canary", fixed: Fixed(plural: "canaries", namespaced: true))

  /// A canary's target or primary workload (`apps/v1` `Deployment`, `DaemonSet`), by the usual
  /// lower-case plural of its kind.
  public static func workload(apiVersion: String, kind: String) -> ObjectKind {
    var type = ObjectKind(apiVersion: apiVersion.isEmpty ? "v1" : apiVersion, kind: kind)
    type.fixed = Fixed(plural: kind.lowercased() + (kind.hasSuffix("s") ? "es" : "s"), namespaced: true)
    return type
  }
}
