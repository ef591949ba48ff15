import TackJSON

/// Which Events API `events` reads. kubectl's `get events` resolves to core/v1 and falls back to
/// `events.k8s.io/v1` only when the server does not serve core Events; the same data is behind both
/// (kube-apiserver keeps one storage), with fields named differently.
public enum EventAPI: String, Sendable, Equatable, CaseIterable {
  /// core/v1, else events.k8s.io/v1 when core/v1 Events are not served.
  case automatic = "auto"
  case core = "v1"
  case eventsV1 = "events.k8s.io/v1"

  var kind: ObjectKind { self == .eventsV1 ? .eventV1 : .event }

  /// The field selector on the event's object, by this API's name for it.
  func objectField(_ field: String) -> String { (self == .eventsV1 ? "regarding." : "involvedObject.") + field }

  /// events.k8s.io/v1 field → core/v1 field: what the rest of `events` reads.
  static let coreNames: [String: String] = [
    "regarding": "involvedObject", "note": "message", "deprecatedSource": "source",
    "deprecatedFirstTimestamp": "firstTimestamp", "deprecatedLastTimestamp": "lastTimestamp",
    "deprecatedCount": "count", "reportingController": "reportingComponent",
  ]

  /// An event as core/v1 names its fields (an events.k8s.io/v1 one renamed; a core one as it is).
  /// List items carry no apiVersion, so the shape tells: `regarding` where core has `involvedObject`.
  static func coreShape(_ event: JSON) -> JSON {
    guard event["involvedObject"] == nil, event["regarding"] != nil || event["note"] != nil,
      case .object(let members) = event
    else { return event }
    var renamed = JSONObject()
    for member in members {
      renamed[coreNames[member.key] ?? member.key] = member.value
    }
    return .object(renamed)
  }
}
